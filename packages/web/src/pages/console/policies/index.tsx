/** 安全策略: password, lock-out and session policies, set by the security administrator. */
import type { SecurityPolicies } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { policyApi } from '../../../api/policies';
import { useLang } from '../../../i18n';

export default function PoliciesPage() {
  const { t } = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const policies = useQuery({ queryKey: ['policies'], queryFn: policyApi.get });
  if (policies.isError) return <Alert type="error" message={errorMessage(policies.error)} />;
  if (!policies.data) return <Spin />;
  const readOnly = !can('policy.write');
  const num = (name: [keyof SecurityPolicies, string], zh: string, en: string, min: number, max: number) => (
    <Form.Item label={t(zh, en)} name={name} rules={[{ required: true }]}>
      <InputNumber min={min} max={max} disabled={readOnly} style={{ width: 160 }} />
    </Form.Item>
  );
  const save = (values: SecurityPolicies) =>
    policyApi.update(values).then(
      () => {
        message.success(t('已保存', 'Saved'));
        client.invalidateQueries({ queryKey: ['policies'] });
      },
      (err) => message.error(errorMessage(err)),
    );
  return (
    <Form layout="vertical" initialValues={policies.data} onFinish={save}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={
          readOnly
            ? t('只读：安全策略由安全管理员设置。', 'Read only: the security administrator sets these policies.')
            : t('修改立即生效，并记入审计日志。', 'Changes apply at once and are written to the audit trail.')
        }
      />
      <Card title={t('密码策略', 'Password policy')} style={{ marginBottom: 16 }}>
        {num(['password', 'minLength'], '最短长度', 'Minimum length', 8, 64)}
        {num(['password', 'minClasses'], '字符类别（大写/小写/数字/符号）至少', 'Character classes at least', 1, 4)}
        {num(
          ['password', 'maxAgeDays'],
          '管理员密码有效期（天，0 不限）',
          'Administrator password age (days, 0 = none)',
          0,
          365,
        )}
        {num(['password', 'historySize'], '不得重复使用最近几次密码', 'Previous passwords not reusable', 0, 24)}
        {num(['password', 'maxLength'], '最长长度', 'Maximum length', 64, 256)}
      </Card>
      <Card title={t('登录失败处理', 'Lock-out')} style={{ marginBottom: 16 }}>
        {num(['lockout', 'maxFailures'], '连续失败次数', 'Failures before lock', 3, 20)}
        {num(['lockout', 'lockMinutes'], '锁定时长（分钟）', 'Lock duration (minutes)', 1, 1440)}
      </Card>
      <Card title={t('会话', 'Sessions')} style={{ marginBottom: 16 }}>
        {num(['session', 'idleMinutes'], '空闲超时（分钟）', 'Idle timeout (minutes)', 5, 240)}
        {num(['session', 'absoluteHours'], '最长会话（小时）', 'Absolute timeout (hours)', 1, 24)}
      </Card>
      {!readOnly && (
        <Button type="primary" htmlType="submit">
          {t('保存', 'Save')}
        </Button>
      )}
    </Form>
  );
}
