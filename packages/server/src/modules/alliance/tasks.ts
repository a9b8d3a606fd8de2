/**
 * 平安联盟 tasks. The desk (matter.desk) sends an active volunteer of its station a task — 看望独居老人, 查看路灯,
 * 劝导占道 — at a household of the volunteer's grid or village (only its address is copied onto the task) or at a
 * place in words, optionally to help with a matter, whose timeline then says a volunteer was sent. The volunteer
 * (field.task) reads its own tasks only, accepts, declines with a reason, or reports one done with a short note;
 * the desk may withdraw an open one. Every step is guarded on the status and version it read, and audited — on
 * the matter's timeline through recordEvent when the task helps with one.
 */
import {
  isFinished,
  type MatterEventType,
  type MyVolunteerTaskView,
  OPEN_VOLUNTEER_TASK_STATUSES,
  type SendVolunteerTaskInput,
  VOLUNTEER_TASK_FLOW,
  type VolunteerTaskAction,
  type VolunteerTaskQuery,
  type VolunteerTaskView,
} from '@jingmin/shared';
import { and, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { households, matters, staff, units, volunteerProfiles, volunteerTasks } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import { canSeeHousehold, canSeeMatter, canSeePath, isUnder, visibleUnits } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';
import { volunteerStateOf } from './accounts.js';
import { presentForDesk, presentMine, selectTasks } from './tasks.view.js';

type Task = typeof volunteerTasks.$inferSelect;

/** A volunteer of the station in the sender's sight, who must be active to receive a task. */
async function activeVolunteer(ctx: Ctx, stationId: string, id: string) {
  const [v] = await ctx.db
    .select({
      id: staff.id,
      name: staff.displayName,
      unitName: units.name,
      unitPath: units.path,
      stationId: volunteerProfiles.stationId,
      approvedAt: volunteerProfiles.approvedAt,
      suspendedAt: volunteerProfiles.suspendedAt,
    })
    .from(volunteerProfiles)
    .innerJoin(staff, eq(staff.id, volunteerProfiles.staffId))
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(eq(volunteerProfiles.staffId, id));
  if (!v || v.stationId !== stationId || !canSeePath(actorOf(ctx), v.unitPath))
    throw new AppError('NOT_FOUND', { what: 'volunteer' });
  const state = volunteerStateOf(v);
  if (state !== 'active') throw new AppError('VOLUNTEER_TASK_VOLUNTEER_STATE', { name: v.name, state });
  return v;
}

type Volunteer = Awaited<ReturnType<typeof activeVolunteer>>;

/** Where the task lies: a household of the volunteer's grid or village (its address only), or words there. */
async function placeOf(ctx: Ctx, v: Volunteer, input: SendVolunteerTaskInput) {
  if (!input.householdId) return { place: input.place ?? '', unitPath: v.unitPath, householdId: null };
  const [h] = await ctx.db
    .select({ id: households.id, address: households.address, unitPath: households.unitPath })
    .from(households)
    .where(eq(households.id, input.householdId));
  if (!h || !canSeeHousehold(actorOf(ctx), h)) throw new AppError('NOT_FOUND', { what: 'household' });
  if (!isUnder(h.unitPath, v.unitPath))
    throw new AppError('VOLUNTEER_TASK_OUT_OF_SCOPE', { place: h.address, name: v.name, unit: v.unitName });
  return { place: h.address, unitPath: h.unitPath, householdId: h.id };
}

/** The matter the task helps with: of the volunteer's station, in the sender's sight, not closed. */
async function matterToHelp(ctx: Ctx, station: { id: string; name: string }, id: string | undefined) {
  if (!id) return null;
  const [m] = await ctx.db.select().from(matters).where(eq(matters.id, id));
  if (!m || !canSeeMatter(actorOf(ctx), m)) throw new AppError('NOT_FOUND', { what: 'matter' });
  if (m.stationId !== station.id) throw new AppError('VOLUNTEER_TASK_MATTER_FOREIGN', { station: station.name });
  if (isFinished(m.status)) throw new AppError('MATTER_CLOSED');
  return m;
}

async function stationOf(ctx: Ctx, stationId: string) {
  const s = await stationInScope(ctx, stationId);
  const [row] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, s.id));
  return { ...s, name: row?.name ?? '' };
}

