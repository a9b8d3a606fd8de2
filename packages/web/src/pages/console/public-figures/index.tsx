/**
 * 公开数据: the chief switches the station's public page of figures on or off (off until then), opens it, and prints
 * its QR for the notice board. The page shows monthly totals only, any count of one to four withheld.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Col, Row, Space, Spin, Switch, Typography } from 'antd';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { publicFiguresApi } from '../../../api/public-figures';
import { useLang } from '../../../i18n';
import { dateTime } from '../matter/labels';
import { StationPage } from '../matter/StationPicker';
import { NoticeBoardQr } from './components/NoticeBoardQr';

export default function PublicFiguresPage() {
  const { t } = useLang();
  return (
    <StationPage
      title={t('公开数据', 'Public figures')}
      intro={t(
        '开启后，任何人扫公示栏上的二维码即可看到本所近12个月逐月的受理、办结、按时办结率、满意率、化解纠纷和预警查收数字：只有合计，没有姓名、地址或内容，1至4件的数字不公布。',
        'When on, anyone scanning the notice-board QR sees the last twelve months of received, resolved, on-time rate, satisfaction, disputes resolved and warnings reach: totals only, no names, addresses or text, and counts of one to four withheld.',
      )}
    >
      {(stationId) => <Setting stationId={stationId} />}
    </StationPage>
  );
}

function Setting({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ['public-figures-setting', stationId];
  const setting = useQuery({ queryKey: key, queryFn: () => publicFiguresApi.setting(stationId) });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => publicFiguresApi.switch(stationId, enabled),
    onSuccess: (saved) => {
      client.setQueryData(key, saved);
      message.success(
        saved.enabled
          ? t('已开启公开数据页', 'The public page is on')
          : t('已关闭，页面立即不再显示', 'Switched off: the page no longer opens'),
      );
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  if (setting.isError) return <Alert type="error" showIcon title={errorMessage(setting.error)} />;
  if (!setting.data) return <Spin />;
  const s = setting.data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('公开开关', 'Publishing')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space>
              <Switch
                checked={s.enabled}
                loading={toggle.isPending}
                disabled={!can('matter.settings')}
                onChange={(on) => toggle.mutate(on)}
                aria-label={t('公开本所数据', 'Publish the figures')}
              />
              <Typography.Text strong>
                {s.enabled ? t('已公开', 'Published') : t('未公开', 'Not published')}
              </Typography.Text>
            </Space>
            {!can('matter.settings') && (
              <Typography.Text type="secondary">{t('由所长开启或关闭', 'The chief switches it')}</Typography.Text>
            )}
            {s.changedAt && (
              <Typography.Text type="secondary">
                {t('最近一次更改：', 'Last changed: ')}
                {dateTime(s.changedAt)}
              </Typography.Text>
            )}
            <Typography.Text>{t('页面地址：', 'Address: ')}</Typography.Text>
            <Typography.Link href={s.url} target="_blank" rel="noopener" copyable={{ text: s.url }}>
              {s.url}
            </Typography.Link>
            {!s.enabled && (
              <Alert
                type="info"
                showIcon
                title={t(
                  '未开启时，扫码或打开地址只会看到“该派出所暂未公开数据”。',
                  'While off, the QR and the address only say that the station does not publish its figures.',
                )}
              />
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <NoticeBoardQr stationName={s.stationName} svg={s.qrSvg} />
      </Col>
    </Row>
  );
}
