/**
 * 受理 → 派单 → 接单 → 办结, and the steps around them, as use cases: each
 * loads the matter once, applies its own rule, and moves it through
 * `transition()`. The routes only validate and call these.
 */
import {
  type AcceptMatterInput,
  type DispatchMatterInput,
  deadlinesFor,
  dueDates,
  isFinished,
  type MatterView,
  type MergeMatterInput,
  type ReasonInput,
} from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { departments, staff, teams, units } from '../../db/schema/index.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isDepartmentOnly } from '../../platform/scope.js';
import { announceEvaluation } from '../evaluations/jobs.js';
import { matterSettings } from '../settings/settings.service.js';
import { currentRound, openRoundEvaluation } from './evaluation.js';
import { matterIdByNumber } from './matters.queries.js';
import { getMatterOrThrow, type LoadedMatter, presentWithPhotos } from './matters.service.js';
import { type Change, type Matter, type Patch, transition } from './transition.js';

/** One step on one matter, answered with the matter as it now stands. */
async function step(ctx: Ctx, id: string, change: (m: LoadedMatter) => Promise<Change> | Change): Promise<MatterView> {
  const matter = await getMatterOrThrow(ctx, id);
  const updated = await transition(ctx, matter, await change(matter));
  return presentWithPhotos(ctx, { ...updated, address: matter.address, stationName: matter.stationName });
}

/** 受理: the desk confirms kind and urgency; the resolution clock runs from submission by them. */
export const acceptMatter = (ctx: Ctx, id: string, b: AcceptMatterInput) =>
  step(ctx, id, async (matter) => {
    const { deadlines } = await matterSettings(ctx.db, matter.stationId);
    const rule = deadlinesFor(b.kind ?? matter.kind, b.urgency, deadlines);
    return {
      action: 'accept',
      note: b.note,
      noteVisibility: b.noteVisibility,
      payload: { urgency: b.urgency, kind: b.kind ?? null },
      patch: {
        acceptedAt: ctx.now(),
        urgency: b.urgency,
        category: b.category ?? null,
        resolveDueAt: dueDates(rule, { submittedAt: matter.createdAt }).resolveDueAt,
        ...(b.kind ? { kind: b.kind } : {}),
      },
    };
  });

export const invalidateMatter = (ctx: Ctx, id: string, b: ReasonInput) =>
  step(ctx, id, () => ({
    action: 'invalidate',
    note: b.reason,
    noteVisibility: b.noteVisibility,
    patch: { closedAt: ctx.now() },
  }));

/** 派单 or 转办 to an officer, a team or a department of the actor's station. */
export const dispatchMatter = (ctx: Ctx, id: string, b: DispatchMatterInput, action: 'dispatch' | 'transfer') =>
  step(ctx, id, async (matter) => {
    const patch = await dispatchPatch(ctx, matter, b);
    return { action, patch, note: b.note, noteVisibility: b.noteVisibility, payload: assigneePayload(patch) };
  });

/** 接单 on a team's matter makes the taker its handler; a department's stays the department's. */
export const takeMatter = (ctx: Ctx, id: string) =>
  step(ctx, id, (matter) => {
    const taker = matter.assigneeTeamId && !matter.assigneeStaffId ? { assigneeStaffId: (ctx.actor as Actor).id } : {};
    return { action: 'take', patch: { takenAt: ctx.now(), ...taker }, payload: taker };
  });

export const returnMatter = (ctx: Ctx, id: string, b: ReasonInput) =>
  step(ctx, id, () => ({
    action: 'return',
    note: b.reason,
    noteVisibility: b.noteVisibility,
    patch: { assigneeStaffId: null, assigneeTeamId: null, assigneeDepartmentId: null, takeDueAt: null },
  }));

/** 办结 opens the round's evaluation (接处警必评) in the same transaction; a contact phone is told after commit. */
export async function resolveMatter(ctx: Ctx, id: string, outcome: string): Promise<MatterView> {
  const matter = await getMatterOrThrow(ctx, id);
  const round = await currentRound(ctx.db, id);
  const { evaluation } = await matterSettings(ctx.db, matter.stationId);
  const change: Change = { action: 'resolve', note: outcome, patch: { outcome, resolvedAt: ctx.now() } };
  const { updated, request } = await ctx.db.transaction(async (tx) => {
    const resolved = await transition(ctx, matter, change, { tx });
    const request = await openRoundEvaluation(tx, ctx, resolved, round, evaluation.expiresDays);
    return { updated: resolved, request };
  });
  // After commit, like the desk's receipt: the contact phone hears that an evaluation waits (never a link).
  await announceEvaluation(ctx, request.id);
  return presentWithPhotos(ctx, { ...updated, address: matter.address, stationName: matter.stationName });
}

