/**
 * /api/v1: receipts from residents' pages (查看, 已知晓, 谢谢, 点赞 — each once per device and notice), a notice's reach
 * figures and the station's QR scan coverage for staff. Counts only, never who.
 */
import {
  IdParams,
  ScanCoverage,
  ScanCoverageQuery,
  WarningReach,
  WarningReceiptAnswer,
  WarningReceiptInput,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { scanCoverage } from './coverage.js';
import { warningReach } from './reach.queries.js';
import { deviceReceiptHash } from './receipt-key.js';
import { receiptBatcher } from './receipts.js';

const tags = ['warnings'];
const read = { capability: 'warning.read' } as const;

/**
 * Counts one receipt, answered once its batch has committed. A notice not sent (or unknown) and one withdrawn,
 * expired or with its receipts purged (a device can no longer be told apart) are refused alike: not found.
 */
async function countReceipt(ctx: Ctx, warningId: string, input: WarningReceiptInput) {
  const outcome = await receiptBatcher(ctx.deps.database, ctx.deps.clock).add({
    warningId,
    deviceHash: deviceReceiptHash(ctx, input.device, warningId),
    kind: input.kind,
    doorplate: input.doorplate || null,
  });
  if (outcome.state !== 'live') throw new AppError('NOT_FOUND', { what: 'warning' });
  return { counted: outcome.counted };
}

export const warningReceiptRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/public/warnings/:id/receipts',
    {
      config: { public: true },
      schema: {
        tags: ['resident'],
        summary: '预警回执（查看、已知晓、谢谢、点赞）',
        description:
          '居民页面告诉“这台设备看过了、点了已知晓、谢谢或点赞”：每台设备对每条预警每种回执只计一次' +
          '（以设备随机号与预警的密钥哈希去重，不保存设备号；重复的回答 counted=false）。' +
          '带门牌码时计入该户所在网格，否则计入派出所（地区未知）。只接受已发布、未过期、未撤回的预警，' +
          '其余（含回执已清除的）回答未找到。“已知晓”任何预警都接受，页面只在要求确认时显示按钮。' +
          '回执按批写入，批次提交后才回答，只计数、不逐条审计。',
        errors: ['NOT_FOUND'],
        params: IdParams,
        body: WarningReceiptInput,
        response: { 200: WarningReceiptAnswer },
      },
    },
    (req) => countReceipt(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/warnings/coverage',
    {
      config: read,
      schema: {
        tags,
        summary: '扫码覆盖',
        description:
          '派出所各村（社区）、网格的门牌户数与扫过门牌码的户数（门牌页第一次被打开的日期，每户一个，不记设备），' +
          '以及近十二个月每月新增扫码户数。只算住户，企业和单位的门牌不计。不传 stationId 时为本人所在派出所。',
        errors: ['NOT_FOUND'],
        querystring: ScanCoverageQuery,
        response: { 200: ScanCoverage },
      },
    },
    (req) => scanCoverage(req.ctx, req.query.stationId),
  );

  app.get(
    '/warnings/:id/reach',
    {
      config: read,
      schema: {
        tags,
        summary: '预警触达',
        description:
          '三个数分开给出，从不合并：送达（发布时可见的户数、短信发送的号码数）、查看（设备数）、已知晓（设备数），' +
          '另有谢谢、点赞、留言数；按发布范围内的村（社区）和网格列出，旁边是户数和扫码户数。' +
          '地区未知或范围外的查看和已知晓单列为“其他”。只有数字，没有谁看过的名单。',
        errors: ['NOT_FOUND'],
        params: IdParams,
        response: { 200: WarningReach },
      },
    },
    (req) => warningReach(req.ctx, req.params.id),
  );
};
