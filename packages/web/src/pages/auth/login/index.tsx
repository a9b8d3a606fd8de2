/**
 * /login: sign-in and the steps a session may need before the console — the
 * second factor (challenge or enrolment) and a new password. The server's
 * SessionView.stage decides which step shows.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { SessionView } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { auth } from '../../../api/auth';
import { errorMessage } from '../../../api/client';
import { AntdRoot } from '../../../components/AntdRoot';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { PasswordForm } from '../../../components/PasswordForm';
import { useLang } from '../../../i18n';
import { EnrolStep, TotpStep } from './components/steps';

export default function LoginPage() {
  return (
    <AntdRoot>
      <SignIn />
    </AntdRoot>
  );
}

function SignIn() {
  const { t } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const meta = useQuery({ queryKey: ['meta'], queryFn: auth.meta, staleTime: Number.POSITIVE_INFINITY });
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // A session half-way through (second factor, new password) resumes where it stopped.
    auth.session().then(setSession, () => undefined);
  }, []);
  useEffect(() => {
    if (session?.stage !== 'full') return;
    client.setQueryData(['session'], session);
    // Back to the page that sent here (a field page opened from a QR code), never to another site.
    const next = new URLSearchParams(window.location.search).get('next');
    navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/console', { replace: true });
  }, [session, navigate, client]);

  const run = async (action: () => Promise<SessionView>) => {
    setBusy(true);
    setError(null);
    try {
      setSession(await action());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const restart = async () => {
    await auth.logout().catch(() => undefined);
    setError(null);
    setSession(null);
  };

  const stage = session?.stage;
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg,#eef3fb,#dfe8f5)',
        padding: 16,
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <SafetyCertificateOutlined /> {t('警民', 'Jingmin')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('社区警务服务平台 · 工作人员登录', 'Community-police service platform · staff sign-in')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        {!stage && <CredentialsForm busy={busy} demo={meta.data?.demo === true} onSubmit={run} />}
        {stage === 'totp' && <TotpStep busy={busy} onSubmit={(code) => run(() => auth.totp(code))} />}
        {stage === 'totp_enrol' && (
          <EnrolStep busy={busy} onSubmit={(code) => run(() => auth.confirmEnrolment(code))} />
        )}
        {stage === 'password_change' && session && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('请先修改初始或已过期的密码', 'Please change your initial or expired password')}
            />
            <PasswordForm
              busy={busy}
              username={session.user.username}
              onSubmit={(current, next) => run(() => auth.changePassword(current, next))}
            />
          </>
        )}
        {stage && stage !== 'full' && (
          <Button type="link" block style={{ marginTop: 8 }} onClick={restart}>
            {t('换个账号登录', 'Sign in with another account')}
          </Button>
        )}
      </Card>
    </div>
  );
}

function CredentialsForm(props: { busy: boolean; demo: boolean; onSubmit(action: () => Promise<SessionView>): void }) {
  const { t } = useLang();
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      onFinish={(v: { username: string; password: string }) =>
        props.onSubmit(() => auth.login(v.username.trim(), v.password))
      }
    >
      <Form.Item
        label={t('用户名', 'Username')}
        name="username"
        rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}
      >
        <Input autoComplete="username" autoCapitalize="none" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('密码', 'Password')}
        name="password"
        rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={props.busy}>
        {t('登录', 'Sign in')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t(
          '群众无需登录：请用手机扫描门牌上的二维码提交和查看事项。',
          'Residents need no account: scan the QR code on the doorplate to submit and follow a matter.',
        )}
      </Typography.Paragraph>
      {props.demo && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('演示模式：演示账号见服务器启动日志', 'Demo mode: the demo accounts are printed in the server log')}
        </Typography.Paragraph>
      )}
    </Form>
  );
}
