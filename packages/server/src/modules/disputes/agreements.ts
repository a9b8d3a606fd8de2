/**
 * 调解协议书 and the agreed duties, each tracked to its due date. An agreement is reached at a session (its result
 * agreement or partial) or through the receiving body; recording it moves the case to 跟踪回访 and schedules the
 * station's follow-ups. Its printed form opens the parties' sealed particulars: that read is audited.
 */
import { randomUUID } from 'node:crypto';
import {
  AGREEMENT_FORMS,
  type AgreementInput,
  type AgreementView,
  type DutyPerformedInput,
  type DutyView,
  type PartyKind,
  type PartyRole,
  toCalendarDate,
} from '@jingmin/shared';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { disputeAgreements, disputeDuties, disputeSessions } from '../../db/schema/index.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { openField } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { type DisputeCase, getCaseOrThrow } from './disputes.queries.js';
import { changeCase, stepCase } from './disputes.service.js';
import { scheduleFollowUp } from './follow-ups.js';
import { partiesOf } from './parties.js';
import { disputeSettings } from './settings.js';

const DAY_MS = 86_400_000;
/** The calendar date `days` after a `YYYY-MM-DD` date (calendar days, not working days). */
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

type Duty = typeof disputeDuties.$inferSelect;
type Agreement = typeof disputeAgreements.$inferSelect;

function presentDuty(d: Duty, today: string): DutyView {
  return {
    id: d.id,
    partyId: d.partyId,
    description: d.description,
    amountYuan: d.amountYuan === null ? null : Number(d.amountYuan),
    dueOn: d.dueOn,
    performedAt: d.performedAt?.toISOString() ?? null,
    performedNote: d.performedNote,
    overdue: !d.performedAt && d.dueOn < today,
  };
}

function presentAgreement(a: Agreement, duties: Duty[], today: string): AgreementView {
  return {
    id: a.id,
    number: a.number,
    sessionId: a.sessionId,
    channel: a.channel,
    form: AGREEMENT_FORMS[a.channel]?.zh ?? null,
    facts: a.facts,
    disputePoints: a.disputePoints,
    responsibilities: a.responsibilities,
    performanceMethod: a.performanceMethod,
    performancePlace: a.performancePlace,
    performanceBy: a.performanceBy,
    mediatingBody: a.mediatingBody,
    mediatorName: a.mediatorName,
    copies: a.copies,
    signedOn: a.signedOn,
    duties: duties.filter((d) => d.agreementId === a.id).map((d) => presentDuty(d, today)),
  };
}

/** A case's duties: by due date (the order they fall due in), then as written. */
const dutiesOf = (db: Queryable, caseId: string) =>
  db
    .select()
    .from(disputeDuties)
    .where(eq(disputeDuties.caseId, caseId))
    .orderBy(asc(disputeDuties.dueOn), asc(disputeDuties.description));

/** A case's agreements, oldest first, each with its duties; a duty is overdue past its date in Beijing. */
export async function agreementsOf(db: Queryable, caseId: string, now: Date): Promise<AgreementView[]> {
  const rows = await db
    .select()
    .from(disputeAgreements)
    .where(eq(disputeAgreements.caseId, caseId))
    .orderBy(asc(disputeAgreements.createdAt), asc(disputeAgreements.number));
  if (rows.length === 0) return [];
  const duties = await dutiesOf(db, caseId);
  const today = toCalendarDate(now);
  return rows.map((a) => presentAgreement(a, duties, today));
}

/** The dates and the owing parties a schema cannot check: a clear 400 naming the field. */
async function assertAgreementInput(ctx: Ctx, c: DisputeCase, input: AgreementInput) {
  if (input.performanceBy < input.signedOn)
    throw invalid(ctx, 'performanceBy', '履行期限不能早于签订日期', 'cannot be before the signing date');
  const late = input.duties.findIndex((d) => d.dueOn < input.signedOn);
  if (late >= 0)
    throw invalid(ctx, `duties.${late}.dueOn`, '履行日期不能早于签订日期', 'cannot be before the signing date');
  const parties = new Set((await partiesOf(ctx.db, c.id)).map((p) => p.id));
  const stranger = input.duties.findIndex((d) => d.partyId && !parties.has(d.partyId));
  if (stranger >= 0)
    throw invalid(ctx, `duties.${stranger}.partyId`, '不是本案的当事人', 'is not a party of this case');
}

/**
 * The agreement's session, when named: this case's, its result agreement or partial. Without one, the agreement
 * was reached through the receiving body (the case is with it) or at an earlier session that reached one.
 */
async function sessionOf(ctx: Ctx, c: DisputeCase, sessionId: string | undefined) {
  const agreed = (r: string | null) => r === 'agreement' || r === 'partial';
  if (sessionId) {
    const [s] = await ctx.db
      .select()
      .from(disputeSessions)
      .where(and(eq(disputeSessions.id, sessionId), eq(disputeSessions.caseId, c.id)));
    if (!s) throw new AppError('NOT_FOUND', { what: 'dispute_session' });
    if (!agreed(s.result)) throw new AppError('DISPUTE_SESSION_NO_AGREEMENT');
    return s;
  }
  if (c.status === 'transferred') return null;
  const [held] = await ctx.db
    .select({ id: disputeSessions.id })
    .from(disputeSessions)
    .where(and(eq(disputeSessions.caseId, c.id), inArray(disputeSessions.result, ['agreement', 'partial'])))
    .limit(1);
  if (!held) throw new AppError('DISPUTE_SESSION_NO_AGREEMENT');
  return null;
}

