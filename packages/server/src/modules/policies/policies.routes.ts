/** /api/v1/policies: security policies, set by the security administrator. */
import { SecurityPolicies, UpdateSecurityPoliciesInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, audit } from '../../platform/context.js';
import { POLICY_KEY } from '../../platform/policies.js';
import { saveSetting } from '../../platform/settings.js';

export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['policies'];
  app.get(
    '/policies/security',
    {
      config: { capability: 'policy.read' },
      schema: {
        tags,
        summary: '查看安全策略',
        description: '密码复杂度与更换周期、会话超时、登录失败锁定、管理终端地址等策略。',
        response: { 200: SecurityPolicies },
      },
    },
    (req) => req.ctx.deps.policies.get(),
  );
  app.put(
    '/policies/security',
    {
      config: { capability: 'policy.write' },
      schema: {
        tags,
        summary: '修改安全策略',
        description: '安全管理员修改策略；修改前后的值记入审计日志，所有进程随即生效。',
        body: UpdateSecurityPoliciesInput,
        response: { 200: SecurityPolicies },
      },
    },
    async (req) => {
      const { ctx } = req;
      const actor = actorOf(ctx);
      const current = await ctx.deps.policies.get();
      const next = { ...current, ...req.body };
      await ctx.db.transaction(async (tx) => {
        await saveSetting(tx, POLICY_KEY, next, actor.id, ctx.now());
        await audit(ctx, tx, {
          action: 'policy.update',
          result: 'ok',
          targetType: 'settings',
          targetId: POLICY_KEY,
          details: { from: current, to: next },
        });
      });
      ctx.deps.policies.invalidate();
      return next;
    },
  );
};
