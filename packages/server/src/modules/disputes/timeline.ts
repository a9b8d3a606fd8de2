/**
 * The case's timeline, read from its own rows — acceptance, assessments, colours, sessions, agreements and
 * duties, transfers and their progress, follow-ups, 调解未成 and the close — newest first. Lines are built from
 * labels, numbers and staff names only: a party's name never appears (the rows hold masks at most).
 */
import {
  beijingDateTime,
  COLOUR_SCHEMES,
  DISPUTE_LEVEL_LABELS,
  DISPUTE_SOURCE_LABELS,
  type DisputeTimelineItem,
  FOLLOW_UP_KIND_LABELS,
  type Locale,
  labelOf,
  MEDIATION_CHANNEL_LABELS,
  SESSION_RESULT_LABELS,
} from '@jingmin/shared';
import { eq, inArray } from 'drizzle-orm';
import {
  departments,
  disputeAgreements,
  disputeAssessments,
  disputeCases,
  disputeColourChanges,
  disputeDuties,
  disputeFollowUps,
  disputeSessions,
  disputeTransfers,
  disputeTransferUpdates,
  staff,
} from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';

type Line = { at: Date; kind: string; zh: string; en: string; by: string | null };

const yesNo = (v: boolean | null, yes: [string, string], no: [string, string]) => (v === null ? null : v ? yes : no);

