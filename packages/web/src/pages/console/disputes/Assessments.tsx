/**
 * 分级评估: the assessor records the factors (people, amount, threats, earlier violence, repeat calls,
 * collective, other risk) and judges the level over them; a re-assessment keeps every earlier one.
 */
import { type AssessmentInput, DISPUTE_LEVEL_LABELS, DISPUTE_LEVELS, type DisputeView } from '@jingmin/shared';
import { useMutation } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Radio,
  Row,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { disputesApi } from '../../../api/disputes';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { LevelTag } from './labels';

type Assessment = DisputeView['assessments'][number];
type Factors = AssessmentInput['factors'];
const FLAGS = ['threats', 'earlierViolence', 'repeatCalls', 'collective', 'otherRisk'] as const;
const FLAG_LABELS: Record<(typeof FLAGS)[number], [string, string]> = {
  threats: ['扬言报复、以死相逼', 'Threats'],
  earlierViolence: ['曾有肢体冲突', 'Earlier violence'],
  repeatCalls: ['一人多警、一事多警、一地多警', 'Repeat calls'],
  collective: ['群体性', 'Collective'],
  otherRisk: ['饮酒、严重精神障碍等其他风险', 'Other risk'],
};

interface Props {
  d: DisputeView;
  canHandle: boolean;
  onChanged(d: DisputeView): void;
}

export function Assessments({ d, canHandle, onChanged }: Props) {
  const { t } = useLang();
  const narrow = Grid.useBreakpoint().md === false;
  const [editing, setEditing] = useState(false);
  /** The factors in words: "3人 · 2万元 · 扬言报复…". */
  const summary = (f: Factors) =>
    [
      t(`${f.people}人`, `${f.people} people`),
      f.amountYuan !== null ? t(`${f.amountYuan.toLocaleString()}元`, `¥${f.amountYuan.toLocaleString()}`) : null,
      ...FLAGS.filter((k) => f[k]).map((k) => t(...FLAG_LABELS[k])),
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Card
      size="small"
      title={t('分级评估', 'Assessment')}
      extra={
        canHandle &&
        !editing && (
          <Button
            size="small"
            type={d.assessments.length === 0 ? 'primary' : 'default'}
            onClick={() => setEditing(true)}
          >
            {d.assessments.length === 0 ? t('评估', 'Assess') : t('重新评估', 'Re-assess')}
          </Button>
        )
      }
    >
      {editing && (
        <AssessForm
          d={d}
          onCancel={() => setEditing(false)}
          onDone={(next) => {
            setEditing(false);
            onChanged(next);
          }}
        />
      )}
      {d.assessments.length === 0 ? (
        !editing && <Typography.Text type="secondary">{t('尚未评估', 'Not assessed yet')}</Typography.Text>
      ) : narrow ? (
        <Flex vertical gap={8}>
          {d.assessments.map((a) => (
            <div key={a.id} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
              <Flex justify="space-between" gap={8}>
                <LevelTag level={a.level} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {when(a.assessedAt)} · {a.assessedBy}
                </Typography.Text>
              </Flex>
              <div style={{ fontSize: 13 }}>{summary(a.factors)}</div>
              {a.note && <Typography.Text type="secondary">{a.note}</Typography.Text>}
            </div>
          ))}
        </Flex>
      ) : (
        <Table<Assessment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.assessments}
          columns={[
            {
              title: t('评估时间', 'When'),
              dataIndex: 'assessedAt',
              width: 170,
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{when(v)}</span>,
            },
            { title: t('等级', 'Level'), dataIndex: 'level', width: 80, render: (l) => <LevelTag level={l} /> },
            { title: t('评估因素', 'Factors'), render: (_, a) => summary(a.factors) },
            { title: t('说明', 'Note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
            { title: t('评估人', 'By'), dataIndex: 'assessedBy', width: 100 },
          ]}
        />
      )}
    </Card>
  );
}

type Values = {
  level: AssessmentInput['level'];
  people: number;
  amountYuan?: number | null;
  flags: (typeof FLAGS)[number][];
  note?: string;
};

function AssessForm({ d, onCancel, onDone }: { d: DisputeView; onCancel(): void; onDone(d: DisputeView): void }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const last = d.assessments[0];
  const save = useMutation({
    mutationFn: (v: Values) =>
      disputesApi.assess(d.id, {
        level: v.level,
        note: v.note?.trim() || undefined,
        factors: {
          people: v.people,
          amountYuan: v.amountYuan ?? null,
          ...(Object.fromEntries(FLAGS.map((k) => [k, v.flags.includes(k)])) as Record<
            (typeof FLAGS)[number],
            boolean
          >),
        },
      }),
    onSuccess: (next) => {
      message.success(t('评估已记录', 'Assessment recorded'));
      onDone(next);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const initial: Partial<Values> = last
    ? {
        level: last.level,
        people: last.factors.people,
        amountYuan: last.factors.amountYuan,
        flags: FLAGS.filter((k) => last.factors[k]),
      }
    : { people: Math.max(2, d.parties.length), flags: d.collective ? ['collective'] : [] };
  return (
    <Form<Values>
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      style={{ marginBottom: 12, padding: 12, background: '#fafafa', borderRadius: 8 }}
    >
      <Form.Item
        name="level"
        label={t('等级', 'Level')}
        rules={[{ required: true, message: t('请选择等级', 'Choose a level') }]}
      >
        <Radio.Group
          optionType="button"
          options={DISPUTE_LEVELS.map((l) => ({ value: l, label: label(DISPUTE_LEVEL_LABELS[l]) }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item
            name="people"
            label={t('涉及人数', 'People')}
            rules={[{ required: true, message: t('请填写涉及人数', 'How many people') }]}
          >
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="amountYuan" label={t('争议金额（元）', 'Amount (yuan)')}>
            <InputNumber min={0} max={1e12} style={{ width: '100%' }} placeholder={t('不涉及', 'None')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="flags" label={t('风险因素', 'Risk factors')}>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={FLAGS.map((k) => ({ value: k, label: t(...FLAG_LABELS[k]) }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('说明', 'Note')}
        rules={[{ max: 500, message: t('说明不超过500字', 'At most 500 characters') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('保存评估', 'Save')}
        </Button>
        <Button onClick={onCancel}>{t('取消', 'Cancel')}</Button>
      </Flex>
    </Form>
  );
}
