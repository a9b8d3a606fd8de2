/** 工作日历: the bureau's holidays and make-up working days, by year. */
import type { CalendarStatus, CalendarYearView, ReplaceCalendarYearInput } from '@jingmin/shared';
import { api } from './client';

export const calendarApi = {
  year: (year: number) => api.get<CalendarYearView>(`/calendar/${year}`),
  replace: (year: number, input: ReplaceCalendarYearInput) => api.put<CalendarYearView>(`/calendar/${year}`, input),
  status: () => api.get<CalendarStatus>('/calendar/status'),
};
