/** One matter: its facts, figures, timeline and the steps this officer may take now. */
import {
  MATTER_KIND_LABELS,
  MATTER_STATUS_LABELS,
  type MatterAction,
  RATING_LABELS,
  ROLE_LABELS,
  type Role,
  URGENCIES,
  URGENCY_LABELS,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Form, Input, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../../access';
import { api, errorMessage } from '../../../../api/client';
import { matterApi } from '../../../../api/matters';
import { useLang } from '../../../../i18n';

type Assignees = {
  staff: { id: string; name: string; unit: string; roles: Role[] }[];
  teams: { id: string; name: string }[];
  departments: { id: string; name: string }[];
};

const ACTION_LABELS: Record<MatterAction | 'reply' | 'note', [string, string]> = {
  accept: ['受理', 'Accept'],
  invalidate: ['无效', 'Invalid'],
  merge: ['合并', 'Merge'],
  dispatch: ['派单', 'Dispatch'],
  take: ['接单', 'Take'],
  return: ['退回', 'Return'],
  transfer: ['转办', 'Transfer'],
  resolve: ['办结', 'Resolve'],
  rate: ['评价', 'Rate'],
  reopen: ['重新办理', 'Reopen'],
  close: ['关闭', 'Close'],
  reply: ['回复群众', 'Reply'],
  note: ['内部备注', 'Note'],
};

/** Timeline entries: every action, plus what residents and the deadline sweep record. */
const EVENT_LABELS: Record<string, [string, string]> = {
  ...ACTION_LABELS,
  submitted: ['群众提交', 'Submitted by the resident'],
  rate: ['群众评价', 'Rated by the resident'],
  escalated: ['超时督办', 'Deadline breached: escalated'],
  take_overdue: ['超时未接单，退回值班台', 'Not taken in time: back to the desk'],
  review_requested: ['不满意，待所长复核', 'Unsatisfied: chief to review'],
};
const minutes = (s: number | null) => (s === null ? '—' : `${Math.round(s / 60)}`);

export function MatterDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const { t, label } = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const matter = useQuery({ queryKey: ['matter', id], queryFn: () => matterApi.get(id) });
  const assignees = useQuery({
    queryKey: ['assignees'],
    queryFn: () => api.get<Assignees>('/matters/assignees'),
    enabled: can('matter.desk'),
  });
  const [step, setStep] = useState<MatterAction | 'reply' | 'note' | null>(null);
  const m = matter.data;
  const act = async (action: string, body: Record<string, unknown> = {}) => {
    try {
      await matterApi.act(id, action, body);
      setStep(null);
      await matter.refetch();
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const steps = m
    ? [
        ...m.allowedActions,
        ...(can('matter.handle') && !['invalid', 'merged', 'closed'].includes(m.status)
          ? (['reply', 'note'] as const)
          : []),
      ]
    : [];
  const instant = new Set(['take', 'close']);
  return (
    <Drawer
      open
      width={Math.min(640, window.innerWidth)}
      onClose={onClose}
      title={m ? `${m.number} · ${label(MATTER_KIND_LABELS[m.kind])}` : ''}
    >
      {!m ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('状态', 'Status')}>
              <Tag>{label(MATTER_STATUS_LABELS[m.status])}</Tag>
              {m.rating && (
                <Tag color={m.rating === 'unsatisfied' ? 'red' : 'green'}>{label(RATING_LABELS[m.rating])}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('内容', 'Text')}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('地址', 'Address')}>{m.address}</Descriptions.Item>
            {m.location && (
              <Descriptions.Item label={t('位置', 'Location')}>
                {m.location.lat.toFixed(5)}, {m.location.lng.toFixed(5)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('用时（分钟）', 'Minutes')}>
              {t('首次响应', 'first response')} {minutes(m.figures.firstResponseSeconds)} · {t('受理', 'accept')}{' '}
              {minutes(m.figures.acceptSeconds)} · {t('办结', 'resolve')} {minutes(m.figures.resolveSeconds)}
              {m.figures.onTime === false && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('超期', 'late')}
                </Tag>
              )}
            </Descriptions.Item>
            {m.outcome && <Descriptions.Item label={t('办结情况', 'Outcome')}>{m.outcome}</Descriptions.Item>}
          </Descriptions>
          <Space wrap>
            {steps.map((a) => (
              <Button
                key={a}
                type={a === 'accept' || a === 'dispatch' || a === 'resolve' || a === 'take' ? 'primary' : 'default'}
                onClick={() => (instant.has(a) ? act(a) : setStep(a))}
              >
                {t(...ACTION_LABELS[a])}
              </Button>
            ))}
          </Space>
          {step && (
            <Form
              layout="vertical"
              onFinish={(v: Record<string, string>) => act(step, clean(step, v))}
              style={{ background: '#fafafa', padding: 12, borderRadius: 6 }}
              initialValues={{ urgency: m.urgency }}
            >
              {step === 'accept' && (
                <Form.Item label={t('紧急程度', 'Urgency')} name="urgency" rules={[{ required: true }]}>
                  <Select options={URGENCIES.map((u) => ({ value: u, label: label(URGENCY_LABELS[u]) }))} />
                </Form.Item>
              )}
              {(step === 'dispatch' || step === 'transfer') && (
                <Form.Item label={t('派给', 'Assign to')} name="assignee" rules={[{ required: true }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    options={[
                      {
                        label: t('民警/辅警/网格员', 'Officers'),
                        options: (assignees.data?.staff ?? []).map((s) => ({
                          value: `staff:${s.id}`,
                          label: `${s.name} · ${s.roles.map((r) => label(ROLE_LABELS[r])).join('/')} · ${s.unit}`,
                        })),
                      },
                      {
                        label: t('警务队', 'Teams'),
                        options: (assignees.data?.teams ?? []).map((s) => ({ value: `team:${s.id}`, label: s.name })),
                      },
                      {
                        label: t('联动部门', 'Departments'),
                        options: (assignees.data?.departments ?? []).map((s) => ({
                          value: `department:${s.id}`,
                          label: s.name,
                        })),
                      },
                    ]}
                  />
                </Form.Item>
              )}
              {step === 'merge' && (
                <Form.Item
                  label={t('合并到（事项编号 ID）', 'Merge into (matter id)')}
                  name="intoId"
                  rules={[{ required: true }]}
                >
                  <Input />
                </Form.Item>
              )}
              {['invalidate', 'return', 'reopen'].includes(step) && (
                <Form.Item label={t('原因', 'Reason')} name="reason" rules={[{ required: true, min: 2 }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              )}
              {step === 'resolve' && (
                <Form.Item label={t('办结情况', 'Outcome')} name="outcome" rules={[{ required: true, min: 2 }]}>
                  <Input.TextArea rows={3} />
                </Form.Item>
              )}
              {(step === 'reply' || step === 'note') && (
                <Form.Item
                  label={
                    step === 'reply'
                      ? t('回复内容（群众可见）', 'Reply (the resident sees it)')
                      : t('备注（群众看不到）', 'Note (internal)')
                  }
                  name="text"
                  rules={[{ required: true }]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
              )}
              <Space>
                <Button type="primary" htmlType="submit">
                  {t('确定', 'OK')}
                </Button>
                <Button onClick={() => setStep(null)}>{t('取消', 'Cancel')}</Button>
              </Space>
            </Form>
          )}
          <Typography.Title level={5}>{t('时间线', 'Timeline')}</Typography.Title>
          <Timeline
            items={m.timeline.map((e) => ({
              color: e.visibility === 'internal' ? 'gray' : e.type === 'matter.escalated' ? 'red' : 'blue',
              children: (
                <div>
                  <Typography.Text strong>
                    {t(...(EVENT_LABELS[e.type.replace('matter.', '')] ?? [e.type, e.type]))}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} {e.actor ?? ''}
                  </Typography.Text>
                  {e.visibility === 'internal' && <Tag style={{ marginLeft: 6 }}>{t('内部', 'internal')}</Tag>}
                  {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                </div>
              ),
            }))}
          />
        </Space>
      )}
    </Drawer>
  );
}

/** Turns the form into the body the action expects. */
function clean(step: string, v: Record<string, string>): Record<string, unknown> {
  if (step === 'dispatch' || step === 'transfer') {
    const [kind, id] = (v.assignee ?? '').split(':');
    return { [kind === 'staff' ? 'assigneeStaffId' : kind === 'team' ? 'assigneeTeamId' : 'assigneeDepartmentId']: id };
  }
  return v;
}
