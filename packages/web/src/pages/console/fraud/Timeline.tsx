/** An instruction's timeline: 接收 → (临近时限提醒) → (超时上报) → 联系 → 核查 → 反馈, each when it happened. */
import {
  FRAUD_CONTACT_METHOD_LABELS,
  FRAUD_FEEDBACK_STATUS_LABELS,
  FRAUD_OUTCOME_LABELS,
  type FraudInstructionView,
} from '@jingmin/shared';
import { Timeline, Typography } from 'antd';
import { useLang } from '../../../i18n';
import { when } from './model';

interface Step {
  at: string;
  color: string;
  what: string;
  note?: string;
}

export function FraudTimeline({ f }: { f: FraudInstructionView }) {
  const { t, label } = useLang();
  const steps: (Step | null)[] = [
    {
      at: f.receivedAt,
      color: 'blue',
      what: t('接收指令', 'Received'),
      note:
        f.routedTo === 'officer'
          ? t(`推送给网格责任民警 ${f.assignee?.name ?? ''}`, `Sent to the grid’s officer ${f.assignee?.name ?? ''}`)
          : f.assignee
            ? t(
                `未匹配到网格，值班台已分派给 ${f.assignee.name}`,
                `No grid matched; the desk gave it to ${f.assignee.name}`,
              )
            : t('未匹配到网格，待值班台分派', 'No grid matched; the desk assigns it'),
    },
    f.warnedAt
      ? { at: f.warnedAt, color: 'orange', what: t('临近时限，已提醒值班台', 'Deadline near; the desk alerted') }
      : null,
    f.escalatedAt
      ? {
          at: f.escalatedAt,
          color: 'red',
          what: t('超时未核查，已上报值班台和所长', 'Overdue; the desk and chief alerted'),
        }
      : null,
    f.contactedAt && f.method
      ? {
          at: f.contactedAt,
          color: 'blue',
          what: t('联系当事人', 'Contacted'),
          note: label(FRAUD_CONTACT_METHOD_LABELS[f.method]),
        }
      : null,
    f.verifiedAt && f.outcome
      ? {
          at: f.verifiedAt,
          color: 'green',
          what: t('核查完成', 'Verified'),
          note: `${label(FRAUD_OUTCOME_LABELS[f.outcome])}${f.verifiedBy ? ` · ${f.verifiedBy}` : ''}`,
        }
      : null,
    f.feedback.sentAt
      ? { at: f.feedback.sentAt, color: 'green', what: t('已反馈上游', 'Fed back upstream') }
      : f.verifiedAt && f.feedback.status !== 'none'
        ? {
            at: f.verifiedAt,
            color: f.feedback.status === 'failed' ? 'red' : 'gray',
            what: label(FRAUD_FEEDBACK_STATUS_LABELS[f.feedback.status]),
            note: f.feedback.attempts
              ? t(`已尝试 ${f.feedback.attempts} 次`, `${f.feedback.attempts} tries`)
              : undefined,
          }
        : null,
  ];
  const shown = steps.filter((s): s is Step => s !== null).sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      items={shown.map((s) => ({
        color: s.color,
        content: (
          <>
            <Typography.Text strong>{s.what}</Typography.Text>{' '}
            <Typography.Text type="secondary">{when(s.at)}</Typography.Text>
            {s.note && <div>{s.note}</div>}
          </>
        ),
      }))}
    />
  );
}
