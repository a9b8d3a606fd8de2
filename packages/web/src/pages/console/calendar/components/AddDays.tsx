/** Adds a run of days (a holiday's days off) or one make-up working day to the year being edited. */
import {
  CALENDAR_DAY_KIND_LABELS,
  CALENDAR_DAY_KINDS,
  type CalendarDayInput,
  type CalendarDayKind,
  calendarYearIssues,
  HOLIDAY_NAMES,
} from '@jingmin/shared';
import { AutoComplete, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLang } from '../../../../i18n';

interface Values {
  range: [Dayjs, Dayjs];
  kind: CalendarDayKind;
  name: string;
  note?: string;
}

/** Every date from `from` to `to`, inclusive. */
function datesBetween(from: Dayjs, to: Dayjs): string[] {
  const dates: string[] = [];
  for (let d = from.startOf('day'); !d.isAfter(to, 'day'); d = d.add(1, 'day')) dates.push(d.format('YYYY-MM-DD'));
  return dates;
}

export function AddDays({
  year,
  days,
  onAdd,
}: {
  year: number;
  days: CalendarDayInput[];
  onAdd: (added: CalendarDayInput[]) => void;
}) {
  const { t, label } = useLang();
  const [form] = Form.useForm<Values>();
  const add = (v: Values) => {
    const added = datesBetween(v.range[0], v.range[1]).map((date) => ({
      date,
      kind: v.kind,
      name: v.name.trim(),
      note: v.note?.trim() ?? '',
    }));
    // The same checks the server makes, so a mistake shows before saving.
    const all = [...days, ...added];
    const issue = calendarYearIssues(year, all).find((i) => Number(i.field.split('.')[1]) >= days.length);
    if (issue) {
      const date = all[Number(issue.field.split('.')[1])]?.date;
      form.setFields([{ name: 'range', errors: [`${date} ${label(issue.message)}`] }]);
      return;
    }
    onAdd(added);
    form.resetFields(['range']);
  };
  return (
    <Form<Values> form={form} layout="inline" initialValues={{ kind: 'holiday' }} onFinish={add} style={{ rowGap: 8 }}>
      <Form.Item name="range" label={t('日期', 'Dates')} rules={[{ required: true, message: t('请选择', 'Required') }]}>
        <DatePicker.RangePicker
          defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
          disabledDate={(d) => d.year() !== year}
          style={{ width: 250 }}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('类型', 'Kind')}>
        <Select
          style={{ width: 130 }}
          options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: label(CALENDAR_DAY_KIND_LABELS[k]) }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('节日', 'Holiday')}
        rules={[{ required: true, whitespace: true, max: 100, message: t('请填写节日名称', 'Name the holiday') }]}
      >
        <AutoComplete
          style={{ width: 140 }}
          options={Object.values(HOLIDAY_NAMES).map((n) => ({ value: n.zh, label: label(n) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('说明', 'Note')} rules={[{ max: 200 }]}>
        <Input style={{ width: 220 }} placeholder={t('如：国务院办公厅通知', "e.g. the State Council's notice")} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit">{t('添加', 'Add')}</Button>
      </Form.Item>
    </Form>
  );
}
