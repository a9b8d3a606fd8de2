/** /api/v1/fraud/upstreams: the anti-fraud centre's systems a station or bureau connects (fraud.manage). */
import { IdParams, NoBody, UpstreamInput, UpstreamSecrets, UpstreamView } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUpstream,
  deactivateUpstream,
  listUpstreams,
  rotateUpstream,
  updateUpstream,
} from './upstreams.service.js';

const tags = ['fraud'];
const manage = { capability: 'fraud.manage' } as const;

export const fraudUpstreamAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/fraud/upstreams',
    {
      config: manage,
      schema: {
        tags,
        summary: '接入方列表',
        description:
          '本辖区接入的上级反诈平台：服务的单位、密钥前缀、允许的来源地址、反馈方式、是否启用、最近调用时间。',
        response: { 200: z.array(UpstreamView) },
      },
    },
    (req) => listUpstreams(req.ctx),
  );
  app.post(
    '/fraud/upstreams',
    {
      config: manage,
      schema: {
        tags,
        summary: '新增接入方',
        description:
          '为派出所或县局接入一个上级反诈平台。接口密钥和回调签名密钥只在此时显示一次，系统只保存密钥的摘要。所长管本所的，系统管理员管全部。记入审计（不含密钥）。',
        body: UpstreamInput,
        response: { 200: UpstreamSecrets },
      },
    },
    (req) => createUpstream(req.ctx, req.body),
  );
  app.put(
    '/fraud/upstreams/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改接入方',
        description: '修改名称、服务单位、允许的来源地址和反馈方式；密钥不变。记入审计。',
        params: IdParams,
        body: UpstreamInput,
        response: { 200: UpstreamView },
      },
    },
    (req) => updateUpstream(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/fraud/upstreams/:id/rotate',
    {
      config: manage,
      schema: {
        tags,
        summary: '更换接入密钥',
        description: '生成新的接口密钥和回调签名密钥（只显示这一次），旧密钥立即失效。记入审计。',
        params: IdParams,
        body: NoBody,
        response: { 200: UpstreamSecrets },
      },
    },
    (req) => rotateUpstream(req.ctx, req.params.id),
  );
  app.post(
    '/fraud/upstreams/:id/deactivate',
    {
      config: manage,
      schema: {
        tags,
        summary: '停用接入方',
        description: '停用后该平台的密钥不再被接受；已收到的指令照常处置。记入审计。',
        params: IdParams,
        body: NoBody,
        response: { 200: UpstreamView },
      },
    },
    (req) => deactivateUpstream(req.ctx, req.params.id),
  );
};
