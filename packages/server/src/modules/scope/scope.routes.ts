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
    { config: grant, schema: { tags, body: CreateScopeGrantInput, response: { 200: ScopeGrantView } } },
    (req) => grantScope(req.ctx, req.body),
  );
  // Every signed-in account may list the grants it holds; granters see those of their scope too.
  app.get(
    '/scope-grants',
    { schema: { tags, querystring: ScopeGrantQuery, response: { 200: z.array(ScopeGrantView) } } },
    (req) => findScopeGrants(req.ctx, req.query),
  );
  app.delete(
    '/scope-grants/:id',
    { config: grant, schema: { tags, params: IdParams, response: { 200: ScopeGrantView } } },
    (req) => revokeScopeGrant(req.ctx, req.params.id),
  );
};
