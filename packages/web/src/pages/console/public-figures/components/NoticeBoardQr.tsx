/**
 * The QR as it hangs on the station's notice board (公示栏): the station's name, the code and 「扫码查看本所公开数据」.
 * 打印 prints this card alone on an A5 sheet, without the console around it.
 */
import { Button, Card, Space, Typography } from 'antd';
import { useLang } from '../../../../i18n';

const PRINT_CSS = `
@media print {
  @page { size: A5 portrait; margin: 10mm; }
  body * { visibility: hidden !important; }
  html, body { height: 100% !important; overflow: hidden !important; }
  #root { height: 100vh !important; overflow: hidden !important; }
  .figures-qr-card, .figures-qr-card * { visibility: visible !important; }
  .figures-qr-card {
    position: fixed; left: 0; top: 0; width: 100%; height: 100%;
    display: flex; flex-direction: column; align-items: center; justify-content: center;
    max-width: none !important; padding: 0 !important; gap: 6mm !important;
    border: none !important; box-shadow: none !important; background: #fff;
  }
  .figures-qr-card img { width: 100mm !important; height: 100mm !important; }
  .figures-qr-card .figures-qr-station { font-size: 22pt !important; }
  .figures-qr-card .figures-qr-line { font-size: 24pt !important; }
}`;

export function NoticeBoardQr({ stationName, svg }: { stationName: string; svg: string }) {
  const { t } = useLang();
  return (
    <Card title={t('公示栏二维码', 'Notice-board QR')}>
      <style>{PRINT_CSS}</style>
      <Space orientation="vertical" align="center" style={{ width: '100%' }}>
        <div
          className="figures-qr-card"
          style={{
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            gap: 8,
            padding: '20px 16px',
            border: '1px solid #d9d9d9',
            borderRadius: 8,
            width: '100%',
            maxWidth: 380,
            background: '#fff',
          }}
        >
          <Typography.Text className="figures-qr-station" strong style={{ fontSize: 20 }}>
            {stationName}
          </Typography.Text>
          <img
            alt={t('公开数据二维码', 'Public figures QR code')}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
            style={{ width: 300, maxWidth: '100%', aspectRatio: '1 / 1' }}
          />
          <Typography.Text
            className="figures-qr-line"
            strong
            style={{ fontSize: 'clamp(18px, 6vw, 22px)', letterSpacing: 2, whiteSpace: 'nowrap' }}
          >
            扫码查看本所公开数据
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('受理 · 办结 · 满意率 · 化解纠纷 · 预警', 'Received · resolved · satisfaction · disputes · warnings')}
          </Typography.Text>
        </div>
        <Button type="primary" onClick={() => window.print()}>
          {t('打印', 'Print')}
        </Button>
      </Space>
    </Card>
  );
}
