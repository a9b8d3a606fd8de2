/**
 * The window QR as it hangs at the window: the station's name, the code and
 * 「办完事，扫码评一评」 (components/PrintableQr: 打印 prints it alone on an A5 sheet); 更换二维码
 * makes a new code, after which the one printed before no longer opens anything.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { receptionsApi } from '../../../../api/receptions';
import { PrintableQr } from '../../../../components/PrintableQr';
import { useLang } from '../../../../i18n';
import { dateTime } from '../../matter/labels';

export function QrCard({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const can = useCan();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const key = ['window-qr', stationId];
  const qr = useQuery({ queryKey: key, queryFn: () => receptionsApi.qr(stationId) });
  const remake = useMutation({
    mutationFn: () => receptionsApi.remakeQr(stationId),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key });
      message.success(
        t('已生成新的窗口评价码，请打印后替换窗口上的旧码', 'A new code is ready: print it and replace the old one'),
      );
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const confirmRemake = () =>
    modal.confirm({
      title: t('更换窗口评价码？', 'Replace the window QR?'),
      content: t(
        '更换后，之前打印张贴的二维码立即失效，群众再扫会提示找不到。请打印新码并替换窗口上的旧码。',
        'The code printed before stops working at once; scanning it says it cannot be found. Print the new code and replace the old one.',
      ),
      okText: t('更换', 'Replace'),
      okButtonProps: { danger: true },
      cancelText: t('取消', 'Cancel'),
      onOk: () => remake.mutateAsync(),
    });
  const current = qr.data?.qr;
  return (
    <Card title={t('窗口评价码', 'Window QR')}>
      {qr.isError && <Alert type="error" showIcon title={errorMessage(qr.error)} />}
      {qr.isPending && <Spin />}
      {qr.data && !current && (
        <Empty
          description={
            can('matter.settings')
              ? t('还没有窗口评价码，生成后打印张贴在服务窗口', 'No window QR yet: make one and post it at the window')
              : t('还没有窗口评价码，请所长生成', 'No window QR yet: the chief makes one')
          }
        >
          {can('matter.settings') && (
            <Button type="primary" loading={remake.isPending} onClick={() => remake.mutate()}>
              {t('生成二维码', 'Make the QR')}
            </Button>
          )}
        </Empty>
      )}
      {qr.data && current && (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          <PrintableQr
            stationName={qr.data.stationName}
            svg={current.svg}
            alt={t('窗口评价二维码', 'Window evaluation QR code')}
            line="办完事，扫码评一评"
            hint={t(
              '微信或手机相机扫码 · 每次扫码可评价一次',
              'Scan with WeChat or the camera · one evaluation per scan',
            )}
          />
          {qr.data.madeAt && (
            <Typography.Text type="secondary">
              {t('本码生成于 ', 'Made on ')}
              {dateTime(qr.data.madeAt)}
            </Typography.Text>
          )}
          <Space wrap>
            <Button type="primary" onClick={() => window.print()}>
              {t('打印', 'Print')}
            </Button>
            {can('matter.settings') && (
              <Button danger loading={remake.isPending} onClick={confirmRemake}>
                {t('更换二维码', 'Replace the QR')}
              </Button>
            )}
          </Space>
        </Space>
      )}
    </Card>
  );
}
