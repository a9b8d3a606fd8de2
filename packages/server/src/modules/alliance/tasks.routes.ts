/**
 * /api/v1 平安联盟 tasks: the desk (matter.desk) sends a volunteer of its station a task, lists the station's and
 * withdraws an open one; the volunteer (field.task) lists its own, accepts, declines or reports one done.
 */
import {
  AcceptVolunteerTaskInput,
  IdParams,
  MyVolunteerTaskView,
  SendVolunteerTaskInput,
  VolunteerTaskDoneInput,
  VolunteerTaskQuery,
  VolunteerTaskReasonInput,
  VolunteerTaskView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptTask,
  cancelTask,
  declineTask,
  finishTask,
  listMyTasks,
  listStationTasks,
  myTask,
  sendVolunteerTask,
} from './tasks.js';

const tags = ['field'];
const desk = { capability: 'matter.desk' } as const;
const volunteer = { capability: 'field.task' } as const;
const STEP_ERRORS = ['NOT_FOUND', 'VOLUNTEER_TASK_STATUS', 'CONFLICT'] as const;

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/stations/:id/volunteer-tasks',
    {
      config: desk,
      schema: {
        tags,
        summary: '给志愿者派任务',
        description:
          '值班台把任务派给本所一位已通过审核的志愿者：任务、说明、地点（本人服务网格内的一户——只带去门牌地址——或文字描述的地点）、可选的期限和所协助的事项（事项的办理记录中显示“派志愿者协助”）。志愿者看不到群众的姓名、电话或事项内容。',
        errors: [
          'NOT_FOUND',
          'VOLUNTEER_TASK_VOLUNTEER_STATE',
          'VOLUNTEER_TASK_OUT_OF_SCOPE',
          'VOLUNTEER_TASK_MATTER_FOREIGN',
          'MATTER_CLOSED',
        ],
        params: IdParams,
        body: SendVolunteerTaskInput,
        response: { 200: VolunteerTaskView },
      },
    },
    (req) => sendVolunteerTask(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/stations/:id/volunteer-tasks',
    {
      config: desk,
      schema: {
        tags,
        summary: '本所派给志愿者的任务',
        description:
          '按派出时间倒序，可按状态、志愿者筛选；列出志愿者当前状态（已暂停的志愿者的任务保持原状，可撤回）。',
        params: IdParams,
        querystring: VolunteerTaskQuery,
        response: { 200: z.array(VolunteerTaskView) },
      },
    },
    (req) => listStationTasks(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/volunteer-tasks/:id/cancel',
    {
      config: desk,
      schema: {
        tags,
        summary: '撤回任务',
        description: '撤回尚未完成的任务（待接收或已接收），写明原因；志愿者看到已撤回和原因。',
        errors: [...STEP_ERRORS],
        params: IdParams,
        body: VolunteerTaskReasonInput,
        response: { 200: VolunteerTaskView },
      },
    },
    (req) => cancelTask(req.ctx, req.params.id, req.body.reason, req.body.version),
  );
  app.get(
    '/alliance/tasks',
    {
      config: volunteer,
      schema: {
        tags,
        summary: '我的任务（志愿者）',
        description: '志愿者自己的任务：未完成的在前（期限近的在前），其后是近 30 天内结束的。只有任务和地址。',
        response: { 200: z.array(MyVolunteerTaskView) },
      },
    },
    (req) => listMyTasks(req.ctx),
  );
  app.get(
    '/alliance/tasks/:id',
    {
      config: volunteer,
      schema: {
        tags,
        summary: '任务详情（志愿者）',
        errors: ['NOT_FOUND'],
        params: IdParams,
        response: { 200: MyVolunteerTaskView },
      },
    },
    (req) => myTask(req.ctx, req.params.id),
  );
  app.post(
    '/alliance/tasks/:id/accept',
    {
      config: volunteer,
      schema: {
        tags,
        summary: '接收任务',
        errors: [...STEP_ERRORS],
        params: IdParams,
        body: AcceptVolunteerTaskInput,
        response: { 200: MyVolunteerTaskView },
      },
    },
    (req) => acceptTask(req.ctx, req.params.id, req.body.version),
  );
  app.post(
    '/alliance/tasks/:id/decline',
    {
      config: volunteer,
      schema: {
        tags,
        summary: '退回任务',
        description: '写明原因（如不在村里、身体不适），值班台可改派他人。',
        errors: [...STEP_ERRORS],
        params: IdParams,
        body: VolunteerTaskReasonInput,
        response: { 200: MyVolunteerTaskView },
      },
    },
    (req) => declineTask(req.ctx, req.params.id, req.body.reason, req.body.version),
  );
  app.post(
    '/alliance/tasks/:id/done',
    {
      config: volunteer,
      schema: {
        tags,
        summary: '报告任务完成',
        description: '简短说明做了什么、看到了什么；值班台和所协助事项的办理记录中可见。',
        errors: [...STEP_ERRORS],
        params: IdParams,
        body: VolunteerTaskDoneInput,
        response: { 200: MyVolunteerTaskView },
      },
    },
    (req) => finishTask(req.ctx, req.params.id, req.body.note, req.body.version),
  );
};
