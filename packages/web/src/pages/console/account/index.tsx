/** 我的账号: who I am, change the password, my notification settings, sign out of every session. */
import { ROLE_LABELS } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan, useSession } from '../../../access';
import { auth } from '../../../api/auth';
import { errorMessage } from '../../../api/client';
import { PasswordForm } from '../../../components/PasswordForm';
import { useLang } from '../../../i18n';
import { NotifyCard } from './NotifyCard';

export default function AccountPage() {
  const session = useSession();
  const can = useCan();
  const { t, label } = useLang();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const change = async (current: string, next: string) => {
    setBusy(true);
    try {
      client.setQueryData(['session'], await auth.changePassword(current, next));
      setFormKey((k) => k + 1);
      message.success(t('密码已修改，其他会话已退出', 'Password changed; other sessions were signed out'));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const signOutEverywhere = () =>
    modal.confirm({
      title: t('退出所有会话？', 'Sign out of every session?'),
      content: t('包括本设备在内的所有登录都将失效。', 'Every sign-in, this one included, ends.'),
      onOk: () =>
        auth.logoutAll().then(
          () => window.location.assign('/login'),
          (err) => message.error(errorMessage(err)),
        ),
    });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('修改密码', 'Change password')}>
          <PasswordForm key={formKey} busy={busy} username={session.user.username} onSubmit={change} />
        </Card>
        {/* Alerts are about matters: accounts that read none (the administrators) have nothing to set. */}
        {can('matter.read') && (
          <div style={{ marginTop: 16 }}>
            <NotifyCard />
          </div>
        )}
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('账号', 'Account')} style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('用户名', 'Username')}>{session.user.username}</Descriptions.Item>
            <Descriptions.Item label={t('姓名', 'Name')}>{session.user.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('辖区', 'Scope')}>{session.user.scopeUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('角色', 'Roles')}>
              {session.user.roles.map((r) => (
                <Tag key={r}>{label(ROLE_LABELS[r])}</Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('登录会话', 'Sessions')}>
          <Typography.Paragraph>
            {t(
              '如果怀疑账号在其他设备上登录，可以退出所有会话。',
              'If you suspect a sign-in elsewhere, sign out of every session.',
            )}
          </Typography.Paragraph>
          <Button danger onClick={signOutEverywhere}>
            {t('退出所有会话', 'Sign out everywhere')}
          </Button>
        </Card>
      </Col>
    </Row>
  );
}
