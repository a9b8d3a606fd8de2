/**
 * 双率抽查: the chief or the bureau draws households at random from an
 * officer's area; an inspector — by default from another station (交叉互评) —
 * reads exactly those households through a scope grant narrowed to them
 * (modules/scope), records two yes/no answers per household, and the rates
 * come with their sample size and a 95% Wilson interval.
 */
import {
  type CheckAnswerInput,
  type CheckItemView,
  type CheckRateRow,
  type CheckRates,
  type CheckRatesQuery,
  type CheckSampleView,
  type DrawCheckInput,
  drawSample,
  seededRandom,
  wilsonInterval,
} from '@jingmin/shared';
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.js';
import { firstOrThrow } from '../../db/rows.js';
import { checkItems, checkSamples, households, matters, staff, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { randomToken } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { canSeeHousehold, canSeePath, visibleUnits } from '../../platform/scope.js';
import { prepareGrant, writeGrant } from '../scope/scope.service.js';
import { areaHouseholds, bureauPathOf } from './checks.queries.js';

const DAY_MS = 86_400_000;
const officer = alias(staff, 'officer');
const inspector = alias(staff, 'inspector');

async function stationOf(db: Queryable, path: string) {
  const [station] = await db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(inArray(units.id, path.split('/').filter(Boolean)), eq(units.kind, 'station')));
  return station;
}

async function accountOf(db: Queryable, id: string) {
  const [row] = await db
    .select({ id: staff.id, name: staff.displayName, status: staff.status, path: units.path })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(eq(staff.id, id));
  return row?.status === 'active' ? row : undefined;
}

/** 交叉互评: a community officer of another station of the same bureau, picked with the sample's seed. */
async function crossInspector(ctx: Ctx, stationPath: string, exclude: string[], seed: string) {
  const bureauPath = bureauPathOf(stationPath);
  const rows = await ctx.db
    .select({ id: staff.id, path: units.path })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(and(eq(staff.status, 'active'), sql`'community_officer' = ANY(${staff.roles})`))
    .orderBy(asc(staff.id));
  const candidates = rows.filter(
    (r) => r.path.startsWith(bureauPath) && !r.path.startsWith(stationPath) && !exclude.includes(r.id),
  );
  const picked = candidates[Math.floor(seededRandom(`${seed}:inspector`)() * candidates.length)];
  if (!picked) throw new AppError('VALIDATION', { detail: 'inspectorId: 没有其他派出所的社区民警' });
  return picked.id;
}

export async function drawCheck(ctx: Ctx, input: DrawCheckInput): Promise<CheckSampleView> {
  const actor = actorOf(ctx);
  const subject = await accountOf(ctx.db, input.officerId);
  if (!subject) throw new AppError('NOT_FOUND', { what: 'account' });
  // Only an officer of one's own scope: a chief never samples another station.
  if (!canSeePath(actor, subject.path)) throw new AppError('FORBIDDEN');
  const station = await stationOf(ctx.db, subject.path);
  if (!station) throw new AppError('VALIDATION', { detail: 'officerId' });
  const population = await areaHouseholds(ctx.db, subject.id, station.path);
  if (population.length === 0) throw new AppError('VALIDATION', { detail: 'officerId: 责任区内没有门牌户' });
  const seed = input.seed ?? randomToken(9);
  const picked = drawSample(population, input.size, seed);
  const inspectorId = input.inspectorId ?? (await crossInspector(ctx, station.path, [subject.id, actor.id], seed));
  if (inspectorId === subject.id) throw new AppError('VALIDATION', { detail: 'inspectorId' });
  const grant = await prepareGrant(
    ctx,
    {
      staffId: inspectorId,
      unitId: station.id,
      capability: 'household.read',
      purpose: `双率抽查：${subject.name}责任区 ${picked.length} 户`,
      expiresAt: new Date(ctx.now().getTime() + input.days * DAY_MS).toISOString(),
    },
    picked,
  );
  const id = await ctx.db.transaction(async (tx) => {
    const grantId = await writeGrant(ctx, tx, grant);
    const sample = firstOrThrow(
      await tx
        .insert(checkSamples)
        .values({
          stationId: station.id,
          stationPath: station.path,
          officerStaffId: subject.id,
          inspectorStaffId: inspectorId,
          grantId,
          seed,
          population: population.length,
          drawnBy: actor.id,
          createdAt: ctx.now(),
        })
        .returning({ id: checkSamples.id }),
      'check sample',
    );
    await tx
      .insert(checkItems)
      .values(picked.map((householdId, position) => ({ sampleId: sample.id, householdId, position })));
    await audit(ctx, tx, {
      action: 'check.draw',
      result: 'ok',
      targetType: 'check_sample',
      targetId: sample.id,
      details: { officerId: subject.id, inspectorId, size: picked.length, population: population.length, seed },
    });
    return sample.id;
  });
  return getCheck(ctx, id);
}

