/** /api/v1/matters: the desk's inbox and every step of handling. */
import {
  AcceptMatterInput,
  Assignees,
  ContactPhoneView,
  DeskSummary,
  DispatchMatterInput,
  IdParams,
  MatterDetail,
  MatterPhotoParams,
  MatterQuery,
  MatterView,
  MergeMatterInput,
  MessageInput,
  NoBody,
  PhotoSizeQuery,
  paged,
  ReasonInput,
  ResolveMatterInput,
  SupervisionBoard,
  UploadPhotosResult,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { matterEvents } from '../../db/schema/index.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { readPhoto, sendPhoto } from '../media/photos.queries.js';
import { readPhotoParts, storePhotos } from '../media/photos.service.js';
import { responsibleOfficer } from '../org/duties.service.js';
import { assignees } from './assignees.js';
import { supervisionBoard } from './board.queries.js';
import { deskSummary, findMatters, timeline } from './matters.queries.js';
import { getMatterOrThrow, presentWithPhotos } from './matters.service.js';
import { addMessage, remindAssignee, revealContactPhone } from './messages.service.js';
import {
  acceptMatter,
  closeMatter,
  dispatchMatter,
  invalidateMatter,
  mergeMatter,
  reopenMatter,
  resolveMatter,
  returnMatter,
  takeMatter,
} from './steps.service.js';

const tags = ['matters'];
const read = { capability: 'matter.read' } as const;

export const matterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/matters',
    { config: read, schema: { tags, querystring: MatterQuery, response: { 200: paged(MatterView) } } },
    (req) => findMatters(req.ctx, req.query),
  );

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
    { config: { capability: 'matter.supervise' }, schema: { tags, response: { 200: SupervisionBoard } } },
    (req) => supervisionBoard(req.ctx),
  );

  app.get(
    '/matters/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: MatterDetail } } },
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
    { config: read, schema: { tags, params: IdParams, response: { 200: ContactPhoneView } } },
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
      const sender = { owner: { type: 'matter' as const, id: matter.id }, staffId: actorOf(req.ctx).id };
      return storePhotos(req.ctx, sender, req.headers['idempotency-key'] as string | undefined, files, false);
    },
  );
  app.get(
    '/matters/:id/photos/:photoId',
    { config: read, schema: { tags, params: MatterPhotoParams, querystring: PhotoSizeQuery } },
    async (req, reply) => {
      const matter = await getMatterOrThrow(req.ctx, req.params.id);
      const owner = { type: 'matter' as const, id: matter.id };
      const photo = await readPhoto(req.ctx.db, owner, matterEvents, req.params.photoId, req.query.size);
      if (photo && req.query.size === 'full')
        await auditAlone(req.ctx, {
          action: 'matter.photo_read',
          result: 'ok',
          targetType: 'matter',
          targetId: matter.id,
          details: { photoId: req.params.photoId },
        });
      if (!photo) throw new AppError('NOT_FOUND', { what: 'photo' });
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

  post('accept', AcceptMatterInput, acceptMatter);
  post('invalidate', ReasonInput, invalidateMatter);
  post('dispatch', DispatchMatterInput, (ctx, id, b) => dispatchMatter(ctx, id, b, 'dispatch'));
  post('transfer', DispatchMatterInput, (ctx, id, b) => dispatchMatter(ctx, id, b, 'transfer'));
  post('take', NoBody, takeMatter);
  post('return', ReasonInput, returnMatter);
  post('resolve', ResolveMatterInput, (ctx, id, b) => resolveMatter(ctx, id, b.outcome));
  post('reopen', ReasonInput, reopenMatter);
  post('close', NoBody, closeMatter);
  post('merge', MergeMatterInput, mergeMatter);
  post('reply', MessageInput, (ctx, id, b) => addMessage(ctx, id, b, 'public'));
  post('note', MessageInput, (ctx, id, b) => addMessage(ctx, id, b, 'internal'));
  post('remind', ReasonInput, (ctx, id, b) => remindAssignee(ctx, id, b.reason));
};