async function deskTask(ctx: Ctx, id: string): Promise<VolunteerTaskView> {
  const [row] = await selectTasks(ctx).where(eq(volunteerTasks.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'volunteer_task' });
  return presentForDesk(row);
}

/** Writes the step on the matter's timeline when the task helps with one; otherwise audits it alone. */
async function recordStep(
  ctx: Ctx,
  tx: Tx,
  task: Task,
  step: { action: string; event?: MatterEventType; note?: string | null; from: string | null },
) {
  const payload = { taskId: task.id, volunteerId: task.volunteerId };
  if (task.matterId && step.event) {
    const [m] = await tx.select().from(matters).where(eq(matters.id, task.matterId));
    if (m) {
      await recordEvent(tx, ctx, matterSubject(m), { type: step.event, note: step.note ?? null, payload });
      return;
    }
  }
  await audit(ctx, tx, {
    action: step.action,
    result: 'ok',
    targetType: 'volunteer_task',
    targetId: task.id,
    details: { ...payload, from: step.from, to: task.status, matterId: task.matterId },
  });
}

/** 派任务: the desk sends an active volunteer of the station a task. */
export async function sendVolunteerTask(
  ctx: Ctx,
  stationId: string,
  input: SendVolunteerTaskInput,
): Promise<VolunteerTaskView> {
  const actor = actorOf(ctx);
  const station = await stationOf(ctx, stationId);
  const v = await activeVolunteer(ctx, station.id, input.volunteerId);
  const where = await placeOf(ctx, v, input);
  const matter = await matterToHelp(ctx, station, input.matterId);
  const id = await ctx.db.transaction(async (tx) => {
    const [task] = await tx
      .insert(volunteerTasks)
      .values({
        stationId: station.id,
        unitPath: where.unitPath,
        volunteerId: v.id,
        title: input.title,
        detail: input.detail ?? null,
        place: where.place,
        householdId: where.householdId,
        matterId: matter?.id ?? null,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
        sentBy: actor.id,
        sentAt: ctx.now(),
      })
      .returning();
    if (!task) throw new AppError('CONFLICT');
    await recordStep(ctx, tx, task, {
      action: 'alliance.task.send',
      event: 'matter.volunteer_sent',
      note: `${v.name}：${task.title}`,
      from: null,
    });
    return task.id;
  });
  return deskTask(ctx, id);
}

/** The station's tasks in the actor's sight, newest first, with each volunteer's state. */
export async function listStationTasks(
  ctx: Ctx,
  stationId: string,
  query: VolunteerTaskQuery,
): Promise<VolunteerTaskView[]> {
  const station = await stationInScope(ctx, stationId);
  const rows = await selectTasks(ctx)
    .where(
      and(
        eq(volunteerTasks.stationId, station.id),
        visibleUnits(actorOf(ctx), volunteerTasks.unitPath),
        query.status ? eq(volunteerTasks.status, query.status) : undefined,
        query.volunteerId ? eq(volunteerTasks.volunteerId, query.volunteerId) : undefined,
      ),
    )
    .orderBy(desc(volunteerTasks.sentAt))
    .limit(300);
  return rows.map(presentForDesk);
}

const RECENT_DAYS = 30;

