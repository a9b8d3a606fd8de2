/**
 * 隐患台账 use cases: record a hazard (idempotent: a phone that queued it offline retries with its key),
 * report its fix, verify the fix (someone else), void one entered by mistake. Each write is guarded on the
 * version the caller read and on the status it expects, and audited in its transaction.
 */
import {
  capabilitiesOf,
  HAZARD_STATUS_LABELS,
  type HazardStatus,
  type HazardView,
  HOUSEHOLD_UNIT_KINDS,
  labelOf,
  type RecordHazardInput,
  type RectifyHazardInput,
  type Role,
  toCalendarDate,
  type VerifyHazardInput,
  type VoidHazardInput,
} from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { hazards, households, staff, units } from '../../db/schema/index.js';
import { type Actor, actorOf, audit, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { claimKey, replayOf, requireKey, storeAnswer } from '../../platform/idempotency.js';
import { canSeePath, under } from '../../platform/scope.js';
import { attachPhotos } from '../media/photos.service.js';
import { stationInScope } from '../settings/settings.service.js';
import { allowedActions, isOwnFix } from './hazards.policy.js';
import { type Hazard, hazardInSight, presentHazard } from './hazards.queries.js';
import { assertLink } from './links.js';
import { hazardSettings, kindOf } from './settings.js';

/** Photos taken before the hazard exists wait under the station (owner `hazard`, id = the station). */
export const pendingOwner = (stationId: string) => ({ type: 'hazard' as const, id: stationId });
/** Photos of the place when found are the hazard's first event; each fix's photos carry the version it made. */
const FOUND_EVENT = 1;

const ACTION_LABELS = {
  rectify: { zh: '整改上报', en: 'Fix reported' },
  verify: { zh: '复核', en: 'Verification' },
  void: { zh: '作废', en: 'Voided' },
};

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function recordHazard(
  ctx: Ctx,
  stationId: string,
  idempotencyKey: string | undefined,
  parsed: RecordHazardInput,
): Promise<HazardView> {
  const actor = actorOf(ctx);
  const key = requireKey(idempotencyKey);
  const input = { ...parsed, photoIds: parsed.photoIds ?? [] };
  const requestHash = sm3(JSON.stringify(['hazard', actor.id, stationId, input]));
  const earlier = await replayOf<{ id: string }>(ctx.db, key, requestHash);
  if (earlier) return presentHazard(ctx, earlier.id);
  const station = await stationInScope(ctx, stationId);
  const place = await placeOf(ctx, actor, station.path, input);
  const settings = await hazardSettings(ctx.db, stationId);
  const kind = kindOf(ctx, settings, input.kind);
  await assertLink(ctx, actor, stationId, input);
  const responsibleId = input.responsibleId ?? actor.id;
  await assertResponsible(ctx, station.path, responsibleId);
  const now = ctx.now();
  const today = toCalendarDate(now);
  const deadlineOn = input.deadlineOn ?? addDays(today, kind.days);
  if (deadlineOn < today)
    throw invalid(ctx, 'deadlineOn', `整改期限不能早于今天（${today}）`, `must not be before today (${today})`);
  const id = await ctx.db.transaction(async (tx) => {
    if (!(await claimKey(tx, key, 'hazard.record', requestHash, now))) return null;
    const [row] = await tx
      .insert(hazards)
      .values({
        stationId,
        unitId: place.unitId,
        unitPath: place.unitPath,
        householdId: place.householdId,
        place: input.place,
        kind: kind.key,
        description: input.description,
        source: input.source,
        visitId: input.visitId ?? null,
        patrolSessionId: input.patrolSessionId ?? null,
        matterId: input.matterId ?? null,
        rectifier: input.rectifier || null,
        responsibleId,
        foundBy: actor.id,
        foundAt: now,
        deadlineOn,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: hazards.id });
    const hazardId = row?.id ?? '';
    const owner = { type: 'hazard' as const, id: hazardId };
    await attachPhotos(tx, { owner: pendingOwner(stationId), staffId: actor.id }, input.photoIds, {
      owner,
      eventId: FOUND_EVENT,
    });
    await storeAnswer(tx, key, { id: hazardId });
    await audit(ctx, tx, {
      action: 'hazard.record',
      result: 'ok',
      targetType: 'hazard',
      targetId: hazardId,
      details: {
        stationId,
        unitId: place.unitId,
        kind: kind.key,
        source: input.source,
        responsibleId,
        deadlineOn,
        photos: input.photoIds.length,
      },
    });
    return hazardId;
  });
  // A retry that raced the first request: the first one's hazard.
  const answer = id ?? (await replayOf<{ id: string }>(ctx.db, key, requestHash))?.id;
  if (!answer) throw new AppError('CONFLICT');
  return presentHazard(ctx, answer);
}

/** The village or grid (or the household, its unit derived) inside the station and the actor's own subtree. */
async function placeOf(ctx: Ctx, actor: Actor, stationPath: string, input: RecordHazardInput) {
  if (Boolean(input.unitId) === Boolean(input.householdId))
    throw invalid(
      ctx,
      'unitId',
      '地点二选一：选村（社区）或网格，或者选一个门牌地址',
      'choose where it is: a village or grid, or a household, one of them',
    );
  if (input.householdId) {
    const [h] = await ctx.db
      .select({ id: households.id, unitId: households.unitId, unitPath: households.unitPath })
      .from(households)
      .where(and(eq(households.id, input.householdId), under(households.unitPath, stationPath)));
    if (!h) throw invalid(ctx, 'householdId', '应为本所辖区的门牌地址', 'must be a household of the station');
    if (!canSeePath(actor, h.unitPath)) throw new AppError('FORBIDDEN');
    return { unitId: h.unitId, unitPath: h.unitPath, householdId: h.id };
  }
  const [u] = await ctx.db
    .select({ id: units.id, path: units.path, kind: units.kind })
    .from(units)
    .where(and(eq(units.id, input.unitId ?? ''), under(units.path, stationPath)));
  if (!u || !HOUSEHOLD_UNIT_KINDS.includes(u.kind))
    throw invalid(ctx, 'unitId', '应为本所的村（社区）或网格', 'must be a village or grid of the station');
  // Recording is a change: only inside the actor's own subtree (a grid worker's village), never through a grant.
  if (!canSeePath(actor, u.path)) throw new AppError('FORBIDDEN');
  return { unitId: u.id, unitPath: u.path, householdId: null };
}

/** The one who follows it: active staff of the station who do field work. */
async function assertResponsible(ctx: Ctx, stationPath: string, id: string) {
  const [p] = await ctx.db
    .select({ roles: staff.roles })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(and(eq(staff.id, id), eq(staff.status, 'active'), under(units.path, stationPath)));
  if (!p || !capabilitiesOf(p.roles as Role[]).includes('field.work'))
    throw invalid(
      ctx,
      'responsibleId',
      '应为本所在岗、从事基层基础工作的人员（民警、辅警、网格员或所长）',
      'must be active field staff of the station',
    );
}

/** The hazard, when the caller read its current version and may take `action` on it. */
async function hazardFor(ctx: Ctx, id: string, version: number, action: 'rectify' | 'verify' | 'void') {
  const h = await hazardInSight(ctx, id);
  if (h.version !== version) throw new AppError('CONFLICT');
  const actor = actorOf(ctx);
  if (!allowedActions(actor, h).includes(action)) {
    if (action === 'verify' && h.status === 'rectified' && isOwnFix(actor, h))
      throw new AppError('HAZARD_VERIFY_OWN_FIX');
    const from = h.status;
    if ((action === 'verify' && from !== 'rectified') || (action !== 'verify' && !['open', 'rectified'].includes(from)))
      throw new AppError(
        'INVALID_TRANSITION',
        { from: labelOf(HAZARD_STATUS_LABELS[from], ctx.locale), to: labelOf(ACTION_LABELS[action], ctx.locale) },
        { what: 'hazard', from, action },
      );
    throw new AppError('FORBIDDEN');
  }
  return h;
}

/** One guarded change: on the version and status read, with its audit entry; answers the new version. */
async function change(
  ctx: Ctx,
  h: Hazard,
  set: Partial<typeof hazards.$inferInsert>,
  action: string,
  details: Record<string, unknown>,
  then?: (tx: Parameters<Parameters<Ctx['db']['transaction']>[0]>[0], version: number) => Promise<unknown>,
) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(hazards)
      .set({ ...set, updatedAt: ctx.now(), version: sql`${hazards.version} + 1` })
      .where(and(eq(hazards.id, h.id), eq(hazards.version, h.version), eq(hazards.status, h.status)))
      .returning({ version: hazards.version });
    if (!row) throw new AppError('CONFLICT');
    await then?.(tx, row.version);
    await audit(ctx, tx, { action, result: 'ok', targetType: 'hazard', targetId: h.id, details });
  });
  return presentHazard(ctx, h.id);
}

