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
      schema: { tags, querystring: StaffQuery, response: { 200: paged(StaffView) } },
    },
    (req) => findStaff(req.ctx, req.query),
  );
  app.post(
    '/staff',
    {
      config: { capability: 'staff.write' },
      schema: { tags, body: CreateStaffInput, response: { 200: CreatedStaff } },
    },
    (req) => createStaff(req.ctx, req.body),
  );
  app.patch(
    '/staff/:id',
    {
      config: { capability: 'staff.write' },
      schema: { tags, params: IdParams, body: UpdateStaffInput, response: { 200: StaffView } },
    },
    (req) => updateStaff(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/staff/:id/reset-password',
    {
      config: { capability: 'staff.write' },
      schema: { tags, params: IdParams, body: NoBody, response: { 200: ResetPasswordResult } },
    },
    (req) => resetPassword(req.ctx, req.params.id),
  );
  app.put(
    '/staff/:id/roles',
    {
      config: { capability: 'staff.roles' },
      schema: { tags, params: IdParams, body: SetRolesInput, response: { 200: StaffView } },
    },
    (req) => setRoles(req.ctx, req.params.id, req.body.roles),
  );
  app.post(
    '/staff/:id/unlock',
    {
      config: { capability: 'staff.roles' },
      schema: { tags, params: IdParams, body: NoBody, response: { 200: StaffView } },
    },
    (req) => unlock(req.ctx, req.params.id),
  );
  app.post(
    '/staff/:id/totp-reset',
    {
      config: { capability: 'staff.roles' },
      schema: { tags, params: IdParams, body: NoBody, response: { 200: StaffView } },
    },
    (req) => resetTotp(req.ctx, req.params.id),
  );
};
