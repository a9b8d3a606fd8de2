/**
 * /api/v1 议事厅 失物招领/寻物启事: residents post a notice in their room, close their own, and read the station's
 * lost and found (header x-phone-token); hosts post one for an item handed in, close any in their rooms, and read
 * the station's notices in the console.
 */
import { CloseItemInput, IdParams, ItemPostInput, RoomItemQuery, RoomPostView, StationItemPage } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { memberItems, stationItems } from './items.queries.js';
import { closeItemAsStaff, closeOwnItem, postItemAsMember, postItemAsStaff } from './items.service.js';

const tags = ['rooms'];
const config = { public: true } as const;
const read = { capability: 'room.read' } as const;
const phone = (headers: Record<string, unknown>) => headers['x-phone-token'] as string | undefined;
const key = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;
const MEMBER = ['PHONE_SESSION_REQUIRED', 'ROOM_NOT_MEMBER'] as const;
const CLOSE = ['ROOM_POST_KIND', 'ROOM_POST_STATUS', 'ROOM_ITEM_CLOSED'] as const;
const WHAT =
  '启事写明物品、地点、丢失或拾到的时间（不能晚于现在，否则回答 VALIDATION），可附照片和补充说明；' +
  '请勿留电话，联系一律在群里回复。选择“全所可见”时，本所其他群的成员也能在失物招领里看到。';

export const roomItemsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/public/rooms/:id/items',
    {
      config,
      schema: {
        tags,
        summary: '发布寻物启事或失物招领',
        description: `成员在群里发布寻物启事（lost）或失物招领（found）。${WHAT}被禁言时回答剩余时间；与发言共用每分钟上限；含待审核词的先交群主审核。带 Idempotency-Key 重发不会重复发布。`,
        errors: [
          ...MEMBER,
          'VALIDATION',
          'ROOM_CLOSED',
          'ROOM_MUTED',
          'RATE_LIMITED',
          'IDEMPOTENCY_KEY_REQUIRED',
          'PHOTOS_UNAVAILABLE',
          'CONFLICT',
        ],
        params: IdParams,
        body: ItemPostInput,
        response: { 200: RoomPostView },
      },
    },
    (req) => postItemAsMember(req.ctx, req.params.id, req.body, phone(req.headers), key(req.headers)),
  );
  app.post(
    '/public/room-posts/:id/close-item',
    {
      config,
      schema: {
        tags,
        summary: '标记已找到或已归还（发布人）',
        description:
          '发布人把自己的启事标记为“已找到”（found）或“已归还”（returned），只能标记一次；群里实时更新，记入审计。不是本人发布的启事回答未找到。',
        errors: ['PHONE_SESSION_REQUIRED', ...CLOSE],
        params: IdParams,
        body: CloseItemInput,
        response: { 200: RoomPostView },
      },
    },
    (req) => closeOwnItem(req.ctx, req.params.id, req.body.as, phone(req.headers)),
  );
  app.get(
    '/public/rooms/:id/items',
    {
      config,
      schema: {
        tags,
        summary: '失物招领（群众）',
        description:
          '成员查看本群的启事，以及本所其他在用群里选择“全所可见”的启事：state 选未结束（open）、已结束（closed）或全部（all），按发布时间倒序，before 翻页。被隐藏、删除或待审核的不列出。',
        errors: [...MEMBER],
        params: IdParams,
        querystring: RoomItemQuery,
        response: { 200: StationItemPage },
      },
    },
    (req) => memberItems(req.ctx, req.params.id, req.query, phone(req.headers)),
  );
  app.post(
    '/rooms/:id/items',
    {
      config: read,
      schema: {
        tags,
        summary: '发布失物招领（工作人员）',
        description: `群主、管理员或本所管理人员在群里发布启事，例如群众交到派出所的失物。${WHAT}带 Idempotency-Key 重发不会重复发布。记入审计。`,
        errors: [
          'ROOM_NOT_HOST',
          'VALIDATION',
          'ROOM_CLOSED',
          'IDEMPOTENCY_KEY_REQUIRED',
          'PHOTOS_UNAVAILABLE',
          'CONFLICT',
        ],
        params: IdParams,
        body: ItemPostInput,
        response: { 200: RoomPostView },
      },
    },
    (req) => postItemAsStaff(req.ctx, req.params.id, req.body, key(req.headers)),
  );
  app.post(
    '/room-posts/:id/close-item',
    {
      config: read,
      schema: {
        tags,
        summary: '标记已找到或已归还（工作人员）',
        description:
          '本群的群主、管理员或本所管理人员把群里的启事标记为“已找到”或“已归还”，只能标记一次；群里实时更新，记入审计。其他群的群主回答 ROOM_NOT_HOST。',
        errors: ['ROOM_NOT_HOST', ...CLOSE],
        params: IdParams,
        body: CloseItemInput,
        response: { 200: RoomPostView },
      },
    },
    (req) => closeItemAsStaff(req.ctx, req.params.id, req.body.as),
  );
  app.get(
    '/stations/:id/room-items',
    {
      config: read,
      schema: {
        tags,
        summary: '本所失物招领',
        description:
          '本所本人可见的群（辖区内的群和本人主持的群）中的寻物启事和失物招领，标明所在群；state 选未结束、已结束或全部，按发布时间倒序，before 翻页。其他派出所回答未找到。',
        params: IdParams,
        querystring: RoomItemQuery,
        response: { 200: StationItemPage },
      },
    },
    (req) => stationItems(req.ctx, req.params.id, req.query),
  );
};