const sampleColumns = {
  sample: checkSamples,
  stationName: units.name,
  officerName: officer.displayName,
  officerPath: sql<string>`(SELECT path FROM units WHERE id = ${officer.scopeUnitId})`,
  inspectorName: inspector.displayName,
  inspectorPath: sql<string>`(SELECT path FROM units WHERE id = ${inspector.scopeUnitId})`,
  expiresAt: sql<Date>`(SELECT expires_at FROM scope_grants WHERE id = ${checkSamples.grantId})`.mapWith(
    (v: string | Date) => new Date(v),
  ),
};

function selectSamples(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select(sampleColumns)
    .from(checkSamples)
    .innerJoin(units, eq(units.id, checkSamples.stationId))
    .innerJoin(officer, eq(officer.id, checkSamples.officerStaffId))
    .innerJoin(inspector, eq(inspector.id, checkSamples.inspectorStaffId))
    .where(where);
}

type SampleRow = Awaited<ReturnType<typeof selectSamples>>[number];

/** The station's own (its subtree), or the inspector while the grant of the sample is in force. */
function seesSample(ctx: Ctx, s: typeof checkSamples.$inferSelect): boolean {
  const actor = actorOf(ctx);
  if (canSeePath(actor, s.stationPath)) return true;
  return s.inspectorStaffId === actor.id && actor.grants.some((g) => g.id === s.grantId);
}

async function loadSample(ctx: Ctx, id: string): Promise<SampleRow> {
  const [row] = await selectSamples(ctx, eq(checkSamples.id, id));
  if (!row || !seesSample(ctx, row.sample)) throw new AppError('NOT_FOUND', { what: 'check' });
  return row;
}

const itemColumns = {
  item: checkItems,
  address: households.address,
  doorplateCode: households.doorplateCode,
  unitPath: households.unitPath,
  unitName: units.name,
  // Whether a number is on record, never the number: the inspector phones through the station.
  phoneOnRecord: sql<boolean>`EXISTS (SELECT 1 FROM ${matters} WHERE ${matters.householdId} = ${households.id} AND ${matters.contactPhoneEnc} IS NOT NULL)`,
};

function selectItems(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select(itemColumns)
    .from(checkItems)
    .innerJoin(households, eq(households.id, checkItems.householdId))
    .innerJoin(units, eq(units.id, households.unitId))
    .where(where)
    .orderBy(asc(checkItems.position));
}

type ItemRow = Awaited<ReturnType<typeof selectItems>>[number];

function presentItem(r: ItemRow): CheckItemView {
  return {
    id: r.item.id,
    householdId: r.item.householdId,
    address: r.address,
    doorplateCode: r.doorplateCode,
    unitName: r.unitName,
    phoneOnRecord: Boolean(r.phoneOnRecord),
    knowsOfficer: r.item.knowsOfficer,
    officerKnows: r.item.officerKnows,
    method: r.item.method,
    answeredAt: r.item.answeredAt?.toISOString() ?? null,
  };
}

/** Each household as far as the caller sees it (an inspector: through the grant narrowed to the sample). */
function visibleItems(ctx: Ctx, rows: ItemRow[]): ItemRow[] {
  const actor = actorOf(ctx);
  return rows.filter((r) => canSeeHousehold(actor, { id: r.item.householdId, unitPath: r.unitPath }, 'household.read'));
}

function present(ctx: Ctx, s: SampleRow, items: ItemRow[]): CheckSampleView {
  const station = s.sample.stationPath;
  return {
    id: s.sample.id,
    stationId: s.sample.stationId,
    stationName: s.stationName,
    officerId: s.sample.officerStaffId,
    officerName: s.officerName,
    inspectorId: s.sample.inspectorStaffId,
    inspectorName: s.inspectorName,
    crossStation: !s.inspectorPath.startsWith(station) && !station.startsWith(s.inspectorPath),
    seed: s.sample.seed,
    population: s.sample.population,
    size: items.length,
    answered: items.filter((i) => i.item.answeredAt).length,
    drawnBy: s.sample.drawnBy,
    createdAt: s.sample.createdAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    items: visibleItems(ctx, items).map(presentItem),
  };
}

export async function getCheck(ctx: Ctx, id: string): Promise<CheckSampleView> {
  const sample = await loadSample(ctx, id);
  return present(ctx, sample, await selectItems(ctx, eq(checkItems.sampleId, id)));
}

/** Samples of the caller's scope (for those who draw), and those the caller inspects while in force. */
export async function findChecks(ctx: Ctx): Promise<CheckSampleView[]> {
  const actor = actorOf(ctx);
  const mine = eq(checkSamples.inspectorStaffId, actor.id);
  const where = actor.capabilities.includes('scope.grant')
    ? or(mine, visibleUnits(actor, checkSamples.stationPath))
    : mine;
  const rows = (await selectSamples(ctx, where).orderBy(desc(checkSamples.createdAt)).limit(200)).filter((r) =>
    seesSample(ctx, r.sample),
  );
  if (rows.length === 0) return [];
  const items = await selectItems(
    ctx,
    inArray(
      checkItems.sampleId,
      rows.map((r) => r.sample.id),
    ),
  );
  return rows.map((r) =>
    present(
      ctx,
      r,
      items.filter((i) => i.item.sampleId === r.sample.id),
    ),
  );
}

