/**
 * How a 平安联盟 task is read: by the desk in full (who took it, its state, the matter it helps with), by its
 * volunteer with only what it needs to go and do it — the task, the address in words, by when, who sent it.
 */
import {
  type MyVolunteerTaskView,
  VOLUNTEER_TASK_FLOW,
  type VolunteerTaskAction,
  type VolunteerTaskView,
} from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { matters, staff, units, volunteerProfiles, volunteerTasks } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { volunteerStateOf } from './accounts.js';

type Task = typeof volunteerTasks.$inferSelect;

const volunteer = alias(staff, 'volunteer');
const sender = alias(staff, 'sender');
const station = alias(units, 'station');
const volunteerUnit = alias(units, 'volunteer_unit');

/** Tasks with their names beside them; the caller adds the where, order and limit. */
export function selectTasks(ctx: Ctx) {
  return ctx.db
    .select({
      task: volunteerTasks,
      stationName: station.name,
      sentByName: sender.displayName,
      volunteerName: volunteer.displayName,
      volunteerUnitName: volunteerUnit.name,
      approvedAt: volunteerProfiles.approvedAt,
      suspendedAt: volunteerProfiles.suspendedAt,
      matterNumber: matters.number,
    })
    .from(volunteerTasks)
    .innerJoin(station, eq(station.id, volunteerTasks.stationId))
    .innerJoin(sender, eq(sender.id, volunteerTasks.sentBy))
    .innerJoin(volunteer, eq(volunteer.id, volunteerTasks.volunteerId))
    .innerJoin(volunteerUnit, eq(volunteerUnit.id, volunteer.scopeUnitId))
    .leftJoin(volunteerProfiles, eq(volunteerProfiles.staffId, volunteerTasks.volunteerId))
    .leftJoin(matters, eq(matters.id, volunteerTasks.matterId));
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['execute']>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

const allowed = (t: Task, actions: VolunteerTaskAction[]) =>
  actions.filter((a) => VOLUNTEER_TASK_FLOW[a].from.includes(t.status));

/**
 * The volunteer's view, field by field: nothing from the matter or the household but the address copied when the
 * task was sent.
 */
export function presentMine(r: TaskRow): MyVolunteerTaskView {
  const t = r.task;
  return {
    id: t.id,
    title: t.title,
    detail: t.detail,
    place: t.place,
    dueAt: iso(t.dueAt),
    status: t.status,
    sentAt: t.sentAt.toISOString(),
    stationName: r.stationName,
    sentByName: r.sentByName,
    acceptedAt: iso(t.acceptedAt),
    doneAt: iso(t.doneAt),
    doneNote: t.doneNote,
    declineReason: t.declineReason,
    cancelledAt: iso(t.cancelledAt),
    cancelReason: t.cancelReason,
    version: t.version,
    allowedActions: allowed(t, ['accept', 'decline', 'done']),
  };
}

/** The desk's view: the volunteer's, plus who took it and in what state, and the matter it helps with. */
export function presentForDesk(r: TaskRow): VolunteerTaskView {
  const t = r.task;
  return {
    ...presentMine(r),
    allowedActions: allowed(t, ['cancel']),
    volunteerId: t.volunteerId,
    volunteerName: r.volunteerName,
    volunteerUnitName: r.volunteerUnitName,
    volunteerState: volunteerStateOf({ approvedAt: r.approvedAt ?? null, suspendedAt: r.suspendedAt ?? null }),
    householdId: t.householdId,
    matterId: t.matterId,
    matterNumber: r.matterNumber,
    declinedAt: iso(t.declinedAt),
  };
}