export async function timelineOf(ctx: Ctx, caseId: string): Promise<DisputeTimelineItem[]> {
  const db = ctx.db;
  const [c] = await db.select().from(disputeCases).where(eq(disputeCases.id, caseId));
  if (!c) return [];
  const [assessments, colours, sessions, agreements, duties, transfers, followUps] = await Promise.all([
    db.select().from(disputeAssessments).where(eq(disputeAssessments.caseId, caseId)),
    db.select().from(disputeColourChanges).where(eq(disputeColourChanges.caseId, caseId)),
    db.select().from(disputeSessions).where(eq(disputeSessions.caseId, caseId)),
    db.select().from(disputeAgreements).where(eq(disputeAgreements.caseId, caseId)),
    db.select().from(disputeDuties).where(eq(disputeDuties.caseId, caseId)),
    db
      .select({ t: disputeTransfers, department: departments.name })
      .from(disputeTransfers)
      .innerJoin(departments, eq(departments.id, disputeTransfers.departmentId))
      .where(eq(disputeTransfers.caseId, caseId)),
    db.select().from(disputeFollowUps).where(eq(disputeFollowUps.caseId, caseId)),
  ]);
  const updates = transfers.length
    ? await db
        .select()
        .from(disputeTransferUpdates)
        .where(
          inArray(
            disputeTransferUpdates.transferId,
            transfers.map((t) => t.t.id),
          ),
        )
    : [];
  const staffIds = new Set<string>(
    [
      c.createdBy,
      c.closedBy,
      ...assessments.map((a) => a.assessedBy),
      ...colours.map((x) => x.changedBy),
      ...sessions.flatMap((s) => [s.createdBy, s.recordedBy]),
      ...agreements.map((a) => a.createdBy),
      ...duties.map((d) => d.recordedBy),
      ...transfers.flatMap(({ t }) => [t.sentBy, t.answeredBy]),
      ...updates.map((u) => u.by),
      ...followUps.map((f) => f.recordedBy),
    ].filter((id): id is string => Boolean(id)),
  );
  const names = new Map(
    staffIds.size
      ? (
          await db
            .select({ id: staff.id, name: staff.displayName })
            .from(staff)
            .where(inArray(staff.id, [...staffIds]))
        ).map((s) => [s.id, s.name])
      : [],
  );
  const by = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const loc: Locale = ctx.locale === 'en' ? 'en' : 'zh-CN';
  const l = labelOf;
  const lines: Line[] = [];
  const add = (at: Date | null, kind: string, zh: string, en: string, who: string | null) => {
    if (at) lines.push({ at, kind, zh, en, by: by(who) });
  };

  add(
    c.acceptedAt,
    'opened',
    `受理（来源：${l(DISPUTE_SOURCE_LABELS[c.source], 'zh-CN')}）`,
    `Accepted (${l(DISPUTE_SOURCE_LABELS[c.source], 'en')})`,
    c.createdBy,
  );
  for (const a of assessments)
    add(
      a.assessedAt,
      'assessed',
      `分级评估：${l(DISPUTE_LEVEL_LABELS[a.level], 'zh-CN')}`,
      `Assessed: ${l(DISPUTE_LEVEL_LABELS[a.level], 'en')}`,
      a.assessedBy,
    );
  for (const x of colours) {
    const levels = COLOUR_SCHEMES.find((s) => s.key === x.scheme)?.levels ?? [];
    const name = (key: string | null, locale: Locale) => {
      const level = levels.find((v) => v.key === key);
      return level ? l(level.name, locale) : (key ?? '');
    };
    const change = (locale: Locale) =>
      `${x.fromColour ? `${name(x.fromColour, locale)} → ` : ''}${name(x.toColour, locale)}`;
    add(
      x.changedAt,
      'coloured',
      `定色：${change('zh-CN')}（${x.reason}）`,
      `Colour: ${change('en')} (${x.reason})`,
      x.changedBy,
    );
  }
  for (const s of sessions) {
    const channel = MEDIATION_CHANNEL_LABELS[s.channel];
    add(
      s.createdAt,
      'session_planned',
      `安排第${s.seq}次调解（${l(channel, 'zh-CN')}）：${beijingDateTime(s.plannedAt)}，${s.place}`,
      `Session ${s.seq} planned (${l(channel, 'en')}): ${beijingDateTime(s.plannedAt)}, ${s.place}`,
      s.createdBy,
    );
    if (s.result)
      add(
        s.heldAt,
        'session_held',
        `第${s.seq}次调解：${l(SESSION_RESULT_LABELS[s.result], 'zh-CN')}`,
        `Session ${s.seq}: ${l(SESSION_RESULT_LABELS[s.result], 'en')}`,
        s.recordedBy,
      );
  }
  for (const a of agreements)
    add(a.createdAt, 'agreement', `签订调解协议书 ${a.number}`, `Agreement ${a.number} signed`, a.createdBy);
  for (const d of duties)
    add(d.performedAt, 'duty_performed', `已履行：${d.description}`, `Performed: ${d.description}`, d.recordedBy);
  for (const { t, department } of transfers) {
    add(t.sentAt, 'transferred', `移交${department}`, `Transferred to ${department}`, t.sentBy);
    if (t.status === 'returned')
      add(
        t.answeredAt,
        'transfer_answered',
        `${department}退回：${t.returnReason ?? ''}`,
        `${department} returned it: ${t.returnReason ?? ''}`,
        t.answeredBy,
      );
    else if (t.answeredAt)
      add(t.answeredAt, 'transfer_answered', `${department}已接收`, `${department} accepted it`, t.answeredBy);
    for (const u of updates.filter((x) => x.transferId === t.id))
      add(u.at, 'transfer_progress', `${department}进展：${u.text}`, `${department}: ${u.text}`, u.by);
    if (t.doneAt)
      add(
        t.doneAt,
        'transfer_done',
        `${department}办结：${t.resolved ? '已化解' : '未化解'}${t.result ? `（${t.result}）` : ''}`,
        `${department} finished: ${t.resolved ? 'resolved' : 'not resolved'}${t.result ? ` (${t.result})` : ''}`,
        t.answeredBy,
      );
  }
  for (const f of followUps) {
    if (!f.doneAt) continue;
    const found = [
      yesNo(f.performed, ['协议已履行', 'agreement performed'], ['协议未履行', 'agreement not performed']),
      yesNo(f.hazardCleared, ['隐患已消除', 'hazard cleared'], ['隐患未消除', 'hazard remains']),
    ].filter((x): x is [string, string] => x !== null);
    const kind = FOLLOW_UP_KIND_LABELS[f.kind];
    add(
      f.doneAt,
      'follow_up',
      `${l(kind, 'zh-CN')}${found.length ? `：${found.map((x) => x[0]).join('，')}` : ''}`,
      `${l(kind, 'en')}${found.length ? `: ${found.map((x) => x[1]).join(', ')}` : ''}`,
      f.recordedBy,
    );
  }
  if (c.failedAt)
    add(
      c.failedAt,
      'failed',
      `调解未成${c.failReason ? `：${c.failReason}` : ''}${c.nextAttemptOn ? `，下次调解 ${c.nextAttemptOn}` : ''}`,
      `Not settled${c.failReason ? `: ${c.failReason}` : ''}${c.nextAttemptOn ? `; next attempt ${c.nextAttemptOn}` : ''}`,
      null,
    );
  if (c.closedAt)
    add(
      c.closedAt,
      'closed',
      c.closeOverrideReason ? `特批结案：${c.closeOverrideReason}` : '结案：矛盾已化解、隐患已消除、当事人均满意',
      c.closeOverrideReason
        ? `Closed by override: ${c.closeOverrideReason}`
        : 'Closed: resolved, hazard cleared, every party satisfied',
      c.closedBy,
    );
  return lines
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((x) => ({ at: x.at.toISOString(), kind: x.kind, text: loc === 'en' ? x.en : x.zh, by: x.by }));
}
