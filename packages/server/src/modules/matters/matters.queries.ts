/** Read models: the desk's inbox and a matter's timeline. */
import type { DeskSummary, MatterCounter, MatterQuery, SummaryQuery, TimelineEntry } from '@jingmin/shared';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { firstOrThrow } from '../../db/rows.js';
import { evaluationReviews, matterEvents, matters } from '../../db/schema/index.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { photoIdsOfEventType, photosByEvent } from '../media/photos.queries.js';
import { assigneeNames } from './assignees.js';
import { channelCounts, recordedNote } from './channels.js';
import { counterSql, listSight, openReviewsSql, shanghaiDayStart } from './counters.js';
import { overdueSql } from './deadline-now.js';
import { matterListWhere } from './list.where.js';
import { presentMatter, selectLoaded } from './matters.service.js';

export async function findMatters(ctx: Ctx, q: MatterQuery) {
  const where = await matterListWhere(ctx, q);
  const [total] = await ctx.db.select({ n: count() }).from(matters).where(where);
  const rows = await selectLoaded(ctx.db)
    .where(where)
    // Overdue first: what is racing a deadline must not sink below newer matters.
    .orderBy(sql`coalesce(${overdueSql(ctx.now())}, false) DESC`, desc(matters.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const { q: words, ...filters } = q;
  await auditAlone(ctx, {
    action: 'matter.list',
    result: 'ok',
    details: { ...filters, searched: Boolean(words), rows: rows.length },
  });
  const owners = { type: 'matter' as const, ids: rows.map((r) => r.matter.id) };
  const photos = await photoIdsOfEventType(ctx.db, owners, matterEvents, 'matter.submitted');
  return {
    items: rows.map((r) =>
      presentMatter(ctx, { ...r.matter, address: r.address, stationName: r.stationName }, photos.get(r.matter.id)),
    ),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A matter's id by its 回执号; scope is checked by whoever loads it next. */
export async function matterIdByNumber(ctx: Ctx, number: string) {
  const [row] = await ctx.db.select({ id: matters.id }).from(matters).where(eq(matters.number, number));
  if (!row) throw new AppError('NOT_FOUND', { what: 'matter', number });
  return row.id;
}

/** The event list; the resident's view leaves out internal notes and staff names. */
export async function timeline(ctx: Ctx, matterId: string, forStaff: boolean): Promise<TimelineEntry[]> {
  const where = forStaff
    ? eq(matterEvents.matterId, matterId)
    : and(eq(matterEvents.matterId, matterId), eq(matterEvents.visibility, 'public'));
  const rows = await ctx.db.select().from(matterEvents).where(where).orderBy(asc(matterEvents.id));
  const photos = await photosByEvent(ctx.db, { type: 'matter', id: matterId });
  const targets = await targetNames(ctx, rows, forStaff);
  const en = ctx.locale === 'en';
  const actorLabel = (e: (typeof rows)[number]) => {
    if (forStaff) return e.actorName;
    if (e.actorType === 'resident') return en ? 'You' : '您';
    return e.actorType === 'staff' ? (en ? 'Station' : '派出所') : null;
  };
  return rows.map((e) => ({
    id: e.id,
    type: e.type,
    actor: actorLabel(e),
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    // An internal note never leaves the station, even on a step the resident sees.
    note:
      e.type === 'matter.recorded'
        ? recordedNote(e.payload, ctx.locale)
        : e.type === 'matter.review_requested' && forStaff
          ? reviewNote(e.payload, ctx.locale)
          : forStaff || e.noteVisibility === 'public'
            ? e.note
            : null,
    noteVisibility: e.noteVisibility,
    visibility: e.visibility,
    photoIds: photos.get(e.id) ?? [],
    target: targets.get(e.id) ?? null,
    at: e.at.toISOString(),
  }));
}

/** The promise the resident was given with an unsatisfied rating, so the chief sees the hour it falls due. */
function reviewNote(payload: unknown, locale: string): string | null {
  const p = payload as { callbackHours?: number; dueAt?: string } | null;
  if (!p?.callbackHours || !p.dueAt) return null;
  const due = new Date(p.dueAt).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return locale === 'en'
    ? `Promised a call back within ${p.callbackHours} h (by ${due})`
    : `已承诺群众 ${p.callbackHours} 小时内回访（${due} 前）`;
}

type EventRow = typeof matterEvents.$inferSelect;
type AssigneePayload = {
  assigneeStaffId?: string | null;
  assigneeTeamId?: string | null;
  assigneeDepartmentId?: string | null;
};

/** Names the assignee of each dispatch and transfer; the resident learns a department's name, never an officer's. */
async function targetNames(ctx: Ctx, rows: EventRow[], forStaff: boolean) {
  const moves = rows.filter((e) => e.type === 'matter.dispatch' || e.type === 'matter.transfer');
  const payloads = moves.map((e) => [e.id, e.payload as AssigneePayload] as const);
  const ids = (key: keyof AssigneePayload) => [
    ...new Set(payloads.map(([, p]) => p[key]).filter((v): v is string => !!v)),
  ];
  const names = await assigneeNames(ctx.db, {
    staff: forStaff ? ids('assigneeStaffId') : [],
    teams: ids('assigneeTeamId'),
    departments: ids('assigneeDepartmentId'),
  });
  const officer = ctx.locale === 'en' ? 'the responsible officer' : '责任民警';
  const targets = new Map<number, string>();
  for (const [id, p] of payloads) {
    const name = p.assigneeDepartmentId
      ? names.get(p.assigneeDepartmentId)
      : p.assigneeTeamId
        ? names.get(p.assigneeTeamId)
        : p.assigneeStaffId
          ? forStaff
            ? names.get(p.assigneeStaffId)
            : officer
          : undefined;
    if (name) targets.set(id, name);
  }
  return targets;
}

/** The 工作台's figures over the same sight as the list (`mine`: only what the caller holds). */
export async function deskSummary(ctx: Ctx, q: SummaryQuery = {}): Promise<DeskSummary> {
  const now = ctx.now();
  const day = shanghaiDayStart(now);
  const actor = actorOf(ctx);
  const scope = listSight(actor, Boolean(q.mine));
  const counted = (c: MatterCounter) => sql<number>`count(*) FILTER (WHERE ${counterSql(c, now)})::int`;
  const rows = await ctx.db
    .select({
      acceptedToday: counted('accepted_today'),
      resolvedToday: counted('resolved_today'),
      openNow: counted('open'),
      overdueNow: counted('overdue'),
      waitingNow: counted('waiting'),
      toTakeNow: counted('to_take'),
      avgFirst: sql<
        number | null
      >`avg(extract(epoch FROM ${matters.firstResponseAt} - ${matters.createdAt})) FILTER (WHERE ${matters.createdAt} >= ${day} AND ${matters.firstResponseAt} IS NOT NULL)`,
      satisfied: sql<number>`count(*) FILTER (WHERE ${matters.rating} = 'satisfied')::int`,
      basicallySatisfied: sql<number>`count(*) FILTER (WHERE ${matters.rating} = 'basically_satisfied')::int`,
      unsatisfied: sql<number>`count(*) FILTER (WHERE ${matters.rating} = 'unsatisfied')::int`,
    })
    .from(matters)
    .where(scope);
  // An aggregate without GROUP BY always answers one row.
  const r = firstOrThrow(rows, 'summary');
  // 不满意待复核 counts the open reviews of every type (evaluation_reviews), not matters.
  const [reviews] = await ctx.db
    .select({ n: count() })
    .from(evaluationReviews)
    .where(openReviewsSql(actor, Boolean(q.mine)));
  const rated = r.satisfied + r.basicallySatisfied + r.unsatisfied;
  return {
    acceptedToday: r.acceptedToday,
    resolvedToday: r.resolvedToday,
    openNow: r.openNow,
    overdueNow: r.overdueNow,
    averageFirstResponseMinutesToday: r.avgFirst === null ? null : Math.round((Number(r.avgFirst) / 60) * 10) / 10,
    rated,
    satisfied: r.satisfied,
    basicallySatisfied: r.basicallySatisfied,
    unsatisfied: r.unsatisfied,
    awaitingReview: Number(reviews?.n ?? 0),
    waitingNow: r.waitingNow,
    toTakeNow: r.toTakeNow,
    byChannel: await channelCounts(ctx, scope),
    satisfactionRate: rated === 0 ? null : Math.round(((r.satisfied + r.basicallySatisfied) / rated) * 1000) / 1000,
  };
}
