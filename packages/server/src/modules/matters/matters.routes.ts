/** /api/v1/matters: the desk's inbox and every step of handling. */
import {
  AcceptMatterInput,
  DeskSummary,
  DispatchMatterInput,
  deadlinesFor,
  IdParams,
  isFinished,
  MatterQuery,
  MatterView,
  MergeMatterInput,
  MessageInput,
  PhotoSizeQuery,
  paged,
  ReasonInput,
  ResolveMatterInput,
  SuggestedAssignee,
  SupervisionBoard,
  TimelineEntry,
  UploadPhotosResult,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditAlone, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { responsibleOfficer } from '../desk/duties.service.js';
import { matterSettings } from '../desk/settings.service.js';
import { assignees } from './assignees.js';
import { supervisionBoard } from './board.queries.js';
import { deskSummary, findMatters, matterIdByNumber, timeline } from './matters.queries.js';
import { dispatchPatch, getMatterOrThrow, presentWithPhotos, transition } from './matters.service.js';
import { addMessage, remindAssignee, revealContactPhone } from './messages.service.js';
import { readPhoto, sendPhoto } from './photos.queries.js';
import { readPhotoParts, storePhotos } from './photos.service.js';

const tags = ['matters'];
const read = { capability: 'matter.read' } as const;
const Detail = MatterView.extend({
  timeline: z.array(TimelineEntry),
  /** 建议派单: the responsible officer of the household's grid. */
  suggestedAssignee: SuggestedAssignee.nullable(),
});
const PhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() }).strict();

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
    // Handlers need the list too: an officer or a department transfers onward (转办).
    { config: { capability: 'matter.handle' }, schema: { tags, response: { 200: Assignees } } },
    (req) => assignees(req.ctx),
  );
  app.get('/matters/summary', { config: read, schema: { tags, response: { 200: DeskSummary } } }, (req) =>
    deskSummary(req.ctx),
  );
  app.get(
    '/matters/board',
    { config: { capability: 'matter.desk' }, schema: { tags, response: { 200: SupervisionBoard } } },
    (req) => supervisionBoard(req.ctx),
  );

  app.get(
    '/matters/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Detail } } },
    async (req) => {
      const matter = await getMatterOrThrow(req.ctx, req.params.id);
      // A matter holds a resident's words, address and phone: every read by staff is on the record.
      await auditAlone(req.ctx, { action: 'matter.read', result: 'ok', targetType: 'matter', targetId: matter.id });
      return {
        ...(await presentWithPhotos(req.ctx, matter)),
        timeline: await timeline(req.ctx, matter.id, true),
        suggestedAssignee: await responsibleOfficer(req.ctx.db, matter.unitPath),
      };
    },
  );

  app.get(
    '/matters/:id/contact-phone',
    { config: read, schema: { tags, params: IdParams, response: { 200: z.object({ phone: z.string() }) } } },
    (req) => revealContactPhone(req.ctx, req.params.id),
  );

  app.post(
    '/matters/:id/photos',
    {
      config: { capability: 'matter.handle' },
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 200: UploadPhotosResult } },
    },
    async (req) => {
      const matter = await getMatterOrThrow(req.ctx, req.params.id);
      const files = await readPhotoParts(req);
      const owner = { kind: 'matter' as const, matterId: matter.id, staffId: req.ctx.actor!.id };
      return storePhotos(req.ctx, owner, req.headers['idempotency-key'] as string | undefined, files, false);
    },
  );
  app.get(
    '/matters/:id/photos/:photoId',
    { config: read, schema: { tags, params: PhotoParams, querystring: PhotoSizeQuery } },
    async (req, reply) => {
      const matter = await getMatterOrThrow(req.ctx, req.params.id);
      const photo = await readPhoto(req.ctx.db, matter.id, req.params.photoId, req.query.size);
      if (photo && req.query.size === 'full')
        await auditAlone(req.ctx, {
          action: 'matter.photo_read',
          result: 'ok',
          targetType: 'matter',
          targetId: matter.id,
          details: { photoId: req.params.photoId },
        });
      if (!photo) throw new AppError('NOT_FOUND', { what: req.ctx.locale === 'en' ? 'Photo' : '该照片' });
      return sendPhoto(reply, photo);
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
    const { deadlines } = await matterSettings(ctx.db, matter.stationId);
    // The resolution clock runs from submission, by the kind and urgency the desk confirms.
    const rule = deadlinesFor(b.kind ?? matter.kind, b.urgency, deadlines);
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
  post('take', z.object({}).strict().optional(), async (ctx, id) => {
    const matter = await getMatterOrThrow(ctx, id);
    // 接单 on a team's matter makes the taker its handler; a department's stays the department's.
    const taker = matter.assigneeTeamId && !matter.assigneeStaffId ? { assigneeStaffId: ctx.actor!.id } : {};
    return transition(ctx, id, { action: 'take', patch: { takenAt: ctx.now(), ...taker }, payload: taker });
  });
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
    const into = await getMatterOrThrow(ctx, b.intoId ?? (await matterIdByNumber(ctx, b.intoNumber!)));
    if (into.id === id) throw new AppError('VALIDATION', { detail: b.intoId ? 'intoId' : 'intoNumber' });
    if (isFinished(into.status)) throw new AppError('INVALID_TRANSITION', { from: into.status, to: 'merged' });
    return transition(ctx, id, {
      action: 'merge',
      note: b.note,
      patch: { mergedIntoId: into.id, closedAt: ctx.now() },
      payload: { intoId: into.id, intoNumber: into.number },
    });
  });
  post('reply', MessageInput, (ctx, id, b) => addMessage(ctx, id, b, 'public'));
  post('note', MessageInput, (ctx, id, b) => addMessage(ctx, id, b, 'internal'));
  post('remind', ReasonInput, (ctx, id, b) => remindAssignee(ctx, id, b.reason));
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
