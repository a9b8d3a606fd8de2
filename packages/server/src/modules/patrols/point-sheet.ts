/**
 * The printable sheet of a station's 必到点: A4, six cards a page, each with the station, the point's name, code
 * and place, and the QR code a patrol scans there. The Chinese font is embedded (pdfkit, like the doorplates).
 */
import type { Writable } from 'node:stream';
import type PDFDocument from 'pdfkit';

export interface PointCard {
  stationName: string;
  name: string;
  code: string;
  place: string;
  url: string;
}

export const SHEET = { width: 595.28, height: 841.89, margin: 28, cols: 2, rows: 3, gap: 14, qr: 130 };

export async function writePointSheet(out: Writable, cards: PointCard[], fontPath: string, title: string) {
  const [{ default: PDF }, { default: QRCode }] = await Promise.all([import('pdfkit'), import('qrcode')]);
  const qr = (url: string) => QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: 400 });
  const doc = new PDF({
    size: 'A4',
    margin: SHEET.margin,
    autoFirstPage: false,
    info: { Title: title, Producer: 'Jingmin 警民' },
  });
  doc.pipe(out);
  doc.registerFont('cjk', fontPath, 'WenQuanYiMicroHei');
  const perPage = SHEET.cols * SHEET.rows;
  const w = (SHEET.width - SHEET.margin * 2 - SHEET.gap * (SHEET.cols - 1)) / SHEET.cols;
  const h = (SHEET.height - SHEET.margin * 2 - SHEET.gap * (SHEET.rows - 1)) / SHEET.rows;
  for (const [i, card] of cards.entries()) {
    if (i % perPage === 0) doc.addPage();
    const slot = i % perPage;
    const x = SHEET.margin + (slot % SHEET.cols) * (w + SHEET.gap);
    const y = SHEET.margin + Math.floor(slot / SHEET.cols) * (h + SHEET.gap);
    drawCard(doc, await qr(card.url), card, x, y, w, h);
  }
  if (cards.length === 0)
    doc.addPage().font('cjk').fontSize(14).text('本所还没有启用的必到点。', SHEET.margin, SHEET.margin);
  doc.end();
}

function drawCard(doc: typeof PDFDocument, qr: Buffer, c: PointCard, x: number, y: number, w: number, h: number) {
  const green = '#1f6f43';
  doc.save().roundedRect(x, y, w, h, 8).lineWidth(1.5).strokeColor(green).stroke().restore();
  doc.save().rect(x, y, w, 30).clip().roundedRect(x, y, w, 38, 8).fill(green).restore();
  doc
    .font('cjk')
    .fontSize(13)
    .fillColor('#ffffff')
    .text(`${c.stationName} · 巡逻必到点`, x + 12, y + 8, { width: w - 24, lineBreak: false });
  doc.image(qr, x + (w - SHEET.qr) / 2, y + 40, { width: SHEET.qr, height: SHEET.qr });
  doc
    .fillColor('#111111')
    .fontSize(14)
    .text(c.name, x + 10, y + 40 + SHEET.qr + 6, { width: w - 20, align: 'center', height: 18, ellipsis: true });
  doc
    .fillColor('#555555')
    .fontSize(10)
    .text(`点位编号 ${c.code}`, x + 10, y + 40 + SHEET.qr + 26, { width: w - 20, align: 'center', lineBreak: false });
  if (c.place)
    doc.text(c.place, x + 10, y + 40 + SHEET.qr + 40, { width: w - 20, align: 'center', height: 13, ellipsis: true });
  doc
    .fillColor(green)
    .fontSize(11)
    .text('巡逻队员扫码打卡 · 请勿遮挡、撕毁', x + 10, y + h - 22, {
      width: w - 20,
      align: 'center',
      lineBreak: false,
    });
}
