/**
 * 人员账号: the system administrator creates, edits, disables and resets
 * accounts; the security administrator grants roles, unlocks and resets the
 * second factor. The buttons shown follow the session's capabilities; a
 * reader (the chief) is told what they may do and whom to ask for the rest.
 */
import { ROLE_LABELS, type Role, type StaffView } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useCan, useSession } from '../../../access';
import { errorMessage } from '../../../api/client';
import { staffApi } from '../../../api/staff';
import { useLang } from '../../../i18n';
import { RolesModal } from './components/RolesModal';
import { StaffAccessNote } from './components/StaffAccessNote';
import { StaffFormModal } from './components/StaffFormModal';
import { WecomModal } from './components/WecomModal';

const PAGE_SIZE = 20;

export default function StaffPage() {
  const { t, label } = useLang();
  const can = useCan();
  const session = useSession();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ editing: StaffView | null } | null>(null);
  const [rolesOf, setRolesOf] = useState<StaffView | null>(null);
  const [wecomOf, setWecomOf] = useState<StaffView | null>(null);
  const list = useQuery({
    queryKey: ['staff', q, page],
    queryFn: () => staffApi.page({ q, page, pageSize: PAGE_SIZE }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['staff'] });
  const act = (call: () => Promise<unknown>, done: string) =>
    call().then(
      () => {
        message.success(done);
        return refresh();
      },
      (err) => message.error(errorMessage(err)),
    );
  const showPassword = (username: string, password: string) =>
    modal.info({
      title: t(`${username} 的初始密码`, `Initial password of ${username}`),
      content: (
        <>
          <Typography.Paragraph type="warning">
            {t(
              '只显示这一次。请当面或通过安全渠道交给本人，首次登录须修改。',
              'Shown only once. Hand it over in person or through a safe channel; it must be changed at first sign-in.',
            )}
          </Typography.Paragraph>
          <Typography.Paragraph copyable style={{ fontFamily: 'monospace', fontSize: 18 }}>
            {password}
          </Typography.Paragraph>
        </>
      ),
    });
  const confirmResetPassword = (s: StaffView) =>
    modal.confirm({
      title: t(`重置 ${s.username} 的密码？`, `Reset the password of ${s.username}?`),
      onOk: () =>
        staffApi.resetPassword(s.id).then(
          (r) => {
            showPassword(s.username, r.initialPassword);
          },
          (err) => message.error(errorMessage(err)),
        ),
    });

  const actions = (s: StaffView): ReactNode[] => {
    // Nobody changes their own roles, status or factors here: that would let one account lift itself.
    if (s.id === session.user.id) return [];
    const out: ReactNode[] = [];
    const link = (key: string, text: string, onClick: () => void, danger = false) => (
      <Button key={key} size="small" type="link" danger={danger} onClick={onClick}>
        {text}
      </Button>
    );
    if (can('staff.write')) {
      out.push(link('edit', t('编辑', 'Edit'), () => setForm({ editing: s })));
      out.push(link('wecom', t('企业微信', 'WeCom'), () => setWecomOf(s)));
      out.push(link('reset', t('重置密码', 'Reset password'), () => confirmResetPassword(s)));
      const active = s.status === 'active';
      out.push(
        link(
          'status',
          active ? t('停用', 'Disable') : t('启用', 'Enable'),
          () =>
            act(
              () => staffApi.update(s.id, { status: active ? 'disabled' : 'active' }),
              active ? t('已停用', 'Disabled') : t('已启用', 'Enabled'),
            ),
          active,
        ),
      );
    }
    if (can('staff.roles')) {
      out.push(link('roles', t('角色', 'Roles'), () => setRolesOf(s)));
      if (s.locked)
        out.push(link('unlock', t('解锁', 'Unlock'), () => act(() => staffApi.unlock(s.id), t('已解锁', 'Unlocked'))));
      if (s.totpEnabled)
        out.push(
          link('totp', t('重置双因素', 'Reset 2FA'), () =>
            act(() => staffApi.resetTotp(s.id), t('已重置，下次登录重新绑定', 'Reset; the holder enrols again')),
          ),
        );
    }
    return out;
  };

  // Read-only viewers (the chief) get no empty 操作 column: the note above the list says whom to ask.
  const acts = can('staff.write') || can('staff.roles');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <StaffAccessNote />
      <Space wrap>
        <Input.Search
          placeholder={t('用户名或姓名', 'Username or name')}
          aria-label={t('搜索人员', 'Search staff')}
          allowClear
          onSearch={(v) => {
            setPage(1);
            setQ(v.trim());
          }}
          style={{ width: 220, maxWidth: '100%' }}
        />
        {can('staff.write') && (
          <Button type="primary" onClick={() => setForm({ editing: null })}>
            {t('新建账号', 'New account')}
          </Button>
        )}
      </Space>
      <Table<StaffView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: acts ? 1000 : 720 }}
        pagination={{
          current: page,
          total: list.data?.total,
          pageSize: PAGE_SIZE,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username', width: 130 },
          { title: t('姓名', 'Name'), dataIndex: 'displayName', width: 100 },
          { title: t('辖区', 'Scope'), dataIndex: 'scopeUnitName', width: 140 },
          {
            title: t('角色', 'Roles'),
            dataIndex: 'roles',
            render: (roles: Role[]) =>
              roles.length ? roles.map((r) => <Tag key={r}>{label(ROLE_LABELS[r])}</Tag>) : t('（未授权）', '(none)'),
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
                {s.totpEnabled && <Tag color="blue">{t('双因素', '2FA')}</Tag>}
              </Space>
            ),
          },
          ...(acts
            ? [
                {
                  title: t('操作', 'Actions'),
                  width: 280,
                  render: (_: unknown, s: StaffView) => (
                    <Space size={0} wrap>
                      {actions(s)}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <StaffFormModal
        open={form !== null}
        editing={form?.editing ?? null}
        onClose={() => setForm(null)}
        onSaved={(created) => {
          setForm(null);
          void refresh();
          if (created) showPassword(created.username, created.initialPassword);
          else message.success(t('已保存', 'Saved'));
        }}
      />
      <WecomModal staff={wecomOf} onClose={() => setWecomOf(null)} />
      <RolesModal
        staff={rolesOf}
        onClose={() => setRolesOf(null)}
        onSaved={() => {
          setRolesOf(null);
          message.success(t('角色已更新', 'Roles updated'));
          void refresh();
        }}
      />
    </Space>
  );
}
