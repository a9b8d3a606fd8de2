/** /api/v1 工作日历: the bureau's holidays and make-up working days, by year. */
import { CalendarStatus, CalendarYearParams, CalendarYearView, ReplaceCalendarYearInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarStatus, readCalendarYear, replaceCalendarYear } from './calendar.service.js';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['calendar'];
  // A static path wins over /calendar/:year, so "status" is never read as a year.
  app.get(
    '/calendar/status',
    {
      config: { capability: 'org.read' },
      schema: {
        tags,
        summary: '工作日历状态',
        description: '今年和明年的节假日安排是否已录入；未录入时按周末计算工作日时限，并提醒维护人员。',
        response: { 200: CalendarStatus },
      },
    },
    (req) => calendarStatus(req.ctx, req.ctx.now()),
  );
  app.get(
    '/calendar/:year',
    {
      config: { capability: 'org.read' },
      schema: {
        tags,
        summary: '查看一年的工作日历',
        description: '一年的法定节假日与调休上班日。',
        params: CalendarYearParams,
        response: { 200: CalendarYearView },
      },
    },
    (req) => readCalendarYear(req.ctx, req.params.year),
  );
  app.put(
    '/calendar/:year',
    {
      config: { capability: 'calendar.write' },
      schema: {
        tags,
        summary: '保存一年的工作日历',
        description: '日历维护人员按国务院办公厅的通知整年替换节假日与调休；日期须在该年内且不重复。',
        params: CalendarYearParams,
        body: ReplaceCalendarYearInput,
        response: { 200: CalendarYearView },
      },
    },
    (req) => replaceCalendarYear(req.ctx, req.params.year, req.body),
  );
};
