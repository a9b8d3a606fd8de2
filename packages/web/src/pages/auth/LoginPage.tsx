/**
 * Sign-in and the steps a session may need before the console: the second
 * factor (challenge or enrolment) and a new password. The server's
 * SessionView.stage decides which step shows.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { SessionView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { auth } from '../../api/auth';
import { ApiError } from '../../api/client';
import { LanguageSwitch, useLang } from '../../i18n';
import { AntdRoot } from '../console/AntdRoot';
import { EnrolStep, PasswordStep, TotpStep } from './steps';

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
  const meta = useQuery({ queryKey: ['meta'], queryFn: auth.meta });
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    auth.session().then(setSession, () => undefined);
  }, []);
  useEffect(() => {
    if (session?.stage === 'full') navigate('/console', { replace: true });
  }, [session, navigate]);

  const run = async (action: () => Promise<SessionView>) => {
    setBusy(true);
    setError(null);
    try {
      setSession(await action());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('网络异常，请重试', 'Network error; please retry'));
    } finally {
      setBusy(false);
    }
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
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <SafetyCertificateOutlined /> {t('警民 · 工作台', 'Jingmin console')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('社区警务服务平台 · 民警与工作人员登录', 'Community-police service platform · staff sign-in')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        {!stage && (
          <Form
            layout="vertical"
            onFinish={(v: { username: string; password: string }) => run(() => auth.login(v.username, v.password))}
            requiredMark={false}
          >
            <Form.Item
              label={t('用户名', 'Username')}
              name="username"
              rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('密码', 'Password')}
              name="password"
              rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('登录', 'Sign in')}
            </Button>
            {meta.data?.demo && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
                {t(
                  '演示模式：演示账号和密码见服务器启动日志。',
                  'Demo mode: the demo accounts and password are printed in the server log.',
                )}
              </Typography.Paragraph>
            )}
          </Form>
        )}
        {stage === 'totp' && <TotpStep busy={busy} onSubmit={(code) => run(() => auth.totp(code))} />}
        {stage === 'totp_enrol' && (
          <EnrolStep busy={busy} onSubmit={(code) => run(() => auth.confirmEnrolment(code))} />
        )}
        {stage === 'password_change' && (
          <PasswordStep
            busy={busy}
            username={session!.user.username}
            policy={meta.data?.passwordPolicy}
            onSubmit={(current, next) => run(() => auth.changePassword(current, next))}
          />
        )}
      </Card>
    </div>
  );
}
