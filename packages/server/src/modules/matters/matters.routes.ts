/** /api/v1/matters: the desk's inbox and every step of handling. */
import {
  AcceptMatterInput,
  DeskSummary,
  DispatchMatterInput,
  deadlinesFor,
  IdParams,
  MatterQuery,
  MatterView,
  MergeMatterInput,
  MessageInput,
  paged,
  ReasonInput,
  ResolveMatterInput,
  TimelineEntry,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assignees } from './assignees.js';
import { deskSummary, findMatters, timeline } from './matters.queries.js';
import { addMessage, dispatchPatch, getMatterOrThrow, presentMatter, transition } from './matters.service.js';

const tags = ['matters'];
const read = { capability: 'matter.read' } as const;
const Detail = MatterView.extend({ timeline: z.array(TimelineEntry) });

export const matterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/matters',
    { config: read, schema: { tags, querystring: MatterQuery, response: { 200: paged(MatterView) } } },
    (req) => findMatters(req.ctx, req.query),
  );

  const Option = z.object({ id: z.uuid(), name: z.string(), unit: z.string() });
  const Assignees = z.object({
    staff: z.array(Option.extend({ roles: z.array(z.string()) })),
    teams: z.array(Option),
    departments: z.array(Option),
  });
  app.get(
    '/matters/assignees',
    { config: { capability: 'matter.desk' }, schema: { tags, response: { 200: Assignees } } },
    (req) => assignees(req.ctx),
  );
  app.get('/matters/summary', { config: read, schema: { tags, response: { 200: DeskSummary } } }, (req) =>
    deskSummary(req.ctx),
  );

  app.get(
    '/matters/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Detail } } },
    async (req) => {
      const matter = await getMatterOrThrow(req.ctx, req.params.id);
      return { ...presentMatter(req.ctx, matter), timeline: await timeline(req.ctx, matter.id, true) };
    },
  );

  const post = <S extends z.ZodType>(
    path: string,
    body: S,
    handler: (ctx: Ctx, id: string, body: z.infer<S>) => Promise<MatterView>,
  ) =>
    app.post(
      `/matters/:id/${path}`,
      { config: read, schema: { tags, params: IdParams, body, response: { 200: MatterView } } },
      (req) => handler(req.ctx, req.params.id, req.body as z.infer<S>),
    );

  post('accept', AcceptMatterInput, async (ctx, id, b) => {
    const matter = await getMatterOrThrow(ctx, id);
    // The resolution clock runs from submission, by the kind and urgency the desk confirms.
    const rule = deadlinesFor(b.kind ?? matter.kind, b.urgency);
    const resolveDueAt = new Date(matter.createdAt.getTime() + rule.resolveMinutes * 60_000);
    const patch = {
      acceptedAt: ctx.now(),
      urgency: b.urgency,
      category: b.category ?? null,
      resolveDueAt,
      ...(b.kind ? { kind: b.kind } : {}),
    };
    return transition(ctx, id, {
      action: 'accept',
      patch,
      note: b.note,
      payload: { urgency: b.urgency, kind: b.kind ?? null },
    });
  });
  post('invalidate', ReasonInput, (ctx, id, b) =>
    transition(ctx, id, { action: 'invalidate', note: b.reason, patch: { closedAt: ctx.now() } }),
  );
  post('dispatch', DispatchMatterInput, async (ctx, id, b) => {
    const patch = await dispatchPatch(ctx, await getMatterOrThrow(ctx, id), b);
    return transition(ctx, id, { action: 'dispatch', patch, note: b.note, payload: assigneePayload(patch) });
  });
  post('transfer', DispatchMatterInput, async (ctx, id, b) => {
    const patch = await dispatchPatch(ctx, await getMatterOrThrow(ctx, id), b);
    return transition(ctx, id, { action: 'transfer', patch, note: b.note, payload: assigneePayload(patch) });
  });
  post('take', z.object({}).strict().optional(), (ctx, id) =>
    transition(ctx, id, { action: 'take', patch: { takenAt: ctx.now() } }),
  );
  post('return', ReasonInput, (ctx, id, b) =>
    transition(ctx, id, {
      action: 'return',
      note: b.reason,
      patch: { assigneeStaffId: null, assigneeTeamId: null, assigneeDepartmentId: null, takeDueAt: null },
    }),
  );
  post('resolve', ResolveMatterInput, (ctx, id, b) =>
    transition(ctx, id, { action: 'resolve', note: b.outcome, patch: { outcome: b.outcome, resolvedAt: ctx.now() } }),
  );
  post('reopen', ReasonInput, (ctx, id, b) =>
    transition(ctx, id, { action: 'reopen', note: b.reason, patch: { resolvedAt: null } }),
  );
  post('close', z.object({}).strict().optional(), (ctx, id) =>
    transition(ctx, id, { action: 'close', patch: { closedAt: ctx.now() } }),
  );
  post('merge', MergeMatterInput, async (ctx, id, b) => {
    if (b.intoId === id) throw new AppError('VALIDATION', { detail: 'intoId' });
    const into = await getMatterOrThrow(ctx, b.intoId);
    if (['invalid', 'merged', 'closed'].includes(into.status))
      throw new AppError('INVALID_TRANSITION', { from: into.status, to: 'merged' });
    return transition(ctx, id, {
      action: 'merge',
      note: b.note,
      patch: { mergedIntoId: into.id, closedAt: ctx.now() },
      payload: { intoId: into.id, intoNumber: into.number },
    });
  });
  post('reply', MessageInput, (ctx, id, b) => addMessage(ctx, id, b.text, 'public'));
  post('note', MessageInput, (ctx, id, b) => addMessage(ctx, id, b.text, 'internal'));
};

function assigneePayload(patch: {
  assigneeStaffId?: string | null;
  assigneeTeamId?: string | null;
  assigneeDepartmentId?: string | null;
}) {
  return {
    assigneeStaffId: patch.assigneeStaffId ?? null,
    assigneeTeamId: patch.assigneeTeamId ?? null,
    assigneeDepartmentId: patch.assigneeDepartmentId ?? null,
  };
}
