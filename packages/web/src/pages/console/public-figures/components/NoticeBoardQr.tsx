/** The QR for the station's notice board (公示栏): 「扫码查看本所公开数据」, printed alone on an A5 sheet. */
import { Button, Card, Space } from 'antd';
import { PrintableQr } from '../../../../components/PrintableQr';
import { useLang } from '../../../../i18n';

export function NoticeBoardQr({ stationName, svg }: { stationName: string; svg: string }) {
  const { t } = useLang();
  return (
    <Card title={t('公示栏二维码', 'Notice-board QR')}>
      <Space orientation="vertical" align="center" style={{ width: '100%' }}>
        <PrintableQr
          stationName={stationName}
          svg={svg}
          alt={t('公开数据二维码', 'Public figures QR code')}
          line="扫码查看本所公开数据"
          hint={t('受理 · 办结 · 满意率 · 化解纠纷 · 预警', 'Received · resolved · satisfaction · disputes · warnings')}
        />
        <Button type="primary" onClick={() => window.print()}>
          {t('打印', 'Print')}
        </Button>
      </Space>
    </Card>
  );
}
