/**
 * 分流化解 and 调解会: the channel chosen for the dispute's cause (with its receiving body and handler), sessions
 * planned and held. Under 治安调解 (DEADLINE_CHANNELS) the first session is due `finishWorkingDays` working days
 * after acceptance, a second `secondSessionWorkingDays` after the first, at most `maxSessions`; past the last the
 * case is not settled (调解未成) with its next attempt. A minor party attends with their guardian.
 */
import {
  addWorkingDays,
  type ChannelInput,
  capabilitiesOf,
  DEADLINE_CHANNELS,
  type MediationChannel,
  type MediationRules,
  type MediationSessionView,
  type Role,
  type SessionPlanInput,
  type SessionRecordInput,
  shanghaiDayEnd,
  toCalendarDate,
} from '@jingmin/shared';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { disputeSessions, staff, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { isUnder } from '../../platform/scope.js';
import { workingDays } from '../calendar/calendar.service.js';
import { type DisputeCase, getCaseOrThrow } from './disputes.queries.js';
import { changeCase, stepCase } from './disputes.service.js';
import { failCase } from './follow-ups.js';
import { isMinor, partiesOf } from './parties.js';
import { noticeSessionParties } from './session-notice.js';
import { disputeSettings } from './settings.js';

type Session = typeof disputeSessions.$inferSelect;

export const hasDeadlines = (channel: MediationChannel | null) =>
  channel !== null && DEADLINE_CHANNELS.includes(channel);

/** A case's sessions in the order held, with the names of the staff who mediate. */
export async function sessionsOf(db: Queryable, caseId: string): Promise<MediationSessionView[]> {
  const rows = await db
    .select()
    .from(disputeSessions)
    .where(eq(disputeSessions.caseId, caseId))
    .orderBy(asc(disputeSessions.seq));
  const ids = [...new Set(rows.flatMap((s) => s.mediatorIds))];
  const names = new Map(
    ids.length
      ? (await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, ids))).map(
          (s) => [s.id, s.name],
        )
      : [],
  );
  return rows.map((s) => ({
    id: s.id,
    seq: s.seq,
    channel: s.channel,
    plannedAt: s.plannedAt.toISOString(),
    place: s.place,
    partiesNotified: s.partiesNotified,
    mediators: s.mediatorIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    outsideMediators: s.outsideMediators,
    attendeePartyIds: s.attendeePartyIds,
    otherAttendees: s.otherAttendees,
    notes: s.notes,
    result: s.result,
    heldAt: s.heldAt?.toISOString() ?? null,
  }));
}

/** The active staff of a station (their scope at the station or below it), among `ids`. */
async function stationStaff(db: Queryable, stationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const [station] = await db.select({ path: units.path }).from(units).where(eq(units.id, stationId));
  const rows = await db
    .select({ id: staff.id, roles: staff.roles, path: units.path })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(and(inArray(staff.id, ids), eq(staff.status, 'active')));
  return rows.filter((r) => station && isUnder(r.path, station.path));
}

const heldOf = (sessions: Session[]) => sessions.filter((s) => s.heldAt !== null);

async function sessionRows(db: Queryable, caseId: string): Promise<Session[]> {
  return db.select().from(disputeSessions).where(eq(disputeSessions.caseId, caseId)).orderBy(asc(disputeSessions.seq));
}

/** The end of the Beijing day `n` working days after `from`. */
const dueAfter = (calendar: Awaited<ReturnType<typeof workingDays>>, from: Date, n: number) =>
  shanghaiDayEnd(addWorkingDays(calendar, from, n));

/** 分流化解: the channel, the receiving body and the handler; 治安调解 starts its first-session deadline. */
export async function setChannel(ctx: Ctx, id: string, input: ChannelInput) {
  const c = await getCaseOrThrow(ctx, id);
  if (input.handlerId) {
    const [h] = await stationStaff(ctx.db, c.stationId, [input.handlerId]);
    if (!h || !capabilitiesOf(h.roles as Role[]).includes('dispute.handle'))
      throw invalid(
        ctx,
        'handlerId',
        '应为本所办理矛盾纠纷的工作人员',
        'must be a member of the station who handles disputes',
      );
  }
  const { rules } = await disputeSettings(ctx.db, c.stationId);
  const calendar = await workingDays(ctx);
  const held = heldOf(await sessionRows(ctx.db, id)).length;
  let deadline: { sessionDueAt: Date | null; sessionEscalatedAt: Date | null } | object = {};
  if (!hasDeadlines(input.channel)) deadline = { sessionDueAt: null, sessionEscalatedAt: null };
  // Saving the same 治安调解 channel again (a new handler) keeps its running deadline and its escalation.
  else if (held === 0 && (c.channel !== input.channel || !c.sessionDueAt))
    deadline = { sessionDueAt: dueAfter(calendar, c.acceptedAt, rules.finishWorkingDays), sessionEscalatedAt: null };
  await ctx.db.transaction((tx) =>
    changeCase(
      ctx,
      tx,
      c,
      {
        channel: input.channel,
        receivingBody: input.receivingBody ?? null,
        handlerId: input.handlerId ?? null,
        ...deadline,
      },
      'dispute.channel',
      { from: c.channel, to: input.channel, handlerId: input.handlerId ?? null, receivingBody: !!input.receivingBody },
    ),
  );
}

