/**
 * 人员账号: the system administrator creates, edits, disables and resets
 * accounts; the security administrator grants roles, unlocks and resets the
 * second factor. The buttons shown follow the session's capabilities.
 */
import { ADMIN_ROLES, ROLE_LABELS, ROLES, type Role, type StaffView } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { staffApi } from '../../../api/console';
import { useLang } from '../../../i18n';
import { useCan, useSession } from '../ConsoleApp';

export default function StaffPage() {
  const { t, label } = useLang();
  const can = useCan();
  const session = useSession();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [rolesOf, setRolesOf] = useState<StaffView | null>(null);
  const list = useQuery({ queryKey: ['staff', q, page], queryFn: () => staffApi.list({ q, page, pageSize: 20 }) });
  const refresh = () => client.invalidateQueries({ queryKey: ['staff'] });
  const fail = (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
  const showPassword = (username: string, password: string) => {
    modal.info({
      title: t(`${username} 的初始密码（只显示这一次）`, `Initial password of ${username} (shown once)`),
      content: (
        <Typography.Paragraph copyable style={{ fontFamily: 'monospace', fontSize: 18 }}>
          {password}
        </Typography.Paragraph>
      ),
    });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          placeholder={t('用户名或姓名', 'Username or name')}
          allowClear
          onSearch={(v) => {
            setPage(1);
            setQ(v);
          }}
          style={{ width: 220 }}
        />
        {can('staff.write') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('新建账号', 'New account')}
          </Button>
        )}
      </Space>
      <Table<StaffView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: 900 }}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username', width: 130 },
          { title: t('姓名', 'Name'), dataIndex: 'displayName', width: 100 },
          { title: t('辖区', 'Scope'), dataIndex: 'scopeUnitName', width: 140 },
          {
            title: t('角色', 'Roles'),
            dataIndex: 'roles',
            render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{label(ROLE_LABELS[r])}</Tag>),
          },
          { title: t('手机', 'Mobile'), dataIndex: 'phone', width: 120 },
          {
            title: t('状态', 'Status'),
            width: 150,
            render: (_, s) => (
              <Space size={2} wrap>
                <Tag color={s.status === 'active' ? 'green' : 'default'}>
                  {s.status === 'active' ? t('启用', 'active') : t('停用', 'disabled')}
                </Tag>
                {s.locked && <Tag color="red">{t('已锁定', 'locked')}</Tag>}
                {s.totpEnabled && <Tag color="blue">2FA</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            width: 260,
            render: (_, s) =>
              s.id === session.user.id ? null : (
                <Space size={0} wrap>
                  {can('staff.roles') && (
                    <Button size="small" type="link" onClick={() => setRolesOf(s)}>
                      {t('角色', 'Roles')}
                    </Button>
                  )}
                  {can('staff.roles') && s.locked && (
                    <Button size="small" type="link" onClick={() => staffApi.unlock(s.id).then(refresh, fail)}>
                      {t('解锁', 'Unlock')}
                    </Button>
                  )}
                  {can('staff.roles') && s.totpEnabled && (
                    <Button size="small" type="link" onClick={() => staffApi.resetTotp(s.id).then(refresh, fail)}>
                      {t('重置双因素', 'Reset 2FA')}
                    </Button>
                  )}
                  {can('staff.write') && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() =>
                        staffApi.resetPassword(s.id).then((r) => showPassword(s.username, r.initialPassword), fail)
                      }
                    >
                      {t('重置密码', 'Reset password')}
                    </Button>
                  )}
                  {can('staff.write') && (
                    <Button
                      size="small"
                      type="link"
                      danger={s.status === 'active'}
                      onClick={() =>
                        staffApi
                          .update(s.id, { status: s.status === 'active' ? 'disabled' : 'active' })
                          .then(refresh, fail)
                      }
                    >
                      {s.status === 'active' ? t('停用', 'Disable') : t('启用', 'Enable')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('新建账号', 'New account')}
        footer={null}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(
            '新账号没有角色，由安全管理员授权（三员分立）。',
            'New accounts have no role until the security administrator grants one (separation of duties).',
          )}
        />
        <Form
          layout="vertical"
          onFinish={(v: { username: string; displayName: string; phone?: string }) =>
            staffApi.create({ ...v, phone: v.phone || undefined, scopeUnitId: session.user.scopeUnitId }).then((r) => {
              setCreating(false);
              refresh();
              showPassword(r.staff.username, r.initialPassword);
            }, fail)
          }
        >
          <Form.Item
            label={t('用户名', 'Username')}
            name="username"
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{2,39}$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label={t('姓名', 'Name')} name="displayName" rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label={t('手机', 'Mobile')}
            name="phone"
            rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('11 位手机号', '11-digit mobile number') }]}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('创建', 'Create')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={rolesOf !== null}
        title={t(`${rolesOf?.displayName ?? ''} 的角色`, `Roles of ${rolesOf?.displayName ?? ''}`)}
        footer={null}
        onCancel={() => setRolesOf(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t(
            '三员分立：系统管理员、安全管理员、审计管理员三者只能任其一。',
            'Separation of duties: at most one of system, security and audit administrator.',
          )}
        </Typography.Paragraph>
        <Form
          layout="vertical"
          initialValues={{ roles: rolesOf?.roles }}
          onFinish={(v: { roles: Role[] }) =>
            staffApi.setRoles(rolesOf!.id, v.roles ?? []).then(() => {
              setRolesOf(null);
              refresh();
            }, fail)
          }
        >
          <Form.Item name="roles">
            <Checkbox.Group
              options={ROLES.map((r) => ({
                value: r,
                label: `${label(ROLE_LABELS[r])}${(ADMIN_ROLES as readonly Role[]).includes(r) ? ' ★' : ''}`,
              }))}
              style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('保存', 'Save')}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}