/**
 * 整改上报: the fix is reported by whoever follows the hazard (or the chief), with photos of it. With an
 * Idempotency-Key (the phone's outbox), a resend after a lost answer gets the hazard as that fix left it
 * instead of a conflict on the version it moved.
 */
export async function rectifyHazard(ctx: Ctx, id: string, input: RectifyHazardInput, idempotencyKey?: string) {
  const actor = actorOf(ctx);
  const photoIds = input.photoIds ?? [];
  const key = idempotencyKey === undefined ? null : requireKey(idempotencyKey);
  const requestHash = sm3(JSON.stringify(['hazard.rectify', actor.id, id, { ...input, photoIds }]));
  if (key && (await replayOf<{ id: string }>(ctx.db, key, requestHash))) {
    await hazardInSight(ctx, id);
    return presentHazard(ctx, id);
  }
  const h = await hazardFor(ctx, id, input.version, 'rectify');
  const set = {
    status: 'rectified' as HazardStatus,
    rectifiedAt: ctx.now(),
    rectifiedBy: actor.id,
    rectifyNote: input.note,
  };
  return change(ctx, h, set, 'hazard.rectify', { photos: photoIds.length }, async (tx, version) => {
    // A concurrent resend claimed the key first: this one changes nothing (the other's answer stands).
    if (key && !(await claimKey(tx, key, 'hazard.rectify', requestHash, ctx.now()))) throw new AppError('CONFLICT');
    if (key) await storeAnswer(tx, key, { id });
    const owner = { type: 'hazard' as const, id };
    return attachPhotos(tx, { owner, staffId: actor.id }, photoIds, { owner, eventId: version });
  });
}

/** 复核: accepted → 已销号; returned → 整改中 again, with the note saying why. */
export async function verifyHazard(ctx: Ctx, id: string, input: VerifyHazardInput) {
  const note = input.note ?? '';
  if (!input.accepted && !note) throw invalid(ctx, 'note', '退回整改时请写明原因', 'say why the fix is not accepted');
  const h = await hazardFor(ctx, id, input.version, 'verify');
  const status: HazardStatus = input.accepted ? 'verified' : 'open';
  const set = { status, verifiedAt: ctx.now(), verifiedBy: actorOf(ctx).id, verifyNote: note || null };
  return change(ctx, h, set, input.accepted ? 'hazard.verify' : 'hazard.reject', { accepted: input.accepted });
}

/** 作废: the chief voids a hazard entered by mistake or twice; the reason stays on it. */
export async function voidHazard(ctx: Ctx, id: string, input: VoidHazardInput) {
  const h = await hazardFor(ctx, id, input.version, 'void');
  return change(ctx, h, { status: 'voided', voidedReason: input.reason }, 'hazard.void', { from: h.status });
}