/** 安排调解: one planned session at a time; 治安调解 allows the station's `maxSessions`. */
export async function planSession(ctx: Ctx, id: string, input: SessionPlanInput) {
  const c = await getCaseOrThrow(ctx, id);
  if (!c.channel) throw new AppError('DISPUTE_NO_CHANNEL');
  const plannedAt = new Date(input.plannedAt);
  if (plannedAt < c.acceptedAt)
    throw invalid(
      ctx,
      'plannedAt',
      '不能早于案件受理时间（受理前的调解）',
      'is before the case was accepted (a session before acceptance)',
    );
  const sessions = await sessionRows(ctx.db, id);
  if (sessions.some((s) => s.heldAt === null)) throw new AppError('DISPUTE_SESSION_OPEN');
  const held = heldOf(sessions).length;
  const { rules } = await disputeSettings(ctx.db, c.stationId);
  if (hasDeadlines(c.channel) && held >= rules.maxSessions)
    throw new AppError('DISPUTE_SESSION_LIMIT', { max: rules.maxSessions, held });
  const mediatorIds = [...new Set(input.mediatorIds)];
  const found = await stationStaff(ctx.db, c.stationId, mediatorIds);
  if (found.length !== mediatorIds.length)
    throw invalid(ctx, 'mediatorIds', '调解员应为本所的工作人员', 'mediators must be members of the station');
  const channel = c.channel;
  const sessionId = await ctx.db.transaction(async (tx) => {
    const [s] = await tx
      .insert(disputeSessions)
      .values({
        caseId: id,
        seq: held + 1,
        channel,
        plannedAt,
        place: input.place,
        mediatorIds,
        outsideMediators: input.outsideMediators ?? null,
        createdBy: actorOf(ctx).id,
        createdAt: ctx.now(),
      })
      .returning({ id: disputeSessions.id });
    await stepCase(ctx, tx, c, 'mediate', {}, 'dispute.session_plan', {
      sessionId: s?.id,
      seq: held + 1,
      channel,
      mediators: mediatorIds.length,
      outsideMediators: !!input.outsideMediators,
    });
    return s?.id;
  });
  // Committed: the parties learn when and where.
  if (sessionId) await noticeSessionParties(ctx, c, sessionId);
}

/** Every attending minor (under the station's guardian age) has their guardian among the attendees. */
async function assertGuardians(ctx: Ctx, c: DisputeCase, attendees: string[], rules: MediationRules) {
  const parties = await partiesOf(ctx.db, c.id);
  const known = new Set(parties.map((p) => p.id));
  const stranger = attendees.find((a) => !known.has(a));
  if (stranger) throw invalid(ctx, 'attendeePartyIds', '应为本案的当事人', 'must be parties of this case');
  const present = parties.filter((p) => attendees.includes(p.id));
  for (const minor of present.filter((p) => isMinor(p.birthDate, ctx.now(), rules)))
    if (!present.some((g) => g.guardianOfId === minor.id))
      throw new AppError('DISPUTE_GUARDIAN_MISSING', { party: minor.nameMasked, age: rules.guardianUnderAge });
}

/** 登记调解结果: who attended, the internal notes and the result; 治安调解's next deadline or 调解未成. */
export async function recordSession(ctx: Ctx, id: string, sessionId: string, input: SessionRecordInput) {
  const c = await getCaseOrThrow(ctx, id);
  const [session] = await ctx.db
    .select()
    .from(disputeSessions)
    .where(and(eq(disputeSessions.id, sessionId), eq(disputeSessions.caseId, id)));
  if (!session) throw new AppError('NOT_FOUND', { what: 'dispute_session' });
  if (session.heldAt) throw new AppError('DISPUTE_SESSION_HELD');
  if (c.status === 'closed') throw new AppError('DISPUTE_CLOSED');
  const heldAt = new Date(input.heldAt);
  const now = ctx.now();
  if (heldAt > now) throw invalid(ctx, 'heldAt', '不能晚于现在', 'cannot be in the future');
  if (heldAt < c.acceptedAt) throw invalid(ctx, 'heldAt', '不能早于案件受理时间', 'is before the case was accepted');
  const { rules } = await disputeSettings(ctx.db, c.stationId);
  const attendees = [...new Set(input.attendeePartyIds)];
  await assertGuardians(ctx, c, attendees, rules);
  const held = heldOf(await sessionRows(ctx.db, id)).length + 1;
  const settled = input.result === 'agreement' || input.result === 'partial';
  const deadlines = hasDeadlines(session.channel) && hasDeadlines(c.channel);
  const last = deadlines && !settled && held >= rules.maxSessions;
  if (last) {
    if (!input.nextAttemptOn)
      throw invalid(
        ctx,
        'nextAttemptOn',
        '治安调解次数已满且未达成协议，请定下次调解的日期',
        'is required: no session may follow',
      );
    if (input.nextAttemptOn < toCalendarDate(now))
      throw invalid(ctx, 'nextAttemptOn', '应为今天或以后', 'must be today or later');
  }
  const calendar = deadlines && !settled && !last ? await workingDays(ctx) : null;
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(disputeSessions)
      .set({
        heldAt,
        attendeePartyIds: attendees,
        otherAttendees: input.otherAttendees ?? null,
        notes: input.notes ?? null,
        result: input.result,
        recordedBy: actorOf(ctx).id,
      })
      .where(and(eq(disputeSessions.id, sessionId), isNull(disputeSessions.heldAt)))
      .returning({ id: disputeSessions.id });
    if (!updated) throw new AppError('DISPUTE_SESSION_HELD');
    const details = { sessionId, seq: session.seq, result: input.result, attendees: attendees.length };
    if (last && input.nextAttemptOn)
      return failCase(
        tx,
        ctx,
        c,
        { reason: '治安调解未达成协议', nextAttemptOn: input.nextAttemptOn },
        'dispute.session_record',
      );
    const set = settled
      ? { sessionDueAt: null, sessionEscalatedAt: null }
      : calendar
        ? { sessionDueAt: dueAfter(calendar, heldAt, rules.secondSessionWorkingDays), sessionEscalatedAt: null }
        : {};
    await changeCase(ctx, tx, c, set, 'dispute.session_record', details);
  });
}
