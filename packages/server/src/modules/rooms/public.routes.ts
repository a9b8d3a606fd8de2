/**
 * /api/v1/public 议事厅 for residents: the rooms a doorplate or an invitation offers, join and leave with a verified
 * phone (header x-phone-token), read and post, delete one's own posts, photos, and the room's live stream.
 */
import {
  DoorplateParams,
  IdParams,
  JoinRoomInput,
  MemberPostInput,
  MyRooms,
  NoBody,
  PublicRoom,
  RoomMembership,
  RoomPostPage,
  RoomPostQuery,
  RoomPostView,
  StreamQuery,
  UploadPhotosResult,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roomMemberTopic, roomTopic } from '../../platform/topics.js';
import { lastEventId, openStream } from '../live/stream.js';
import { readPhotoParts, storePhotos } from '../media/photos.service.js';
import {
  doorplateRooms,
  inviteRoom,
  joinRoom,
  leaveRoom,
  memberOrThrow,
  myRooms,
  roomOrThrow,
} from './members.service.js';
import { roomPhotoForMember } from './photos.js';
import { announcements, memberPosts } from './posts.pages.js';
import { deleteOwnPost, postAsMember } from './posts.service.js';

const tags = ['rooms'];
const config = { public: true } as const;
const phone = (headers: Record<string, unknown>) => headers['x-phone-token'] as string | undefined;
const key = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;
const InviteParams = z.object({ token: z.string().min(20).max(64) }).strict();
const MEMBER = ['PHONE_SESSION_REQUIRED', 'ROOM_NOT_MEMBER'] as const;

