/**
 * A report as a PDF (A4, the CJK font embedded): the title, the status (草稿 until published), the chief's
 * commentary, then the kind's sections — tables and charts rendered on the server — and who generated and
 * published it when. Built from the stored snapshot, so a published report prints the same every time.
 */
import { type DisputeMonthlyFigures, disputeChartOptions, formatRate } from '@jingmin/shared';
import type PDFDocument from 'pdfkit';
import { chartSvg, drawSvg } from './charts.js';
import type { PdfCanvas, ReportTable } from './kinds.js';
import { disputeTables } from './report-xlsx.js';

const MARGIN = 48;
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const WIDTH = PAGE_W - MARGIN * 2;

export interface PdfReport {
  title: string;
  status: 'draft' | 'published';
  commentary: string;
  generated: string;
  published: string | null;
}

type Doc = typeof PDFDocument;

/** Starts a new page when fewer than `needed` points are left. */
export function room(doc: Doc, needed: number) {
  if (doc.y + needed > PAGE_H - MARGIN) doc.addPage();
}

/** A section heading. */
export function heading(doc: Doc, text: string) {
  room(doc, 60);
  doc.moveDown(0.6).font('cjk').fontSize(13).fillColor('#000').text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

/** A plain table: header shaded, columns equal, a long cell wrapping in its row, rows going on to new pages. */
export function table(doc: Doc, t: Pick<ReportTable, 'header' | 'rows'>) {
  const cols = t.header.length;
  const w = WIDTH / cols;
  const line = (cells: (string | number | null)[], shaded: boolean) => {
    doc.font('cjk').fontSize(9);
    const texts = cells.map((c) => (c === null ? '—' : String(c)));
    const height = Math.max(16, ...texts.map((c) => doc.heightOfString(c, { width: w - 4 }) + 4));
    room(doc, height + 2);
    const y = doc.y;
    if (shaded) doc.rect(MARGIN, y - 2, WIDTH, height).fill('#f0f0f0');
    doc.fillColor('#000').font('cjk').fontSize(9);
    texts.forEach((c, i) => {
      doc.text(c, MARGIN + i * w + 2, y, { width: w - 4 });
    });
    doc.y = y + height;
  };
  line(t.header, true);
  for (const r of t.rows) line(r, false);
  if (t.rows.length === 0) line(['（无）', ...Array<string>(cols - 1).fill('')], false);
  doc.x = MARGIN;
}

/** The drawing surface the kinds use: the document and a chart painter. */
function canvasOf(doc: Doc): PdfCanvas {
  return {
    doc,
    chart(option, height) {
      room(doc, height + 8);
      const y = doc.y + 4;
      // One SVG pixel per PDF point: svg-to-pdfkit draws the SVG at its own size.
      drawSvg(doc, chartSvg(option, Math.round(WIDTH), height), MARGIN, y, WIDTH, height);
      doc.y = y + height + 4;
      doc.x = MARGIN;
    },
  };
}

/** The whole report as one PDF buffer. */
export async function reportPdf(r: PdfReport, fontPath: string, sections: (canvas: PdfCanvas) => void) {
  // pdfkit loads on the first export: most processes never print one.
  const { default: PDF } = await import('pdfkit');
  const doc = new PDF({ size: 'A4', margin: MARGIN, info: { Title: r.title, Producer: 'Jingmin 警民' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', fontPath, 'WenQuanYiMicroHei');
  doc.font('cjk').fontSize(17).text(r.title, { align: 'center', width: WIDTH });
  doc.moveDown(0.4).fontSize(11);
  if (r.status === 'draft') doc.fillColor('#cf1322').text('草稿 · 未发布，内容可能变化', { align: 'center' });
  else doc.fillColor('#389e0d').text('已发布', { align: 'center' });
  doc.fillColor('#000');
  heading(doc, '所长点评');
  doc
    .fontSize(10)
    .text(r.commentary.trim() || '（尚未填写）', MARGIN, doc.y, { width: WIDTH })
    .moveDown(0.4);
  sections(canvasOf(doc));
  doc.moveDown(1).fontSize(9).fillColor('#595959');
  room(doc, 40);
  doc.text(`生成：${r.generated}`, MARGIN, doc.y, { width: WIDTH });
  doc.text(r.published ? `发布：${r.published}` : '发布：未发布', MARGIN, doc.y, { width: WIDTH });
  doc.end();
  return done;
}

/** The dispute analysis' four sections: each section's tables, then its chart. */
export function drawDisputeMonthly(canvas: PdfCanvas, f: DisputeMonthlyFigures) {
  const { doc } = canvas;
  const charts = disputeChartOptions(f);
  const tables = disputeTables(f);
  const chartsOf: Record<string, object[]> = {
    发生特点: [charts.byCategory, charts.byColour],
    存量: [charts.stock],
    发展态势: [charts.trend],
  };
  heading(
    doc,
    `化解率 ${formatRate(f.results.resolutionRate)}（本月结案 ${f.results.closed} 件，月初存量 ${f.stock.openAtStart} 件，本月新发 ${f.occurrence.newCases} 件）`,
  );
  for (const section of ['发生特点', '存量', '处理结果', '发展态势']) {
    heading(doc, section);
    for (const t of tables.filter((x) => x.section === section)) {
      room(doc, 40);
      doc.font('cjk').fontSize(10).fillColor('#595959').text(t.name, MARGIN, doc.y).fillColor('#000');
      table(doc, t);
      doc.moveDown(0.3);
    }
    for (const option of chartsOf[section] ?? []) canvas.chart(option, 200);
  }
}
