/** Read models: the desk's inbox and a matter's timeline. */
import type { MatterQuery, TimelineEntry } from '@jingmin/shared';
import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { households, matterEvents, matters } from '../../db/schema/index.js';
import { auditAlone, type Ctx } from '../../platform/context.js';
import { escapeLike } from '../../platform/session.js';
import { presentMatter } from './matters.service.js';

export async function findMatters(ctx: Ctx, q: MatterQuery) {
  const actor = ctx.actor!;
  const parts: SQL[] = [];
  const liaisonOnly = actor.roles.length === 1 && actor.roles[0] === 'department_liaison';
  if (liaisonOnly)
    parts.push(eq(matters.assigneeDepartmentId, actor.departmentId ?? '00000000-0000-0000-0000-000000000000'));
  else parts.push(sql`${matters.unitPath} LIKE ${`${escapeLike(actor.scopePath)}%`}`);
  if (q.status) parts.push(eq(matters.status, q.status));
  if (q.kind) parts.push(eq(matters.kind, q.kind));
  if (q.mine) parts.push(eq(matters.assigneeStaffId, actor.id));
  if (q.q) parts.push(or(ilike(matters.number, `%${escapeLike(q.q)}%`), ilike(matters.body, `%${escapeLike(q.q)}%`))!);
  const where = and(...parts);
  const [total] = await ctx.db.select({ n: count() }).from(matters).where(where);
  const rows = await ctx.db
    .select({ matter: matters, address: households.address })
    .from(matters)
    .innerJoin(households, eq(households.id, matters.householdId))
    .where(where)
    .orderBy(desc(matters.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  await auditAlone(ctx, { action: 'matter.list', result: 'ok', details: { ...q, rows: rows.length } });
  return {
    items: rows.map((r) => presentMatter(ctx, { ...r.matter, address: r.address })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The event list; the resident's view leaves out internal notes and staff names. */
export async function timeline(ctx: Ctx, matterId: string, forStaff: boolean): Promise<TimelineEntry[]> {
  const where = forStaff
    ? eq(matterEvents.matterId, matterId)
    : and(eq(matterEvents.matterId, matterId), eq(matterEvents.visibility, 'public'));
  const rows = await ctx.db.select().from(matterEvents).where(where).orderBy(asc(matterEvents.id));
  return rows.map((e) => ({
    id: e.id,
    type: e.type,
    actor: forStaff
      ? e.actorName
      : e.actorType === 'resident'
        ? ctx.locale === 'en'
          ? 'You'
          : '您'
        : e.actorType === 'staff'
          ? ctx.locale === 'en'
            ? 'Station'
            : '派出所'
          : null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    visibility: e.visibility,
    at: e.at.toISOString(),
  }));
}
