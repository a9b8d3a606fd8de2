/**
 * 新增/编辑接入: an upstream's name, the unit it serves (the station, or the bureau and its stations), the addresses
 * it may call from (IP or CIDR) and how results go back; a webhook needs its URL. Validated by UpstreamInput.
 */
import {
  FRAUD_FEEDBACK_MODES,
  type UpstreamInput as Input,
  UpstreamInput,
  type UpstreamSecrets,
  type UpstreamView,
} from '@jingmin/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Form, Modal, Radio, Select, Input as TextInput } from 'antd';
import { useEffect } from 'react';
import { useSession } from '../../../access';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { org } from '../../../api/org';
import { useLang } from '../../../i18n';
import { FEEDBACK_MODE_LABELS } from './labels';

const IP = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

/** The account's own unit when it is a station or bureau, and the stations and bureaus right under it. */
function useUnits(current?: { id: string; name: string }) {
  const session = useSession();
  const scopeId = session.user.scopeUnitId;
  const q = useQuery({
    queryKey: ['fraud', 'upstream-units', scopeId],
    queryFn: async () => {
      const [own, children] = await Promise.all([org.unit(scopeId), org.children(scopeId)]);
      return [own, ...children].filter((u) => u.kind === 'station' || u.kind === 'bureau');
    },
    staleTime: 300_000,
  });
  const units = (q.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (current && !units.some((u) => u.value === current.id)) units.unshift({ value: current.id, label: current.name });
  return { units, loading: q.isPending };
}

export function UpstreamForm({
  editing,
  onClose,
  onCreated,
  onSaved,
}: {
  editing: UpstreamView | null;
  onClose(): void;
  onCreated(s: UpstreamSecrets): void;
  onSaved(): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Input>();
  const feedback = Form.useWatch('feedback', form);
  const { units, loading } = useUnits(editing?.unit);
  const firstUnit = units[0]?.value;
  // A chief serves one station: chosen for it.
  useEffect(() => {
    if (firstUnit && !form.getFieldValue('unitId')) form.setFieldValue('unitId', firstUnit);
  }, [firstUnit, form]);
  const save = useMutation({
    mutationFn: async (v: Input) => {
      const input = UpstreamInput.parse({
        ...v,
        name: v.name.trim(),
        webhookUrl: v.feedback === 'webhook' ? v.webhookUrl?.trim() || undefined : undefined,
      });
      if (editing) return { saved: await fraudApi.updateUpstream(editing.id, input) };
      return { created: await fraudApi.createUpstream(input) };
    },
    onSuccess: (r) => {
      if ('created' in r && r.created) onCreated(r.created);
      else {
        message.success(t('已保存', 'Saved'));
        onSaved();
      }
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open
      title={editing ? t(`编辑 ${editing.name}`, `Edit ${editing.name}`) : t('新增接入', 'Add an upstream')}
      okText={editing ? t('保存', 'Save') : t('创建并生成密钥', 'Create and issue keys')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Input>
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                name: editing.name,
                unitId: editing.unit.id,
                allowedIps: editing.allowedIps,
                feedback: editing.feedback,
                webhookUrl: editing.webhookUrl ?? undefined,
              }
            : { feedback: 'webhook', allowedIps: [] }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <TextInput placeholder={t('如：市反诈中心预警平台', 'e.g. City anti-fraud centre')} />
        </Form.Item>
        <Form.Item name="unitId" label={t('服务单位', 'Serves')} rules={[{ required: true }]}>
          <Select loading={loading} options={units} />
        </Form.Item>
        <Form.Item
          name="allowedIps"
          label={t('允许的IP地址', 'Allowed addresses')}
          extra={t('IP 或网段（CIDR），回车添加，最多50个', 'IP or CIDR; press Enter to add; up to 50')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('至少一个地址', 'At least one address') },
            {
              validator: (_, v: string[] = []) =>
                v.every((ip) => IP.test(ip.trim()))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('请填写IP地址或CIDR网段', 'An IP address or CIDR block'))),
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} placeholder="10.20.0.0/16" />
        </Form.Item>
        <Form.Item name="feedback" label={t('结果反馈方式', 'Feedback')}>
          <Radio.Group
            options={FRAUD_FEEDBACK_MODES.map((m) => ({ value: m, label: t(...FEEDBACK_MODE_LABELS[m]) }))}
          />
        </Form.Item>
        {feedback === 'webhook' && (
          <Form.Item
            name="webhookUrl"
            label={t('回调地址', 'Webhook URL')}
            rules={[
              { required: true, message: t('推送回调须填写地址', 'A webhook needs its URL') },
              { pattern: /^https?:\/\/\S+$/, message: t('须为 http(s) 地址', 'An http(s) URL') },
              { max: 500 },
            ]}
          >
            <TextInput placeholder="https://fz.example.gov.cn/jingmin/feedback" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
