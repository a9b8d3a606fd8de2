/** 接待来访必评: window services, the printed window QR, and its public scan (a fresh evaluation each time). */
import {
  IdParams,
  QrScanQuery,
  WindowQrCurrent,
  WindowQrScanParams,
  WindowQrView,
  WindowServicesInput,
  WindowServicesView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { redirectScan } from '../evaluations/evaluations.service.js';
import {
  makeWindowQr,
  readWindowQr,
  readWindowServices,
  saveWindowServices,
  scanWindowQr,
} from './receptions.service.js';

const tags = ['evaluations'];

export const receptionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:id/window-services',
    {
      config: { capability: 'matter.read' },
      schema: {
        tags,
        summary: '查看窗口业务',
        description:
          '派出所服务窗口办理的业务清单（接待来访评价的第一题从中选择，另有“其他”）；未设置时为户籍办理、居住证、身份证、出入境咨询、开具证明。',
        params: IdParams,
        response: { 200: WindowServicesView },
      },
    },
    (req) => readWindowServices(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id/window-services',
    {
      config: { capability: 'matter.settings' },
      schema: {
        tags,
        summary: '设置窗口业务',
        description:
          '所长设置本所窗口业务清单（不含“其他”，它总在最后）；同时保存一版接待来访评价题目，已提交的评价仍按原版本。',
        errors: ['CONFLICT'],
        params: IdParams,
        body: WindowServicesInput,
        response: { 200: WindowServicesView },
      },
    },
    (req) => saveWindowServices(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/stations/:id/window-qr',
    {
      config: { capability: 'matter.desk' },
      schema: {
        tags,
        summary: '查看窗口评价码',
        description:
          '本所服务窗口现行的评价二维码（SVG）和派出所名称，供值班台或所长出示、再次打印；尚未生成时 qr 为空。再次打印的是同一个码，之前打印的仍然有效。',
        errors: ['NOT_FOUND'],
        params: IdParams,
        response: { 200: WindowQrCurrent },
      },
    },
    (req) => readWindowQr(req.ctx, req.params.id),
  );
  app.post(
    '/stations/:id/window-qr',
    {
      config: { capability: 'matter.settings' },
      schema: {
        tags,
        summary: '生成窗口评价码',
        description:
          '为本所服务窗口生成一张可打印的评价二维码（SVG）；之前打印的码随即失效。群众每扫一次，生成一次只能用一次的接待来访评价。',
        errors: ['CONFLICT'],
        params: IdParams,
        response: { 200: WindowQrView },
      },
    },
    (req) => makeWindowQr(req.ctx, req.params.id),
  );
  app.get(
    '/public/stations/:stationId/window-qr',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '扫窗口评价码',
        description:
          '群众办完业务后扫窗口评价码：每扫一次生成一次新的、只能用一次的评价，并转到评价页（/e/…）。同一地址短时间内扫码过多会被限制；码不对或已换码时提示找不到。',
        errors: ['RATE_LIMITED'],
        params: WindowQrScanParams,
        querystring: QrScanQuery,
      },
    },
    (req, reply) => redirectScan(req, reply, () => scanWindowQr(req.ctx, req.params.stationId, req.query.code)),
  );
};
