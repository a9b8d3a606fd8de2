/**
 * 值班台登记: the desk records a matter on a resident's behalf — a call to the 24-hour line, a visit to the
 * counter, a non-police matter handed down by 110, a 12345 work order — through the doorplate's own
 * intake statement (回执号, deadlines, first event, audit entry, outbox row, Idempotency-Key). The desk
 * has set kind and urgency, so the matter is accepted at once. The caller's phone is sealed like a
 * resident's own, so "my matters" lists it after the one-time code. With consent a receipt SMS (the
 * number and the station's name, no link) goes after commit; a failed SMS never loses the matter: it is
 * put on the staff timeline and in the audit trail, and the desk reads it in the answer.
 */
import {
  type DeskReceipt,
  deadlinesFor,
  dueDates,
  HOUSEHOLD_UNIT_KINDS,
  MATTER_CHANNEL_SPECS,
  type MatterChannel,
  PRIVACY_NOTICE_VERSION,
  type ReceiptSmsState,
  type RecordMatterInput,
  type StaffChannel,
} from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { isUniqueViolation } from '../../db/rows.js';
import { households, matters, units } from '../../db/schema/index.js';
import { type Actor, actorOf, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { replayOf, requireKey } from '../../platform/idempotency.js';
import { assertWithinLimits, withinLimit } from '../../platform/ratelimit.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import { assertCanSeePath, canSeeMatter } from '../../platform/scope.js';
import { SmsError } from '../../platform/sms/sms.js';
import { attachPhotos } from '../media/photos.service.js';
import { trackingHashOf, trackingTokenFor } from '../residents/links.js';
import { sealPhone } from '../residents/phone.service.js';
import { matterSettings } from '../settings/settings.service.js';
import { shanghaiDate } from './intake.service.js';
import { intakeStatement, runIntake } from './intake.statement.js';
import { stationOfPath } from './place.js';

/** Recordings one desk account may make in an hour, and receipts one phone may get in a day. */
const DESK_LIMITS = { perStaffPerHour: 60, receiptsPerPhonePerDay: 10 };

/**
 * What staff record: the desk's form, a need heard on a household visit (channel `visit`), or what a volunteer
 * saw (channel `grid`) with the photos it uploaded first (owner `staff`: its own).
 */
type StaffRecord = Omit<RecordMatterInput, 'channel'> & { channel: StaffChannel; photoIds?: string[] };

export async function recordMatter(
  ctx: Ctx,
  idempotencyKey: string | undefined,
  input: StaffRecord,
): Promise<DeskReceipt> {
  const actor = actorOf(ctx);
  const key = requireKey(idempotencyKey);
  const externalNo = checkedExternalNo(ctx, input);
  const requestHash = sm3(JSON.stringify(['desk', actor.id, input]));
  // A double click: the first request's matter, not a second one.
  if (await replayOf(ctx.db, key, requestHash)) return receiptByKey(ctx, actor, key);
  const place = await placeOf(ctx, actor, input);
  if (externalNo) await refuseTakenNumber(ctx, actor, { channel: input.channel, externalNo, key });
  const now = ctx.now();
  const { deadlines } = await matterSettings(ctx.db, place.stationId);
  const due = dueDates(deadlinesFor(input.kind, input.urgency, deadlines), { submittedAt: now });
  const phone = input.callerPhone ? sealPhone(ctx.deps.keys.data, input.callerPhone) : null;
  const limits = [
    { key: `desk:staff:${actor.id}`, max: DESK_LIMITS.perStaffPerHour, windowSeconds: 3600, staff: true as const },
  ];
  const statement = intakeStatement(ctx, {
    key,
    requestHash,
    trackingHash: trackingHashOf(trackingTokenFor(ctx, key)),
    numberPrefix: `JM${shanghaiDate(now)}-`,
    household: place,
    input: {
      kind: input.kind,
      body: input.body,
      noticeVersion: PRIVACY_NOTICE_VERSION,
      photoIds: input.photoIds ?? [],
    },
    phone,
    firstResponseDueAt: due.firstResponseDueAt,
    limits,
    desk: {
      channel: input.channel,
      externalNo,
      placeNote: input.householdId ? null : (input.placeNote ?? null),
      urgency: input.urgency,
      resolveDueAt: due.resolveDueAt,
      answered: MATTER_CHANNEL_SPECS[input.channel].answeredOnRecord,
      smsConsent: input.smsConsent,
    },
  });
  const photoIds = input.photoIds ?? [];
  const intake = photoIds.length
    ? // The photos move to the new matter in its own transaction.
      ctx.db.transaction(async (tx) => {
        const row = await runIntake(tx, statement);
        const from = { owner: { type: 'staff' as const, id: actor.id }, staffId: actor.id };
        if (row.eventId !== null)
          await attachPhotos(tx, from, photoIds, { owner: { type: 'matter', id: row.matterId }, eventId: row.eventId });
        return row;
      })
    : runIntake(ctx.db, statement);
  const answer = await intake.catch(async (err: unknown) => {
    // Two desks recording the same 110 or 12345 number at once: the unique index lets one through.
    if (externalNo && isUniqueViolation(err, 'matters_external_no_key'))
      await refuseTakenNumber(ctx, actor, { channel: input.channel, externalNo, key });
    throw err;
  });
  ctx.deps.database.notifyCommit();
  assertWithinLimits(limits, answer.overLimit, now);
  if (answer.eventId === null || !answer.number) return receiptByKey(ctx, actor, key, requestHash);
  const matter = { id: answer.matterId, number: answer.number, unitPath: place.unitPath, stationId: place.stationId };
  const receiptSms =
    input.smsConsent && input.callerPhone && phone
      ? await sendReceipt(ctx, matter, input.callerPhone, phone.phoneIndex)
      : null;
  return { id: answer.matterId, number: answer.number, channel: input.channel, status: 'accepted', receiptSms };
}

/** What the schema cannot say: 110 and 12345 carry their number, the others none; where is one of two. */
function checkedExternalNo(ctx: Ctx, input: StaffRecord): string | null {
  const en = ctx.locale === 'en';
  const invalid = (zh: string, english: string) => new AppError('VALIDATION', { detail: en ? english : zh });
  const noun = MATTER_CHANNEL_SPECS[input.channel].externalNo;
  if (noun && !input.externalNo)
    throw invalid(
      `externalNo 必填：${MATTER_CHANNEL_SPECS[input.channel].label.zh} 转来的事项须填写${noun.zh}`,
      `externalNo is required: a matter from ${MATTER_CHANNEL_SPECS[input.channel].label.en} needs its ${noun.en}`,
    );
  if (!noun && input.externalNo)
    throw invalid('externalNo 只有 110、12345 转来的事项才填写', 'externalNo: only 110 and 12345 matters carry one');
  if (Boolean(input.householdId) === Boolean(input.unitId))
    throw invalid(
      'householdId / unitId 二选一：事发地点选一个门牌地址，或者选村（社区）、网格',
      'householdId / unitId: choose where it happened, a household or a village or grid, one of them',
    );
  if (input.smsConsent && !input.callerPhone)
    throw invalid('callerPhone 必填：同意接收回执短信须留手机号', 'callerPhone is required for a receipt SMS');
  return input.externalNo ? input.externalNo.toUpperCase() : null;
}

/** The household or the village or grid where it happened, inside the desk's own subtree, and its station. */
async function placeOf(ctx: Ctx, actor: Actor, input: StaffRecord) {
  const [row] = input.householdId
    ? await ctx.db
        .select({ id: households.id, unitPath: households.unitPath, stationId: stationOfPath(households.unitPath) })
        .from(households)
        .where(eq(households.id, input.householdId))
    : await ctx.db
        .select({ unitPath: units.path, kind: units.kind, stationId: stationOfPath(units.path) })
        .from(units)
        .where(eq(units.id, input.unitId ?? ''));
  if (!row) throw new AppError('NOT_FOUND', { what: input.householdId ? 'household' : 'unit' });
  // Recording is a change: a scope grant (a read) never opens another station's units to it.
  assertCanSeePath(actor, row.unitPath);
  if ('kind' in row && !HOUSEHOLD_UNIT_KINDS.includes(row.kind))
    throw new AppError('VALIDATION', {
      detail: ctx.locale === 'en' ? 'unitId: choose a village or a grid' : 'unitId 须为村（社区）或网格',
    });
  if (!row.stationId) throw new AppError('NOT_FOUND', { what: 'station' });
  return { id: 'id' in row ? row.id : null, unitPath: row.unitPath, stationId: row.stationId };
}

/**
 * 409 naming the matter that holds the number already — its 回执号 only to whoever may open it. The
 * matter this very key made (a double click whose first request just committed) is no duplicate: the
 * statement then writes nothing and the retry gets the first answer.
 */
async function refuseTakenNumber(
  ctx: Ctx,
  actor: Actor,
  { channel, externalNo, key }: { channel: MatterChannel; externalNo: string; key: string },
) {
  const [m] = await ctx.db
    .select()
    .from(matters)
    .where(and(eq(matters.channel, channel), eq(matters.externalNo, externalNo)));
  if (!m || m.intakeKey === key) return;
  const number = canSeeMatter(actor, m, 'matter.read') ? m.number : null;
  throw new AppError('EXTERNAL_NO_TAKEN', { channel, externalNo, number });
}

/** The receipt of the matter made with this key, to a retry; 422 when the key carried other content. */
async function receiptByKey(ctx: Ctx, actor: Actor, key: string, requestHash?: string): Promise<DeskReceipt> {
  if (requestHash) await replayOf(ctx.db, key, requestHash);
  const [m] = await ctx.db.select().from(matters).where(eq(matters.intakeKey, key));
  // Still being written by the first request (a retry racing it), or gone.
  if (!m) throw new AppError('CONFLICT');
  if (m.recordedByStaffId !== actor.id) throw new AppError('IDEMPOTENCY_MISMATCH');
  return { id: m.id, number: m.number, channel: m.channel, status: m.status, receiptSms: m.receiptSms };
}

type Recorded = { id: string; number: string; unitPath: string; stationId: string };

/**
 * The receipt SMS, after commit: the number and the station's name, never a link. Its outcome is kept
 * on the matter and on the staff timeline (with its audit entry); a failure is logged, never thrown.
 */
async function sendReceipt(ctx: Ctx, m: Recorded, phone: string, phoneIndex: string): Promise<ReceiptSmsState> {
  const [station] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, m.stationId));
  // A phone that had its day's receipts still gets its matter recorded; only the SMS is skipped.
  const limit = { key: `receipt:phone:${phoneIndex}`, max: DESK_LIMITS.receiptsPerPhonePerDay, windowSeconds: 86_400 };
  const overLimit = (await withinLimit(ctx.db, ctx.now(), limit)) ? null : 'DailyLimit';
  const failure =
    overLimit ??
    (await ctx.deps.sms
      .send({ kind: 'matter_receipt', phone, stationName: station?.name ?? '', number: m.number })
      .then(() => null)
      .catch((err: unknown) => (err instanceof SmsError ? err.code : 'error')));
  if (failure) ctx.log.warn({ provider: failure, matterId: m.id }, 'receipt SMS not sent');
  const state: ReceiptSmsState = failure ? 'failed' : 'sent';
  const subject = matterSubject({ id: m.id, unitPath: m.unitPath, status: 'accepted', assigneeDepartmentId: null });
  await ctx.db.transaction(async (tx) => {
    await tx.update(matters).set({ receiptSms: state }).where(eq(matters.id, m.id));
    await recordEvent(tx, ctx, subject, {
      type: failure ? 'matter.receipt_failed' : 'matter.receipt_sent',
      auditDetails: failure ? { provider: failure } : {},
    });
  });
  return state;
}
