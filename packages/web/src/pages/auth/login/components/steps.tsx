/** The second-factor steps of signing in: the challenge and the first enrolment. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Spin, Typography } from 'antd';
import { auth } from '../../../../api/auth';
import { errorMessage } from '../../../../api/client';
import { useLang } from '../../../../i18n';

/** The rules of a 6-digit one-time code, in the page's language. */
function useCodeRules() {
  const { t } = useLang();
  return [
    { required: true, message: t('请输入动态验证码', 'Enter the code') },
    { pattern: /^\d{6}$/, message: t('动态验证码是 6 位数字', 'The code has 6 digits') },
  ];
}

export function TotpStep({ busy, onSubmit }: { busy: boolean; onSubmit(code: string): void }) {
  const { t } = useLang();
  const rules = useCodeRules();
  return (
    <Form layout="vertical" onFinish={(v: { code: string }) => onSubmit(v.code)}>
      <Typography.Paragraph>
        {t(
          '请打开验证器 App，输入当前显示的 6 位动态验证码。',
          'Open your authenticator app and enter the 6-digit code it shows.',
        )}
      </Typography.Paragraph>
      <Form.Item label={t('动态验证码', 'One-time code')} name="code" rules={rules}>
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
  const rules = useCodeRules();
  // A query, not an effect: the start is asked once even when React mounts twice.
  const start = useQuery({
    queryKey: ['totp-enrolment'],
    queryFn: auth.startEnrolment,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  if (start.isError) return <Alert type="error" message={errorMessage(start.error)} />;
  const enrolment = start.data;
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
      <Form.Item label={t('2. 输入 App 上的动态验证码', '2. Enter the code from the app')} name="code" rules={rules}>
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
