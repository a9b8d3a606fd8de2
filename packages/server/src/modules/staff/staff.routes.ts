/** /api/v1/staff: accounts (system administrator) and their roles (security administrator). */
import {
  CreatedStaff,
  CreateStaffInput,
  IdParams,
  NoBody,
  paged,
  ResetPasswordResult,
  SetRolesInput,
  StaffQuery,
  StaffView,
  UpdateStaffInput,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createStaff, findStaff, resetPassword, resetTotp, setRoles, unlock, updateStaff } from './staff.service.js';

const tags = ['staff'];

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff',
    {
      config: { capability: 'staff.read' },
      schema: {
        tags,
        summary: '人员账号列表',
        description: '本辖区内的账号，按用户名或姓名搜索；所长、三员都可查看。',
        querystring: StaffQuery,
        response: { 200: paged(StaffView) },
      },
    },
    (req) => findStaff(req.ctx, req.query),
  );
  app.post(
    '/staff',
    {
      config: { capability: 'staff.write' },
      schema: {
        tags,
        summary: '新建账号',
        description: '系统管理员新建账号并得到一次性显示的初始密码；角色由安全管理员另行授予（三员分立）。',
        errors: ['USERNAME_TAKEN'],
        body: CreateStaffInput,
        response: { 200: CreatedStaff },
      },
    },
    (req) => createStaff(req.ctx, req.body),
  );
  app.patch(
    '/staff/:id',
    {
      config: { capability: 'staff.write' },
      schema: {
        tags,
        summary: '修改账号',
        description: '系统管理员修改姓名、辖区、手机号，或停用、启用账号；不能停用自己。停用立即结束其会话。',
        params: IdParams,
        body: UpdateStaffInput,
        response: { 200: StaffView },
      },
    },
    (req) => updateStaff(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/staff/:id/reset-password',
    {
      config: { capability: 'staff.write' },
      schema: {
        tags,
        summary: '重置密码',
        description: '系统管理员为他人重置密码，得到一次性显示的初始密码，首次登录须修改；不能重置自己的。',
        params: IdParams,
        body: NoBody,
        response: { 200: ResetPasswordResult },
      },
    },
    (req) => resetPassword(req.ctx, req.params.id),
  );
  app.put(
    '/staff/:id/roles',
    {
      config: { capability: 'staff.roles' },
      schema: {
        tags,
        summary: '设置角色',
        description: '安全管理员授予或收回角色；一个账号不能同时担任两个管理员角色，也不能改自己的角色。',
        errors: ['ROLE_SEPARATION'],
        params: IdParams,
        body: SetRolesInput,
        response: { 200: StaffView },
      },
    },
    (req) => setRoles(req.ctx, req.params.id, req.body.roles),
  );
  app.post(
    '/staff/:id/unlock',
    {
      config: { capability: 'staff.roles' },
      schema: {
        tags,
        summary: '解锁账号',
        description: '安全管理员解除因连续登录失败造成的锁定。',
        params: IdParams,
        body: NoBody,
        response: { 200: StaffView },
      },
    },
    (req) => unlock(req.ctx, req.params.id),
  );
  app.post(
    '/staff/:id/totp-reset',
    {
      config: { capability: 'staff.roles' },
      schema: {
        tags,
        summary: '重置双因素',
        description: '安全管理员清除他人的验证器绑定（例如换了手机），下次登录时重新绑定；不能重置自己的。',
        params: IdParams,
        body: NoBody,
        response: { 200: StaffView },
      },
    },
    (req) => resetTotp(req.ctx, req.params.id),
  );
};
