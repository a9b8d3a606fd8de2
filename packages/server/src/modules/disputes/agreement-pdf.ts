/**
 * The printed 调解协议书 (人民调解法 §29; 公通字〔2007〕81号 for 治安调解): A4, the Chinese font embedded (pdfkit and
 * Debian's fonts-wqy-microhei, as the doorplate sheet). The fields DOMAIN.md §2 lists, in the order the forms
 * print them: the parties in full, facts, points in dispute, responsibilities, the agreed duties numbered, how,
 * where and by when they are performed, the mediating body and mediator, copies, signature lines and the seal.
 */
import { AGREEMENT_FORMS, PARTY_ROLE_LABELS } from '@jingmin/shared';
import type PDFDocument from 'pdfkit';
import type { PrintedAgreement, PrintedParty } from './agreements.js';

type Doc = typeof PDFDocument;

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const WIDTH = PAGE.width - PAGE.margin * 2;
const BOTTOM = PAGE.height - PAGE.margin;

/** `2026-11-23` → `2026年11月23日`, as the forms write dates. */
const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const yuan = (n: number) => `${n.toFixed(2)}元`;

/** The form's title by channel: 治安调解协议书, 人民调解协议书, otherwise 调解协议书. */
export const agreementTitle = (a: PrintedAgreement['agreement']) => AGREEMENT_FORMS[a.channel]?.zh ?? '调解协议书';

function sealOf(a: PrintedAgreement['agreement']) {
  if (a.channel === 'police') return { kept: '公安机关', seal: '公安机关（印章）' };
  if (a.channel === 'people' || a.channel === 'joint') return { kept: '调解组织', seal: '人民调解委员会（印章）' };
  return { kept: '调解组织', seal: '调解组织（印章）' };
}

/** The law the form reminds the parties of, for the channels the system prints. */
function legalLine(a: PrintedAgreement['agreement']): string | null {
  if (a.channel === 'police')
    return (
      '依照《中华人民共和国治安管理处罚法》的规定，经公安机关调解，当事人达成协议并履行的，公安机关不予治安管理处罚；' +
      '调解未达成协议或者达成协议后不履行的，公安机关依法予以处罚，对违反治安管理行为造成的损害赔偿纠纷，当事人可以依法向人民法院提起民事诉讼。'
    );
  if (a.channel === 'people' || a.channel === 'joint')
    return (
      '依照《中华人民共和国人民调解法》的规定，经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。' +
      '双方当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。'
    );
  return null;
}

function particulars(p: PrintedParty): string {
  const role = PARTY_ROLE_LABELS[p.role].zh;
  if (p.kind === 'organisation') return `${role}（单位）：${p.name}${p.phone ? `，联系电话：${p.phone}` : ''}`;
  return [
    `${role}：${p.name}`,
    `身份证号码：${p.idNumber ?? '（未提供）'}`,
    `联系电话：${p.phone ?? '（未提供）'}`,
  ].join('，');
}

