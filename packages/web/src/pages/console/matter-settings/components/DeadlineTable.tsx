/**
 * Deadlines, one row per rule: the base rule every matter starts from, then
 * each kind's overrides, then the urgent overrides that win over both. An
 * empty cell follows the rule above it (its value shows greyed).
 */
import { type DeadlineRule, MATTER_KIND_LABELS, MATTER_KINDS, type MatterSettings } from '@jingmin/shared';
import { Form, Table, Tag } from 'antd';
import { useLang } from '../../../../i18n';
import { MinutesInput } from './MinutesInput';

type Field = keyof DeadlineRule;
const FIELDS: [Field, string, string, number][] = [
  ['firstResponseMinutes', '首次响应（分钟）', 'First response (min)', 1440],
  ['takeMinutes', '接单（分钟）', 'Take (min)', 1440],
  ['resolveMinutes', '办结（分钟）', 'Resolve (min)', 60 * 24 * 60],
];

interface Row {
  key: string;
  name: string;
  path: (string | number)[];
  required: boolean;
}

export function DeadlineTable({ readOnly }: { readOnly: boolean }) {
  const { t, label } = useLang();
  const form = Form.useFormInstance<MatterSettings>();
  const base = Form.useWatch(['deadlines', 'base'], form);
  const rows: Row[] = [
    { key: 'base', name: t('基础时限', 'Base rule'), path: ['deadlines', 'base'], required: true },
    ...MATTER_KINDS.map((k) => ({
      key: k,
      name: label(MATTER_KIND_LABELS[k]),
      path: ['deadlines', 'byKind', k],
      required: false,
    })),
    { key: 'urgent', name: t('紧急事项', 'Urgent matters'), path: ['deadlines', 'urgent'], required: false },
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 620 }}
      columns={[
        {
          title: t('规则', 'Rule'),
          dataIndex: 'name',
          width: 120,
          fixed: 'left',
          render: (name: string, r) =>
            r.key === 'urgent' ? <Tag color="red">{name}</Tag> : r.key === 'base' ? <strong>{name}</strong> : name,
        },
        ...FIELDS.map(([field, zh, en, max]) => ({
          title: t(zh, en),
          key: field,
          render: (_: unknown, r: Row) => (
            <Form.Item
              name={[...r.path, field]}
              rules={r.required ? [{ required: true, message: t('必填', 'Required') }] : []}
              style={{ margin: 0 }}
            >
              <MinutesInput
                max={max}
                disabled={readOnly}
                aria-label={`${r.name} ${t(zh, en)}`}
                placeholder={r.key === 'base' || r.key === 'urgent' ? undefined : base?.[field]}
              />
            </Form.Item>
          ),
        })),
      ]}
    />
  );
}