/** The volunteer's own tasks: the open ones first (soonest due first), then those finished in the last month. */
export async function listMyTasks(ctx: Ctx): Promise<MyVolunteerTaskView[]> {
  const me = actorOf(ctx).id;
  const since = new Date(ctx.now().getTime() - RECENT_DAYS * 86_400_000);
  const open = inArray(volunteerTasks.status, [...OPEN_VOLUNTEER_TASK_STATUSES]);
  const finishedAt = sql`coalesce(${volunteerTasks.doneAt}, ${volunteerTasks.declinedAt}, ${volunteerTasks.cancelledAt})`;
  const rows = await selectTasks(ctx)
    .where(and(eq(volunteerTasks.volunteerId, me), or(open, gte(finishedAt, since))))
    .orderBy(
      sql`CASE WHEN ${open} THEN 0 ELSE 1 END`,
      sql`CASE WHEN ${open} THEN ${volunteerTasks.dueAt} END ASC NULLS LAST`,
      sql`coalesce(${finishedAt}, ${volunteerTasks.sentAt}) DESC`,
    )
    .limit(100);
  return rows.map(presentMine);
}

/** One task of the volunteer's own; anyone else's is not found. */
export async function myTask(ctx: Ctx, id: string): Promise<MyVolunteerTaskView> {
  const [row] = await selectTasks(ctx).where(
    and(eq(volunteerTasks.id, id), eq(volunteerTasks.volunteerId, actorOf(ctx).id)),
  );
  if (!row) throw new AppError('NOT_FOUND', { what: 'volunteer_task' });
  return presentMine(row);
}

const STEP_EVENTS: Partial<Record<VolunteerTaskAction, MatterEventType>> = {
  decline: 'matter.volunteer_declined',
  done: 'matter.volunteer_done',
  cancel: 'matter.volunteer_withdrawn',
};

/** One step of the flow on a task the caller may act on, guarded on the status and version it read. */
async function step(
  ctx: Ctx,
  id: string,
  action: VolunteerTaskAction,
  change: { version?: number; text?: string },
): Promise<Task> {
  const actor = actorOf(ctx);
  const [task] = await ctx.db.select().from(volunteerTasks).where(eq(volunteerTasks.id, id));
  const mine = action !== 'cancel';
  const reachable = task && (mine ? task.volunteerId === actor.id : canSeePath(actor, task.unitPath));
  if (!task || !reachable) throw new AppError('NOT_FOUND', { what: 'volunteer_task' });
  if (change.version !== undefined && change.version !== task.version) throw new AppError('CONFLICT');
  const flow = VOLUNTEER_TASK_FLOW[action];
  if (!flow.from.includes(task.status)) throw new AppError('VOLUNTEER_TASK_STATUS', { status: task.status, action });
  const now = ctx.now();
  const text = change.text ?? null;
  const set: Partial<Task> = {
    accept: { acceptedAt: now },
    decline: { declinedAt: now, declineReason: text },
    done: { doneAt: now, doneNote: text },
    cancel: { cancelledAt: now, cancelReason: text },
  }[action];
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(volunteerTasks)
      .set({ ...set, status: flow.to, version: task.version + 1 })
      // Guard on the version read: the desk may withdraw the task while the volunteer reports it done.
      .where(and(eq(volunteerTasks.id, id), eq(volunteerTasks.version, task.version)))
      .returning();
    if (!updated) throw new AppError('CONFLICT');
    await recordStep(ctx, tx, updated, {
      action: `alliance.task.${action}`,
      event: STEP_EVENTS[action],
      note: text,
      from: task.status,
    });
    return updated;
  });
}

/** The volunteer takes the task on. */
export async function acceptTask(ctx: Ctx, id: string, version?: number) {
  await step(ctx, id, 'accept', { version });
  return myTask(ctx, id);
}

/** The volunteer hands it back with a reason (不在村里, 身体不适): the desk sends it to someone else. */
export async function declineTask(ctx: Ctx, id: string, reason: string, version?: number) {
  await step(ctx, id, 'decline', { version, text: reason });
  return myTask(ctx, id);
}

/** The volunteer reports it done with what it did or saw. */
export async function finishTask(ctx: Ctx, id: string, note: string, version?: number) {
  await step(ctx, id, 'done', { version, text: note });
  return myTask(ctx, id);
}

/** 撤回: the desk withdraws an open task with a reason (the volunteer reads it). */
export async function cancelTask(ctx: Ctx, id: string, reason: string, version?: number) {
  await step(ctx, id, 'cancel', { version, text: reason });
  return deskTask(ctx, id);
}
