/** /api/v1/me/notifications (my channels and quiet hours) and /api/v1/staff/:id/notifications (a member's, for admins). */
import {
  IdParams,
  NoBody,
  NotifyPreferencesView,
  NotifyTestResult,
  SetWecomUserInput,
  UpdateNotifyPreferencesInput,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  linkWecomUser,
  memberPreferences,
  myPreferences,
  sendTestNotification,
  updateMyPreferences,
} from './notify.service.js';

const tags = ['notify'];

export const notifyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/notifications',
    {
      config: { capability: 'matter.read' },
      schema: {
        tags,
        summary: '我的通知设置',
        description:
          '当前账号选择的通知渠道（企业微信、短信、浏览器通知）、免打扰时段、管理员关联的企业微信账号，以及各渠道当前能否送达。未选择任何渠道时，通知写入服务器日志。',
        response: { 200: NotifyPreferencesView },
      },
    },
    (req) => myPreferences(req.ctx),
  );
  app.put(
    '/me/notifications',
    {
      config: { capability: 'matter.read' },
      schema: {
        tags,
        summary: '修改我的通知设置',
        description:
          '设置派单、催办、即将超期、已超期、重新办理时提醒我的渠道和免打扰时段（北京时间，可跨午夜）。紧急、求助、报警事项不受免打扰限制。企业微信账号由系统管理员关联，这里不能修改。',
        body: UpdateNotifyPreferencesInput,
        response: { 200: NotifyPreferencesView },
      },
    },
    (req) => updateMyPreferences(req.ctx, req.body),
  );
  app.post(
    '/me/notifications/test',
    {
      config: { capability: 'matter.read' },
      schema: {
        tags,
        summary: '发送测试通知',
        description: '立即在我选择的每个渠道上发送一条测试通知（不受免打扰限制），返回每个渠道的结果。每分钟最多一次。',
        errors: ['TOO_FREQUENT'],
        body: NoBody,
        response: { 200: NotifyTestResult },
      },
    },
    (req) => sendTestNotification(req.ctx),
  );
  app.get(
    '/staff/:id/notifications',
    {
      config: { capability: 'staff.read' },
      schema: {
        tags,
        summary: '查看人员的通知设置',
        description:
          '所长或管理员查看本辖区内某个账号的通知渠道、免打扰时段和企业微信账号（不含手机号）。辖区外的账号答 403，不存在的账号答 404。',
        params: IdParams,
        response: { 200: NotifyPreferencesView },
      },
    },
    (req) => memberPreferences(req.ctx, req.params.id),
  );
  app.put(
    '/staff/:id/notifications/wecom',
    {
      config: { capability: 'staff.write' },
      schema: {
        tags,
        summary: '关联企业微信账号',
        description:
          '系统管理员为本辖区内的账号填写其在企业通讯录中的企业微信账号（UserID），通知据此发送到该成员的企业微信；填 null 解除关联。',
        params: IdParams,
        body: SetWecomUserInput,
        response: { 200: NotifyPreferencesView },
      },
    },
    (req) => linkWecomUser(req.ctx, req.params.id, req.body),
  );
};
