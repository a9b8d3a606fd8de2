/** /api/v1 矛盾纠纷: 调解协议书 recorded and printed, and each agreed duty's performance. */
import { AgreementInput, DisputeView, DutyPerformedInput, Id, IdParams } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { fontAvailable } from '../doorplates/doorplate-sheet.js';
import { agreementPdf } from './agreement-pdf.js';
import { agreementForPrint, getAgreementOrThrow, recordAgreement, recordDutyPerformed } from './agreements.js';
import { viewDispute } from './disputes.queries.js';

const tags = ['disputes'];
const DutyParams = z.object({ id: Id, dutyId: Id }).strict();
const AgreementParams = z.object({ id: Id, agreementId: Id }).strict();

export const agreementsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/disputes/:id/agreements',
    {
      config: { capability: 'dispute.handle' },
      schema: {
        tags,
        summary: '制作调解协议书',
        description:
          '登记调解协议书：纠纷简要事实、争议事项、各方责任、协议内容（逐项写明由哪位当事人履行、金额和履行日期）、履行方式、地点和期限、调解组织和调解员、份数、签订日期。' +
          '须已选定分流化解渠道；注明调解场次时，该场调解须达成（或部分达成）协议，不注明时案件须已移交（由接收部门调处达成）或曾有调解达成协议。' +
          '履行日期和履行期限不能早于签订日期。登记后案件转为“跟踪回访”，并按本所纠纷设置在签订日期后安排回访（默认 7 天和 30 天）。',
        errors: ['DISPUTE_NO_CHANNEL', 'DISPUTE_SESSION_NO_AGREEMENT', 'DISPUTE_STEP_NOT_ALLOWED', 'CONFLICT'],
        params: IdParams,
        body: AgreementInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await recordAgreement(req.ctx, req.params.id, req.body);
      return viewDispute(req.ctx, req.params.id);
    },
  );
  app.post(
    '/disputes/:id/duties/:dutyId/performed',
    {
      config: { capability: 'dispute.handle' },
      schema: {
        tags,
        summary: '登记履行',
        description: '登记调解协议中的一项履行事项已经履行（可附说明，如“已当面支付”）；每项只能登记一次。',
        errors: ['DISPUTE_DUTY_PERFORMED', 'DISPUTE_CLOSED', 'CONFLICT'],
        params: DutyParams,
        body: DutyPerformedInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await recordDutyPerformed(req.ctx, req.params.id, req.params.dutyId, req.body);
      return viewDispute(req.ctx, req.params.id);
    },
  );
  app.get(
    '/disputes/:id/agreements/:agreementId/pdf',
    {
      config: { capability: 'dispute.read' },
      schema: {
        tags,
        summary: '打印调解协议书',
        description:
          'A4 PDF（嵌入中文字体），供当事人签字：标题按渠道为治安调解协议书或人民调解协议书，列出各方当事人的完整姓名、身份证号码和联系电话，' +
          '以及事实、争议事项、责任、协议内容、履行方式、调解组织和调解员、份数、签名栏和印章处。打开加密的个人信息，每次打印记入审计；服务器缺少中文字体时回答 503。',
        params: AgreementParams,
      },
    },
    async (req, reply) => {
      const found = await getAgreementOrThrow(req.ctx, req.params.id, req.params.agreementId);
      const font = req.ctx.deps.config.pdf.cjkFont;
      if (!fontAvailable(font))
        throw new AppError(
          'SERVICE_UNAVAILABLE',
          {},
          { reason: `Chinese font missing at ${font}: install fonts-wqy-microhei` },
        );
      const printed = await agreementForPrint(req.ctx, found);
      const name = `调解协议书-${printed.agreement.number}.pdf`;
      reply.type('application/pdf');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      return agreementPdf(printed, font);
    },
  );
};
