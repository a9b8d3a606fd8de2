/** How the 反诈预警 screens show an instruction: level, status (超时 in red with the word), live countdown, feedback. */
import {
  contactedInTime,
  FRAUD_FEEDBACK_STATUS_LABELS,
  FRAUD_LEVEL_LABELS,
  FRAUD_OUTCOME_LABELS,
  FRAUD_STATUS_LABELS,
  type FraudFeedbackMode,
  type FraudFeedbackStatus,
  type FraudInstructionView,
  type FraudLevel,
  type FraudOutcome,
} from '@jingmin/shared';
import { Tag, Typography } from 'antd';
import { useLang } from '../../../i18n';
import { countdown } from './model';

export const LEVEL_COLOURS: Record<FraudLevel, string> = { high: 'red', medium: 'orange', low: 'blue' };
export const OUTCOME_COLOURS: Record<FraudOutcome, string> = {
  dissuaded: 'green',
  defrauded: 'red',
  unreachable: 'orange',
  false_alarm: 'default',
};
const FEEDBACK_COLOURS: Record<FraudFeedbackStatus, string> = {
  none: 'default',
  pending: 'gold',
  sent: 'green',
  failed: 'red',
};

export const FEEDBACK_MODE_LABELS: Record<FraudFeedbackMode, [string, string]> = {
  webhook: ['推送回调（webhook）', 'Webhook'],
  pull: ['上游拉取', 'Pulled by upstream'],
};

export function LevelTag({ level }: { level: FraudLevel }) {
  const { label } = useLang();
  return <Tag color={LEVEL_COLOURS[level]}>{label(FRAUD_LEVEL_LABELS[level])}</Tag>;
}

/** 待核查 / 已核查; an open one past its deadline also says 超时. */
export function StatusTag({ f }: { f: Pick<FraudInstructionView, 'status' | 'overdue'> }) {
  const { t, label } = useLang();
  return (
    <>
      <Tag color={f.status === 'open' ? 'orange' : 'green'}>{label(FRAUD_STATUS_LABELS[f.status])}</Tag>
      {f.status === 'open' && f.overdue && <Tag color="red">{t('超时', 'Overdue')}</Tag>}
    </>
  );
}

export function OutcomeTag({ outcome }: { outcome: FraudOutcome | null }) {
  const { label } = useLang();
  if (!outcome) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Tag color={OUTCOME_COLOURS[outcome]}>{label(FRAUD_OUTCOME_LABELS[outcome])}</Tag>;
}

export function FeedbackTag({ feedback }: { feedback: FraudInstructionView['feedback'] }) {
  const { t, label } = useLang();
  return (
    <Tag color={FEEDBACK_COLOURS[feedback.status]}>
      {label(FRAUD_FEEDBACK_STATUS_LABELS[feedback.status])}
      {feedback.status === 'failed' && t(`（第${feedback.attempts}次）`, ` (${feedback.attempts} tries)`)}
    </Tag>
  );
}

/** The deadline of an open instruction counting down (red with 超时 once passed); a verified one shows its time. */
export function DeadlineText({
  f,
  now,
  big,
}: {
  f: Pick<FraudInstructionView, 'status' | 'deadlineAt' | 'contactedAt'>;
  now: number;
  big?: boolean;
}) {
  const { t } = useLang();
  const style = big
    ? { fontSize: 22, fontVariantNumeric: 'tabular-nums' as const }
    : { fontVariantNumeric: 'tabular-nums' as const };
  if (f.status !== 'open') {
    const inTime = contactedInTime(f.contactedAt ? new Date(f.contactedAt) : null, new Date(f.deadlineAt));
    return (
      <Typography.Text type={inTime ? 'success' : 'warning'}>
        {inTime ? t('按时联系', 'Contacted in time') : t('超时联系', 'Contacted late')}
      </Typography.Text>
    );
  }
  const c = countdown(f.deadlineAt, now, t);
  return (
    <Typography.Text strong type={c.overdue ? 'danger' : c.urgent ? 'warning' : undefined} style={style}>
      {c.text}
    </Typography.Text>
  );
}
