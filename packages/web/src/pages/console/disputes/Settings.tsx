/**
 * 纠纷设置, for the chief: the station's colour scheme, its subcategories (each under one category) and its
 * mediation rules (治安调解's working-day deadlines and session limit, the guardian age, the follow-up rhythm).
 */
import { COLOUR_SCHEMES, DISPUTE_CATEGORIES, DISPUTE_CATEGORY_LABELS, type DisputeSettings } from '@jingmin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { disputesApi } from '../../../api/disputes';
import { useLang } from '../../../i18n';

export function SettingsButton({ stationId, settings }: { stationId: string; settings: DisputeSettings }) {
  const { t } = useLang();
  const can = useCan();
  const [open, setOpen] = useState(false);
  // The chief keeps the station's rules (as 码上办设置).
  if (!can('dispute.handle') || !can('matter.settings')) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('纠纷设置', 'Settings')}</Button>
      {open && <SettingsModal stationId={stationId} settings={settings} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The form holds the follow-up days as the chief types them: `7, 30`. */
type Values = DisputeSettings & { followUpDaysText: string };

const daysOf = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map(Number);

function SettingsModal(props: { stationId: string; settings: DisputeSettings; onClose(): void }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      disputesApi.saveSettings(props.stationId, {
        colourScheme: v.colourScheme,
        subcategories: v.subcategories.map((s) => ({ ...s, name: s.name.trim() })),
        rules: { ...props.settings.rules, ...v.rules, followUpDays: daysOf(v.followUpDaysText) },
      }),
    onSuccess: (next) => {
      client.setQueryData(['dispute-settings', props.stationId], next);
      message.success(t('设置已保存', 'Settings saved'));
      props.onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open
      title={t('纠纷设置', 'Dispute settings')}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ ...props.settings, followUpDaysText: props.settings.rules.followUpDays.join(', ') }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="colourScheme"
          label={t('颜色方案', 'Colour scheme')}
          extra={t('已定色的案件保留原方案的颜色。', 'Cases keep the colours of the scheme they were given.')}
        >
          <Select options={COLOUR_SCHEMES.map((s) => ({ value: s.key, label: label(s.name) }))} />
        </Form.Item>
        <Typography.Text strong>{t('纠纷细类', 'Subcategories')}</Typography.Text>
        <Form.List
          name="subcategories"
          rules={[
            {
              validator: (_, v?: unknown[]) =>
                v && v.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('至少保留一个细类', 'Keep at least one'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item
                    name={[f.name, 'name']}
                    style={{ flex: 1, marginBottom: 8 }}
                    rules={[
                      { required: true, whitespace: true, message: t('请填写细类名称', 'Give a name') },
                      { max: 20, message: t('不超过20字', 'At most 20 characters') },
                    ]}
                  >
                    <Input aria-label={t('细类名称', 'Name')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'category']} style={{ width: 120, marginBottom: 8 }}>
                    <Select
                      aria-label={t('类别', 'Category')}
                      options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: label(DISPUTE_CATEGORY_LABELS[c]) }))}
                    />
                  </Form.Item>
                  <Button type="text" danger onClick={() => remove(f.name)} aria-label={t('删除', 'Remove')}>
                    ×
                  </Button>
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                onClick={() => add({ name: '', category: 'other' })}
                disabled={fields.length >= 60}
                style={{ marginTop: 4 }}
              >
                {t('添加细类', 'Add a subcategory')}
              </Button>
            </>
          )}
        </Form.List>
        <MediationRulesFields />
      </Form>
    </Modal>
  );
}

/** 调解规则: 治安调解 (公通字〔2007〕81号) by default — first session within 3 working days, a second within 7, two at most. */
function MediationRulesFields() {
  const { t } = useLang();
  const number = (name: keyof DisputeSettings['rules'], zh: string, en: string, min: number, max: number) => (
    <Form.Item name={['rules', name]} label={t(zh, en)} rules={[{ required: true }]} style={{ marginBottom: 12 }}>
      <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <>
      <Divider style={{ margin: '16px 0 8px' }} />
      <Typography.Text strong>{t('调解规则', 'Mediation rules')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('期限按工作日计算，只适用于治安调解。', 'Deadlines count working days and apply to police mediation.')}
      </Typography.Paragraph>
      {number('finishWorkingDays', '首次调解期限（受理后工作日）', 'First session within (working days)', 1, 30)}
      {number('secondSessionWorkingDays', '再次调解期限（上次后工作日）', 'Next session within (working days)', 1, 30)}
      {number('maxSessions', '治安调解最多次数', 'Most sessions', 1, 5)}
      {number('guardianUnderAge', '未满几周岁须监护人到场', 'Guardian attends under age', 1, 18)}
      <Form.Item
        name="followUpDaysText"
        label={t('协议后回访（天，逗号分隔）', 'Follow-ups after an agreement (days, comma-separated)')}
        style={{ marginBottom: 12 }}
        rules={[
          {
            validator: (_, v?: string) => {
              const days = daysOf(v ?? '');
              return days.length >= 1 &&
                days.length <= 5 &&
                days.every((d) => Number.isInteger(d) && d >= 1 && d <= 365)
                ? Promise.resolve()
                : Promise.reject(
                    new Error(t('填 1 至 5 个 1–365 的天数，如 7, 30', 'One to five days of 1–365, e.g. 7, 30')),
                  );
            },
          },
        ]}
      >
        <Input placeholder="7, 30" />
      </Form.Item>
      {number('nextAttemptDays', '调解未成后再次调解（天后）', 'Next attempt after a failure (days)', 1, 180)}
    </>
  );
}
