/**
 * 评价清单 (`GET /evaluations`, and its export): the evaluation requests of a period in a station's or a bureau's
 * stations, filtered by type, result (满意、不满意、过期未评价 …) and review — the rows the 评价 figures count, by
 * the same conditions (figures.sets.ts). It says how each request stands, never what the resident answered.
 */
import type { EvaluationListItem, EvaluationListQuery, ReviewStatus } from '@jingmin/shared';
import { periodBounds } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { getUnitInScope } from '../org/org.service.js';
import { RESULT_SQL, requestsIn, reviewedSql } from './figures.sets.js';

/** The list's filters (its query without paging). */
export type EvaluationFilter = Omit<EvaluationListQuery, 'page' | 'pageSize'>;

export interface EvaluationRow {
  id: string;
  type: EvaluationListItem['type'];
  station_name: string;
  officer_name: string | null;
  created_at: string | Date;
  expires_at: string | Date;
  answered_at: string | Date | null;
  counted: boolean;
  pending: boolean;
  expired: boolean;
  satisfied: boolean | null;
  review_status: ReviewStatus | null;
}

const FOREVER = { start: new Date('2000-01-01T00:00:00Z'), end: new Date('9999-01-01T00:00:00Z') };

/**
 * `SELECT … FROM base WHERE …` over the filtered requests: the unit (the caller's scope by default; 404 unknown, 403
 * outside its sight), the period's requests, type, result and review. `tail` orders and limits.
 */
export async function evaluationRows(ctx: Ctx, q: EvaluationFilter, select: SQL, tail: SQL = sql``): Promise<SQL> {
  const path = q.unitId
    ? (await getUnitInScope(ctx, q.unitId, { readWith: 'matter.supervise' })).path
    : actorOf(ctx).scopePath;
  const bounds = q.from && q.to ? periodBounds({ from: q.from, to: q.to }, ctx.now()) : FOREVER;
  const base = requestsIn(path, { start: bounds.start, end: bounds.end, type: q.type ?? null }, ctx.now());
  return sql`WITH base AS (${base}) SELECT ${select} FROM base
    WHERE ${q.result ? sql.raw(RESULT_SQL[q.result]) : sql`true`} AND ${q.review ? reviewedSql(q.review) : sql`true`}
    ${tail}`;
}

export const LIST_COLUMNS = sql.raw(`base.id, base.type, base.station_name, base.officer_name, base.created_at,
  base.expires_at, base.answered_at, base.counted, base.pending, base.expired, base.satisfied,
  (SELECT rv.status FROM evaluation_reviews rv WHERE rv.request_id = base.id LIMIT 1) AS review_status`);

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

export function presentEvaluation(r: EvaluationRow): EvaluationListItem {
  return {
    id: r.id,
    type: r.type,
    stationName: r.station_name,
    officerName: r.officer_name,
    createdAt: iso(r.created_at) as string,
    expiresAt: iso(r.expires_at) as string,
    answeredAt: iso(r.answered_at),
    state: r.counted ? 'counted' : r.pending ? 'flagged' : r.expired ? 'expired' : 'open',
    satisfied: r.counted ? r.satisfied : null,
    reviewStatus: r.review_status,
  };
}

/** A page of the list, newest first, with the total the figures count. */
export async function findEvaluations(ctx: Ctx, q: EvaluationListQuery) {
  const { page, pageSize, ...filters } = q;
  const [total] = rowsOf<{ n: number }>(
    await ctx.db.execute(await evaluationRows(ctx, filters, sql`count(*)::int AS n`)),
  );
  const rows = rowsOf<EvaluationRow>(
    await ctx.db.execute(
      await evaluationRows(
        ctx,
        filters,
        LIST_COLUMNS,
        sql`ORDER BY base.created_at DESC, base.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      ),
    ),
  );
  await auditAlone(ctx, { action: 'evaluation.list', result: 'ok', details: { ...filters, rows: rows.length } });
  return { items: rows.map(presentEvaluation), total: Number(total?.n ?? 0), page, pageSize };
}
