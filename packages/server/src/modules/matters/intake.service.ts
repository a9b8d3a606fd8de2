/**
 * 群众点单: a resident submits a matter from the doorplate page. Acknowledged
 * only after the matter, its first event, its audit entry and its outbox row
 * commit together; a retry with the same Idempotency-Key returns the same
 * receipt instead of a second matter.
 */
import { deadlinesFor, dueDates, type MatterReceipt, type SubmitMatterInput } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { households, idempotencyKeys, matters } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { answerOf, replayOf, requireKey } from '../../platform/idempotency.js';
import { assertWithinLimits } from '../../platform/ratelimit.js';
import { attachPhotos } from '../media/photos.service.js';
import { trackingHashOf, trackingTokenFor } from '../residents/links.js';
import { phoneSessionOrThrow } from '../residents/phone.service.js';
import { matterSettings } from '../settings/settings.service.js';
import { intakeStatement, runIntake } from './intake.statement.js';
import { stationOfPath } from './place.js';

type StoredReceipt = Omit<MatterReceipt, 'trackingToken'>;

/** The household behind a doorplate code and its station, in one query; an unknown code is a plain 404. */
export async function findHouseholdByToken(ctx: Ctx, token: string) {
  const station = stationOfPath(households.unitPath);
  const [row] = await ctx.db
    .select({ household: households, stationId: station })
    .from(households)
    .where(eq(households.doorplateToken, token));
  if (!row) throw new AppError('NOT_FOUND', { what: 'doorplate' });
  return { ...row.household, stationId: row.stationId };
}

/** The doorplate's household and station, and the answer already stored under this key, in one query. */
async function findHouseholdAndKey(ctx: Ctx, token: string, key: string) {
  const station = stationOfPath(households.unitPath);
  const [row] = await ctx.db
    .select({ household: households, stationId: station, earlier: idempotencyKeys })
    .from(households)
    .leftJoin(idempotencyKeys, eq(idempotencyKeys.key, key))
    .where(eq(households.doorplateToken, token));
  if (!row) throw new AppError('NOT_FOUND', { what: 'doorplate' });
  return { household: { ...row.household, stationId: row.stationId }, earlier: row.earlier };
}

/** `20261130`: the date in Asia/Shanghai that starts a 回执号. */
export function shanghaiDate(at: Date) {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

export async function submitMatter(
  ctx: Ctx,
  doorplateToken: string,
  idempotencyKey: string | undefined,
  input: SubmitMatterInput,
): Promise<MatterReceipt> {
  const key = requireKey(idempotencyKey);
  const requestHash = sm3(
    JSON.stringify([
      doorplateToken,
      input.kind,
      input.body,
      input.location ?? null,
      input.noticeVersion,
      input.photoIds,
      input.phoneToken ?? null,
    ]),
  );
  const trackingToken = trackingTokenFor(ctx, key);
  // Round trip 1: the household, its station and any earlier answer to this key.
  const { household, earlier } = await findHouseholdAndKey(ctx, doorplateToken, key);
  if (earlier) return { ...answerOf<StoredReceipt>(earlier, requestHash), trackingToken };
  const now = ctx.now();
  if (!household.stationId) throw new AppError('NOT_FOUND', { what: 'station' });
  const phone = input.phoneToken ? await phoneSessionOrThrow(ctx, input.phoneToken) : null;
  const { deadlines: rules, limits } = await matterSettings(ctx.db, household.stationId);
  const counted = [
    { key: `submit:doorplate:${household.id}`, max: limits.perDoorplatePerHour, windowSeconds: 3600 },
    { key: `submit:ip:${ctx.ip}`, max: limits.perAddressPerHour, windowSeconds: 3600 },
    ...(phone ? [{ key: `submit:phone:${phone.phoneIndex}`, max: limits.perPhonePerHour, windowSeconds: 3600 }] : []),
  ];
  // Round trip 2: the limits counted, and — within them — key, matter, event, audit entry and outbox row, in one
  // statement (one transaction with the photos when there are some).
  const statement = intakeStatement(ctx, {
    key,
    requestHash,
    trackingHash: trackingHashOf(trackingToken),
    numberPrefix: `JM${shanghaiDate(now)}-`,
    household: { id: household.id, unitPath: household.unitPath, stationId: household.stationId },
    input,
    phone,
    firstResponseDueAt: dueDates(deadlinesFor(input.kind, 'normal', rules), { submittedAt: now }).firstResponseDueAt,
    limits: counted,
  });
  const answer = input.photoIds.length
    ? await ctx.db.transaction(async (tx) => {
        const row = await runIntake(tx, statement);
        // A photo's GPS position stays only when the resident sends a location with the matter.
        const from = { owner: { type: 'household' as const, id: household.id }, staffId: null };
        const to = (eventId: number) => ({ owner: { type: 'matter' as const, id: row.matterId }, eventId });
        if (row.eventId !== null)
          await attachPhotos(tx, from, input.photoIds, to(row.eventId), Boolean(input.location));
        return row;
      })
    : await runIntake(ctx.db, statement).then((row) => {
        ctx.deps.database.notifyCommit();
        return row;
      });
  assertWithinLimits(counted, answer.overLimit, now);
  const made = answer.eventId !== null && answer.number ? answer.number : null;
  if (made) return { number: made, status: 'submitted', submittedAt: now.toISOString(), trackingToken };
  // A concurrent retry won the race, or the key's own row was swept but its matter stands.
  const result =
    (await replayOf<StoredReceipt>(ctx.db, key, requestHash)) ?? (await receiptOfMatter(ctx, key, household.id));
  if (!result) throw new AppError('CONFLICT');
  return { ...result, trackingToken };
}

/**
 * The receipt of a matter already made with this key, once the key's own row
 * has been swept (a week on): a very late retry still gets its receipt.
 */
async function receiptOfMatter(ctx: Ctx, key: string, householdId: string): Promise<StoredReceipt | null> {
  const [m] = await ctx.db
    .select({ number: matters.number, householdId: matters.householdId, createdAt: matters.createdAt })
    .from(matters)
    .where(eq(matters.intakeKey, key));
  if (!m) return null;
  if (m.householdId !== householdId) throw new AppError('IDEMPOTENCY_MISMATCH');
  return { number: m.number, status: 'submitted', submittedAt: m.createdAt.toISOString() };
}
