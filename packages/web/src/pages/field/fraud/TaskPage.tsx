/**
 * /field/fraud/:id: one instruction on the officer's phone — the countdown, the person's name and a big 拨打电话
 * button, where they live, what the centre saw — then 快核 as a phone form; once verified, the result and
 * whether it went back upstream. Opening it is audited by the server (the person's data in full).
 */
import {
  FRAUD_CONTACT_METHOD_LABELS,
  FRAUD_FEEDBACK_STATUS_LABELS,
  FRAUD_FOLLOW_UP_LABELS,
  FRAUD_OUTCOME_LABELS,
  FRAUD_TYPE_LABELS,
  type FraudInstructionView,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, ErrorBlock, List, NavBar, SpinLoading } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { useLang } from '../../../i18n';
import { when, yuan } from '../../console/fraud/model';
import { useNow } from '../../console/fraud/useNow';
import { MUTED } from '../../resident/components/residentStyle';
import { BigCountdown, LevelTag } from './parts';
import { VerifyForm } from './VerifyForm';

const callButton = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  gap: 8,
  minHeight: 56,
  marginTop: 12,
  borderRadius: 8,
  background: 'var(--adm-color-success)',
  color: '#fff',
  fontSize: 20,
  fontWeight: 600,
  textDecoration: 'none',
};

/** A handset, drawn (the phone may have no emoji font). */
const PhoneIcon = () => (
  <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="currentColor">
    <path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1C10.6 21 3 13.4 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1l-2.3 2.2z" />
  </svg>
);

export default function FraudTaskPage() {
  const { t, label } = useLang();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const now = useNow();
  const q = useQuery({ queryKey: ['fraud', 'one', id], queryFn: () => fraudApi.get(id) });
  const back = () => navigate('/field/fraud');
  if (q.isPending) return <SpinLoading style={{ margin: '40vh auto' }} />;
  if (q.isError)
    return (
      <>
        <NavBar onBack={back}>{t('反诈任务', 'Anti-fraud task')}</NavBar>
        <ErrorBlock status="empty" title={errorMessage(q.error)} description="" />
      </>
    );
  const f = q.data;
  return (
    <>
      <NavBar onBack={back}>{t('反诈任务', 'Anti-fraud task')}</NavBar>
      <Card style={{ margin: 12, borderRadius: 8 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
          <LevelTag level={f.level} />
          <strong>{label(FRAUD_TYPE_LABELS[f.fraudType])}</strong>
        </div>
        {f.status === 'open' ? (
          <div style={{ marginTop: 8 }}>
            <BigCountdown deadlineAt={f.deadlineAt} now={now} size={34} />
            <div style={{ color: MUTED }}>
              {t(`请在 ${when(f.deadlineAt)} 前联系当事人`, `Contact by ${when(f.deadlineAt)}`)}
            </div>
          </div>
        ) : (
          <div style={{ marginTop: 8, color: 'var(--adm-color-success)', fontWeight: 600 }}>
            {t('已核查', 'Verified')} · {f.outcome && label(FRAUD_OUTCOME_LABELS[f.outcome])}
          </div>
        )}
        {f.purged ? (
          <p style={{ color: MUTED }}>{t('当事人信息已按保存期限删除。', 'The person’s data was deleted.')}</p>
        ) : (
          <>
            <div style={{ fontSize: 24, fontWeight: 700, marginTop: 12 }}>{f.name}</div>
            <div className="jm-receipt" style={{ fontSize: 18 }}>
              {f.phone}
            </div>
            <a href={`tel:${f.phone}`} style={callButton}>
              <PhoneIcon /> {t('拨打电话', 'Call')}
            </a>
          </>
        )}
      </Card>
      <List>
        <List.Item title={t('住址', 'Address')}>
          {f.household?.address ?? f.address ?? t('住址不详', 'Unknown')}
        </List.Item>
        <List.Item title={t('预警内容', 'What the centre saw')}>
          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{f.detail ?? '—'}</span>
        </List.Item>
        <List.Item title={t('网格', 'Grid')}>
          {f.household && f.unit ? f.unit.name : t(`未匹配到网格（${f.stationName}）`, `No grid (${f.stationName})`)}
        </List.Item>
        <List.Item title={t('指令编号', 'Number')}>{f.number}</List.Item>
      </List>
      <p className="jm-muted" style={{ margin: '8px 16px' }}>
        {t(
          '查看个人信息已记录审计；仅用于劝阻，请勿外传。',
          'Viewing this is audited; use it only to protect the person.',
        )}
      </p>
      {f.status === 'open' && !f.purged && <VerifyForm f={f} />}
      {f.status === 'verified' && <Result f={f} />}
    </>
  );
}

function Result({ f }: { f: FraudInstructionView }) {
  const { t, label } = useLang();
  return (
    <List header={t('核查结果', 'Result')}>
      <List.Item title={t('结果', 'Outcome')}>{f.outcome ? label(FRAUD_OUTCOME_LABELS[f.outcome]) : '—'}</List.Item>
      <List.Item title={t('联系', 'Contact')}>
        {f.method ? label(FRAUD_CONTACT_METHOD_LABELS[f.method]) : '—'} · {when(f.contactedAt)}
      </List.Item>
      {f.outcome === 'defrauded' && <List.Item title={t('被骗金额', 'Lost')}>{yuan(f.amountLost ?? 0)}</List.Item>}
      {f.outcome === 'unreachable' && <List.Item title={t('联系次数', 'Attempts')}>{f.attempts ?? 1}</List.Item>}
      <List.Item title={t('挽回损失', 'Kept from loss')}>{yuan(f.amountPrevented ?? 0)}</List.Item>
      {f.followUps.length > 0 && (
        <List.Item title={t('后续措施', 'Follow-up')}>
          {f.followUps.map((x) => label(FRAUD_FOLLOW_UP_LABELS[x])).join('、')}
        </List.Item>
      )}
      {f.note && <List.Item title={t('情况说明', 'Note')}>{f.note}</List.Item>}
      <List.Item title={t('反馈上游', 'Feedback')}>
        {label(FRAUD_FEEDBACK_STATUS_LABELS[f.feedback.status])}
        {f.feedback.status === 'failed' && t(`（已尝试 ${f.feedback.attempts} 次）`, ` (${f.feedback.attempts} tries)`)}
        {f.feedback.sentAt && ` · ${when(f.feedback.sentAt)}`}
      </List.Item>
    </List>
  );
}
