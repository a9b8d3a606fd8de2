/**
 * A QR as it hangs in the station (the window, the notice board): the station's name, the code, one line in large
 * characters and a hint. The browser's 打印 prints this card alone, centred on an A5 sheet, without the console
 * around it.
 */
import { Typography } from 'antd';

const PRINT_CSS = `
@media print {
  @page { size: A5 portrait; margin: 10mm; }
  body * { visibility: hidden !important; }
  html, body { height: 100% !important; overflow: hidden !important; }
  #root { height: 100vh !important; overflow: hidden !important; }
  .printable-qr, .printable-qr * { visibility: visible !important; }
  .printable-qr {
    position: fixed; left: 0; top: 0; width: 100%; height: 100%;
    display: flex; flex-direction: column; align-items: center; justify-content: center;
    max-width: none !important; padding: 0 !important; gap: 6mm !important;
    border: none !important; box-shadow: none !important; background: #fff;
  }
  .printable-qr img { width: 100mm !important; height: 100mm !important; }
  .printable-qr .printable-qr-station { font-size: 22pt !important; }
  .printable-qr .printable-qr-line { font-size: 24pt !important; }
}`;

export function PrintableQr(props: { stationName: string; svg: string; alt: string; line: string; hint: string }) {
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div
        className="printable-qr"
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
        <Typography.Text className="printable-qr-station" strong style={{ fontSize: 20 }}>
          {props.stationName}
        </Typography.Text>
        <img
          alt={props.alt}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(props.svg)}`}
          style={{ width: 300, maxWidth: '100%', aspectRatio: '1 / 1' }}
        />
        <Typography.Text
          className="printable-qr-line"
          strong
          style={{ fontSize: 'clamp(18px, 6vw, 22px)', letterSpacing: 2, whiteSpace: 'nowrap' }}
        >
          {props.line}
        </Typography.Text>
        <Typography.Text type="secondary">{props.hint}</Typography.Text>
      </div>
    </>
  );
}
