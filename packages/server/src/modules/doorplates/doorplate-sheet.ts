/**
 * Printable doorplate sheets: A4, eight plates a page, each with the station,
 * the address, the doorplate code, the QR code of the resident page and the
 * line 扫码找民警 · 紧急情况请拨110. The Chinese font is embedded (pdfkit with
 * Debian's fonts-wqy-microhei; pdf-lib cannot embed it).
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import type PDFDocument from 'pdfkit';

export interface Plate {
  stationName: string;
  stationPhone: string | null;
  address: string;
  doorplateCode: string;
  gridName: string;
  url: string;
}

const PAGE = { width: 595.28, height: 841.89, margin: 28 };
const COLS = 2;
const ROWS = 4;
const GAP = 12;

export function fontAvailable(fontPath: string) {
  return fs.existsSync(fontPath);
}

/** Writes the sheet to `out` page by page, so a station's thousands of plates never sit in memory at once. */
export async function writeSheet(out: Writable, plates: Plate[], fontPath: string, title: string) {
  // pdfkit and qrcode load on the first sheet, not at start: most processes never print one.
  const [{ default: PDF }, { default: QRCode }] = await Promise.all([import('pdfkit'), import('qrcode')]);
  const qr = (url: string) => QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: 336 });
  const doc = new PDF({
    size: 'A4',
    margin: PAGE.margin,
    autoFirstPage: false,
    info: { Title: title, Producer: 'Jingmin 警民' },
  });
  doc.pipe(out);
  doc.registerFont('cjk', fontPath, 'WenQuanYiMicroHei');
  const w = (PAGE.width - PAGE.margin * 2 - GAP * (COLS - 1)) / COLS;
  const h = (PAGE.height - PAGE.margin * 2 - GAP * (ROWS - 1)) / ROWS;
  for (const [i, plate] of plates.entries()) {
    if (i % (COLS * ROWS) === 0) doc.addPage();
    const slot = i % (COLS * ROWS);
    const x = PAGE.margin + (slot % COLS) * (w + GAP);
    const y = PAGE.margin + Math.floor(slot / COLS) * (h + GAP);
    await drawPlate(doc, qr, plate, x, y, w, h);
  }
  if (plates.length === 0) doc.addPage().font('cjk').fontSize(14).text('该范围内没有门牌。', PAGE.margin, PAGE.margin);
  doc.end();
}

async function drawPlate(
  doc: typeof PDFDocument,
  qrCode: (url: string) => Promise<Buffer>,
  p: Plate,
  x: number,
  y: number,
  w: number,
  h: number,
) {
  const blue = '#1d4f91';
  doc.save().roundedRect(x, y, w, h, 8).lineWidth(1.5).strokeColor(blue).stroke().restore();
  doc.save().rect(x, y, w, 30).clip().roundedRect(x, y, w, 38, 8).fill(blue).restore();
  doc
    .font('cjk')
    .fontSize(13)
    .fillColor('#ffffff')
    .text(`${p.stationName} · 码上办`, x + 12, y + 8, { width: w - 24, lineBreak: false });
  const qrSize = 112;
  const qr = await qrCode(p.url);
  doc.image(qr, x + 10, y + 40, { width: qrSize, height: qrSize });
  const tx = x + qrSize + 18;
  const tw = w - qrSize - 28;
  doc
    .fillColor('#111111')
    .fontSize(11.5)
    .text(p.address, tx, y + 44, { width: tw, height: 62, ellipsis: true });
  doc
    .fillColor('#555555')
    .fontSize(9)
    .text(`门牌编码 ${p.doorplateCode}`, tx, y + 110, { width: tw, lineBreak: false });
  doc.text(p.gridName, tx, y + 124, { width: tw, lineBreak: false });
  if (p.stationPhone) doc.text(`值班电话 ${p.stationPhone}`, tx, y + 138, { width: tw, lineBreak: false });
  doc
    .fillColor('#c0392b')
    .fontSize(12)
    .text('扫码找民警 · 紧急情况请拨110', x + 10, y + h - 24, { width: w - 20, align: 'center', lineBreak: false });
}
