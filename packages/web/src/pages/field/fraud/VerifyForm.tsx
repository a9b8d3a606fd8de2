/**
 * 快核 on the phone, thumb-sized: how the person was reached and when (now unless changed), the outcome, then only
 * what that outcome asks — the amount lost for 已被骗, the tries for 未联系上, the money kept from loss where the
 * person was reached — the follow-ups and a note. The same rules as the console (console/fraud/model.ts).
 */
import {
  FRAUD_CONTACT_METHOD_LABELS,
  FRAUD_CONTACT_METHODS,
  FRAUD_FOLLOW_UP_LABELS,
  FRAUD_FOLLOW_UPS,
  FRAUD_OUTCOME_LABELS,
  FRAUD_OUTCOMES,
  type FraudContactMethod,
  type FraudFollowUp,
  type FraudInstructionView,
  type FraudOutcome,
} from '@jingmin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Selector, Stepper, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { useLang } from '../../../i18n';
import { PREVENTS_LOSS, toVerifyInput, type VerifyValues, verifyProblems, when } from '../../console/fraud/model';

const pickerButton = {
  width: '100%',
  textAlign: 'left' as const,
  minHeight: 44,
  padding: '8px 0',
  border: 'none',
  background: 'none',
  fontSize: 17,
};

const yuanOf = (s: string) => (s.trim() === '' ? null : Number(s));

export function VerifyForm({ f }: { f: FraudInstructionView }) {
  const { t, label } = useLang();
  const client = useQueryClient();
  const [method, setMethod] = useState<FraudContactMethod>('phone');
  const [contactedAt, setContactedAt] = useState(() => new Date());
  const [choosingTime, setChoosingTime] = useState(false);
  const [outcome, setOutcome] = useState<FraudOutcome | null>(null);
  const [amountLost, setAmountLost] = useState('');
  const [amountPrevented, setAmountPrevented] = useState('');
  const [attempts, setAttempts] = useState(1);
  const [followUps, setFollowUps] = useState<FraudFollowUp[]>([]);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const verify = useMutation({
    mutationFn: (v: VerifyValues) => fraudApi.verify(f.id, toVerifyInput(v, f.version)),
    onSuccess: (view) => {
      client.setQueryData(['fraud', 'one', f.id], view);
      void client.invalidateQueries({ queryKey: ['fraud', 'mine'] });
      Toast.show({ icon: 'success', content: t('核查结果已提交', 'Result sent') });
      window.scrollTo({ top: 0 });
    },
    onError: (err) => {
      Toast.show({ content: errorMessage(err) });
      void client.invalidateQueries({ queryKey: ['fraud', 'one', f.id] });
    },
  });
  const send = () => {
    if (!outcome) return;
    const values: VerifyValues = {
      method,
      contactedAt,
      outcome,
      amountLost: yuanOf(amountLost),
      amountPrevented: yuanOf(amountPrevented),
      attempts,
      followUps,
      note,
    };
    const found = verifyProblems(values, f.issuedAt, Date.now(), t);
    setProblems(found);
    if (found.length === 0) verify.mutate(values);
  };
  const money = (value: string, set: (v: string) => void, aria: string) => (
    <Input
      className="jm-field"
      style={{ boxSizing: 'border-box' }}
      aria-label={aria}
      type="number"
      inputMode="numeric"
      min={0}
      value={value}
      onChange={(v) => set(v.replace(/[^\d]/g, '').slice(0, 9))}
      placeholder={t('元', 'yuan')}
      clearable
    />
  );
  return (
    <Form
      layout="vertical"
      mode="card"
      footer={
        <>
          {problems.length > 0 && (
            <div role="alert" style={{ color: 'var(--adm-color-danger)', marginBottom: 8 }}>
              {problems.join('；')}
            </div>
          )}
          <Button block color="primary" size="large" disabled={!outcome} loading={verify.isPending} onClick={send}>
            {outcome ? t('提交核查结果', 'Send the result') : t('请先选择核查结果', 'Choose the outcome first')}
          </Button>
        </>
      }
    >
      <Form.Header>{t('快核：记录联系和劝阻情况', 'Verify: record the contact')}</Form.Header>
      <Form.Item label={t('联系方式', 'How')}>
        <Selector
          columns={2}
          value={[method]}
          onChange={(v) => v[0] && setMethod(v[0])}
          options={FRAUD_CONTACT_METHODS.map((m) => ({ value: m, label: label(FRAUD_CONTACT_METHOD_LABELS[m]) }))}
        />
      </Form.Item>
      <Form.Item label={t('联系时间', 'When')} description={t('默认为现在，可点选修改', 'Now unless changed')}>
        <button type="button" style={pickerButton} onClick={() => setChoosingTime(true)}>
          {when(contactedAt.toISOString())}
        </button>
        <DatePicker
          visible={choosingTime}
          precision="minute"
          max={new Date()}
          min={new Date(f.issuedAt)}
          value={contactedAt}
          onClose={() => setChoosingTime(false)}
          onConfirm={setContactedAt}
          title={t('联系时间', 'Contacted at')}
        />
      </Form.Item>
      <Form.Item label={t('核查结果', 'Outcome')} required>
        <Selector
          columns={2}
          value={outcome ? [outcome] : []}
          onChange={(v) => setOutcome(v[0] ?? null)}
          options={FRAUD_OUTCOMES.map((o) => ({ value: o, label: label(FRAUD_OUTCOME_LABELS[o]) }))}
        />
      </Form.Item>
      {outcome === 'defrauded' && (
        <Form.Item label={t('被骗金额（元）', 'Amount lost (yuan)')} required>
          {money(amountLost, setAmountLost, t('被骗金额', 'Amount lost'))}
        </Form.Item>
      )}
      {outcome === 'unreachable' && (
        <Form.Item label={t('联系次数', 'Attempts')}>
          <Stepper min={1} max={100} digits={0} value={attempts} onChange={(v) => setAttempts(v ?? 1)} />
        </Form.Item>
      )}
      {outcome && PREVENTS_LOSS.includes(outcome) && (
        <Form.Item
          label={t('挽回损失（元）', 'Kept from loss (yuan)')}
          description={t('没有可填0或不填', 'Empty is 0')}
        >
          {money(amountPrevented, setAmountPrevented, t('挽回损失', 'Kept from loss'))}
        </Form.Item>
      )}
      <Form.Item label={t('后续措施（可多选）', 'Follow-up (any)')}>
        <Selector
          columns={1}
          multiple
          value={followUps}
          onChange={setFollowUps}
          options={FRAUD_FOLLOW_UPS.map((x) => ({ value: x, label: label(FRAUD_FOLLOW_UP_LABELS[x]) }))}
        />
      </Form.Item>
      <Form.Item label={t('情况说明', 'Note')}>
        <TextArea
          rows={3}
          maxLength={1000}
          showCount
          value={note}
          onChange={setNote}
          placeholder={t('如：已电话劝阻，当事人停止转账', 'e.g. called her; she stopped the transfer')}
        />
      </Form.Item>
    </Form>
  );
}
