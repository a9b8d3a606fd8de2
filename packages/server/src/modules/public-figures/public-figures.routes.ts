/**
 * 公开数据: /api/v1/public/stations/:stationId/figures for anyone — a station's figures by month, only while its
 * chief has switched the page on — and /api/v1/stations/:id/public-figures, where the chief switches it and gets the
 * page's address and QR for the notice board.
 */
import {
  IdParams,
  PublicFiguresParams,
  PublicFiguresSetting,
  PublicFiguresSwitch,
  PublicFiguresView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicFigures, readPublicFiguresSetting, switchPublicFigures } from './public-figures.service.js';

export const publicFiguresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/stations/:stationId/figures',
    {
      config: { public: true },
      schema: {
        tags: ['resident'],
        summary: '派出所公开数据',
        description:
          '所长开启公开后，任何人可看的本所近12个月逐月数字：受理、办结、按时办结率、满意率、化解矛盾纠纷、发布预警及查收人次。' +
          '只有合计，没有姓名、地址或内容；1至4件的数字、分母不足5的比率不公布（value 为 null，suppressed 为 true）。' +
          '未开启的派出所与不存在的一样，答 404。数字每个进程最多每5分钟重算一次。',
        errors: ['NOT_FOUND'],
        params: PublicFiguresParams,
        response: { 200: PublicFiguresView },
      },
    },
    (req) => publicFigures(req.ctx, req.params.stationId),
  );
  app.get(
    '/stations/:id/public-figures',
    {
      config: { capability: 'dashboard.read' },
      schema: {
        tags: ['dashboards'],
        summary: '查看公开数据设置',
        description: '本所公开数据页是否开启、页面地址和供张贴在公示栏的二维码（SVG）。',
        errors: ['NOT_FOUND', 'FORBIDDEN'],
        params: IdParams,
        response: { 200: PublicFiguresSetting },
      },
    },
    (req) => readPublicFiguresSetting(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id/public-figures',
    {
      config: { capability: 'matter.settings' },
      schema: {
        tags: ['dashboards'],
        summary: '开启或关闭公开数据',
        description: '所长开启或关闭本所的公开数据页；开关前后的值记入审计，关闭后页面立即不再显示。',
        errors: ['NOT_FOUND', 'FORBIDDEN'],
        params: IdParams,
        body: PublicFiguresSwitch,
        response: { 200: PublicFiguresSetting },
      },
    },
    (req) => switchPublicFigures(req.ctx, req.params.id, req.body.enabled),
  );
};
