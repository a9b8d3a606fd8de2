/**
 * 登记走访: the household (searched by address), the line (三线合一), why (日常、关爱、回访、反诈), who went along,
 * when, and a short note for the station. Sent with its own Idempotency-Key, so a retry on a poor signal logs
 * it once.
 */
import {
  VISIT_LINE_LABELS,
  VISIT_LINES,
  VISIT_PURPOSE_LABELS,
  VISIT_PURPOSES,
  type VisitInput,
  type VisitLogged,
} from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Grid, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSession } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { matterApi } from '../../../../api/matters';
import { visitsApi } from '../../../../api/visits';
import { useLang } from '../../../../i18n';
import { HouseholdSearch } from '../../disputes/NewDispute';

type Values = Omit<VisitInput, 'visitedAt'> & { visitedAt?: Dayjs };

export function LogVisit({
  stationId,
  searchUnitId,
  household,
  onClose,
  onLogged,
}: {
  stationId: string;
  /** Where to search households: the picked station for a bureau account, else the account's own scope. */
  searchUnitId: string | null;
  /** A household chosen already (from the plan). */
  household?: { id: string; address: string };
  onClose(): void;
  onLogged(v: VisitLogged): void;
}) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const session = useSession();
  const client = useQueryClient();
  const narrow = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  // One key per entry: a second click or a retry after a lost answer logs the visit once.
  const [key] = useState(() => crypto.randomUUID());
  const colleagues = useQuery({ queryKey: ['assignees'], queryFn: matterApi.assignees, staleTime: 60_000 });
  const save = useMutation({
    mutationFn: (v: Values) => visitsApi.log({ ...v, visitedAt: v.visitedAt?.toISOString() }, key),
    onSuccess: (v) => {
      void client.invalidateQueries({ queryKey: ['visits', stationId] });
      void client.invalidateQueries({ queryKey: ['visit-plan', stationId] });
      message.success(t('走访已登记', 'Visit logged'));
      onLogged(v);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open
      title={t('登记走访', 'Log a visit')}
      okText={t('登记并出示评价码', 'Log and show the QR')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={narrow ? '100%' : 600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          line: 'police',
          purpose: 'routine',
          companionIds: [],
          householdId: household?.id,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        {household ? (
          <Form.Item name="householdId" label={t('门牌地址', 'Household')}>
            <Select disabled options={[{ value: household.id, label: household.address }]} />
          </Form.Item>
        ) : (
          <Form.Item
            name="householdId"
            label={t('门牌地址', 'Household')}
            rules={[{ required: true, message: t('请搜索并选择门牌地址', 'Search for and choose the household') }]}
          >
            <HouseholdSearch unitId={searchUnitId} />
          </Form.Item>
        )}
        <Form.Item name="line" label={t('条线', 'Line')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={VISIT_LINES.map((v) => ({ value: v, label: label(VISIT_LINE_LABELS[v]) }))}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('走访目的', 'Purpose')} rules={[{ required: true }]}>
          <Select options={VISIT_PURPOSES.map((p) => ({ value: p, label: label(VISIT_PURPOSE_LABELS[p]) }))} />
        </Form.Item>
        <Form.Item name="companionIds" label={t('同行民警、辅警', 'Colleagues along')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            loading={colleagues.isPending}
            options={(colleagues.data?.staff ?? [])
              .filter((s) => s.id !== session.user.id)
              .map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="otherVisitors" label={t('其他同行人员', 'Others along')}>
          <Input maxLength={100} placeholder={t('如：包村干部李某、网格员', 'e.g. the village cadre')} />
        </Form.Item>
        <Form.Item
          name="visitedAt"
          label={t('走访时间（不填为现在）', 'When (now if empty)')}
          rules={[
            {
              validator: (_, v?: Dayjs) =>
                v?.isAfter(dayjs())
                  ? Promise.reject(new Error(t('走访时间不能晚于现在', 'A visit cannot be in the future')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('情况记录（仅本所可见）', 'Note (station only)')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
