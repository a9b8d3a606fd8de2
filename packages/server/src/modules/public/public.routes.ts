/**
 * /api/v1/public: what anyone holding a doorplate QR may see — the address
 * and who to reach. Never a household's matters. An unknown or rotated token
 * gets the same plain answer, revealing nothing. The household's open evaluations
 * (待评价) are listed by what and when, and a fresh link to one is counted per door.
 */
import {
  addressLine,
  DoorplateEvaluationParams,
  DoorplateParams,
  DoorplateView,
  EvaluationLink,
  WaitingEvaluations,
} from '@jingmin/shared';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { households, units } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { responsibleOfficer } from '../beats/beats.rule.js';
import { markFirstScan } from '../doorplates/doorplates.service.js';
import { ofHousehold, reissueWaiting, waitingEvaluations } from '../evaluations/waiting.js';

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
        .select({
          id: households.id,
          address: households.address,
          name: households.name,
          path: households.unitPath,
          firstScannedAt: households.firstScannedAt,
        })
        .from(households)
        .where(eq(households.doorplateToken, req.params.token));
      if (!household) throw new AppError('NOT_FOUND', { what: 'doorplate' });
      if (!household.firstScannedAt) await markFirstScan(req.ctx, household.id);
      const chain = await db
        .select({ kind: units.kind, name: units.name, phone: units.phone, address: units.address })
        .from(units)
        .where(inArray(units.id, household.path.split('/').filter(Boolean)));
      const station = chain.find((u) => u.kind === 'station');
      return {
        // An enterprise's or unit's plate reads with its name.
        address: addressLine(household),
        station: { name: station?.name ?? '', phone: station?.phone ?? null, address: station?.address ?? null },
        community: chain.find((u) => u.kind === 'village')?.name ?? null,
        grid: chain.find((u) => u.kind === 'grid')?.name ?? null,
        officer: await responsibleOfficer(db, household.path).then((o) => (o ? { name: o.name } : null)),
      };
    },
  );

  app.get(
    '/public/doorplates/:token/evaluations',
    {
      config: { public: true },
      schema: {
        tags: ['resident'],
        summary: '门牌页待评价',
        description:
          '这一户尚未评价、尚未过期的评价（事项办结、走访入户等）：只有类型、日期或回执号和派出所名称，' +
          '没有姓名、电话或工作记录。',
        errors: ['NOT_FOUND'],
        params: DoorplateParams,
        response: { 200: WaitingEvaluations },
      },
    },
    async (req) => ({
      items: await waitingEvaluations(req.ctx, ofHousehold(await householdOf(req.ctx, req.params.token)), {
        withNumbers: false,
      }),
    }),
  );
  app.post(
    '/public/doorplates/:token/evaluations/:id/link',
    {
      config: { public: true },
      schema: {
        tags: ['resident'],
        summary: '门牌页去评价',
        description:
          '为这一户的一条待评价生成新的评价链接（/e/…），之前的链接随即失效，评价仍只能提交一次。' +
          `同一门牌每小时最多 ${PER_DOOR_PER_HOUR} 次、同一地址每小时最多 ${PER_ADDRESS_PER_HOUR} 次。`,
        errors: ['NOT_FOUND', 'RATE_LIMITED', 'EVALUATION_ANSWERED', 'EVALUATION_EXPIRED', 'CONFLICT'],
        params: DoorplateEvaluationParams,
        response: { 200: EvaluationLink },
      },
    },
    async (req) => {
      const householdId = await householdOf(req.ctx, req.params.token);
      return reissueWaiting(req.ctx, req.params.id, ofHousehold(householdId), [
        { key: `evaluation-link:door:${householdId}`, max: PER_DOOR_PER_HOUR, windowSeconds: 3600 },
        { key: `evaluation-link:ip:${req.ctx.ip}`, max: PER_ADDRESS_PER_HOUR, windowSeconds: 3600 },
      ]);
    },
  );
};

/** Fresh evaluation links from one doorplate, and from one address, per hour. */
const PER_DOOR_PER_HOUR = 10;
const PER_ADDRESS_PER_HOUR = 30;

/** The household a doorplate token opens; the same plain 404 for an unknown or rotated one. */
async function householdOf(ctx: Ctx, token: string) {
  const [household] = await ctx.db
    .select({ id: households.id })
    .from(households)
    .where(eq(households.doorplateToken, token));
  if (!household) throw new AppError('NOT_FOUND', { what: 'doorplate' });
  return household.id;
}
