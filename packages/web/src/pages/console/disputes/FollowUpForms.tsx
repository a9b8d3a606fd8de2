/** The 跟踪回访 section's forms: 安排回访, 登记回访 (with each party's satisfaction) and 调解未成. */
import {
  type DisputeView,
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_KINDS,
  type FollowUpKind,
  type FollowUpRecorded,
  type FollowUpRecordInput,
  type FollowUpView,
} from '@jingmin/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Radio, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../../api/client';
import { disputeFollowUpsApi } from '../../../api/dispute-follow-ups';
import { disputesApi } from '../../../api/disputes';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';
import { useDisputeSettings } from './labels';
import { useCaseSave } from './useCaseSave';

/** The parties whose satisfaction is asked: everyone but a guardian. */
export const askedParties = (d: DisputeView) => d.parties.filter((p) => !p.guardianOfId);

export interface ModalProps {
  d: DisputeView;
  onClose(): void;
  onChanged(next: DisputeView): void;
}

const notPast = (day: Dayjs) => day.isBefore(dayjs(), 'day');

export function PlanModal({ d, onClose, onChanged }: ModalProps) {
  const { t, label } = useLang();
  const [form] = Form.useForm<{ kind: FollowUpKind; dueOn: Dayjs; responsibleId?: string }>();
  const staff = useQuery({ queryKey: ['assignees'], queryFn: () => matterApi.assignees() });
  const save = useCaseSave(
    (v: { kind: FollowUpKind; dueOn: Dayjs; responsibleId?: string }) =>
      disputeFollowUpsApi.plan(d.id, {
        kind: v.kind,
        dueOn: v.dueOn.format('YYYY-MM-DD'),
        responsibleId: v.responsibleId,
      }),
    t('回访已安排', 'Follow-up planned'),
    { onClose, onChanged },
  );
  return (
    <Modal
      open
      title={t('安排回访', 'Plan a follow-up')}
      okText={t('安排', 'Plan')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'after_agreement', dueOn: dayjs().add(7, 'day') }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="kind" label={t('回访类型', 'Kind')} rules={[{ required: true }]}>
          <Radio.Group options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: label(FOLLOW_UP_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('回访日期', 'Due on')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notPast} />
        </Form.Item>
        <Form.Item
          name="responsibleId"
          label={t('责任人', 'Responsible')}
          extra={t('不选则为案件承办人。', 'Empty: the case handler.')}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={staff.isLoading}
            options={(staff.data?.staff ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.unit}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Answer = 'satisfied' | 'unsatisfied' | 'evaluation' | 'skip';
type RecordValues = { performed: boolean; hazardCleared: boolean; note?: string; answers: Record<string, Answer> };

export function RecordModal({
  d,
  f,
  onClose,
  onRecorded,
}: {
  d: DisputeView;
  f: FollowUpView;
  onClose(): void;
  onRecorded(r: FollowUpRecorded, next: DisputeView): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const parties = askedParties(d);
  const save = useMutation({
    mutationFn: async (v: RecordValues) => {
      const input: FollowUpRecordInput = {
        performed: f.kind === 'after_agreement' ? v.performed : undefined,
        hazardCleared: v.hazardCleared,
        note: v.note?.trim() || undefined,
        parties: parties.flatMap((p): FollowUpRecordInput['parties'] => {
          const a = v.answers?.[p.id] ?? 'skip';
          if (a === 'skip') return [];
          if (a === 'evaluation') return [{ partyId: p.id, via: 'evaluation' as const }];
          return [{ partyId: p.id, via: 'in_person' as const, satisfied: a === 'satisfied' }];
        }),
      };
      const r = await disputeFollowUpsApi.record(f.id, input);
      return { r, next: await disputesApi.get(d.id) };
    },
    onSuccess: ({ r, next }) => {
      message.success(t('回访已登记', 'Follow-up recorded'));
      onRecorded(r, next);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const answers = [
    { value: 'satisfied', label: t('满意', 'Satisfied') },
    { value: 'unsatisfied', label: t('不满意', 'Unsatisfied') },
    { value: 'evaluation', label: t('发送评价链接', 'Evaluation link') },
    { value: 'skip', label: t('不询问', 'Not asked') },
  ];
  return (
    <Modal
      open
      title={t('登记回访', 'Record the follow-up')}
      okText={t('登记', 'Record')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<RecordValues>
        form={form}
        layout="vertical"
        initialValues={{
          performed: true,
          hazardCleared: true,
          answers: Object.fromEntries(parties.map((p) => [p.id, 'skip'])),
        }}
        onFinish={(v) => save.mutate(v)}
      >
        {f.kind === 'after_agreement' && (
          <Form.Item name="performed" label={t('协议已履行', 'Agreement performed')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Form.Item name="hazardCleared" label={t('隐患已消除', 'Hazard cleared')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="note" label={t('回访情况', 'Note')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        {parties.length > 0 && (
          <Typography.Text strong>{t('当事人满意度（当面询问）', 'Satisfaction (asked in person)')}</Typography.Text>
        )}
        {parties.map((p) => (
          <Form.Item key={p.id} name={['answers', p.id]} label={p.nameMasked} style={{ marginBottom: 8 }}>
            <Radio.Group options={answers} optionType="button" size="small" />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

export function FailModal({ d, onClose, onChanged }: ModalProps) {
  const { t } = useLang();
  const { settings } = useDisputeSettings(d.stationId);
  const [form] = Form.useForm<{ reason: string; nextAttemptOn: Dayjs }>();
  const save = useCaseSave(
    (v: { reason: string; nextAttemptOn: Dayjs }) =>
      disputeFollowUpsApi.fail(d.id, { reason: v.reason.trim(), nextAttemptOn: v.nextAttemptOn.format('YYYY-MM-DD') }),
    t('已登记调解未成', 'Recorded as not settled'),
    { onClose, onChanged },
  );
  return (
    <Modal
      open
      title={t('调解未成', 'Not settled')}
      okText={t('登记', 'Record')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ nextAttemptOn: dayjs().add(settings.rules.nextAttemptDays, 'day') }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="reason"
          label={t('原因', 'Reason')}
          rules={[{ required: true, whitespace: true }, { max: 500 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="nextAttemptOn"
          label={t('再次调解日期', 'Next attempt on')}
          rules={[{ required: true }]}
          extra={t('按该日期安排一次再次调解前回访。', 'A follow-up is planned for that day.')}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={notPast} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
