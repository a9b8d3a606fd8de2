/**
 * 群众点单: a resident submits a matter from the doorplate page. Acknowledged
 * only after the matter, its first event, its audit entry and its outbox row
 * commit together; a retry with the same Idempotency-Key returns the same
 * receipt instead of a second matter.
 */
import { deadlinesFor, type MatterReceipt, type SubmitMatterInput } from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { households, matterEvents, matters, units } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { hmacSm3, sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { claimKey, replayOf, requireKey, storeAnswer } from '../../platform/idempotency.js';
import { publish } from '../../platform/outbox.js';
import { consume } from '../../platform/ratelimit.js';
import { matterSettings } from '../desk/settings.service.js';
import { rowsOf } from '../org/org.service.js';
import { phoneSessionOrThrow } from './phone.service.js';
import { attachPhotos } from './photos.service.js';

type StoredReceipt = Omit<MatterReceipt, 'trackingToken'>;

/** The household behind a doorplate code and its station, in one query; an unknown code is a plain 404. */
export async function findHouseholdByToken(ctx: Ctx, token: string) {
  const station = sql<string | null>`(SELECT ${units.id} FROM ${units}
    WHERE ${units.kind} = 'station' AND starts_with(${households.unitPath}, ${units.path}) LIMIT 1)`;
  const [row] = await ctx.db
    .select({ household: households, stationId: station })
    .from(households)
    .where(eq(households.doorplateToken, token));
  if (!row) throw new AppError('NOT_FOUND', { what: ctx.locale === 'en' ? 'Doorplate code' : '该门牌码' });
  return { ...row.household, stationId: row.stationId };
}

/** Thrown inside the intake transaction to roll it back when the key already made a matter. */
class KeyAlreadyUsed extends Error {}

/** The tracking secret is derived, not stored: a retry recomputes the same link, a database dump reveals none. */
export function trackingTokenFor(ctx: Ctx, idempotencyKey: string) {
  return hmacSm3(ctx.deps.keys.data, `track:${idempotencyKey}`).subarray(0, 24).toString('base64url');
}

function shanghaiDate(at: Date) {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

export async function submitMatter(
  ctx: Ctx,
  doorplateToken: string,
  idempotencyKey: string | undefined,
  input: SubmitMatterInput,
): Promise<MatterReceipt> {
  requireKey(idempotencyKey);
  const household = await findHouseholdByToken(ctx, doorplateToken);
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
  const trackingToken = trackingTokenFor(ctx, idempotencyKey!);
  const replay = await replayOf<StoredReceipt>(ctx.db, idempotencyKey!, requestHash);
  if (replay) return { ...replay, trackingToken };
  const now = ctx.now();
  if (!household.stationId) throw new AppError('NOT_FOUND', { what: ctx.locale === 'en' ? 'Station' : '派出所' });
  const station = { id: household.stationId };
  const phone = input.phoneToken ? await phoneSessionOrThrow(ctx, input.phoneToken) : null;
  const { deadlines: rules, limits } = await matterSettings(ctx.db, station.id);
  await consume(ctx.db, now, [
    { key: `submit:doorplate:${household.id}`, max: limits.perDoorplatePerHour, windowSeconds: 3600 },
    { key: `submit:ip:${ctx.ip}`, max: limits.perAddressPerHour, windowSeconds: 3600 },
    ...(phone ? [{ key: `submit:phone:${phone.phoneIndex}`, max: limits.perPhonePerHour, windowSeconds: 3600 }] : []),
  ]);
  const deadlines = deadlinesFor(input.kind, 'normal', rules);
  const receipt = await ctx.db
    .transaction(async (tx) => {
      // A concurrent retry that won the race: read its receipt below.
      if (!(await claimKey(tx, idempotencyKey!, 'matter.submit', requestHash, now))) return null;
      const [seq] = rowsOf<{ n: string }>(await tx.execute(sql`SELECT nextval('matter_number_seq')::text AS n`));
      const number = `JM${shanghaiDate(now)}-${String(seq!.n).padStart(6, '0')}`;
      const [matter] = await tx
        .insert(matters)
        .values({
          number,
          householdId: household.id,
          stationId: station.id,
          unitPath: household.unitPath,
          kind: input.kind,
          body: input.body,
          location: input.location ?? null,
          contactPhoneEnc: phone?.phoneEnc ?? null,
          contactPhoneMasked: phone?.phoneMasked ?? null,
          contactPhoneIndex: phone?.phoneIndex ?? null,
          intakeKey: idempotencyKey!,
          trackingHash: sm3(trackingToken),
          noticeVersion: input.noticeVersion,
          firstResponseDueAt: new Date(now.getTime() + deadlines.firstResponseMinutes * 60_000),
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: matters.intakeKey })
        .returning({ id: matters.id });
      // The key's own row was swept (a week on) but its matter stands: answer with that matter's receipt.
      if (!matter) throw new KeyAlreadyUsed();
      const stored: StoredReceipt = { number, status: 'submitted', submittedAt: now.toISOString() };
      await storeAnswer(tx, idempotencyKey!, stored);
      const eventId = await recordSubmission(ctx, tx, matter.id, station.id, number, input.kind);
      // A photo's GPS position stays only when the resident sends a location with the matter.
      const owner = { kind: 'doorplate' as const, householdId: household.id };
      const photos = await attachPhotos(tx, owner, input.photoIds, matter.id, eventId, Boolean(input.location));
      // Last, so the audit chain's lock is held only until the commit right after it.
      await audit(ctx, tx, {
        actor: null,
        action: 'matter.submit',
        result: 'ok',
        targetType: 'matter',
        targetId: matter.id,
        details: { number, kind: input.kind, photos: photos.length, phone: phone?.phoneMasked ?? null },
      });
      return stored;
    })
    .catch(async (err: unknown) => {
      if (err instanceof KeyAlreadyUsed) return receiptOfMatter(ctx, idempotencyKey!, household.id);
      throw err;
    });
  const result = receipt ?? (await replayOf<StoredReceipt>(ctx.db, idempotencyKey!, requestHash));
  if (!result) throw new AppError('CONFLICT');
  return { ...result, trackingToken };
}

async function recordSubmission(ctx: Ctx, tx: Tx, matterId: string, stationId: string, number: string, kind: string) {
  const now = ctx.now();
  const [event] = await tx
    .insert(matterEvents)
    .values({ matterId, type: 'matter.submitted', actorType: 'resident', toStatus: 'submitted', at: now })
    .returning({ id: matterEvents.id });
  await publish(tx, now, [`station:${stationId}`, `matter:${matterId}`], 'matter.submitted', {
    matterId,
    number,
    kind,
  });
  return event!.id;
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
