/** Adding one household, and the reason the server asks before an export (it is written to the audit trail). */

import { ADDRESS_KIND_LABELS, ADDRESS_KINDS, type AddressKind } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { auth } from '../../../../api/auth';
import { errorMessage } from '../../../../api/client';
import { households } from '../../../../api/org';
import { ExportReasonModal } from '../../../../components/ExportButton';
import { useLang } from '../../../../i18n';

export function AddHouseholdModal(props: { unitId: string; open: boolean; onClose(): void; onAdded(): void }) {
  const { message } = App.useApp();
  const { t, label } = useLang();
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<AddressKind>('household');
  const submit = async (v: { address: string; doorplateCode: string; name?: string }) => {
    setBusy(true);
    try {
      await households.add({
        unitId: props.unitId,
        address: v.address.trim(),
        doorplateCode: v.doorplateCode.trim(),
        kind,
        ...(kind === 'enterprise' ? { name: v.name?.trim() } : {}),
      });
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
        <Form.Item label={t('类型', 'Kind')}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={ADDRESS_KINDS.map((k) => ({ value: k, label: label(ADDRESS_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        {kind === 'enterprise' && (
          <Form.Item
            label={t('企业/单位名称', 'Name of the enterprise or unit')}
            name="name"
            rules={[{ required: true, whitespace: true, min: 2, max: 100 }]}
          >
            <Input placeholder={t('如：兴旺木材加工厂', 'e.g. Xingwang timber mill')} />
          </Form.Item>
        )}
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

/** An address only this machine can open: localhost, 127.x, ::1 (or an unparsable one). */
export function isLocalAddress(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return true;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]' ||
    host === '0.0.0.0'
  );
}

/** Before printing: the codes point at the server's PUBLIC_URL, which must be reachable from residents' phones. */
function PrintTargetWarning() {
  const { t } = useLang();
  const meta = useQuery({ queryKey: ['meta'], queryFn: auth.meta, staleTime: Number.POSITIVE_INFINITY });
  const url = meta.data?.publicUrl;
  if (!url || !isLocalAddress(url)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t(`门牌码将指向 ${url}`, `The codes will point to ${url}`)}
      description={t(
        '这是本机地址，群众的手机打不开。正式打印门牌前，请先由管理员设置 PUBLIC_URL（群众手机能访问的地址）并重启服务。',
        "This is a local address that residents' phones cannot open. Before printing plates for real, have an administrator set PUBLIC_URL (an address residents' phones can reach) and restart the server.",
      )}
    />
  );
}

/** The reason asked before printing every doorplate of a subtree (a PDF of codes), with the address they point to. */
export function PrintReasonModal(props: { open: boolean; onCancel(): void; onOk(reason: string): void }) {
  const { t } = useLang();
  return (
    <ExportReasonModal
      {...props}
      title={t('打印门牌码：事由（将记入审计日志）', 'Print doorplates: reason (audited)')}
      okText={t('生成打印文件', 'Make the print file')}
    >
      <PrintTargetWarning />
    </ExportReasonModal>
  );
}
