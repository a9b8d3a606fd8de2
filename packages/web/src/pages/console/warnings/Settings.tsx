/**
 * 预警设置 (warning.review): the station's categories — the eight every station has, then its own (key, Chinese and
 * English name) — the SMS signature residents see (as registered with the provider), the provider's per-second
 * rate and daily cap, and how long receipts of a notice without an expiry are kept.
 */
import { DEFAULT_WARNING_CATEGORIES, WarningSettings } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { warningsApi } from '../../../api/warnings';
import { useLang } from '../../../i18n';
import { useWarningSettings } from './hooks';

export function SettingsPanel({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<WarningSettings>();
  const [saving, setSaving] = useState(false);
  const { settings } = useWarningSettings(stationId);
  if (settings.isPending) return <Spin />;
  if (settings.isError) return <Alert type="error" title={errorMessage(settings.error)} />;

  const save = async (v: WarningSettings) => {
    const parsed = WarningSettings.safeParse({ ...v, extraCategories: v.extraCategories ?? [] });
    if (!parsed.success) {
      message.error(
        parsed.error.issues.some((i) => i.path[0] === 'extraCategories')
          ? t(
              '类别代码只能用小写字母、数字和下划线，以字母开头；名称必填',
              'Category keys: lowercase letters, digits, _; names required',
            )
          : t('请检查填写的内容', 'Please check the values'),
      );
      return;
    }
    const keys = [...DEFAULT_WARNING_CATEGORIES.map((c) => c.key), ...parsed.data.extraCategories.map((c) => c.key)];
    if (new Set(keys).size !== keys.length) {
      message.error(t('类别代码不能重复', 'Category keys must be unique'));
      return;
    }
    setSaving(true);
    try {
      await warningsApi.saveSettings(stationId, parsed.data);
      message.success(t('已保存', 'Saved'));
      void client.invalidateQueries({ queryKey: ['warning-settings', stationId] });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" style={{ maxWidth: 760 }}>
      <Form<WarningSettings> form={form} layout="vertical" initialValues={settings.data} onFinish={save}>
        <Form.Item label={t('通用类别', 'Standard categories')}>
          <Flex gap={4} wrap>
            {DEFAULT_WARNING_CATEGORIES.map((c) => (
              <Tag key={c.key}>{label(c.label)}</Tag>
            ))}
          </Flex>
        </Form.Item>
        <Form.Item label={t('本所自定义类别', "The station's own categories")}>
          <Form.List name="extraCategories">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item
                      name={[f.name, 'key']}
                      noStyle
                      rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/ }]}
                    >
                      <Input
                        placeholder={t('代码，如 flood', 'Key, e.g. flood')}
                        maxLength={32}
                        style={{ width: 150 }}
                        aria-label={t('类别代码', 'Key')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label', 'zh']} noStyle rules={[{ required: true, whitespace: true }]}>
                      <Input
                        placeholder={t('中文名，如 防汛', 'Chinese name')}
                        maxLength={20}
                        style={{ width: 150 }}
                        aria-label={t('中文名称', 'Chinese name')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label', 'en']} noStyle rules={[{ required: true, whitespace: true }]}>
                      <Input
                        placeholder={t('英文名，如 Flood', 'English name')}
                        maxLength={40}
                        style={{ width: 150 }}
                        aria-label={t('英文名称', 'English name')}
                      />
                    </Form.Item>
                    <Button type="text" danger onClick={() => remove(f.name)}>
                      {t('删除', 'Remove')}
                    </Button>
                  </Space>
                ))}
                <Button
                  type="dashed"
                  onClick={() => add({ key: '', label: { zh: '', en: '' } })}
                  style={{ width: 'fit-content' }}
                >
                  {t('+ 添加类别', '+ Add a category')}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(
                    '代码保存在通知和订阅上，添加后请勿更改。',
                    'The key is stored on notices and subscriptions: keep it once added.',
                  )}
                </Typography.Text>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item
          label={t('短信签名', 'SMS signature')}
          name="smsSignature"
          extra={t(
            '群众收到的短信以【签名】开头，须与在短信服务商处备案的一致，如：柳塘派出所。',
            'SMS start with 【signature】, as registered with the provider.',
          )}
        >
          <Input maxLength={20} style={{ maxWidth: 280 }} placeholder={t('如：柳塘派出所', 'e.g. 柳塘派出所')} />
        </Form.Item>
        <Form.Item label={t('每秒最多发送短信', 'SMS per second at most')} name="smsPerSecond">
          <InputNumber min={1} max={1000} suffix={t('条/秒', '/s')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label={t('每日短信上限', 'SMS per day at most')}
          name="smsDailyCap"
          extra={t(
            '本所所有通知合计，达到上限后当天不再发送短信。',
            'Across all notices; no more SMS that day once reached.',
          )}
        >
          <InputNumber min={0} max={10_000_000} suffix={t('条', '')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label={t('查看记录保留天数', 'Keep receipts for')}
          name="receiptDays"
          extra={t(
            '未设有效期的通知，发布后这么多天清除查看记录，统计数保留。',
            'For notices without an expiry; counts stay.',
          )}
        >
          <InputNumber min={7} max={3650} suffix={t('天', 'days')} style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('保存设置', 'Save settings')}
        </Button>
      </Form>
    </Card>
  );
}
