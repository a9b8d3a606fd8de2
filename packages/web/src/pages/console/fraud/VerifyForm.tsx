/**
 * 快核 at the console: how the person was contacted and when (now by default), the outcome — 劝阻成功, 已被骗 with
 * the amount, 未联系上 with the attempts, 误报 — the money kept from loss, the follow-ups and a note. The
 * outcome rules live in model.ts (toVerifyInput), shared with the field phone.
 */
import {
  FRAUD_CONTACT_METHOD_LABELS,
  FRAUD_CONTACT_METHODS,
  FRAUD_FOLLOW_UP_LABELS,
  FRAUD_FOLLOW_UPS,
  FRAUD_OUTCOME_LABELS,
  FRAUD_OUTCOMES,
  type FraudInstructionView,
} from '@jingmin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { useLang } from '../../../i18n';
import { PREVENTS_LOSS, toVerifyInput, type VerifyValues, verifyProblems } from './model';

type Values = Omit<VerifyValues, 'contactedAt'> & { contactedAt: Dayjs };

export function VerifyForm({ f }: { f: FraudInstructionView }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const [problems, setProblems] = useState<string[]>([]);
  const verify = useMutation({
    mutationFn: (v: VerifyValues) => fraudApi.verify(f.id, toVerifyInput(v, f.version)),
    onSuccess: (view) => {
      client.setQueryData(['fraud', 'one', f.id], view);
      void client.invalidateQueries({ queryKey: ['fraud', 'list'] });
      message.success(t('核查结果已记录', 'The result is recorded'));
    },
    onError: (err) => {
      message.error(errorMessage(err));
      void client.invalidateQueries({ queryKey: ['fraud', 'one', f.id] });
    },
  });
  const submit = (v: Values) => {
    const values: VerifyValues = { ...v, contactedAt: v.contactedAt.toDate() };
    const found = verifyProblems(values, f.issuedAt, Date.now(), t);
    setProblems(found);
    if (found.length === 0) verify.mutate(values);
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ method: 'phone', contactedAt: dayjs(), outcome: 'dissuaded', attempts: 1, followUps: [] }}
      onFinish={submit}
    >
      <Form.Item name="method" label={t('联系方式', 'How')}>
        <Radio.Group
          optionType="button"
          options={FRAUD_CONTACT_METHODS.map((m) => ({ value: m, label: label(FRAUD_CONTACT_METHOD_LABELS[m]) }))}
        />
      </Form.Item>
      <Form.Item name="contactedAt" label={t('联系时间', 'Contacted at')} rules={[{ required: true }]}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      <Form.Item name="outcome" label={t('核查结果', 'Outcome')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={FRAUD_OUTCOMES.map((o) => ({ value: o, label: label(FRAUD_OUTCOME_LABELS[o]) }))}
        />
      </Form.Item>
      {outcome === 'defrauded' && (
        <Form.Item name="amountLost" label={t('被骗金额（元）', 'Amount lost (yuan)')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
      )}
      {outcome === 'unreachable' && (
        <Form.Item name="attempts" label={t('联系次数', 'Attempts')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} precision={0} style={{ width: 120 }} />
        </Form.Item>
      )}
      {outcome && PREVENTS_LOSS.includes(outcome) && (
        <Form.Item
          name="amountPrevented"
          label={t('挽回损失（元）', 'Kept from loss (yuan)')}
          extra={t('劝阻或止付使当事人没有转出的金额', 'Money the person did not send thanks to the warning')}
        >
          <InputNumber min={0} max={100_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name="followUps" label={t('后续措施', 'Follow-up')}>
        <Checkbox.Group
          options={FRAUD_FOLLOW_UPS.map((x) => ({ value: x, label: label(FRAUD_FOLLOW_UP_LABELS[x]) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('情况说明', 'Note')}>
        <Input.TextArea
          rows={3}
          maxLength={1000}
          showCount
          placeholder={t(
            '如：当事人正准备按“客服”要求转账，经电话劝阻后已停止',
            'e.g. she was about to transfer; stopped after the call',
          )}
        />
      </Form.Item>
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problems.join('；')} />}
      <Button type="primary" htmlType="submit" loading={verify.isPending}>
        {t('提交核查结果', 'Record the result')}
      </Button>
    </Form>
  );
}
