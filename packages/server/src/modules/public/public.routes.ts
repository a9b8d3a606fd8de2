/**
 * /api/v1/public: what anyone holding a doorplate QR may see — the address
 * and who to reach. Never a household's matters. An unknown or rotated token
 * gets the same plain answer, revealing nothing.
 */
import { DoorplateParams, DoorplateView } from '@jingmin/shared';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { households, units } from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';
import { responsibleOfficer } from '../org/duties.service.js';

export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/doorplates/:token',
    {
      config: { public: true },
      schema: {
        tags: ['resident'],
        summary: '门牌页',
        description:
          '扫门牌码看到的内容：地址、所属派出所及电话、村（社区）、网格与责任民警。' +
          '门牌码只能用来提交，不能看到这户的任何事项。',
        params: DoorplateParams,
        response: { 200: DoorplateView },
      },
    },
    async (req) => {
      const { db } = req.ctx;
      const [household] = await db
        .select({ address: households.address, path: households.unitPath })
        .from(households)
        .where(eq(households.doorplateToken, req.params.token));
      if (!household) throw new AppError('NOT_FOUND', { what: 'doorplate' });
      const chain = await db
        .select({ kind: units.kind, name: units.name, phone: units.phone, address: units.address })
        .from(units)
        .where(inArray(units.id, household.path.split('/').filter(Boolean)));
      const station = chain.find((u) => u.kind === 'station');
      return {
        address: household.address,
        station: { name: station?.name ?? '', phone: station?.phone ?? null, address: station?.address ?? null },
        community: chain.find((u) => u.kind === 'village')?.name ?? null,
        grid: chain.find((u) => u.kind === 'grid')?.name ?? null,
        officer: await responsibleOfficer(db, household.path).then((o) => (o ? { name: o.name } : null)),
      };
    },
  );
};
