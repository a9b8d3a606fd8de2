/**
 * 反诈规则 (fraud.manage): a station's contact deadlines (高风险 and the others), when the desk is alerted before
 * the deadline, and how many days the person's data is kept before only counts remain.
 */
import { DEFAULT_FRAUD_RULES, FraudSettings } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { useLang } from '../../../i18n';
import { StationPicker, useStationChoice } from '../matter/StationPicker';

export function FraudRules() {
  const { t } = useLang();
  const choice = useStationChoice();
  if (choice.scope.pending) return <Spin />;
  return (
    <>
      <StationPicker choice={choice} />
      {choice.stationId ? (
        <RulesForm key={choice.stationId} stationId={choice.stationId} />
      ) : (
        <Alert type="info" showIcon title={t('您的辖区下没有派出所', 'No police station in your scope')} />
      )}
    </>
  );
}

function RulesForm({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FraudSettings>();
  const q = useQuery({ queryKey: ['fraud', 'settings', stationId], queryFn: () => fraudApi.settings(stationId) });
  const save = useMutation({
    mutationFn: (v: FraudSettings) => fraudApi.saveSettings(stationId, FraudSettings.parse(v)),
    onSuccess: (next) => {
      client.setQueryData(['fraud', 'settings', stationId], next);
      message.success(t('规则已保存，新接收的指令按新规则计算时限', 'Saved; new instructions use these rules'));
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const minutes = (max: number) => (
    <InputNumber min={1} max={max} precision={0} suffix={t('分钟', 'min')} style={{ width: 180 }} />
  );
  return (
    <Card size="small" style={{ maxWidth: 560, marginTop: 12 }}>
      <Form<FraudSettings> form={form} layout="vertical" initialValues={q.data} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="highMinutes"
          label={t('高风险指令联系时限', 'Contact deadline, high level')}
          extra={t(`默认 ${DEFAULT_FRAUD_RULES.highMinutes} 分钟`, `Default ${DEFAULT_FRAUD_RULES.highMinutes} min`)}
          rules={[{ required: true }]}
        >
          {minutes(24 * 60)}
        </Form.Item>
        <Form.Item
          name="otherMinutes"
          label={t('中、低风险指令联系时限', 'Contact deadline, other levels')}
          extra={t(`默认 ${DEFAULT_FRAUD_RULES.otherMinutes} 分钟`, `Default ${DEFAULT_FRAUD_RULES.otherMinutes} min`)}
          rules={[{ required: true }]}
        >
          {minutes(7 * 24 * 60)}
        </Form.Item>
        <Form.Item
          name="warnBeforeMinutes"
          label={t('时限前提醒值班台', 'Alert the desk before the deadline')}
          extra={t('须短于高风险时限；0 为不提前提醒', 'Shorter than the high-level deadline; 0 for none')}
          dependencies={['highMinutes']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, v: number) =>
                v < getFieldValue('highMinutes')
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(t('须短于高风险联系时限', 'Must be shorter than the high-level deadline')),
                    ),
            }),
          ]}
        >
          <InputNumber min={0} max={24 * 60} precision={0} suffix={t('分钟', 'min')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="retentionDays"
          label={t('个人信息保存期限', 'Keep the person’s data for')}
          extra={t(
            '到期自动删除当事人姓名、电话、住址，只保留统计数据',
            'Then the name, phone and address are deleted; counts remain',
          )}
          rules={[{ required: true }]}
        >
          <InputNumber min={7} max={3650} precision={0} suffix={t('天', 'days')} style={{ width: 180 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}
