/**
 * 督办看板: every open matter of the desk's scope, grouped by who holds it —
 * the desk itself, an officer, a team or a partner department — with its age
 * and the deadline that applies now. Overdue first, then oldest first.
 */
import { type BoardColumn, OPEN_MATTER_STATUSES, type SupervisionBoard } from '@jingmin/shared';
import { and, asc, inArray } from 'drizzle-orm';
import { matters } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { visibleMatters } from '../../platform/scope.js';
import { assigneeNames } from './assignees.js';
import { deadlineNow } from './deadline-now.js';
import { selectLoaded } from './matters.service.js';

type Row = typeof matters.$inferSelect;

export async function supervisionBoard(ctx: Ctx): Promise<SupervisionBoard> {
  const now = ctx.now();
  const rows = await selectLoaded(ctx.db)
    .where(and(visibleMatters(actorOf(ctx)), inArray(matters.status, [...OPEN_MATTER_STATUSES])))
    .orderBy(asc(matters.createdAt))
    .limit(2000);
  const names = await ownerNames(
    ctx,
    rows.map((r) => r.matter),
  );
  const columns = new Map<string, BoardColumn>();
  const manyStations = new Set(rows.map((r) => r.matter.stationId)).size > 1;
  for (const { matter: m, address, stationName } of rows) {
    const owner = ownerOf(m);
    const key = `${owner.kind}:${owner.id ?? ''}`;
    const column = columns.get(key) ?? {
      ownerKind: owner.kind,
      ownerId: owner.id,
      name: laneName(ctx, owner, names, manyStations ? stationName : null),
      open: 0,
      overdue: 0,
      tasks: [],
    };
    const { overdue, ...deadline } = deadlineNow(m, now);
    column.tasks.push({
      id: m.id,
      number: m.number,
      kind: m.kind,
      status: m.status,
      urgency: m.urgency,
      address,
      ageMinutes: Math.floor((now.getTime() - m.createdAt.getTime()) / 60_000),
      ...deadline,
      overdue,
    });
    column.open += 1;
    column.overdue += overdue ? 1 : 0;
    columns.set(key, column);
  }
  for (const c of columns.values()) c.tasks.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  // The desk first, then whoever has the most overdue work.
  const ordered = [...columns.values()].sort(
    (a, b) =>
      Number(b.ownerKind === 'desk') - Number(a.ownerKind === 'desk') || b.overdue - a.overdue || b.open - a.open,
  );
  return { generatedAt: now.toISOString(), columns: ordered };
}

function laneName(
  ctx: Ctx,
  owner: ReturnType<typeof ownerOf>,
  names: Map<string, string>,
  /** Named only when the board shows several stations. */
  stationName: string | null,
): string {
  if (owner.kind === 'desk' && stationName)
    return ctx.locale === 'en' ? `Duty desk, ${stationName}` : `${stationName}值班台`;
  if (owner.kind === 'desk') return ctx.locale === 'en' ? 'Duty desk' : '值班台（待受理/待派单）';
  return names.get(owner.id) ?? '—';
}

function ownerOf(m: Row): { kind: BoardColumn['ownerKind']; id: string } {
  if (m.assigneeStaffId) return { kind: 'staff', id: m.assigneeStaffId };
  if (m.assigneeTeamId) return { kind: 'team', id: m.assigneeTeamId };
  if (m.assigneeDepartmentId) return { kind: 'department', id: m.assigneeDepartmentId };
  // Each station's desk is its own lane: a bureau supervisor sees which desk is behind.
  return { kind: 'desk', id: m.stationId };
}

function ownerNames(ctx: Ctx, rows: Row[]) {
  const ids = (pick: (m: Row) => string | null) => [...new Set(rows.map(pick).filter((v): v is string => !!v))];
  return assigneeNames(ctx.db, {
    staff: ids((m) => m.assigneeStaffId),
    teams: ids((m) => m.assigneeTeamId),
    departments: ids((m) => m.assigneeDepartmentId),
  });
}
