/** The 调解 section's forms: 分流 (channel, receiving body, handler), 安排调解 and 登记结果. */
import {
  capabilitiesOf,
  DEADLINE_CHANNELS,
  type DisputeView,
  MEDIATION_CHANNEL_LABELS,
  MEDIATION_CHANNELS,
  type MediationChannel,
  type MediationSessionView,
  SESSION_RESULT_LABELS,
  SESSION_RESULTS,
  type SessionResult,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { disputeSessionsApi } from '../../../api/dispute-sessions';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';
import { useDisputeSettings } from './labels';
import { useCaseSave } from './useCaseSave';

const hasDeadlines = (c: MediationChannel | null) => c !== null && DEADLINE_CHANNELS.includes(c);

/** The station's staff the console may pick (the desk's dispatch list), as select options. */
function useStaffOptions(onlyHandlers: boolean) {
  const q = useQuery({ queryKey: ['assignees'], queryFn: () => matterApi.assignees() });
  return (q.data?.staff ?? [])
    .filter((s) => !onlyHandlers || capabilitiesOf(s.roles).includes('dispute.handle'))
    .map((s) => ({ value: s.id, label: `${s.name}（${s.unit}）` }));
}

export interface ModalProps {
  d: DisputeView;
  onClose(): void;
  onChanged(next: DisputeView): void;
}

type ChannelValues = { channel: MediationChannel; receivingBody?: string; handlerId?: string };

export function ChannelModal(props: ModalProps) {
  const { d } = props;
  const { t, label } = useLang();
  const [form] = Form.useForm<ChannelValues>();
  const handlers = useStaffOptions(true);
  const save = useCaseSave(
    (v: ChannelValues) =>
      disputeSessionsApi.channel(d.id, { ...v, receivingBody: v.receivingBody?.trim() || undefined }),
    t('已分流', 'Channel saved'),
    props,
  );
  return (
    <Modal
      open
      title={t('分流化解', 'Mediation channel')}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form<ChannelValues>
        form={form}
        layout="vertical"
        initialValues={{
          channel: d.channel ?? undefined,
          receivingBody: d.receivingBody ?? undefined,
          handlerId: d.handler?.id,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="channel"
          label={t('化解渠道', 'Channel')}
          rules={[{ required: true, message: t('请选择渠道', 'Choose a channel') }]}
          extra={t('治安调解按工作日计算调解期限。', 'Police mediation runs on working-day deadlines.')}
        >
          <Select options={MEDIATION_CHANNELS.map((c) => ({ value: c, label: label(MEDIATION_CHANNEL_LABELS[c]) }))} />
        </Form.Item>
        <Form.Item name="receivingBody" label={t('接收单位', 'Receiving body')} rules={[{ max: 60 }]}>
          <Input placeholder={t('如：A村调委会、司法所', 'e.g. the village committee')} />
        </Form.Item>
        <Form.Item name="handlerId" label={t('承办人', 'Handler')}>
          <Select allowClear showSearch optionFilterProp="label" options={handlers} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type PlanValues = { plannedAt: Dayjs; place: string; mediatorIds?: string[]; outsideMediators?: string };

export function PlanModal(props: ModalProps) {
  const { t } = useLang();
  const [form] = Form.useForm<PlanValues>();
  const staff = useStaffOptions(false);
  const save = useCaseSave(
    (v: PlanValues) =>
      disputeSessionsApi.plan(props.d.id, {
        plannedAt: v.plannedAt.toISOString(),
        place: v.place.trim(),
        mediatorIds: v.mediatorIds ?? [],
        outsideMediators: v.outsideMediators?.trim() || undefined,
      }),
    t('调解已安排', 'Session planned'),
    props,
  );
  return (
    <Modal
      open
      title={t('安排调解', 'Plan a session')}
      okText={t('安排', 'Plan')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form<PlanValues>
        form={form}
        layout="vertical"
        initialValues={{ plannedAt: dayjs().add(1, 'hour').startOf('hour') }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="plannedAt" label={t('时间', 'When')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('地点', 'Place')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input placeholder={t('如：派出所调解室', 'e.g. the station’s mediation room')} />
        </Form.Item>
        <Form.Item name="mediatorIds" label={t('本所调解员', 'Mediators of the station')}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={staff} />
        </Form.Item>
        <Form.Item name="outsideMediators" label={t('所外调解员', 'Other mediators')} rules={[{ max: 200 }]}>
          <Input placeholder={t('如：村调委会主任、律师', 'e.g. the village committee chair')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type RecordValues = {
  heldAt: Dayjs;
  attendeePartyIds?: string[];
  otherAttendees?: string;
  notes?: string;
  result: SessionResult;
  nextAttemptOn?: Dayjs;
};

export function RecordModal(props: ModalProps & { s: MediationSessionView }) {
  const { d, s } = props;
  const { t, label } = useLang();
  const { settings } = useDisputeSettings(d.stationId);
  const [form] = Form.useForm<RecordValues>();
  const result = Form.useWatch('result', form);
  const held = d.sessions.filter((x) => x.heldAt !== null).length;
  // 治安调解's last session without an agreement: the case is not settled, and the next attempt is dated.
  const last =
    hasDeadlines(d.channel) && held + 1 >= settings.rules.maxSessions && (result === 'none' || result === 'adjourned');
  const save = useCaseSave(
    (v: RecordValues) =>
      disputeSessionsApi.record(d.id, s.id, {
        heldAt: v.heldAt.toISOString(),
        attendeePartyIds: v.attendeePartyIds ?? [],
        otherAttendees: v.otherAttendees?.trim() || undefined,
        notes: v.notes?.trim() || undefined,
        result: v.result,
        nextAttemptOn: last && v.nextAttemptOn ? v.nextAttemptOn.format('YYYY-MM-DD') : undefined,
      }),
    t('调解结果已登记', 'Session recorded'),
    props,
  );
  const partyLabel = (p: DisputeView['parties'][number]) => {
    const ward = p.guardianOfId ? d.parties.find((w) => w.id === p.guardianOfId) : undefined;
    return (
      <>
        {p.nameMasked}
        {p.minor && <Tag color="red">{t('未成年', 'Minor')}</Tag>}
        {p.guardianOfId && <Tag color="blue">{t(`监护人（${ward?.nameMasked ?? ''}）`, 'Guardian')}</Tag>}
      </>
    );
  };
  return (
    <Modal
      open
      title={t(`登记第 ${s.seq} 次调解`, `Record session ${s.seq}`)}
      okText={t('登记', 'Record')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form<RecordValues>
        form={form}
        layout="vertical"
        initialValues={{
          heldAt: dayjs(),
          // Usually everyone came: the officer unticks whoever did not.
          attendeePartyIds: d.parties.map((p) => p.id),
          nextAttemptOn: dayjs().add(settings.rules.nextAttemptDays, 'day'),
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="heldAt" label={t('举行时间', 'Held at')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="attendeePartyIds"
          label={t('到场当事人', 'Parties present')}
          extra={t('未成年当事人须其监护人同时到场。', 'A minor party attends with their guardian.')}
        >
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {d.parties.map((p) => (
              <Checkbox key={p.id} value={p.id}>
                {partyLabel(p)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="otherAttendees" label={t('其他到场人员', 'Others present')} rules={[{ max: 200 }]}>
          <Input placeholder={t('如：村干部、亲友', 'e.g. village cadres, relatives')} />
        </Form.Item>
        <Form.Item
          name="notes"
          label={t('调解记录（仅内部）', 'Notes (internal)')}
          rules={[{ max: 2000 }]}
          extra={t('不会向群众显示。', 'Never shown to residents.')}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="result" label={t('结果', 'Result')} rules={[{ required: true }]}>
          <Radio.Group options={SESSION_RESULTS.map((r) => ({ value: r, label: label(SESSION_RESULT_LABELS[r]) }))} />
        </Form.Item>
        {last && (
          <Form.Item
            name="nextAttemptOn"
            label={t('下次调解日期', 'Next attempt on')}
            rules={[{ required: true }]}
            extra={t(
              '治安调解次数已满：登记为调解未成，并安排回访。',
              'No session may follow: the case is recorded as not settled.',
            )}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
