/**
 * The cases list: a station's (GET /stations/:id/disputes), or any unit's subtree in sight (GET /disputes — a
 * dashboard figure opens it with `?unitId=&set=&from=&to=`), and its XLSX export. One where-builder serves the
 * three, so a figure, its list and the exported file hold the same cases.
 */
import {
  beijingDateTime,
  COLOUR_SCHEMES,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_LEVEL_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_STATUS_LABELS,
  type DisputeFilters,
  type DisputeListQuery,
  MEDIATION_CHANNEL_LABELS,
  NO_COLOUR,
  periodBounds,
} from '@jingmin/shared';
import { count, desc, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { allOf, anyOf } from '../../db/rows.js';
import { disputeCases, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { ListExport } from '../../platform/list-export.js';
import { canSeePath, escapeLike } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';
import { agedAt, CASES, caseSetSql, casesUnder, stillOpen } from './case-sets.js';
import { presentItem, selectCases } from './disputes.queries.js';
import { casesInSight } from './visibility.js';

/** The unit a list is narrowed to: it must exist (404) and lie in the caller's sight for `dispute.read` (403). */
async function unitPathInSight(ctx: Ctx, unitId: string): Promise<string> {
  const [unit] = await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  if (!unit) throw new AppError('NOT_FOUND', { what: 'unit' });
  if (!canSeePath(actorOf(ctx), unit.path, 'dispute.read')) throw new AppError('FORBIDDEN');
  return unit.path;
}

function fieldFilters(q: DisputeFilters): SQL[] {
  const where: SQL[] = [];
  if (q.status) where.push(eq(disputeCases.status, q.status));
  if (q.level) where.push(eq(disputeCases.level, q.level));
  if (q.colour) where.push(q.colour === NO_COLOUR ? isNull(disputeCases.colour) : eq(disputeCases.colour, q.colour));
  if (q.category) where.push(eq(disputeCases.category, q.category));
  if (q.source) where.push(eq(disputeCases.source, q.source));
  if (q.open) where.push(stillOpen);
  if (q.q) {
    const words = `%${escapeLike(q.q)}%`;
    where.push(anyOf(eq(disputeCases.number, q.q), sql`${disputeCases.title} ILIKE ${words}`));
  }
  return where;
}

/** A dashboard figure's set over the period (case-sets.ts), and an open case's age at its end. */
function setFilters(ctx: Ctx, q: DisputeFilters): SQL[] {
  if (!q.set || !q.from || !q.to) return [];
  const { start, asOf } = periodBounds({ from: q.from, to: q.to }, ctx.now());
  const where = [caseSetSql(CASES, q.set, { from: start, to: asOf })];
  if (q.age) where.push(agedAt(CASES, asOf, q.age));
  return where;
}

/** Every condition of the list: the caller's sight, the station (its own list) or unit, and the filters. */
export async function caseListWhere(ctx: Ctx, q: DisputeFilters, stationId?: string): Promise<SQL> {
  const where: SQL[] = [];
  if (stationId) {
    await stationInScope(ctx, stationId);
    where.push(eq(disputeCases.stationId, stationId));
  }
  if (q.unitId) where.push(casesUnder(CASES, await unitPathInSight(ctx, q.unitId)));
  return allOf(casesInSight(actorOf(ctx)), ...where, ...fieldFilters(q), ...setFilters(ctx, q));
}

/** The cases in sight, newest first: a station's own list, or a unit's from the dashboard. */
export async function listDisputes(ctx: Ctx, stationId: string | undefined, q: DisputeListQuery) {
  const where = await caseListWhere(ctx, q, stationId);
  const [total] = await ctx.db.select({ n: count() }).from(disputeCases).where(where);
  const rows = await selectCases(ctx)
    .where(where)
    .orderBy(desc(disputeCases.acceptedAt), desc(disputeCases.number))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(presentItem), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

type Row = Awaited<ReturnType<ReturnType<typeof selectCases>['execute']>>[number];
const at = (d: Date | null) => (d ? beijingDateTime(d) : null);

/** A colour's name on the case's scheme (its key when the scheme has no such colour). */
function colourName(scheme: string, key: string | null, zh: boolean): string | null {
  if (!key) return null;
  const level = COLOUR_SCHEMES.find((s) => s.key === scheme)?.levels.find((l) => l.key === key);
  return level ? (zh ? level.name.zh : level.name.en) : key;
}

/** 矛盾纠纷案件 as XLSX: the list's cases by 案件编号, newest first (a keyset on the unique number). */
export async function disputesExport(ctx: Ctx, q: DisputeFilters): Promise<ListExport<Row>> {
  const where = await caseListWhere(ctx, q);
  const zh = ctx.locale !== 'en';
  const say = (l: { zh: string; en: string }) => (zh ? l.zh : l.en);
  return {
    list: 'disputes',
    title: { zh: '矛盾纠纷案件', en: 'Dispute cases' },
    columns: [
      { header: { zh: '案件编号', en: 'Number' }, value: (r) => r.dispute.number, width: 20 },
      { header: { zh: '标题', en: 'Title' }, value: (r) => r.dispute.title, width: 30 },
      { header: { zh: '派出所', en: 'Station' }, value: (r) => r.stationName },
      { header: { zh: '类别', en: 'Category' }, value: (r) => say(DISPUTE_CATEGORY_LABELS[r.dispute.category]) },
      { header: { zh: '子类', en: 'Subcategory' }, value: (r) => r.dispute.subcategory },
      {
        header: { zh: '等级', en: 'Level' },
        value: (r) => (r.dispute.level ? say(DISPUTE_LEVEL_LABELS[r.dispute.level]) : null),
      },
      { header: { zh: '颜色', en: 'Colour' }, value: (r) => colourName(r.dispute.colourScheme, r.dispute.colour, zh) },
      { header: { zh: '状态', en: 'Status' }, value: (r) => say(DISPUTE_STATUS_LABELS[r.dispute.status]) },
      { header: { zh: '来源', en: 'Source' }, value: (r) => say(DISPUTE_SOURCE_LABELS[r.dispute.source]) },
      {
        header: { zh: '化解方式', en: 'Channel' },
        value: (r) => (r.dispute.channel ? say(MEDIATION_CHANNEL_LABELS[r.dispute.channel]) : null),
      },
      { header: { zh: '群体性', en: 'Collective' }, value: (r) => (r.dispute.collective ? (zh ? '是' : 'Yes') : null) },
      { header: { zh: '当事人数', en: 'Parties' }, value: (r) => Number(r.partyCount) },
      { header: { zh: '地点', en: 'Place' }, value: (r) => r.place, width: 30 },
      { header: { zh: '受理时间', en: 'Accepted' }, value: (r) => at(r.dispute.acceptedAt), width: 18 },
      { header: { zh: '化解时间', en: 'Resolved' }, value: (r) => at(r.dispute.closedAt), width: 18 },
    ],
    page: (after, limit) =>
      selectCases(ctx)
        .where(allOf(where, after ? lt(disputeCases.number, after.dispute.number) : undefined))
        .orderBy(desc(disputeCases.number))
        .limit(limit),
  };
}
