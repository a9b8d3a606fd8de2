/**
 * 派任务: the desk picks an active volunteer, says what to do, and where — a doorplate address of the volunteer's
 * own grid or village (only the address reaches the volunteer) or a place in words — and by when. Opened from a
 * matter (?matterId=…&householdId=…) the task helps with that matter and its timeline says so.
 */
import type { SendVolunteerTaskInput, VolunteerView } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { allianceApi } from '../../../api/alliance';
import { errorMessage } from '../../../api/client';
import { households } from '../../../api/org';
import { useLang } from '../../../i18n';

/** Tasks stations send again and again, offered as the title is typed. */
const COMMON_TITLES = [
  '看望独居老人（送药）',
  '查看村口路灯是否损坏',
  '劝导占道晾晒',
  '提醒出租屋房东登记',
  '协助寻找走失老人线索',
  '提醒村民防范电信诈骗',
];

interface Values {
  volunteerId: string;
  title: string;
  detail?: string;
  where: 'household' | 'place';
  householdId?: string;
  place?: string;
  dueAt?: Dayjs;
}

export function SendTask(props: {
  stationId: string;
  open: boolean;
  matterId?: string;
  householdId?: string;
  onClose(): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const active = useQuery({
    queryKey: ['volunteers', props.stationId, 'active'],
    queryFn: () => allianceApi.list(props.stationId, 'active'),
    enabled: props.open,
  });
  const volunteerId = Form.useWatch('volunteerId', form);
  const where = Form.useWatch('where', form) ?? 'household';
  const volunteer = active.data?.find((v) => v.id === volunteerId);
  useEffect(() => {
    if (props.open) form.setFieldsValue({ where: 'household', householdId: props.householdId });
  }, [props.open, props.householdId, form]);
  const send = useMutation({
    mutationFn: (v: Values) => {
      const input: SendVolunteerTaskInput = {
        volunteerId: v.volunteerId,
        title: v.title.trim(),
        detail: v.detail?.trim() || undefined,
        householdId: v.where === 'household' ? v.householdId : undefined,
        place: v.where === 'place' ? v.place?.trim() : undefined,
        matterId: props.matterId,
        dueAt: v.dueAt?.toISOString(),
      };
      return allianceApi.sendTask(props.stationId, input);
    },
    onSuccess: (task) => {
      message.success(t(`已派给${task.volunteerName}`, `Sent to ${task.volunteerName}`));
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['volunteer-tasks', props.stationId] });
      props.onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open={props.open}
      title={t('派任务给志愿者', 'Send a volunteer a task')}
      okText={t('派出', 'Send')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t(
          '志愿者只看到任务、说明和地址，看不到群众的姓名、电话或事项内容；说明里请不要写电话号码。',
          'The volunteer reads the task, the words and the address only: no names, phones or the matter. Write no phone number.',
        )}
      />
      {props.matterId && (
        <Alert
          type="success"
          style={{ marginBottom: 12 }}
          title={t(
            '协助所选事项：事项的办理记录会显示“派志愿者协助”',
            'Helps with the chosen matter (shown on its timeline)',
          )}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} initialValues={{ where: 'household' }}>
        <Form.Item name="volunteerId" label={t('志愿者', 'Volunteer')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={active.isPending}
            placeholder={t('已通过审核的志愿者', 'An active volunteer')}
            onChange={() => {
              // Another volunteer, another grid: an address picked for the last one may lie outside it.
              if (form.getFieldValue('householdId') !== props.householdId) form.setFieldValue('householdId', undefined);
            }}
            options={(active.data ?? []).map((v: VolunteerView) => ({
              value: v.id,
              label: `${v.name} · ${v.kind} · ${v.unitName}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('任务', 'Task')} rules={[{ required: true, min: 2, max: 60 }]}>
          <AutoComplete
            options={COMMON_TITLES.map((value) => ({ value }))}
            filterOption={(input, o) => String(o?.value ?? '').includes(input)}
            placeholder={t('如：看望独居老人（送药）', 'e.g. visit an elder living alone')}
          />
        </Form.Item>
        <Form.Item name="detail" label={t('说明', 'Details')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="where" label={t('地点', 'Where')}>
          <Radio.Group
            options={[
              { value: 'household', label: t('门牌地址', 'A doorplate address') },
              { value: 'place', label: t('文字描述', 'In words') },
            ]}
          />
        </Form.Item>
        {where === 'household' ? (
          <Form.Item
            name="householdId"
            rules={[{ required: true, message: t('请选择地址', 'Pick an address') }]}
            extra={t(
              '只能选该志愿者服务的村（社区）或网格内的地址',
              "Only addresses in the volunteer's grid or village",
            )}
          >
            <AddressSearch unitId={volunteer?.unitId} preset={props.householdId} />
          </Form.Item>
        ) : (
          <Form.Item name="place" rules={[{ required: true, min: 2, max: 100 }]}>
            <Input maxLength={100} placeholder={t('如：村口石桥旁路灯', 'e.g. the lamp by the bridge')} />
          </Form.Item>
        )}
        <Form.Item name="dueAt" label={t('期限（可不填）', 'Due (optional)')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A doorplate address of the volunteer's grid or village, found by typing part of it. */
function AddressSearch(props: {
  unitId?: string;
  /** The matter's household, when the task was opened from a matter. */
  preset?: string;
  value?: string;
  onChange?(id: string | undefined): void;
}) {
  const { t } = useLang();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['households', 'search', props.unitId, q],
    queryFn: () => households.page({ unitId: props.unitId ?? '', q, page: 1, pageSize: 20 }),
    enabled: Boolean(props.unitId) && q.length >= 2,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      value={props.value}
      onChange={props.onChange}
      allowClear
      disabled={!props.unitId}
      placeholder={
        props.unitId
          ? t('输入地址或门牌编码搜索', 'Type part of an address or a doorplate code')
          : t('先选志愿者', 'Pick the volunteer first')
      }
      loading={found.isFetching}
      notFoundContent={
        q.length < 2 ? t('至少输入 2 个字', 'Type at least 2 characters') : t('没有找到该地址', 'No such address')
      }
      options={[
        ...(props.preset ? [{ value: props.preset, label: t('事项所在的地址', "The matter's address") }] : []),
        ...(found.data?.items ?? [])
          .filter((h) => h.id !== props.preset)
          .map((h) => ({ value: h.id, label: `${h.address} · ${h.unitName}` })),
      ]}
      style={{ width: '100%' }}
    />
  );
}