/** 重新办理 starts a new round: its outcome and rating are still to come (earlier rounds stay on the timeline). */
export const reopenMatter = (ctx: Ctx, id: string, b: ReasonInput) =>
  step(ctx, id, () => ({
    action: 'reopen',
    note: b.reason,
    noteVisibility: b.noteVisibility,
    patch: { resolvedAt: null, outcome: null, rating: null, ratingComment: null, ratedAt: null },
  }));

export const closeMatter = (ctx: Ctx, id: string) =>
  step(ctx, id, () => ({ action: 'close', patch: { closedAt: ctx.now() } }));

/** 合并: a duplicate folds into an open matter, found by id or by its 回执号. */
export const mergeMatter = (ctx: Ctx, id: string, b: MergeMatterInput) =>
  step(ctx, id, async () => {
    const intoId = b.intoId ?? (await matterIdByNumber(ctx, b.intoNumber ?? ''));
    const into = await getMatterOrThrow(ctx, intoId);
    if (into.id === id) throw new AppError('VALIDATION', { detail: b.intoId ? 'intoId' : 'intoNumber' });
    if (isFinished(into.status)) throw new AppError('INVALID_TRANSITION', { from: into.status, to: 'merged' });
    return {
      action: 'merge',
      note: b.note,
      noteVisibility: b.noteVisibility,
      patch: { mergedIntoId: into.id, closedAt: ctx.now() },
      payload: { intoId: into.id, intoNumber: into.number },
    };
  });

/** Resolves the assignee of a dispatch or transfer inside the actor's station, with its deadlines. */
async function dispatchPatch(ctx: Ctx, matter: Matter, input: DispatchMatterInput): Promise<Patch> {
  const actor = ctx.actor as Actor;
  // A partner department passes a matter on to another department, never to a named officer or a team.
  if (isDepartmentOnly(actor) && !input.assigneeDepartmentId) throw new AppError('FORBIDDEN');
  await assertAssigneeInScope(ctx, actor, input);
  const now = ctx.now();
  const { deadlines } = await matterSettings(ctx.db, matter.stationId);
  const due = dueDates(deadlinesFor(matter.kind, matter.urgency, deadlines), {
    submittedAt: matter.createdAt,
    dispatchedAt: now,
  });
  return {
    assigneeStaffId: input.assigneeStaffId ?? null,
    assigneeTeamId: input.assigneeTeamId ?? null,
    assigneeDepartmentId: input.assigneeDepartmentId ?? null,
    dispatchedAt: now,
    takenAt: null,
    takeDueAt: due.takeDueAt,
    // The resolution clock set at acceptance keeps running; only the desk sets a new one.
    resolveDueAt:
      input.resolveDueAt && actor.capabilities.includes('matter.desk')
        ? new Date(input.resolveDueAt)
        : (matter.resolveDueAt ?? due.resolveDueAt),
  };
}

/** The named officer, team or department must be active and inside the actor's sight. */
async function assertAssigneeInScope(ctx: Ctx, actor: Actor, input: DispatchMatterInput) {
  if (input.assigneeStaffId) {
    const [s] = await ctx.db
      .select({ path: units.path, status: staff.status })
      .from(staff)
      .innerJoin(units, eq(units.id, staff.scopeUnitId))
      .where(eq(staff.id, input.assigneeStaffId));
    if (s?.status !== 'active' || !canSeePath(actor, s.path))
      throw new AppError('VALIDATION', { detail: 'assigneeStaffId' });
  }
  if (input.assigneeTeamId) {
    const [t] = await ctx.db
      .select({ path: units.path })
      .from(teams)
      .innerJoin(units, eq(units.id, teams.stationId))
      .where(eq(teams.id, input.assigneeTeamId));
    if (!t || !canSeePath(actor, t.path)) throw new AppError('VALIDATION', { detail: 'assigneeTeamId' });
  }
  if (input.assigneeDepartmentId) {
    const [d] = await ctx.db
      .select({ path: units.path })
      .from(departments)
      .innerJoin(units, eq(units.id, departments.unitId))
      .where(eq(departments.id, input.assigneeDepartmentId));
    if (!d || !canSeePath(actor, d.path)) throw new AppError('VALIDATION', { detail: 'assigneeDepartmentId' });
  }
}

function assigneePayload(patch: Patch) {
  return {
    assigneeStaffId: patch.assigneeStaffId ?? null,
    assigneeTeamId: patch.assigneeTeamId ?? null,
    assigneeDepartmentId: patch.assigneeDepartmentId ?? null,
  };
}
