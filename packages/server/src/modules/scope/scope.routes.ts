/** /api/v1/scope-grants: time-limited read rights outside one's subtree (临时授权). */
import { CreateScopeGrantInput, IdParams, ScopeGrantQuery, ScopeGrantView } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findScopeGrants, grantScope, revokeScopeGrant } from './scope.service.js';

const tags = ['scope'];
const grant = { capability: 'scope.grant' } as const;

export const scopeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/scope-grants',
    {
      config: grant,
      schema: {
        tags,
        summary: '临时授权',
        description:
          '所长或县局督导在本辖区内给另一账号限时的查看权限（如入户抽查），须写明事由；被授权人须已通过角色具备该能力。',
        errors: ['GRANT_PERIOD', 'NOT_FOUND'],
        body: CreateScopeGrantInput,
        response: { 200: ScopeGrantView },
      },
    },
    (req) => grantScope(req.ctx, req.body),
  );
  // Every signed-in account may list the grants it holds; granters see those of their scope too.
  app.get(
    '/scope-grants',
    {
      schema: {
        tags,
        summary: '临时授权列表',
        description: '本账号得到的临时授权；有授权能力的账号还能看到本辖区内给出的授权。',
        querystring: ScopeGrantQuery,
        response: { 200: z.array(ScopeGrantView) },
      },
    },
    (req) => findScopeGrants(req.ctx, req.query),
  );
  app.delete(
    '/scope-grants/:id',
    {
      config: grant,
      schema: {
        tags,
        summary: '收回临时授权',
        description: '提前结束一项临时授权，被授权人的下一次请求起生效。',
        errors: ['CONFLICT'],
        params: IdParams,
        response: { 200: ScopeGrantView },
      },
    },
    (req) => revokeScopeGrant(req.ctx, req.params.id),
  );
};
