/**
 * 走访入户必评: an officer, cadre or grid worker logs a household visit (三线合一), and the
 * same transaction opens its evaluation (type `visit`, the visitor rated). The answer carries
 * the evaluation's link so the visitor shows its QR on the phone at the door; the household
 * also finds it on its doorplate page (待评价) until it expires.
 */
import type { VisitInput, VisitLogged, VisitQuery, VisitView } from '@jingmin/shared';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { firstOrThrow } from '../../db/rows.js';
import { evaluationRequests, households, staff, visits } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isDepartmentOnly, visibleUnits } from '../../platform/scope.js';
import { evaluationPath, requestEvaluation } from '../evaluations/evaluations.service.js';
import { stationOfPath } from '../matters/place.js';
import { matterSettings, stationInScope } from '../settings/settings.service.js';

/** A visit logged a little ahead of the server's clock (a phone's clock) is still "now". */
const CLOCK_SKEW_MS = 5 * 60_000;

const evaluated = sql<boolean>`EXISTS (SELECT 1 FROM ${evaluationRequests}
  WHERE ${evaluationRequests.subjectType} = 'visit' AND ${evaluationRequests.subjectId} = ${visits.id}
  AND ${evaluationRequests.answeredAt} IS NOT NULL)`;

const columns = {
  id: visits.id,
  stationId: visits.stationId,
  householdId: visits.householdId,
  address: households.address,
  line: visits.line,
  staffId: visits.staffId,
  staffName: staff.displayName,
  visitedAt: visits.visitedAt,
  note: visits.note,
  evaluated,
  createdAt: visits.createdAt,
};

type Row = { visitedAt: Date; createdAt: Date; evaluated: unknown } & Omit<
  VisitView,
  'visitedAt' | 'createdAt' | 'evaluated'
>;
const view = (r: Row): VisitView => ({
  ...r,
  evaluated: r.evaluated === true || r.evaluated === 't',
  visitedAt: r.visitedAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
});

function visitedAtOf(ctx: Ctx, input: VisitInput) {
  const now = ctx.now();
  if (!input.visitedAt) return now;
  const at = new Date(input.visitedAt);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new AppError('VALIDATION', {
      detail: ctx.locale === 'en' ? 'visitedAt: a visit cannot be in the future' : 'visitedAt：走访时间不能晚于现在',
    });
  return at;
}

/**
 * Logs a visit to a household in the visitor's own sight (a scope grant, a read, never opens
 * another station's doors to it) and opens its evaluation in the same transaction.
 */
export async function logVisit(ctx: Ctx, input: VisitInput): Promise<VisitLogged> {
  const actor = actorOf(ctx);
  // A partner department's liaison handles what is transferred to it; it does not visit households.
  if (isDepartmentOnly(actor)) throw new AppError('FORBIDDEN');
  const visitedAt = visitedAtOf(ctx, input);
  const [household] = await ctx.db
    .select({ id: households.id, unitPath: households.unitPath, stationId: stationOfPath(households.unitPath) })
    .from(households)
    .where(eq(households.id, input.householdId));
  if (!household || !canSeePath(actor, household.unitPath)) throw new AppError('NOT_FOUND', { what: 'household' });
  const stationId = household.stationId;
  if (!stationId) throw new AppError('NOT_FOUND', { what: 'station' });
  const { evaluation } = await matterSettings(ctx.db, stationId);
  const { id, request } = await ctx.db.transaction(async (tx) => {
    const row = firstOrThrow(
      await tx
        .insert(visits)
        .values({
          stationId,
          unitPath: household.unitPath,
          householdId: household.id,
          line: input.line,
          staffId: actor.id,
          visitedAt,
          note: input.note ?? null,
          createdAt: ctx.now(),
        })
        .returning({ id: visits.id }),
      'visit',
    );
    const request = await requestEvaluation(tx, ctx, {
      type: 'visit',
      subject: { type: 'visit', id: row.id },
      stationId,
      unitPath: household.unitPath,
      householdId: household.id,
      ratedStaffId: actor.id,
      expiresInDays: evaluation.expiresDays,
    });
    await audit(ctx, tx, {
      action: 'visit.log',
      result: 'ok',
      targetType: 'visit',
      targetId: row.id,
      details: { line: input.line, householdId: household.id },
    });
    return { id: row.id, request };
  });
  const [row] = await visitRows(ctx).where(eq(visits.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'visit' });
  return {
    ...view(row),
    evaluation: { path: evaluationPath(request.token), expiresAt: request.expiresAt.toISOString() },
  };
}

const visitRows = (ctx: Ctx) =>
  ctx.db
    .select(columns)
    .from(visits)
    .innerJoin(households, eq(households.id, visits.householdId))
    .innerJoin(staff, eq(staff.id, visits.staffId))
    .$dynamic();

/** The station's visits the actor sees, newest first, with whether each was evaluated. */
export async function listVisits(ctx: Ctx, stationId: string, query: VisitQuery) {
  const actor = actorOf(ctx);
  if (isDepartmentOnly(actor)) throw new AppError('FORBIDDEN');
  await stationInScope(ctx, stationId);
  const where = and(eq(visits.stationId, stationId), visibleUnits(actor, visits.unitPath, 'household.read'));
  const [total] = await ctx.db.select({ n: count() }).from(visits).where(where);
  const rows = await visitRows(ctx)
    .where(where)
    .orderBy(desc(visits.visitedAt), desc(visits.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(view), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}
