/** /api/v1 议事厅 hosts' work: the room rules, tag, pin, post → matter, moderation, the open "@" */
import {
  HidePostInput,
  IdParams,
  MuteMemberInput,
  NoBody,
  OpenMentions,
  PinPostInput,
  PostToMatterInput,
  PostToMatterResult,
  RemoveMemberInput,
  RoomMemberView,
  RoomPostView,
  RoomSettings,
  TagPostInput,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { muteMember, removeMember, unmuteMember } from './members.moderation.js';
import { openMentions } from './mentions.service.js';
import { hidePost, pinPost, releasePost, tagPost } from './moderation.service.js';
import { readRoomSettings, saveRoomSettings } from './settings.js';
import { postToMatter } from './to-matter.service.js';

const tags = ['rooms'];
const read = { capability: 'room.read' } as const;
const host = { capability: 'room.host' } as const;
const HOSTS_ONLY = '只有本群的群主、管理员或本所管理人员（room.manage）可以操作，其他群的群主回答 ROOM_NOT_HOST。';

export const roomWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:id/room-settings',
    {
      config: read,
      schema: {
        tags,
        summary: '议事厅规则',
        description:
          '本所议事厅的规则：工作人员昵称格式、“@”答复时限与转值班台时限、待审核词、发言频率限制、保存天数。',
        params: IdParams,
        response: { 200: RoomSettings },
      },
    },
    (req) => readRoomSettings(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id/room-settings',
    {
      config: { capability: 'room.manage' },
      schema: {
        tags,
        summary: '保存议事厅规则',
        description: '派出所及以上设置本所议事厅规则；转值班台时限须长于答复时限。记入审计（不含发言内容）。',
        params: IdParams,
        body: RoomSettings,
        response: { 200: RoomSettings },
      },
    },
    (req) => saveRoomSettings(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/room-posts/:id/tag',
    {
      config: host,
      schema: {
        tags,
        summary: '标注发言的工作类别',
        description: `给发言标注七类工作之一（法治宣传、提醒告知、矛盾化解、安全防范、便民服务、弘扬正气、议事），null 取消。${HOSTS_ONLY}`,
        params: IdParams,
        body: TagPostInput,
        response: { 200: RoomPostView },
        errors: ['ROOM_NOT_HOST', 'ROOM_POST_STATUS', 'CONFLICT'],
      },
    },
    (req) => tagPost(req.ctx, req.params.id, req.body.workType),
  );
  app.post(
    '/room-posts/:id/pin',
    {
      config: host,
      schema: {
        tags,
        summary: '置顶或取消置顶',
        description: `已发布的发言（如公告）置顶，或取消置顶；群内实时更新。${HOSTS_ONLY}`,
        params: IdParams,
        body: PinPostInput,
        response: { 200: RoomPostView },
        errors: ['ROOM_NOT_HOST', 'ROOM_POST_STATUS', 'CONFLICT'],
      },
    },
    (req) => pinPost(req.ctx, req.params.id, req.body.pinned),
  );
  app.post(
    '/room-posts/:id/hide',
    {
      config: host,
      schema: {
        tags,
        summary: '隐藏发言',
        description: `已发布或待审核的发言被隐藏，群内不再显示内容；发言人能看到隐藏原因。记入审计。${HOSTS_ONLY}`,
        params: IdParams,
        body: HidePostInput,
        response: { 200: RoomPostView },
        errors: ['ROOM_NOT_HOST', 'ROOM_POST_STATUS', 'CONFLICT'],
      },
    },
    (req) => hidePost(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    '/room-posts/:id/release',
    {
      config: host,
      schema: {
        tags,
        summary: '审核通过',
        description: `因待审核词被暂缓的发言审核通过后发布，群内实时收到。记入审计。${HOSTS_ONLY}`,
        params: IdParams,
        body: NoBody,
        response: { 200: RoomPostView },
        errors: ['ROOM_NOT_HOST', 'ROOM_POST_STATUS', 'CONFLICT'],
      },
    },
    (req) => releasePost(req.ctx, req.params.id),
  );
  app.post(
    '/room-posts/:id/matter',
    {
      config: host,
      schema: {
        tags,
        summary: '发言转为事项',
        description:
          '把群众的发言一键转为“议事厅”渠道的事项（选择类型和紧急程度，可补充说明），进入码上办闭环；发言与事项互相关联。' +
          '群内只显示“已转为事项，正在办理”，发言人本人看到查询链接；发言上未答复的“@”随之答复。' +
          `每条发言只能转一次（再次转回答 ROOM_POST_HAS_MATTER）。值班台也可以转。${HOSTS_ONLY}`,
        params: IdParams,
        body: PostToMatterInput,
        response: { 200: PostToMatterResult },
        errors: [
          'ROOM_NOT_HOST',
          'ROOM_POST_STATUS',
          'ROOM_POST_HAS_MATTER',
          'CONFLICT',
          'IDEMPOTENCY_MISMATCH',
          'TOO_FREQUENT',
        ],
      },
    },
    (req) => postToMatter(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/room-members/:id/mute',
    {
      config: host,
      schema: {
        tags,
        summary: '禁言成员',
        description: `禁言若干分钟：期间发言被拒绝，并告知剩余时间和原因。记入审计（不含手机号）。${HOSTS_ONLY}`,
        params: IdParams,
        body: MuteMemberInput,
        response: { 200: RoomMemberView },
        errors: ['ROOM_NOT_HOST'],
      },
    },
    (req) => muteMember(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/room-members/:id/unmute',
    {
      config: host,
      schema: {
        tags,
        summary: '解除禁言',
        description: `解除成员的禁言。记入审计。${HOSTS_ONLY}`,
        params: IdParams,
        body: NoBody,
        response: { 200: RoomMemberView },
        errors: ['ROOM_NOT_HOST'],
      },
    },
    (req) => unmuteMember(req.ctx, req.params.id),
  );
  app.post(
    '/room-members/:id/remove',
    {
      config: host,
      schema: {
        tags,
        summary: '移出成员',
        description:
          '把成员移出本群若干天：立即退出，其打开的实时连接关闭，期满前不能再加入。记入审计（不含手机号）。' +
          HOSTS_ONLY,
        params: IdParams,
        body: RemoveMemberInput,
        response: { 200: RoomMemberView },
        errors: ['ROOM_NOT_HOST'],
      },
    },
    (req) => removeMember(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/stations/:id/room-mentions',
    {
      config: read,
      schema: {
        tags,
        summary: '待答复的“@”',
        description:
          '本所各议事厅中群众“@”工作人员、尚未答复的发言（本人主持的群和辖区内的群），答复期限早的在前；' +
          '标明是否已提醒到民警手机（officer）或已转值班台（desk）。',
        params: IdParams,
        response: { 200: OpenMentions },
      },
    },
    (req) => openMentions(req.ctx, req.params.id),
  );
};
