/** /api/v1 units, teams, departments and households. */
import {
  CreateDepartmentInput,
  CreateHouseholdInput,
  CreateTeamInput,
  CreateUnitInput,
  DepartmentView,
  DoorplateLink,
  HouseholdExportQuery,
  HouseholdImportQuery,
  HouseholdImportResult,
  HouseholdQuery,
  HouseholdView,
  IdParams,
  Ok,
  paged,
  TeamView,
  UnitDetail,
  UnitView,
  UpdateUnitInput,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { toCsv, toXlsx } from './export-format.js';
import { importHouseholds } from './households.import.js';
import { createHousehold, doorplateLink, exportHouseholds, findHouseholds } from './households.service.js';
import {
  createDepartment,
  createTeam,
  createUnit,
  deleteUnit,
  listDepartments,
  listTeams,
  rootUnits,
  unitChildren,
  unitDetail,
  updateUnit,
} from './org.service.js';

const read = { capability: 'org.read' } as const;
const write = { capability: 'org.write' } as const;

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['jurisdiction'];
  app.get('/units/roots', { config: read, schema: { tags, response: { 200: z.array(UnitView) } } }, (req) =>
    rootUnits(req.ctx),
  );
  app.get('/units/:id', { config: read, schema: { tags, params: IdParams, response: { 200: UnitDetail } } }, (req) =>
    unitDetail(req.ctx, req.params.id),
  );
  app.get(
    '/units/:id/children',
    { config: read, schema: { tags, params: IdParams, response: { 200: z.array(UnitView) } } },
    (req) => unitChildren(req.ctx, req.params.id),
  );
  app.post('/units', { config: write, schema: { tags, body: CreateUnitInput, response: { 200: UnitView } } }, (req) =>
    createUnit(req.ctx, req.body),
  );
  app.patch(
    '/units/:id',
    { config: write, schema: { tags, params: IdParams, body: UpdateUnitInput, response: { 200: UnitView } } },
    (req) => updateUnit(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/units/:id',
    { config: write, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await deleteUnit(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/units/:id/teams',
    { config: read, schema: { tags, params: IdParams, response: { 200: z.array(TeamView) } } },
    (req) => listTeams(req.ctx, req.params.id),
  );
  app.post('/teams', { config: write, schema: { tags, body: CreateTeamInput, response: { 200: TeamView } } }, (req) =>
    createTeam(req.ctx, req.body),
  );
  app.get(
    '/units/:id/departments',
    { config: read, schema: { tags, params: IdParams, response: { 200: z.array(DepartmentView) } } },
    (req) => listDepartments(req.ctx, req.params.id),
  );
  app.post(
    '/departments',
    { config: write, schema: { tags, body: CreateDepartmentInput, response: { 200: DepartmentView } } },
    (req) => createDepartment(req.ctx, req.body),
  );

  const htags = ['households'];
  app.get(
    '/households',
    {
      config: { capability: 'household.read' },
      schema: { tags: htags, querystring: HouseholdQuery, response: { 200: paged(HouseholdView) } },
    },
    (req) => findHouseholds(req.ctx, req.query),
  );
  app.post(
    '/households',
    {
      config: { capability: 'household.write' },
      schema: { tags: htags, body: CreateHouseholdInput, response: { 200: HouseholdView } },
    },
    (req) => createHousehold(req.ctx, req.body),
  );
  app.get(
    '/households/:id/doorplate-link',
    {
      config: { capability: 'household.read' },
      schema: { tags: htags, params: IdParams, response: { 200: DoorplateLink } },
    },
    (req) => doorplateLink(req.ctx, req.params.id),
  );
  app.post(
    '/households/import',
    {
      config: { capability: 'household.write' },
      schema: {
        tags: htags,
        querystring: HouseholdImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: HouseholdImportResult },
      },
    },
    async (req) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA', { detail: 'multipart/form-data with a "file" field' });
      const file = await req.file({ limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 0, parts: 2 } });
      if (!file) throw new AppError('VALIDATION', { detail: 'file' });
      const buffer = await file.toBuffer();
      return importHouseholds(req.ctx, req.query.unitId, buffer, file.filename);
    },
  );
  app.get(
    '/households/export',
    { config: { capability: 'household.export' }, schema: { tags: htags, querystring: HouseholdExportQuery } },
    async (req, reply) => {
      const { unit, rows } = await exportHouseholds(req.ctx, req.query.unitId, req.query.reason);
      const header =
        req.ctx.locale === 'en'
          ? ['grid', 'gridCode', 'address', 'doorplateCode']
          : ['网格', '网格编码', '地址', '门牌编码'];
      const table = [header, ...rows.map((r) => [r.grid, r.gridCode ?? '', r.address, r.doorplateCode])];
      const watermark = `${actorOf(req.ctx).username} ${req.ctx.now().toISOString()}`;
      const name = encodeURIComponent(`households-${unit.name}.${req.query.format}`);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`);
      if (req.query.format === 'xlsx') {
        reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return toXlsx(table, watermark);
      }
      reply.type('text/csv; charset=utf-8');
      return toCsv(table, watermark);
    },
  );
};