/** Starts a new page when `height` points would not fit above the bottom margin. */
function room(doc: Doc, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function section(doc: Doc, heading: string, body: string) {
  room(doc, 48);
  doc.moveDown(0.5).fontSize(12).fillColor('#000000').text(heading, PAGE.margin, doc.y, { width: WIDTH });
  doc.moveDown(0.2).fontSize(10.5).fillColor('#111111').text(body, { width: WIDTH, lineGap: 3, indent: 21 });
}

function duties(doc: Doc, p: PrintedAgreement) {
  const names = new Map(p.parties.map((x) => [x.id, x.name]));
  const lines = p.agreement.duties.map((d, i) => {
    const who = d.partyId ? (names.get(d.partyId) ?? '当事人') : '各方当事人';
    const amount = d.amountYuan !== null ? `，金额${yuan(d.amountYuan)}` : '';
    return `${i + 1}. ${who}：${d.description}${amount}，于${zhDate(d.dueOn)}前履行。`;
  });
  section(doc, '协议内容', lines.join('\n'));
}

/** A line to sign on: the label, a rule, and a date. */
function signatureLine(doc: Doc, label: string) {
  room(doc, 34);
  const y = doc.y + 14;
  doc.fontSize(10.5).fillColor('#000000').text(label, PAGE.margin, y, { width: 150, lineBreak: false });
  doc
    .moveTo(PAGE.margin + 150, y + 13)
    .lineTo(PAGE.margin + 320, y + 13)
    .lineWidth(0.6)
    .strokeColor('#333333')
    .stroke();
  doc.text('日期：', PAGE.margin + 332, y, { width: 40, lineBreak: false });
  doc
    .moveTo(PAGE.margin + 370, y + 13)
    .lineTo(PAGE.margin + WIDTH, y + 13)
    .stroke();
  doc.y = y + 20;
}

function signatures(doc: Doc, p: PrintedAgreement) {
  room(doc, 60);
  doc.moveDown(0.8).fontSize(12).text('签名', PAGE.margin, doc.y, { width: WIDTH });
  for (const party of p.parties) signatureLine(doc, `当事人签名/盖章（${party.name}）`);
  signatureLine(doc, `调解员签名（${p.agreement.mediatorName}）`);
  const box = { w: 160, h: 84 };
  room(doc, box.h + 12);
  const y = doc.y + 8;
  const x = PAGE.margin + WIDTH - box.w;
  doc.rect(x, y, box.w, box.h).dash(3, { space: 3 }).lineWidth(0.8).strokeColor('#c0392b').stroke().undash();
  doc
    .fontSize(10.5)
    .fillColor('#c0392b')
    .text(sealOf(p.agreement).seal, x, y + box.h / 2 - 14, { width: box.w, align: 'center' });
  doc
    .fillColor('#000000')
    .text(p.agreement.mediatingBody, PAGE.margin, y + 16, { width: WIDTH - box.w - 16 })
    .text(`签订日期：${zhDate(p.agreement.signedOn)}`, PAGE.margin, y + 40, { width: WIDTH - box.w - 16 });
  doc.y = y + box.h + 8;
}

/** The whole form, written into a buffer (one agreement is a page or two). */
export async function agreementPdf(p: PrintedAgreement, fontPath: string): Promise<Buffer> {
  // pdfkit loads on the first print, not at start: most processes never print one.
  const { default: PDF } = await import('pdfkit');
  const a = p.agreement;
  const title = agreementTitle(a);
  const doc = new PDF({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: `${title} ${a.number}`, Producer: 'Jingmin 警民' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', fontPath, 'WenQuanYiMicroHei').font('cjk');
  doc.fontSize(20).text(title, { width: WIDTH, align: 'center', characterSpacing: 2 });
  doc.moveDown(0.3).fontSize(10).fillColor('#444444').text(`编号：${a.number}`, { width: WIDTH, align: 'right' });
  doc.moveDown(0.5).fillColor('#000000').fontSize(12).text('当事人', { width: WIDTH });
  doc.fontSize(10.5).fillColor('#111111');
  for (const party of p.parties) doc.moveDown(0.2).text(particulars(party), { width: WIDTH, lineGap: 3 });
  section(doc, '纠纷简要事实', a.facts);
  section(doc, '争议事项', a.disputePoints);
  section(doc, '各方责任', a.responsibilities);
  duties(doc, p);
  section(
    doc,
    '履行方式、地点、期限',
    `履行方式：${a.performanceMethod}\n履行地点：${a.performancePlace}\n履行期限：${zhDate(a.performanceBy)}前`,
  );
  section(doc, '调解组织和调解员', `调解组织：${a.mediatingBody}\n调解员：${a.mediatorName}`);
  const legal = legalLine(a);
  if (legal) section(doc, '告知', legal);
  section(
    doc,
    '份数',
    `本协议书一式${a.copies}份，当事人各执一份，${sealOf(a).kept}留存一份。本协议自各方当事人签名（盖章）、调解员签名并加盖印章之日起生效。`,
  );
  signatures(doc, p);
  doc.end();
  return done;
}