/** 调解协议书 recorded: the case moves to 跟踪回访 and the station's follow-ups are scheduled from the signing date. */
export async function recordAgreement(ctx: Ctx, caseId: string, input: AgreementInput) {
  const c = await getCaseOrThrow(ctx, caseId);
  await assertAgreementInput(ctx, c, input);
  const channel = c.channel;
  if (!channel) throw new AppError('DISPUTE_NO_CHANNEL');
  const session = await sessionOf(ctx, c, input.sessionId);
  const { rules } = await disputeSettings(ctx.db, c.stationId);
  const earlier = await ctx.db
    .select({ id: disputeAgreements.id })
    .from(disputeAgreements)
    .where(eq(disputeAgreements.caseId, c.id));
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await stepCase(ctx, tx, c, 'agree', { sessionDueAt: null, sessionEscalatedAt: null }, 'dispute.agreement', {
      agreementId: id,
      sessionId: session?.id ?? null,
      duties: input.duties.length,
      followUps: rules.followUpDays.length,
    });
    await tx.insert(disputeAgreements).values({
      id,
      caseId: c.id,
      sessionId: session?.id ?? null,
      number: `${c.number}-${earlier.length + 1}`,
      channel: session?.channel ?? channel,
      facts: input.facts,
      disputePoints: input.disputePoints,
      responsibilities: input.responsibilities,
      performanceMethod: input.performanceMethod,
      performancePlace: input.performancePlace,
      performanceBy: input.performanceBy,
      mediatingBody: input.mediatingBody,
      mediatorName: input.mediatorName,
      copies: input.copies,
      signedOn: input.signedOn,
      createdBy: actorOf(ctx).id,
      createdAt: ctx.now(),
    });
    await tx.insert(disputeDuties).values(
      input.duties.map((d) => ({
        agreementId: id,
        caseId: c.id,
        partyId: d.partyId ?? null,
        description: d.description,
        amountYuan: d.amountYuan === undefined ? null : d.amountYuan.toFixed(2),
        dueOn: d.dueOn,
      })),
    );
    for (const days of rules.followUpDays)
      await scheduleFollowUp(tx, ctx, c, {
        kind: 'after_agreement',
        dueOn: plusDays(input.signedOn, days),
        agreementId: id,
      });
  });
}

/** 登记履行: an agreed duty performed, once; the case's version moves and the change is audited. */
export async function recordDutyPerformed(ctx: Ctx, caseId: string, dutyId: string, input: DutyPerformedInput) {
  const c = await getCaseOrThrow(ctx, caseId);
  const [duty] = await ctx.db
    .select()
    .from(disputeDuties)
    .where(and(eq(disputeDuties.id, dutyId), eq(disputeDuties.caseId, c.id)));
  if (!duty) throw new AppError('NOT_FOUND', { what: 'dispute_duty' });
  if (duty.performedAt) throw new AppError('DISPUTE_DUTY_PERFORMED');
  if (c.status === 'closed') throw new AppError('DISPUTE_CLOSED');
  await ctx.db.transaction(async (tx) => {
    // Guard on "not yet performed": two phones may record the same payment.
    const [done] = await tx
      .update(disputeDuties)
      .set({ performedAt: ctx.now(), performedNote: input.note ?? null, recordedBy: actorOf(ctx).id })
      .where(and(eq(disputeDuties.id, duty.id), isNull(disputeDuties.performedAt)))
      .returning({ id: disputeDuties.id });
    if (!done) throw new AppError('DISPUTE_DUTY_PERFORMED');
    await changeCase(ctx, tx, c, {}, 'dispute.duty_performed', {
      dutyId: duty.id,
      agreementId: duty.agreementId,
      note: Boolean(input.note),
    });
  });
}

/** One party as the printed form names them: in full, for signing. */
export interface PrintedParty {
  id: string;
  kind: PartyKind;
  role: PartyRole;
  name: string;
  phone: string | null;
  idNumber: string | null;
}

/** One agreement of a case in the actor's sight (a read: a scope grant for `dispute.read` passes). */
export async function getAgreementOrThrow(ctx: Ctx, caseId: string, agreementId: string) {
  const c = await getCaseOrThrow(ctx, caseId, true);
  const [a] = await ctx.db
    .select()
    .from(disputeAgreements)
    .where(and(eq(disputeAgreements.id, agreementId), eq(disputeAgreements.caseId, c.id)));
  if (!a) throw new AppError('NOT_FOUND', { what: 'dispute_agreement' });
  return { c, a };
}

/**
 * An agreement with its duties and the parties' full particulars, for the printed form. Opening the sealed
 * fields is a read of personal data: audited with ids only, as a reveal is.
 */
export async function agreementForPrint(ctx: Ctx, { c, a }: Awaited<ReturnType<typeof getAgreementOrThrow>>) {
  const rows = await partiesOf(ctx.db, c.id);
  await auditAlone(ctx, {
    action: 'dispute.agreement_print',
    result: 'ok',
    targetType: 'dispute_agreement',
    targetId: a.id,
    details: { caseId: c.id, parties: rows.length },
  });
  const open = (v: string | null) => (v ? openField(ctx.deps.keys.data, v) : null);
  const parties: PrintedParty[] = rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    role: p.role,
    name: open(p.nameEnc) ?? '',
    phone: open(p.phoneEnc),
    idNumber: open(p.idNumberEnc),
  }));
  const agreement = presentAgreement(a, await dutiesOf(ctx.db, c.id), toCalendarDate(ctx.now()));
  return { caseNumber: c.number, agreement, parties };
}
export type PrintedAgreement = Awaited<ReturnType<typeof agreementForPrint>>;
