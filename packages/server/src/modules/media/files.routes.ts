/** /api/v1 audio and video of notices: upload (checked by content, limited), served with Range to staff and residents. */
import { IdParams, WarningMedia } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicFileOrThrow, sendMedia, staffFileOrThrow } from './files.queries.js';
import { readMediaPart, storeMediaFile } from './files.service.js';

const tags = ['warnings'];
const key = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;
/** A staff member's browser keeps a file an hour; nothing shared (a draft's file is not public). */
const STAFF_CACHE = 'private, max-age=3600';
/** Residents' copies may be shared, briefly: a withdrawn notice's files stop being served within minutes. */
const PUBLIC_CACHE = 'public, max-age=300';

export const mediaFileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/media/files',
    {
      config: { capability: 'warning.write' },
      schema: {
        tags,
        summary: '上传预警的音频或视频',
        description:
          '字段 file，一次一个文件。按文件内容（而非文件名或声明的类型）判断格式，只收浏览器可直接播放、无需转码的格式：' +
          '音频 MP3、M4A、WAV（不超过 10 MB），视频 MP4、WebM（不超过 30 MB）；超过上限立即拒收（413），其他格式 415。' +
          '上传后待用，保存预警草稿时引用（mediaIds），一天内未被引用的自动删除。带 Idempotency-Key 重试返回同一文件。记入审计。',
        errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH'],
        consumes: ['multipart/form-data'],
        response: { 200: WarningMedia },
      },
    },
    async (req) => storeMediaFile(req.ctx, key(req.headers), await readMediaPart(req)),
  );
  app.get(
    '/media/files/:id',
    {
      config: { capability: 'warning.read' },
      schema: {
        tags,
        summary: '播放预警的音频或视频（工作人员）',
        description:
          '上传者本人，或能查看该预警的工作人员可播放。支持 Range 分段请求（拖动进度条）：单个范围返回 206，超出文件长度返回 416。',
        errors: ['NOT_FOUND'],
        params: IdParams,
      },
    },
    async (req, reply) => sendMedia(req.ctx, req, reply, await staffFileOrThrow(req.ctx, req.params.id), STAFF_CACHE),
  );
  app.get(
    '/public/media/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '播放预警的音频或视频（群众）',
        description:
          '仅限已发布、未过期的预警所附的文件；草稿、待审、已撤回或已过期预警的文件不对群众开放。支持 Range 分段请求：单个范围返回 206，超出文件长度返回 416。',
        errors: ['NOT_FOUND'],
        params: IdParams,
      },
    },
    async (req, reply) => sendMedia(req.ctx, req, reply, await publicFileOrThrow(req.ctx, req.params.id), PUBLIC_CACHE),
  );
};
