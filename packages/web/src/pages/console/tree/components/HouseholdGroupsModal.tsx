/** A 十户联防组 created or edited: its name, 2–20 households of the grid, the 户长's household, name and phone. */
import type { HouseholdGroupSummary } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { households } from '../../../../api/org';
import { responsibilityApi as rApi } from '../../../../api/responsibility';
import { useLang } from '../../../../i18n';

type Values = {
  name: string;
  householdIds: string[];
  leaderHouseholdId?: string;
  leaderName?: string;
  leaderPhone?: string;
};

export function HouseholdGroupModal(props: {
  unitId: string;
  group: HouseholdGroupSummary | null;
  onClose(): void;
  onSaved(): Promise<unknown>;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { group } = props;
  const homes = useQuery({
    queryKey: ['households-pick', props.unitId],
    queryFn: () => households.page({ unitId: props.unitId, page: 1, pageSize: 200 }),
  });
  const current = useQuery({
    queryKey: ['household-group', group?.id],
    queryFn: () => rApi.group(group?.id ?? ''),
    enabled: Boolean(group),
  });
  const chosen: string[] = Form.useWatch('householdIds', form) ?? [];
  const options = (homes.data?.items ?? [])
    .map((h) => ({ value: h.id, label: h.address }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }));
  const addressOf = (id: string) =>
    options.find((o) => o.value === id)?.label ??
    current.data?.members.find((m) => m.householdId === id)?.address ??
    id;
  const save = async (v: Values) => {
    setSaving(true);
    try {
      const body = {
        name: v.name,
        householdIds: v.householdIds,
        leaderHouseholdId: v.leaderHouseholdId ?? '',
        leaderName: v.leaderName || undefined,
        leaderPhone: v.leaderPhone || undefined,
      };
      if (group) await rApi.updateGroup(group.id, { ...body, version: group.version });
      else await rApi.createGroup(props.unitId, body);
      await props.onSaved();
      message.success(t('已保存', 'Saved'));
      props.onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const ready = !group || current.data;
  return (
    <Modal
      open
      title={group ? t(`编辑${group.name}`, `Edit ${group.name}`) : t('新建联防组', 'New group')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('保存', 'Save')}
      destroyOnHidden
    >
      {ready && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={
            current.data
              ? {
                  name: current.data.name,
                  householdIds: current.data.members.map((m) => m.householdId),
                  leaderHouseholdId: current.data.leaderHouseholdId ?? undefined,
                  // The station's own staff read the 户长 in full: what is kept is shown and saved again.
                  leaderName: current.data.leaderName ?? undefined,
                  leaderPhone: current.data.leaderPhone ?? undefined,
                }
              : { householdIds: [] }
          }
        >
          <Form.Item name="name" label={t('组名', 'Name')} rules={[{ required: true, max: 40 }]}>
            <Input maxLength={40} placeholder={t('如：第3联防组', 'e.g. 第3联防组')} />
          </Form.Item>
          <Form.Item
            name="householdIds"
            label={t('住户（2–20 户）', 'Households (2–20)')}
            rules={[{ required: true, type: 'array', min: 2, max: 20 }]}
          >
            <Select mode="multiple" options={options} loading={homes.isPending} optionFilterProp="label" />
          </Form.Item>
          <Form.Item
            name="leaderHouseholdId"
            label={t('户长所在户', "Leader's household")}
            rules={[{ required: true }]}
          >
            <Select options={chosen.map((id) => ({ value: id, label: addressOf(id) }))} />
          </Form.Item>
          <Form.Item name="leaderName" label={t('户长姓名', "Leader's name")}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="leaderPhone"
            label={t('户长手机号', "Leader's mobile")}
            rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('请填写 11 位手机号', 'An 11-digit mobile number') }]}
          >
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
