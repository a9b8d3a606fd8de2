/** /api/v1 工作日历: the bureau's holidays and make-up working days, by year. */
import { CalendarStatus, CalendarYearParams, CalendarYearView, ReplaceCalendarYearInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarStatus, readCalendarYear, replaceCalendarYear } from './calendar.service.js';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['calendar'];
  // A static path wins over /calendar/:year, so "status" is never read as a year.
  app.get(
    '/calendar/status',
    { config: { capability: 'org.read' }, schema: { tags, response: { 200: CalendarStatus } } },
    (req) => calendarStatus(req.ctx, req.ctx.now()),
  );
  app.get(
    '/calendar/:year',
    {
      config: { capability: 'org.read' },
      schema: { tags, params: CalendarYearParams, response: { 200: CalendarYearView } },
    },
    (req) => readCalendarYear(req.ctx, req.params.year),
  );
  app.put(
    '/calendar/:year',
    {
      config: { capability: 'calendar.write' },
      schema: { tags, params: CalendarYearParams, body: ReplaceCalendarYearInput, response: { 200: CalendarYearView } },
    },
    (req) => replaceCalendarYear(req.ctx, req.params.year, req.body),
  );
};
