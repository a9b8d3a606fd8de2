/**
 * 工作日历: the bureau's holidays and make-up working days, a year at a time.
 * Every signed-in staff member reads it; who holds calendar.write adds or
 * removes days and saves the year. In December, while next year is missing,
 * a banner asks for it.
 */
import { DeleteOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import {
  CALENDAR_DAY_KIND_LABELS,
  type CalendarDayInput,
  holidayLabel,
  nextYearCalendarReminder,
  toCalendarDate,
  workingDayCalendar,
  workingDaysBetween,
} from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../access';
import { calendarApi } from '../../../api/calendar';
import { errorMessage } from '../../../api/client';
import { useLang } from '../../../i18n';
import { AddDays } from './components/AddDays';

const WEEKDAYS = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

export default function CalendarPage() {
  const { t, label } = useLang();
  const status = useQuery({ queryKey: ['calendar-status'], queryFn: calendarApi.status });
  // Only who keeps the calendar is asked to enter next year.
  const keeper = useCan()('calendar.write');
  const [year, setYear] = useState(() => Number(toCalendarDate(new Date()).slice(0, 4)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {keeper && status.data?.missingNextYear && (
        <Alert
          type="warning"
          showIcon
          title={label(nextYearCalendarReminder(status.data.nextYear))}
          action={
            year !== status.data.nextYear && (
              <Button size="small" onClick={() => setYear(status.data.nextYear)}>
                {t(`查看${status.data.nextYear}年`, `Open ${status.data.nextYear}`)}
              </Button>
            )
          }
        />
      )}
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('工作日历', 'Working-day calendar')}
        </Typography.Title>
        <Button icon={<LeftOutlined />} aria-label={t('上一年', 'Previous year')} onClick={() => setYear(year - 1)} />
        <Typography.Text strong>{t(`${year}年`, String(year))}</Typography.Text>
        <Button icon={<RightOutlined />} aria-label={t('下一年', 'Next year')} onClick={() => setYear(year + 1)} />
      </Flex>
      <YearEditor key={year} year={year} />
    </Space>
  );
}

function YearEditor({ year }: { year: number }) {
  const { t, label, locale } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['calendar', year], queryFn: () => calendarApi.year(year) });
  /** The edited list; null while it is what the server holds. */
  const [draft, setDraft] = useState<CalendarDayInput[] | null>(null);
  const save = useMutation({
    mutationFn: (days: CalendarDayInput[]) => calendarApi.replace(year, { days }),
    onSuccess: (saved) => {
      client.setQueryData(['calendar', year], saved);
      void client.invalidateQueries({ queryKey: ['calendar-status'] });
      setDraft(null);
      message.success(t(`${year}年工作日历已保存`, `The ${year} calendar is saved`));
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  if (query.isError) return <Alert type="error" title={errorMessage(query.error)} />;
  if (!query.data) return <Spin />;
  const editable = query.data.allowedActions.includes('replace');
  const saved = query.data.days.map(({ date, kind, name, note }) => ({ date, kind, name, note }));
  const days = draft ?? saved;
  const workingDaysInYear = workingDaysBetween(workingDayCalendar(days), `${year - 1}-12-31`, `${year}-12-31`);
  const weekday = (date: string) => WEEKDAYS[locale === 'en' ? 'en' : 'zh'][new Date(`${date}T00:00:00Z`).getUTCDay()];
  const update = (next: CalendarDayInput[]) => setDraft([...next].sort((a, b) => a.date.localeCompare(b.date)));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Alert
        type="info"
        showIcon
        title={t(
          '未列出的日期按周一至周五上班、周六周日休息计算。所有“N个工作日”的时限都按本日历计算，期限自次日起算。',
          'Dates not listed follow Monday-to-Friday. Every "N working days" limit counts by this calendar, from the next day.',
        )}
        description={
          editable
            ? undefined
            : t('只读：工作日历由系统管理员维护。', 'Read only: the system administrator keeps the calendar.')
        }
      />
      {editable && (
        <Card size="small" title={t('添加日期', 'Add days')}>
          <AddDays year={year} days={days} onAdd={(added) => update([...days, ...added])} />
        </Card>
      )}
      <Card
        size="small"
        // The year's figures are the page's answer: they wrap on a small phone instead of being cut off.
        styles={{ title: { whiteSpace: 'normal' } }}
        title={
          days.length === 0
            ? t(`${year}年节假日安排尚未录入`, `Holidays for ${year} not entered yet`)
            : t(
                `放假 ${days.filter((d) => d.kind === 'holiday').length} 天，调休上班 ${days.filter((d) => d.kind === 'workday').length} 天，全年工作日 ${workingDaysInYear} 天`,
                `${days.filter((d) => d.kind === 'holiday').length} days off, ${days.filter((d) => d.kind === 'workday').length} make-up days, ${workingDaysInYear} working days in the year`,
              )
        }
        extra={
          editable && (
            <Space>
              {draft && <Typography.Text type="warning">{t('有未保存的修改', 'Unsaved changes')}</Typography.Text>}
              <Button disabled={!draft} onClick={() => setDraft(null)}>
                {t('撤销修改', 'Undo changes')}
              </Button>
              <Button type="primary" disabled={!draft} loading={save.isPending} onClick={() => save.mutate(days)}>
                {t(`保存${year}年`, `Save ${year}`)}
              </Button>
            </Space>
          )
        }
      >
        <Table<CalendarDayInput>
          rowKey="date"
          size="small"
          pagination={false}
          dataSource={days}
          locale={{ emptyText: t(`尚未录入${year}年节假日安排`, `No holidays entered for ${year}`) }}
          columns={[
            {
              title: t('日期', 'Date'),
              dataIndex: 'date',
              render: (date: string) => `${date} ${weekday(date)}`,
            },
            {
              title: t('类型', 'Kind'),
              dataIndex: 'kind',
              render: (kind: CalendarDayInput['kind']) => (
                <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{label(CALENDAR_DAY_KIND_LABELS[kind])}</Tag>
              ),
            },
            { title: t('节日', 'Holiday'), dataIndex: 'name', render: (name: string) => label(holidayLabel(name)) },
            { title: t('说明', 'Note'), dataIndex: 'note', ellipsis: true },
            ...(editable
              ? [
                  {
                    title: t('操作', 'Actions'),
                    key: 'remove',
                    width: 80,
                    render: (_: unknown, day: CalendarDayInput) => (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t(`删除${day.date}`, `Remove ${day.date}`)}
                        onClick={() => update(days.filter((d) => d.date !== day.date))}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
