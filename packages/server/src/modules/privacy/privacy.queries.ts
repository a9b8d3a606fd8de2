/** Read models: a matter's requests for the resident, the station's queue for the desk and the chief. */
import {
  type PrivacyRequestPage,
  type PrivacyRequestQuery,
  type PrivacyRequestView,
  type StaffPrivacyRequest,
  toCalendarDate,
} from '@jingmin/shared';
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { matters, privacyRequests, staff, units } from '../../db/schema/index.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { visibleMatters } from '../../platform/scope.js';
import { answerActions, assertCanAnswer, waitsForMatter } from './privacy.policy.js';

type Request = typeof privacyRequests.$inferSelect;
type Matter = typeof matters.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Open past its last day: the answer period ends when that Beijing date does. */
const isOverdue = (r: Pick<Request, 'status' | 'dueOn'>, today: string) =>
  r.status === 'open' && r.dueOn !== null && r.dueOn < today;

export function presentRequest(r: Request, now: Date): PrivacyRequestView {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    dueOn: r.dueOn,
    overdue: isOverdue(r, toCalendarDate(now)),
    answer: r.answer,
    answeredAt: iso(r.answeredAt),
    createdAt: r.createdAt.toISOString(),
  };
}

/** A matter's requests, newest first. */
export function requestsOfMatter(db: Queryable, matterId: string) {
  return db
    .select()
    .from(privacyRequests)
    .where(eq(privacyRequests.matterId, matterId))
    .orderBy(desc(privacyRequests.createdAt), desc(privacyRequests.id));
}

/** The queue's rows: the request, its matter, the station's name and who answered. */
function selectQueue(db: Queryable) {
  return db
    .select({ request: privacyRequests, matter: matters, stationName: units.name, answeredBy: staff.displayName })
    .from(privacyRequests)
    .innerJoin(matters, eq(matters.id, privacyRequests.matterId))
    .innerJoin(units, eq(units.id, privacyRequests.stationId))
    .leftJoin(staff, eq(staff.id, privacyRequests.answeredBy));
}

type QueueRow = { request: Request; matter: Matter; stationName: string; answeredBy: string | null };

function presentStaffRequest(ctx: Ctx, row: QueueRow): StaffPrivacyRequest {
  const { request: r, matter: m } = row;
  return {
    ...presentRequest(r, ctx.now()),
    matterId: m.id,
    matterNumber: m.number,
    matterKind: m.kind,
    matterStatus: m.status,
    stationName: row.stationName,
    answeredBy: row.answeredBy,
    allowedActions: answerActions(actorOf(ctx), r, m),
    waitsForMatter: r.status === 'open' && waitsForMatter(m),
  };
}

/**
 * The station's requests in the actor's sight. The queue (`open`) is
 * earliest due first, so overdue requests lead; `all` adds what was answered.
 */
export async function findPrivacyRequests(ctx: Ctx, q: PrivacyRequestQuery): Promise<PrivacyRequestPage> {
  const actor = actorOf(ctx);
  assertCanAnswer(actor);
  const parts: SQL[] = [visibleMatters(actor)];
  if (q.status === 'open') parts.push(eq(privacyRequests.status, 'open'));
  const where = and(...parts);
  const today = toCalendarDate(ctx.now());
  const [totals] = await ctx.db
    .select({
      total: count(),
      overdue: sql<number>`count(*) FILTER (WHERE ${privacyRequests.status} = 'open' AND ${privacyRequests.dueOn} < ${today})::int`,
    })
    .from(privacyRequests)
    .innerJoin(matters, eq(matters.id, privacyRequests.matterId))
    .where(where);
  const rows = await selectQueue(ctx.db)
    .where(where)
    // Open first, earliest due first; then what was answered, newest answer first.
    .orderBy(
      sql`(${privacyRequests.status} = 'open') DESC`,
      sql`CASE WHEN ${privacyRequests.status} = 'open' THEN ${privacyRequests.dueOn} END ASC NULLS LAST`,
      desc(privacyRequests.answeredAt),
      desc(privacyRequests.createdAt),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  await auditAlone(ctx, { action: 'privacy.list', result: 'ok', details: { status: q.status, rows: rows.length } });
  return {
    items: rows.map((row) => presentStaffRequest(ctx, row)),
    total: totals?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    overdue: totals?.overdue ?? 0,
  };
}

/** One request with its matter; a request that does not exist is a 404, one out of sight a 403 (as matters are). */
export async function getRequestOrThrow(ctx: Ctx, id: string): Promise<QueueRow> {
  const [row] = await selectQueue(ctx.db).where(eq(privacyRequests.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'privacy_request' });
  return row;
}

/** The request as the queue shows it, read again after a change. */
export async function viewRequest(ctx: Ctx, id: string): Promise<StaffPrivacyRequest> {
  return presentStaffRequest(ctx, await getRequestOrThrow(ctx, id));
}
