/** 纠纷设置, for the chief: the station's colour scheme and its subcategories (each under one category). */
import { COLOUR_SCHEMES, DISPUTE_CATEGORIES, DISPUTE_CATEGORY_LABELS, type DisputeSettings } from '@jingmin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
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

function SettingsModal(props: { stationId: string; settings: DisputeSettings; onClose(): void }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<DisputeSettings>();
  const save = useMutation({
    mutationFn: (v: DisputeSettings) =>
      disputesApi.saveSettings(props.stationId, {
        colourScheme: v.colourScheme,
        subcategories: v.subcategories.map((s) => ({ ...s, name: s.name.trim() })),
        rules: v.rules ?? props.settings.rules,
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
      <Form<DisputeSettings>
        form={form}
        layout="vertical"
        initialValues={props.settings}
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
      </Form>
    </Modal>
  );
}