async function loadItem(ctx: Ctx, sampleId: string, itemId: string) {
  const sample = await loadSample(ctx, sampleId);
  const [item] = await selectItems(ctx, and(eq(checkItems.id, itemId), eq(checkItems.sampleId, sampleId)));
  if (!item) throw new AppError('NOT_FOUND', { what: 'household' });
  const household = { id: item.item.householdId, unitPath: item.unitPath };
  if (!canSeeHousehold(actorOf(ctx), household, 'household.read')) throw new AppError('FORBIDDEN');
  return { sample, item };
}

export async function getCheckItem(ctx: Ctx, sampleId: string, itemId: string): Promise<CheckItemView> {
  return presentItem((await loadItem(ctx, sampleId, itemId)).item);
}

/** The inspector's two answers for one household: once, by visit or — where a number is on record — by phone. */
export async function answerCheckItem(
  ctx: Ctx,
  sampleId: string,
  itemId: string,
  input: CheckAnswerInput,
): Promise<CheckItemView> {
  const actor = actorOf(ctx);
  const { sample, item } = await loadItem(ctx, sampleId, itemId);
  if (sample.sample.inspectorStaffId !== actor.id) throw new AppError('FORBIDDEN');
  if (input.method === 'phone' && !item.phoneOnRecord)
    throw new AppError('VALIDATION', { detail: 'method: 该户没有留存电话，请入户走访' });
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(checkItems)
      .set({ ...input, answeredAt: ctx.now(), answeredBy: actor.id })
      .where(and(eq(checkItems.id, itemId), isNull(checkItems.answeredAt)))
      .returning({ id: checkItems.id });
    if (!updated) throw new AppError('CONFLICT');
    await audit(ctx, tx, {
      action: 'check.answer',
      result: 'ok',
      targetType: 'check_item',
      targetId: itemId,
      details: { sampleId, method: input.method },
    });
  });
  return getCheckItem(ctx, sampleId, itemId);
}

/** 知晓率 and 熟悉率 per officer and per station of the caller's scope, over answered households. */
export async function checkRates(ctx: Ctx, query: CheckRatesQuery): Promise<CheckRates> {
  const actor = actorOf(ctx);
  const where = and(
    visibleUnits(actor, checkSamples.stationPath),
    isNotNull(checkItems.answeredAt),
    query.stationId ? eq(checkSamples.stationId, query.stationId) : undefined,
  );
  const counts = {
    stationId: checkSamples.stationId,
    stationName: units.name,
    answered: sql<number>`count(*)::int`,
    knows: sql<number>`(count(*) FILTER (WHERE ${checkItems.knowsOfficer}))::int`,
    familiar: sql<number>`(count(*) FILTER (WHERE ${checkItems.officerKnows}))::int`,
  };
  const base = () =>
    ctx.db
      .select({ ...counts, officerId: checkSamples.officerStaffId, officerName: officer.displayName })
      .from(checkItems)
      .innerJoin(checkSamples, eq(checkSamples.id, checkItems.sampleId))
      .innerJoin(units, eq(units.id, checkSamples.stationId))
      .innerJoin(officer, eq(officer.id, checkSamples.officerStaffId))
      .where(where);
  const byOfficer = await base()
    .groupBy(checkSamples.stationId, units.name, checkSamples.officerStaffId, officer.displayName)
    .orderBy(asc(units.name), asc(officer.displayName));
  const row = (
    r: { stationId: string; stationName: string; answered: number; knows: number; familiar: number },
    who: { officerId: string; officerName: string } | null,
  ): CheckRateRow => ({
    stationId: r.stationId,
    stationName: r.stationName,
    officerId: who?.officerId ?? null,
    officerName: who?.officerName ?? null,
    knowsOfficer: wilsonInterval(r.knows, r.answered),
    officerKnows: wilsonInterval(r.familiar, r.answered),
  });
  // A station's rate pools its officers' answers (the counts add up; the interval is recomputed).
  const stations = new Map<
    string,
    { stationId: string; stationName: string; answered: number; knows: number; familiar: number }
  >();
  for (const r of byOfficer) {
    const s = stations.get(r.stationId) ?? {
      stationId: r.stationId,
      stationName: r.stationName,
      answered: 0,
      knows: 0,
      familiar: 0,
    };
    s.answered += r.answered;
    s.knows += r.knows;
    s.familiar += r.familiar;
    stations.set(r.stationId, s);
  }
  return {
    officers: byOfficer.map((r) => row(r, r)),
    stations: [...stations.values()].map((s) => row(s, null)),
  };
}
