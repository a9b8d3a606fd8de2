/** /api/v1 巡逻防控 set-up: a station's patrol teams, 必到点 (with their printable QR sheet) and 必巡线. */
import {
  IdParams,
  Ok,
  PatrolPoint,
  PatrolPointInput,
  PatrolPointList,
  PatrolPointUpdate,
  PatrolRoute,
  PatrolRouteInput,
  PatrolRouteList,
  PatrolRouteUpdate,
  PatrolSheetQuery,
  PatrolTeam,
  PatrolTeamInput,
  PatrolTeamList,
  PatrolTeamUpdate,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import { fontAvailable } from '../doorplates/doorplate-sheet.js';
import { createLine, deactivateLine, listLines, updateLine } from './lines.service.js';
import { writePointSheet } from './point-sheet.js';
import { createPoint, deactivatePoint, listPoints, pointCards, rotatePoint, updatePoint } from './points.service.js';
import { createTeam, deactivateTeam, listTeams, updateTeam } from './teams.service.js';

const tags = ['field'];
const read = { capability: 'field.read' as const };
const manage = { capability: 'field.manage' as const };
const ok = { ok: true as const };

export const patrolSetupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:id/patrol-teams',
    {
      config: read,
      schema: {
        tags,
        summary: '巡逻队列表',
        description: '派出所的巡逻队（义警巡逻队、游击巡逻队等）及队员；志愿者姓名只向本所工作人员显示。',
        params: IdParams,
        response: { 200: PatrolTeamList },
      },
    },
    (req) => listTeams(req.ctx, req.params.id),
  );
  app.post(
    '/stations/:id/patrol-teams',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建巡逻队',
        description:
          '所长新建巡逻队：队员为本所工作人员或写明姓名的志愿者（姓名加密保存），至多一名队长。队名在本所内不能重复（409）。',
        params: IdParams,
        body: PatrolTeamInput,
        response: { 200: PatrolTeam },
        errors: ['CONFLICT'],
      },
    },
    (req) => createTeam(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/patrol-teams/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改巡逻队',
        description: '整体替换队名、类型和队员；带上读到的 version，他人已修改时回答 409。',
        params: IdParams,
        body: PatrolTeamUpdate,
        response: { 200: PatrolTeam },
        errors: ['NOT_FOUND', 'CONFLICT'],
      },
    },
    (req) => updateTeam(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/patrol-teams/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '停用巡逻队',
        description: '停用后不能再以该队名义开始巡逻；已有的巡逻记录保留队名。',
        params: IdParams,
        response: { 200: Ok },
        errors: ['NOT_FOUND'],
      },
    },
    async (req) => {
      await deactivateTeam(req.ctx, req.params.id);
      return ok;
    },
  );

  app.get(
    '/stations/:id/patrol-points',
    {
      config: read,
      schema: {
        tags,
        summary: '必到点列表',
        description: '派出所的巡逻必到点：所在村（社区）或网格、编号、位置；二维码地址只向所长显示。',
        params: IdParams,
        response: { 200: PatrolPointList },
      },
    },
    (req) => listPoints(req.ctx, req.params.id),
  );
  app.post(
    '/stations/:id/patrol-points',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建必到点',
        description: '所长新建必到点，须在本所的村（社区）或网格内；编号在本所内不能重复（409）。生成新的二维码。',
        params: IdParams,
        body: PatrolPointInput,
        response: { 200: PatrolPoint },
        errors: ['CONFLICT'],
      },
    },
    (req) => createPoint(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/patrol-points/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改必到点',
        description:
          '修改名称、编号、位置和所在村（社区）或网格，二维码不变；带上读到的 version，他人已修改时回答 409。',
        params: IdParams,
        body: PatrolPointUpdate,
        response: { 200: PatrolPoint },
        errors: ['NOT_FOUND', 'CONFLICT'],
      },
    },
    (req) => updatePoint(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/patrol-points/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '停用必到点',
        description: '停用后其二维码不能再打卡，也不再出现在必巡线上；已有的打卡记录保留。',
        params: IdParams,
        response: { 200: Ok },
        errors: ['NOT_FOUND'],
      },
    },
    async (req) => {
      await deactivatePoint(req.ctx, req.params.id);
      return ok;
    },
  );
  app.post(
    '/patrol-points/:id/rotate',
    {
      config: manage,
      schema: {
        tags,
        summary: '更换必到点二维码',
        description: '生成新的二维码：丢失、被复制或损坏的旧码立即失效，须重新打印张贴。',
        params: IdParams,
        response: { 200: PatrolPoint },
        errors: ['NOT_FOUND'],
      },
    },
    (req) => rotatePoint(req.ctx, req.params.id),
  );
  app.get(
    '/stations/:id/patrol-points.pdf',
    {
      config: manage,
      schema: {
        tags,
        summary: '必到点二维码打印页',
        description:
          'A4 PDF，每页六张，含派出所、点位名称、编号、位置和二维码；可用 ids 指定点位。服务器缺少中文字体时回答 503。',
        params: IdParams,
        querystring: PatrolSheetQuery,
        errors: ['SERVICE_UNAVAILABLE'],
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
      const { title, cards } = await pointCards(req.ctx, req.params.id, req.query.ids);
      reply.type('application/pdf');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.pdf`)}`);
      reply.hijack();
      reply.raw.writeHead(200, reply.getHeaders() as Record<string, string>);
      await writePointSheet(reply.raw, cards, font, title);
    },
  );

  app.get(
    '/stations/:id/patrol-routes',
    {
      config: read,
      schema: {
        tags,
        summary: '必巡线列表',
        description: '派出所的必巡线，每条为依次经过的必到点（已停用的点不列出）。',
        params: IdParams,
        response: { 200: PatrolRouteList },
      },
    },
    (req) => listLines(req.ctx, req.params.id),
  );
  app.post(
    '/stations/:id/patrol-routes',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建必巡线',
        description: '所长新建必巡线：本所启用中的必到点，按巡逻顺序排列，每点一次。线路名在本所内不能重复（409）。',
        params: IdParams,
        body: PatrolRouteInput,
        response: { 200: PatrolRoute },
        errors: ['CONFLICT'],
      },
    },
    (req) => createLine(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/patrol-routes/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改必巡线',
        description: '整体替换线路名称和点位顺序；带上读到的 version，他人已修改时回答 409。',
        params: IdParams,
        body: PatrolRouteUpdate,
        response: { 200: PatrolRoute },
        errors: ['NOT_FOUND', 'CONFLICT'],
      },
    },
    (req) => updateLine(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/patrol-routes/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '停用必巡线',
        description: '停用后不能再按该线路开始巡逻；已有的巡逻记录保留线路名。',
        params: IdParams,
        response: { 200: Ok },
        errors: ['NOT_FOUND'],
      },
    },
    async (req) => {
      await deactivateLine(req.ctx, req.params.id);
      return ok;
    },
  );
};
