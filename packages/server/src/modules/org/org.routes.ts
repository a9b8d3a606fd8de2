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
  app.get(
    '/units/roots',
    {
      config: read,
      schema: {
        tags,
        summary: '辖区树的根',
        description: '本账号辖区的顶层节点（县局督导是县局，所长是派出所，网格员是所在村）。',
        response: { 200: z.array(UnitView) },
      },
    },
    (req) => rootUnits(req.ctx),
  );
  app.get(
    '/units/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '辖区节点详情',
        description: '一个节点的名称、类型、编码、电话、地址、门牌数，以及从本账号辖区到它的路径（面包屑）。',
        params: IdParams,
        response: { 200: UnitDetail },
      },
    },
    (req) => unitDetail(req.ctx, req.params.id),
  );
  app.get(
    '/units/:id/children',
    {
      config: read,
      schema: {
        tags,
        summary: '下级节点',
        description: '一个节点的直接下级，展开辖区树时逐级读取。',
        params: IdParams,
        response: { 200: z.array(UnitView) },
      },
    },
    (req) => unitChildren(req.ctx, req.params.id),
  );
  app.post(
    '/units',
    {
      config: write,
      schema: {
        tags,
        summary: '新建辖区节点',
        description: '在本辖区内新建下级节点；类型须能放在上级下面（如网格只能在村或社区下）。',
        errors: ['INVALID_PARENT'],
        body: CreateUnitInput,
        response: { 200: UnitView },
      },
    },
    (req) => createUnit(req.ctx, req.body),
  );
  app.patch(
    '/units/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改辖区节点',
        description: '修改名称、编码、电话、地址，或移到另一个上级下；不能修改本账号自己的辖区根。',
        errors: ['INVALID_PARENT'],
        params: IdParams,
        body: UpdateUnitInput,
        response: { 200: UnitView },
      },
    },
    (req) => updateUnit(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/units/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '删除辖区节点',
        description: '删除没有下级、门牌和人员的节点。',
        errors: ['HAS_CHILDREN'],
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await deleteUnit(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/units/:id/teams',
    {
      config: read,
      schema: {
        tags,
        summary: '警务队列表',
        description: '派出所下的警务队；事项可以派给整个队。',
        params: IdParams,
        response: { 200: z.array(TeamView) },
      },
    },
    (req) => listTeams(req.ctx, req.params.id),
  );
  app.post(
    '/teams',
    {
      config: write,
      schema: {
        tags,
        summary: '新建警务队',
        description: '在派出所下新建警务队。',
        errors: ['INVALID_PARENT', 'NOT_FOUND'],
        body: CreateTeamInput,
        response: { 200: TeamView },
      },
    },
    (req) => createTeam(req.ctx, req.body),
  );
  app.get(
    '/units/:id/departments',
    {
      config: read,
      schema: {
        tags,
        summary: '联动部门列表',
        description: '节点下的联动部门（司法所、村委会等），非警务事项可转给它们办理。',
        params: IdParams,
        response: { 200: z.array(DepartmentView) },
      },
    },
    (req) => listDepartments(req.ctx, req.params.id),
  );
  app.post(
    '/departments',
    {
      config: write,
      schema: {
        tags,
        summary: '新建联动部门',
        description: '在本辖区的节点下登记一个联动部门。',
        errors: ['NOT_FOUND'],
        body: CreateDepartmentInput,
        response: { 200: DepartmentView },
      },
    },
    (req) => createDepartment(req.ctx, req.body),
  );

  const htags = ['households'];
  app.get(
    '/households',
    {
      config: { capability: 'household.read' },
      schema: {
        tags: htags,
        summary: '门牌户列表',
        description: '一个节点下（含下级）的门牌户（住户和企业、单位），按地址、企业名称或门牌编码搜索。',
        errors: ['NOT_FOUND'],
        querystring: HouseholdQuery,
        response: { 200: paged(HouseholdView) },
      },
    },
    (req) => findHouseholds(req.ctx, req.query),
  );
  app.post(
    '/households',
    {
      config: { capability: 'household.write' },
      schema: {
        tags: htags,
        summary: '新增门牌户',
        description: '在网格或村下新增一户并生成门牌码；门牌编码在全县唯一。',
        errors: ['NOT_FOUND', 'INVALID_PARENT', 'CONFLICT'],
        body: CreateHouseholdInput,
        response: { 200: HouseholdView },
      },
    },
    (req) => createHousehold(req.ctx, req.body),
  );
  app.get(
    '/households/:id/doorplate-link',
    {
      config: { capability: 'household.read' },
      schema: {
        tags: htags,
        summary: '门牌页链接',
        description: '这一户门牌码指向的群众页面地址，用于核对或补打。',
        params: IdParams,
        response: { 200: DoorplateLink },
      },
    },
    (req) => doorplateLink(req.ctx, req.params.id),
  );
  app.post(
    '/households/import',
    {
      config: { capability: 'household.write' },
      schema: {
        tags: htags,
        summary: '导入门牌户',
        description: '上传 CSV（UTF-8）或 XLSX 表格批量导入门牌户；逐行报告导入、跳过和出错的行。',
        errors: ['NOT_FOUND', 'IMPORT_FILE_INVALID'],
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
    {
      config: { capability: 'household.export' },
      schema: {
        tags: htags,
        summary: '导出门牌户',
        description: '导出一个节点下的门牌户（CSV 或 XLSX），须填写事由；事由与行数记入审计，文件带导出人水印。',
        errors: ['NOT_FOUND'],
        querystring: HouseholdExportQuery,
      },
    },
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
