/** 走访发现 → 事项: the household's need made a matter in one action (the desk dispatches it). */
import { MATTER_KIND_LABELS, MATTER_KINDS, URGENCIES, URGENCY_LABELS, type VisitMatterInput } from '@jingmin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { visitsApi } from '../../../../api/visits';
import { useLang } from '../../../../i18n';

export function RaiseMatter({
  stationId,
  visit,
  onClose,
}: {
  stationId: string;
  visit: { id: string; address: string; note: string | null };
  onClose(): void;
}) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<VisitMatterInput>();
  const [key] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: (v: VisitMatterInput) => visitsApi.raiseMatter(visit.id, v, key),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: ['visits', stationId] });
      message.success(t(`已登记事项 ${r.number}，值班台派单办理`, `Recorded as ${r.number}; the desk dispatches it`));
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open
      title={t(`走访发现转事项：${visit.address}`, `A need raised at ${visit.address}`)}
      okText={t('登记事项', 'Record the matter')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<VisitMatterInput>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'help', urgency: 'normal', body: visit.note ?? '' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="kind" label={t('事项类型', 'Kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={MATTER_KINDS.map((k) => ({ value: k, label: label(MATTER_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item name="urgency" label={t('紧急程度', 'Urgency')}>
          <Radio.Group options={URGENCIES.map((u) => ({ value: u, label: label(URGENCY_LABELS[u]) }))} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('住户反映的问题', 'What the household asked')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('请填写内容', 'Write what was asked') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
