/** /api/v1 议事厅 for staff: the station's rooms, their hosts, posts and members, the hosts' photos */
import {
  CreateRoomInput,
  IdParams,
  NoBody,
  RoomMemberView,
  RoomPeriodPage,
  RoomPeriodQuery,
  RoomPostPage,
  RoomPostQuery,
  RoomPostView,
  RoomSummary,
  RoomView,
  StaffPostInput,
  UpdateRoomInput,
  UploadPhotosResult,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/context.js';
import { readPhotoParts, storePhotos } from '../media/photos.service.js';
import { listMembers } from './members.service.js';
import { listRoomsOfPeriod } from './period.js';
import { roomPhotoForStaff } from './photos.js';
import { staffPosts } from './posts.pages.js';
import { assertMayPost, postAsStaff } from './posts.service.js';
import { createRoom, getRoom, listRooms, rotateInvite, updateRoom } from './rooms.service.js';

const tags = ['rooms'];
const read = { capability: 'room.read' } as const;
const manage = { capability: 'room.manage' } as const;
const key = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;

export const roomRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:id/rooms',
    {
      config: read,
      schema: {
        tags,
        summary: '本所议事厅',
        description:
          '本所在本人可见范围内的议事厅群及本人担任群主、管理员的群：群主和管理员、成员数、未答复和超时的“@”、待审核发言、最后发言时间。',
        params: IdParams,
        response: { 200: z.array(RoomSummary) },
      },
    },
    (req) => listRooms(req.ctx, req.params.id),
  );
  app.post(
    '/stations/:id/rooms',
    {
      config: manage,
      schema: {
        tags,
        summary: '建群',
        description:
          '片区群覆盖本所的一个村（社区）或网格，专题群覆盖全所、凭邀请码加入。群主和管理员须为本所持有 room.host 的民警、辅警或网格员。记入审计。',
        errors: ['ROOM_HOST_FOREIGN', 'CONFLICT'],
        params: IdParams,
        body: CreateRoomInput,
        response: { 200: RoomView },
      },
    },
    (req) => createRoom(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/rooms',
    {
      config: read,
      schema: {
        tags,
        summary: '一段时间的议事厅',
        description:
          '某派出所或县局（unitId，须在本人范围内；不填为本人所在的所或局）下本人可见的群（辖区内的群和本人主持的群），及每个群在 from–to（北京时间）内的发言数、发言成员数、期末成员数、“@”数、按时答复数和到期数（已答复或已过答复时限）；posted=1 只列期内有发言的群。警民群看板的数字由此点开。',
        errors: ['NOT_FOUND', 'FORBIDDEN'],
        querystring: RoomPeriodQuery,
        response: { 200: RoomPeriodPage },
      },
    },
    (req) => listRoomsOfPeriod(req.ctx, req.query),
  );
  app.get(
    '/rooms/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '群详情',
        description: '群的概况、群主和管理员、本人在群里能做什么；邀请码只给本群群主、管理员和本所管理人员。',
        params: IdParams,
        response: { 200: RoomView },
      },
    },
    (req) => getRoom(req.ctx, req.params.id),
  );
  app.patch(
    '/rooms/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '修改群',
        description:
          '本所管理人员（room.manage）修改群名、简介、群主和管理员，或关闭群；版本号不符回答 CONFLICT。记入审计。',
        errors: ['ROOM_NOT_HOST', 'ROOM_HOST_FOREIGN', 'CONFLICT'],
        params: IdParams,
        body: UpdateRoomInput,
        response: { 200: RoomView },
      },
    },
    (req) => updateRoom(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/rooms/:id/invite',
    {
      config: read,
      schema: {
        tags,
        summary: '更换邀请码',
        description: '本所管理人员更换群的邀请码，旧的邀请二维码随即失效，已入群的成员不受影响。记入审计。',
        errors: ['ROOM_NOT_HOST', 'CONFLICT'],
        params: IdParams,
        body: NoBody,
        response: { 200: RoomView },
      },
    },
    (req) => rotateInvite(req.ctx, req.params.id),
  );
  app.get(
    '/rooms/:id/posts',
    {
      config: read,
      schema: {
        tags,
        summary: '群发言',
        description:
          '按顺序号倒序分页（before 为上一页最小的 seq），工作人员能看到待审核、已隐藏的发言；可只看公告、未答复的“@”或待审核。',
        params: IdParams,
        querystring: RoomPostQuery,
        response: { 200: RoomPostPage },
      },
    },
    (req) => staffPosts(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/rooms/:id/posts',
    {
      config: read,
      schema: {
        tags,
        summary: '工作人员发言',
        description:
          '群主、管理员和本所管理人员发言、发公告（可置顶）、回复；回复一条未答复的“@”即记为已答复（只记一次）。值班台只能回复已转到值班台的“@”。带 Idempotency-Key 重发不会重复发言。',
        errors: [
          'ROOM_NOT_HOST',
          'ROOM_CLOSED',
          'IDEMPOTENCY_KEY_REQUIRED',
          'PHOTOS_UNAVAILABLE',
          'NOT_FOUND',
          'CONFLICT',
        ],
        params: IdParams,
        body: StaffPostInput,
        response: { 200: RoomPostView },
      },
    },
    (req) => postAsStaff(req.ctx, req.params.id, req.body, key(req.headers)),
  );
  app.post(
    '/rooms/:id/photos',
    {
      config: read,
      schema: {
        tags,
        summary: '上传群发言的照片',
        description:
          '群主、管理员先上传照片（字段 photo，规则同群众上传），再在发言中引用。带 Idempotency-Key 重试不会重复上传。',
        errors: ['ROOM_NOT_HOST', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH', 'PHOTO_UNREADABLE'],
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: UploadPhotosResult },
      },
    },
    async (req) => {
      await assertMayPost(req.ctx, req.params.id);
      const files = await readPhotoParts(req);
      const me = actorOf(req.ctx).id;
      return storePhotos(req.ctx, { owner: { type: 'staff', id: me }, staffId: me }, key(req.headers), files, false);
    },
  );
  app.get(
    '/room-photos/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '群发言照片',
        description: '本人可见的群里一条发言的照片；size=thumb 取缩略图。',
        params: IdParams,
        querystring: z.object({ size: z.enum(['full', 'thumb']).default('full') }).strict(),
      },
    },
    (req, reply) => roomPhotoForStaff(req.ctx, reply, req.params.id, req.query.size),
  );
  app.get(
    '/rooms/:id/members',
    {
      config: read,
      schema: {
        tags,
        summary: '群成员',
        description:
          '群主、管理员和本所管理人员查看成员：昵称、村（社区）、入群时间、禁言或移出情况、发言数，不含手机号。',
        errors: ['ROOM_NOT_HOST'],
        params: IdParams,
        response: { 200: z.array(RoomMemberView) },
      },
    },
    (req) => listMembers(req.ctx, req.params.id),
  );
};
