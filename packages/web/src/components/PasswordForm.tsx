/**
 * Current + new + confirm password. The browser checks the new one against
 * the policy the server publishes in MetaView (the same shared rules the
 * server applies); the server has the final word.
 */
import { checkPassword, DEFAULT_PASSWORD_POLICY, describePasswordProblems } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { auth } from '../api/auth';
import { useLang } from '../i18n';

export function PasswordForm(props: {
  busy: boolean;
  username: string;
  onSubmit(current: string, next: string): void;
}) {
  const { t, locale } = useLang();
  const [form] = Form.useForm();
  const meta = useQuery({ queryKey: ['meta'], queryFn: auth.meta, staleTime: Number.POSITIVE_INFINITY });
  const policy = { ...DEFAULT_PASSWORD_POLICY, ...meta.data?.passwordPolicy };
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v: { current: string; next: string }) => props.onSubmit(v.current, v.next)}
    >
      <Form.Item
        label={t('当前密码', 'Current password')}
        name="current"
        rules={[{ required: true, message: t('请输入当前密码', 'Enter your current password') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label={t('新密码', 'New password')}
        name="next"
        extra={t(
          `${policy.minLength}–${policy.maxLength} 位，包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类，不能包含用户名`,
          `${policy.minLength}–${policy.maxLength} characters mixing at least ${policy.minClasses} of upper case, lower case, digits and symbols, without the username`,
        )}
        rules={[
          { required: true, message: t('请输入新密码', 'Enter a new password') },
          {
            validator: (_, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const problems = checkPassword(value, props.username, policy);
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
          { required: true, message: t('请再次输入新密码', 'Repeat the new password') },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              !v || v === getFieldValue('next')
                ? Promise.resolve()
                : Promise.reject(new Error(t('两次输入的新密码不一致', 'The two new passwords differ'))),
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
