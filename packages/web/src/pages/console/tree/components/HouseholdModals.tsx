/** Adding one household, and the reason the server asks before an export (it is written to the audit trail). */
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { households } from '../../../../api/org';
import { useLang } from '../../../../i18n';

export function AddHouseholdModal(props: { unitId: string; open: boolean; onClose(): void; onAdded(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { address: string; doorplateCode: string }) => {
    setBusy(true);
    try {
      await households.add({ unitId: props.unitId, address: v.address.trim(), doorplateCode: v.doorplateCode.trim() });
      message.success(t('已新增', 'Added'));
      props.onAdded();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('新增门牌', 'Add household')}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('完整地址', 'Full address')}
          name="address"
          rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('门牌编码', 'Doorplate code')}
          name="doorplateCode"
          rules={[
            { required: true, max: 40 },
            { pattern: /^[0-9A-Za-z-]+$/, message: t('只能用数字、字母和短横线', 'Digits, letters and dashes only') },
          ]}
        >
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Modal>
  );
}

export function ExportReasonModal(props: { open: boolean; onCancel(): void; onOk(reason: string): void }) {
  const { t } = useLang();
  return (
    <Modal
      open={props.open}
      title={t('导出事由（将记入审计日志）', 'Reason for the export (audited)')}
      footer={null}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={(v: { reason: string }) => props.onOk(v.reason.trim())}>
        <Form.Item
          label={t('事由', 'Reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}
        >
          <Input placeholder={t('例如：新装门牌', 'e.g. new doorplates')} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('导出', 'Export')}
        </Button>
      </Form>
    </Modal>
  );
}
