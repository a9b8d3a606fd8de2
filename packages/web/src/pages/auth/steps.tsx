/** The second-factor and new-password steps of signing in. */
import {
  checkPassword,
  DEFAULT_PASSWORD_POLICY,
  describePasswordProblems,
  type MetaView,
  type TotpEnrolment,
} from '@jingmin/shared';
import { Alert, Button, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { auth } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useLang } from '../../i18n';

const CODE_RULE = { pattern: /^\d{6}$/, message: '6 位数字 / 6 digits' };

export function TotpStep({ busy, onSubmit }: { busy: boolean; onSubmit(code: string): void }) {
  const { t } = useLang();
  return (
    <Form layout="vertical" onFinish={(v: { code: string }) => onSubmit(v.code)}>
      <Typography.Paragraph>
        {t(
          '请打开验证器 App，输入当前显示的 6 位动态验证码。',
          'Open your authenticator app and enter the 6-digit code it shows.',
        )}
      </Typography.Paragraph>
      <Form.Item label={t('动态验证码', 'One-time code')} name="code" rules={[{ required: true }, CODE_RULE]}>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('验证', 'Verify')}
      </Button>
    </Form>
  );
}

export function EnrolStep({ busy, onSubmit }: { busy: boolean; onSubmit(code: string): void }) {
  const { t } = useLang();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    auth.startEnrolment().then(setEnrolment, (err) => setError(err instanceof ApiError ? err.message : String(err)));
  }, []);
  if (error) return <Alert type="error" message={error} />;
  if (!enrolment) return <Spin />;
  return (
    <Form layout="vertical" onFinish={(v: { code: string }) => onSubmit(v.code)}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('您的角色必须启用双因素认证', 'Your role requires a second factor')}
      />
      <Typography.Paragraph>
        {t(
          '1. 用验证器 App 扫描二维码（或手动输入密钥）：',
          '1. Scan the QR code with an authenticator app (or type the key):',
        )}
      </Typography.Paragraph>
      <div style={{ textAlign: 'center' }}>
        <img
          alt={t('双因素认证二维码', 'Second-factor QR code')}
          width={180}
          height={180}
          src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
        />
      </div>
      <Typography.Paragraph
        copyable={{ text: enrolment.secret }}
        style={{ textAlign: 'center', fontFamily: 'monospace' }}
        data-secret={enrolment.secret}
      >
        {t('密钥', 'Key')}: <span className="totp-secret">{enrolment.secret}</span>
      </Typography.Paragraph>
      <Form.Item
        label={t('2. 输入 App 上的动态验证码', '2. Enter the code from the app')}
        name="code"
        rules={[{ required: true }, CODE_RULE]}
      >
        <Input
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          aria-label={t('动态验证码', 'One-time code')}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('绑定', 'Enrol')}
      </Button>
    </Form>
  );
}

export function PasswordStep(props: {
  busy: boolean;
  username: string;
  policy?: MetaView['passwordPolicy'];
  onSubmit(current: string, next: string): void;
}) {
  const { t, locale } = useLang();
  const policy = { ...DEFAULT_PASSWORD_POLICY, ...props.policy };
  return (
    <Form layout="vertical" onFinish={(v: { current: string; next: string }) => props.onSubmit(v.current, v.next)}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('请先修改初始或已过期的密码', 'Please change your initial or expired password')}
      />
      <Form.Item label={t('当前密码', 'Current password')} name="current" rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label={t('新密码', 'New password')}
        name="next"
        extra={t(
          `至少 ${policy.minLength} 位，包含大小写字母、数字、符号中的 ${policy.minClasses} 类`,
          `At least ${policy.minLength} characters mixing ${policy.minClasses} of upper, lower, digits, symbols`,
        )}
        rules={[
          { required: true },
          {
            validator: (_, value: string) => {
              const problems = checkPassword(value ?? '', props.username, policy);
              return problems.length
                ? Promise.reject(new Error(describePasswordProblems(problems, policy, locale)))
                : Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('确认新密码', 'Confirm new password')}
        name="confirm"
        dependencies={['next']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              v === getFieldValue('next')
                ? Promise.resolve()
                : Promise.reject(new Error(t('两次输入不一致', 'The passwords differ'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={props.busy}>
        {t('修改密码', 'Change password')}
      </Button>
    </Form>
  );
}