export const roomPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/doorplates/:token/rooms',
    {
      config,
      schema: {
        tags,
        summary: '门牌页的议事厅',
        description: '覆盖这一户所在村（社区）、网格的片区议事厅；带手机凭证时标明是否已入群。不含任何成员信息。',
        params: DoorplateParams,
        response: { 200: z.array(PublicRoom) },
      },
    },
    (req) => doorplateRooms(req.ctx, req.params.token, phone(req.headers)),
  );
  app.get(
    '/public/rooms/invite/:token',
    {
      config,
      schema: {
        tags,
        summary: '邀请码对应的群',
        description: '扫群邀请二维码看到的群：名称、派出所、群主和管理员的昵称、人数；邀请码已更换则为未找到。',
        params: InviteParams,
        response: { 200: PublicRoom },
      },
    },
    (req) => inviteRoom(req.ctx, req.params.token, phone(req.headers)),
  );
  app.get(
    '/public/rooms/:id/announcements',
    {
      config,
      schema: {
        tags,
        summary: '群公告',
        description: '群里已发布的公告，无需登录即可查看，按顺序号倒序分页。',
        params: IdParams,
        querystring: RoomPostQuery,
        response: { 200: RoomPostPage },
      },
    },
    (req) => announcements(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/public/rooms/:id/join',
    {
      config,
      schema: {
        tags,
        summary: '入群',
        description:
          '后台实名、前台自愿：凭已验证的手机（X-Phone-Token）经门牌码或邀请码入群，群里只显示自选的昵称和门牌所在村（社区）；退群后可再次加入，被移出的在期满前不能加入。',
        errors: ['PHONE_SESSION_REQUIRED', 'ROOM_CLOSED', 'ROOM_REMOVED', 'ROOM_NICKNAME_TAKEN', 'CONFLICT'],
        params: IdParams,
        body: JoinRoomInput,
        response: { 200: RoomMembership },
      },
    },
    (req) => joinRoom(req.ctx, req.params.id, req.body, phone(req.headers)),
  );
  app.post(
    '/public/rooms/:id/leave',
    {
      config,
      schema: {
        tags,
        summary: '退群',
        description: '退出这个群；已发的发言保留（可自行删除），打开的实时推送随即关闭。',
        errors: [...MEMBER, 'CONFLICT'],
        params: IdParams,
        body: NoBody,
        response: { 200: RoomMembership },
      },
    },
    (req) => leaveRoom(req.ctx, req.params.id, phone(req.headers)),
  );
  app.get(
    '/public/my-rooms',
    {
      config,
      schema: {
        tags,
        summary: '我的议事厅',
        description: '凭手机凭证列出本人所在的群，以及在各群的昵称和是否被禁言。',
        errors: ['PHONE_SESSION_REQUIRED'],
        response: { 200: MyRooms },
      },
    },
    (req) => myRooms(req.ctx, phone(req.headers)),
  );
  app.get(
    '/public/rooms/:id/posts',
    {
      config,
      schema: {
        tags,
        summary: '群里的发言',
        description: '成员按顺序号倒序分页读群里已发布的发言，以及本人待审核、被隐藏的发言（附隐藏原因）。',
        errors: [...MEMBER],
        params: IdParams,
        querystring: RoomPostQuery,
        response: { 200: RoomPostPage },
      },
    },
    (req) => memberPosts(req.ctx, req.params.id, req.query, phone(req.headers)),
  );
  app.post(
    '/public/rooms/:id/photos',
    {
      config,
      schema: {
        tags,
        summary: '上传发言的照片',
        description:
          '成员先上传照片（字段 photo，最多 9 张，去除位置等元数据），再在发言中引用。带 Idempotency-Key 重试不会重复上传。',
        errors: [...MEMBER, 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH', 'PHOTO_UNREADABLE'],
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: UploadPhotosResult },
      },
    },
    async (req) => {
      const member = await memberOrThrow(req.ctx, await roomOrThrow(req.ctx, req.params.id), phone(req.headers));
      const files = await readPhotoParts(req);
      const sender = { owner: { type: 'room_member' as const, id: member.id }, staffId: null };
      return storePhotos(req.ctx, sender, key(req.headers), files, false);
    },
  );
  app.post(
    '/public/rooms/:id/posts',
    {
      config,
      schema: {
        tags,
        summary: '发言',
        description:
          '成员发言：文字、照片、自愿填写的地点、回复、“@”本群群主或管理员（开始计时答复）。含待审核词的发言先交群主审核；被禁言时回答剩余时间；每人、每群每分钟有发言上限。带 Idempotency-Key 重发不会重复发言。',
        errors: [
          ...MEMBER,
          'ROOM_CLOSED',
          'ROOM_MUTED',
          'ROOM_MENTION_NOT_HOST',
          'RATE_LIMITED',
          'IDEMPOTENCY_KEY_REQUIRED',
          'PHOTOS_UNAVAILABLE',
          'CONFLICT',
        ],
        params: IdParams,
        body: MemberPostInput,
        response: { 200: RoomPostView },
      },
    },
    (req) => postAsMember(req.ctx, req.params.id, req.body, phone(req.headers), key(req.headers)),
  );
  app.delete(
    '/public/room-posts/:id',
    {
      config,
      schema: {
        tags,
        summary: '删除自己的发言',
        description: '删除本人的发言：文字和照片删除，群里显示“已删除”；未答复的“@”不再计时。记入审计。',
        errors: ['PHONE_SESSION_REQUIRED'],
        params: IdParams,
        response: { 200: RoomPostView },
      },
    },
    (req) => deleteOwnPost(req.ctx, req.params.id, phone(req.headers)),
  );
  app.get(
    '/public/room-photos/:id',
    {
      config,
      schema: {
        tags,
        summary: '群发言照片（群众）',
        description: '成员查看群里已发布发言的照片或本人发言的照片；已发布公告的照片无需登录。size=thumb 取缩略图。',
        errors: ['PHONE_SESSION_REQUIRED'],
        params: IdParams,
        querystring: z.object({ size: z.enum(['full', 'thumb']).default('full') }).strict(),
      },
    },
    (req, reply) => roomPhotoForMember(req.ctx, reply, req.params.id, req.query.size, phone(req.headers)),
  );
  app.get(
    '/public/rooms/:id/stream',
    {
      config: { ...config, stream: true },
      schema: {
        tags,
        summary: '群实时推送',
        description:
          'Server-Sent Events（手机凭证放在请求头 X-Phone-Token）：群里的新发言、答复和管理操作，只有编号不含内容；断线后凭 Last-Event-ID 续传；成员被移出或退群时推送随即关闭。',
        errors: [...MEMBER],
        params: IdParams,
        querystring: StreamQuery,
      },
    },
    async (req, reply) => {
      const room = await roomOrThrow(req.ctx, req.params.id);
      const member = await memberOrThrow(req.ctx, room, phone(req.headers));
      const topics = [roomTopic(room.id), roomMemberTopic(member.id)];
      return openStream(req, reply, topics, lastEventId(req, req.query), undefined, 'room.member_removed');
    },
  );
};
