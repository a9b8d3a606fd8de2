/** /api/v1 三级网格责任体系 (roles, holders per village and grid) and 十户联防 groups. */
import {
  HouseholdGroup,
  HouseholdGroupInput,
  HouseholdGroupList,
  HouseholdGroupProposal,
  HouseholdGroupUpdate,
  IdParams,
  Ok,
  ResponsibilityInput,
  ResponsibilitySettings,
  UnitResponsibilities,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createGroup, deleteGroup, listGroups, proposeGroups, readGroup, updateGroup } from './groups.service.js';
import { addResponsibility, readUnitResponsibilities, removeResponsibility } from './holders.service.js';
import { readResponsibilitySettings, saveResponsibilitySettings } from './settings.js';

const tags = ['field'];
const read = { capability: 'field.read' } as const;
const manage = { capability: 'field.manage' } as const;

export const responsibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:id/responsibility-settings',
    {
      config: read,
      schema: {
        tags,
        summary: '责任体系角色',
        description:
          '派出所的三级网格责任体系角色（一级责任区、二级村/社区、三级网格/十户）；未设置时为默认的理川做法。',
        params: IdParams,
        response: { 200: ResponsibilitySettings },
      },
    },
    (req) => readResponsibilitySettings(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id/responsibility-settings',
    {
      config: manage,
      schema: {
        tags,
        summary: '设置责任体系角色',
        description: '所长改名、增加、排序角色；仍有人担任的角色不能删除（409，说明担任人数）。记入审计。',
        params: IdParams,
        body: ResponsibilitySettings,
        errors: ['CONFLICT'],
        response: { 200: ResponsibilitySettings },
      },
    },
    (req) => saveResponsibilitySettings(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/units/:id/responsibilities',
    {
      config: read,
      schema: {
        tags,
        summary: '网格或村的责任人',
        description:
          '按三级列出各角色的担任者：本节点的，以及继承来的——网格继承所在村的一、二级担任者，责任区民警按警务区规则' +
          '（与派单建议相同），辅警来自同一层级的警务区；每位都注明来自哪个节点或警务区。群众姓名和手机号仅对本所人员完整显示。',
        params: IdParams,
        response: { 200: UnitResponsibilities },
      },
    },
    (req) => readUnitResponsibilities(req.ctx, req.params.id),
  );
  app.post(
    '/units/:id/responsibilities',
    {
      config: manage,
      schema: {
        tags,
        summary: '添加责任人',
        description:
          '为村或网格的一个角色添加担任者：本所在岗人员（staffId），或没有账号的群众（姓名、手机号，加密保存）；须符合角色的担任者类型。三级角色设在网格上。',
        params: IdParams,
        body: ResponsibilityInput,
        errors: ['CONFLICT'],
        response: { 200: UnitResponsibilities },
      },
    },
    (req) => addResponsibility(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/responsibilities/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '移除责任人',
        description: '移除一位担任者，记入审计。',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await removeResponsibility(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  groupRoutes(app);
};

function groupRoutes(app: Parameters<FastifyPluginAsyncZod>[0]) {
  app.get(
    '/units/:id/household-groups',
    {
      config: read,
      schema: {
        tags,
        summary: '十户联防组',
        description:
          '网格的十户联防组：户数、户长（姓名对本所以外的人员遮蔽）、起止门牌；以及网格户数和尚未编组的户数。',
        params: IdParams,
        response: { 200: HouseholdGroupList },
      },
    },
    (req) => listGroups(req.ctx, req.params.id),
  );
  app.post(
    '/units/:id/household-groups',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建联防组',
        description: '2–20 户本网格住户组成一组，户长为其中一户；已在其他组的住户不能重复加入（409，指出地址）。',
        params: IdParams,
        body: HouseholdGroupInput,
        errors: ['CONFLICT'],
        response: { 200: HouseholdGroup },
      },
    },
    (req) => createGroup(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/units/:id/household-groups/auto',
    {
      config: manage,
      schema: {
        tags,
        summary: '自动编组建议',
        description: '按门牌顺序把尚未编组的住户每约十户分为一组，只给出建议，不保存；所长逐组确认后再新建。',
        params: IdParams,
        response: { 200: HouseholdGroupProposal },
      },
    },
    (req) => proposeGroups(req.ctx, req.params.id),
  );
  app.get(
    '/household-groups/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '联防组',
        description: '联防组及其各户地址。',
        params: IdParams,
        response: { 200: HouseholdGroup },
      },
    },
    (req) => readGroup(req.ctx, req.params.id),
  );
  app.put(
    '/household-groups/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改联防组',
        description: '整体替换组名、成员和户长；带上读到的 version，他人已修改时回答 409。',
        params: IdParams,
        body: HouseholdGroupUpdate,
        errors: ['CONFLICT'],
        response: { 200: HouseholdGroup },
      },
    },
    (req) => updateGroup(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/household-groups/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '撤销联防组',
        description: '撤销后其住户回到未编组。',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await deleteGroup(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
