/**
 * Server-Sent Events: the staff console's live updates (scoped exactly like
 * the lists) and the resident's live matter page. Each event carries its
 * delivery order, so the browser's automatic reconnect (Last-Event-ID)
 * resumes where it left off.
 */
import { StreamQuery, TrackingParams } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { EventHub } from '../../platform/events.js';
import { streamTopics } from '../../platform/scope.js';
import { matterTopic, staffTopic } from '../../platform/topics.js';
import { matterByTracking } from '../residents/links.js';
import { lastEventId, openStream } from './stream.js';

declare module 'fastify' {
  interface FastifyInstance {
    hub: EventHub;
  }
}

/** What a staff stream hears: the same sight as the lists, plus notices to the account itself. */
function staffTopics(actor: Actor): string[] {
  const topics = streamTopics(actor);
  if (topics.length === 0) throw new AppError('FORBIDDEN');
  return [...topics, staffTopic(actor.id)];
}

export const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/events',
    {
      config: { capability: 'matter.read', stream: true },
      schema: {
        tags: ['matters'],
        summary: '工作人员实时推送',
        description:
          'Server-Sent Events：本账号可见范围内事项的变化，以及给本账号的通知；断线后凭 Last-Event-ID 续传，会话结束时关闭。',
        querystring: StreamQuery,
      },
    },
    async (req, reply) => {
      const actor = req.ctx.actor as Actor;
      return openStream(req, reply, staffTopics(actor), lastEventId(req, req.query), actor);
    },
  );

  app.get(
    '/public/matters/:tracking/events',
    {
      config: { public: true, stream: true },
      schema: {
        tags: ['resident'],
        summary: '群众事项实时推送',
        description: 'Server-Sent Events：查询链接对应事项中群众可见的变化（内部备注不推送），断线后续传。',
        params: TrackingParams,
        querystring: StreamQuery,
      },
    },
    async (req, reply) => {
      const { matter } = await matterByTracking(req.ctx, req.params.tracking);
      return openStream(req, reply, [matterTopic(matter.id)], lastEventId(req, req.query));
    },
  );
};
