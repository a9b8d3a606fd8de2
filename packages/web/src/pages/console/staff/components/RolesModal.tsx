/** The security administrator grants roles; 三员分立 is checked here for a quick answer and enforced by the server. */
import {
  ADMIN_ROLES,
  GRANTABLE_ROLES,
  ROLE_LABELS,
  type Role,
  type StaffView,
  violatesRoleSeparation,
} from '@jingmin/shared';
import { Alert, App, Button, Checkbox, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { staffApi } from '../../../../api/staff';
import { useLang } from '../../../../i18n';

export function RolesModal(props: { staff: StaffView | null; onClose(): void; onSaved(): void }) {
  const { staff } = props;
  const { t, label } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const roles = Form.useWatch('roles', form) ?? [];
  const [busy, setBusy] = useState(false);
  const clash = violatesRoleSeparation(roles);
  const submit = async (v: { roles?: Role[] }) => {
    if (!staff) return;
    setBusy(true);
    try {
      await staffApi.setRoles(staff.id, v.roles ?? []);
      props.onSaved();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={staff !== null}
      title={t(`${staff?.displayName ?? ''} 的角色`, `Roles of ${staff?.displayName ?? ''}`)}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(
          '三员分立：系统管理员、安全管理员、审计管理员（★）互相独立，一个账号最多担任其中一个。',
          'Separation of duties: system, security and audit administrator (★) are separate; an account holds at most one.',
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ roles: staff?.roles ?? [] }} onFinish={submit}>
        <Form.Item name="roles">
          <Checkbox.Group
            options={GRANTABLE_ROLES.map((r) => ({
              value: r,
              label: `${label(ROLE_LABELS[r])}${(ADMIN_ROLES as readonly Role[]).includes(r) ? ' ★' : ''}`,
            }))}
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 8 }}
          />
        </Form.Item>
        {clash && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('三员分立：不能同时担任两个管理员角色', 'Separation of duties: two administrator roles at once')}
          />
        )}
        <Button type="primary" htmlType="submit" loading={busy} disabled={clash}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Modal>
  );
}
