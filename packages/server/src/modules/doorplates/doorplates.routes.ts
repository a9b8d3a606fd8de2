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
    { config: { capability: 'household.read' }, schema: { tags, params: DoorplateQrParams } },
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
      schema: { tags, params: IdParams, body: ReasonInput, response: { 200: DoorplateLink } },
    },
    (req) => rotateDoorplate(req.ctx, req.params.id, req.body.reason),
  );

  app.get(
    '/units/:id/doorplates.pdf',
    {
      config: { capability: 'household.export' },
      schema: { tags, params: IdParams, querystring: DoorplateSheetQuery },
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
