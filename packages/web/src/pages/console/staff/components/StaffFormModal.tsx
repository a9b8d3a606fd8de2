/** Create an account (the server generates the initial password) or edit one's name, scope and mobile. */
import type { StaffView } from '@jingmin/shared';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { staffApi } from '../../../../api/staff';
import { useLang } from '../../../../i18n';
import { UnitPicker } from './UnitPicker';

interface StaffForm {
  username: string;
  displayName: string;
  scopeUnitId?: string;
  phone?: string;
}

export function StaffFormModal(props: {
  /** null: a new account; otherwise the account edited. */
  editing: StaffView | null;
  open: boolean;
  onClose(): void;
  onSaved(created?: { username: string; initialPassword: string }): void;
}) {
  const { editing } = props;
  const { t } = useLang();
  const session = useSession();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (v: StaffForm) => {
    setBusy(true);
    try {
      const phone = v.phone?.trim() || undefined;
      if (editing) {
        await staffApi.update(editing.id, {
          displayName: v.displayName,
          ...(v.scopeUnitId ? { scopeUnitId: v.scopeUnitId } : {}),
          ...(phone ? { phone } : {}),
        });
        props.onSaved();
      } else {
        const r = await staffApi.create({
          username: v.username.trim(),
          displayName: v.displayName,
          scopeUnitId: v.scopeUnitId ?? session.user.scopeUnitId,
          ...(phone ? { phone } : {}),
        });
        props.onSaved({ username: r.staff.username, initialPassword: r.initialPassword });
      }
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={editing ? t(`编辑 ${editing.username}`, `Edit ${editing.username}`) : t('新建账号', 'New account')}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {!editing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(
            '新账号没有角色，由安全管理员授权（三员分立）。初始密码由系统生成，只显示一次。',
            'A new account has no role until the security administrator grants one. The initial password is generated and shown once.',
          )}
        />
      )}
      <Form<StaffForm>
        layout="vertical"
        onFinish={submit}
        initialValues={editing ? { displayName: editing.displayName } : { scopeUnitId: session.user.scopeUnitId }}
      >
        {!editing && (
          <Form.Item
            label={t('用户名', 'Username')}
            name="username"
            extra={t('小写字母、数字、点、短横线，3–40 位', 'Lower-case letters, digits, dot, dash; 3–40')}
            rules={[
              {
                required: true,
                pattern: /^[a-z0-9][a-z0-9._-]{2,39}$/,
                message: t('用户名格式不对', 'Invalid username'),
              },
            ]}
          >
            <Input autoCapitalize="none" />
          </Form.Item>
        )}
        <Form.Item
          label={t('姓名', 'Name')}
          name="displayName"
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('辖区', 'Scope')}
          name="scopeUnitId"
          extra={t('账号只能看到这个节点及其下级', 'The account sees this node and below only')}
        >
          <UnitPicker placeholder={editing?.scopeUnitName} />
        </Form.Item>
        <Form.Item
          label={t('手机', 'Mobile')}
          name="phone"
          extra={
            editing?.phone
              ? t(`当前 ${editing.phone}，留空不改`, `Now ${editing.phone}; leave empty to keep`)
              : undefined
          }
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('11 位手机号', '11-digit mobile number') }]}
        >
          <Input inputMode="tel" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {editing ? t('保存', 'Save') : t('创建', 'Create')}
        </Button>
      </Form>
    </Modal>
  );
}
