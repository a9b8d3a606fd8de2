/** /api/v1 doorplate QR codes, rotation and printable sheets. */
import { DoorplateLink, DoorplateQrParams, DoorplateSheetQuery, IdParams, ReasonInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import { fontAvailable, writeSheet } from './doorplate-sheet.js';
import { doorplateQr, platesUnder, rotateDoorplate } from './doorplates.service.js';

const tags = ['doorplates'];

export const doorplateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/households/:id/doorplate.:format',
    {
      config: { capability: 'household.read' },
      schema: {
        tags,
        summary: '门牌二维码',
        description: '这一户门牌的二维码图片（SVG 或 PNG），内容是群众扫码打开的门牌页地址。',
        params: DoorplateQrParams,
      },
    },
    async (req, reply) => {
      const body = await doorplateQr(req.ctx, req.params.id, req.params.format);
      reply.type(req.params.format === 'svg' ? 'image/svg+xml' : 'image/png');
      return body;
    },
  );

  app.post(
    '/households/:id/doorplate/rotate',
    {
      config: { capability: 'household.write' },
      schema: {
        tags,
        summary: '门牌换码',
        description: '门牌码泄露或损毁时换一个新码，旧码立即失效（已提交事项的查询链接不受影响）；事由记入审计。',
        params: IdParams,
        body: ReasonInput,
        response: { 200: DoorplateLink },
      },
    },
    (req) => rotateDoorplate(req.ctx, req.params.id, req.body.reason),
  );

  app.get(
    '/units/:id/doorplates.pdf',
    {
      config: { capability: 'household.export' },
      schema: {
        tags,
        summary: '门牌打印页',
        description: 'A4 PDF，每页八张门牌（含二维码与地址），须填写事由；服务器缺少中文字体时回答 503。',
        params: IdParams,
        querystring: DoorplateSheetQuery,
      },
    },
    async (req, reply) => {
      const font = req.ctx.deps.config.pdf.cjkFont;
      if (!fontAvailable(font))
        throw new AppError(
          'SERVICE_UNAVAILABLE',
          {},
          { reason: `Chinese font missing at ${font}: install fonts-wqy-microhei` },
        );
      const { title, plates } = await platesUnder(req.ctx, req.params.id, req.query.reason);
      reply.type('application/pdf');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.pdf`)}`);
      reply.hijack();
      reply.raw.writeHead(200, reply.getHeaders() as Record<string, string>);
      await writeSheet(reply.raw, plates, font, title);
    },
  );
};
