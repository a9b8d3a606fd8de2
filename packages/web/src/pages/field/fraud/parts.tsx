/** The field's anti-fraud pieces: the level as a tag with words, and the contact countdown in big digits. */
import { FRAUD_LEVEL_LABELS, type FraudLevel } from '@jingmin/shared';
import { Tag } from 'antd-mobile';
import { useLang } from '../../../i18n';
import { countdown } from '../../console/fraud/model';

const LEVEL_COLOURS: Record<FraudLevel, string> = { high: 'danger', medium: 'warning', low: 'primary' };

export function LevelTag({ level }: { level: FraudLevel }) {
  const { label } = useLang();
  return (
    <Tag color={LEVEL_COLOURS[level]} fill={level === 'high' ? 'solid' : 'outline'}>
      {label(FRAUD_LEVEL_LABELS[level])}
    </Tag>
  );
}

/** The countdown as the officer reads it at arm's length: big digits, orange near the end, red with 超时 past it. */
export function BigCountdown({ deadlineAt, now, size = 26 }: { deadlineAt: string; now: number; size?: number }) {
  const { t } = useLang();
  const c = countdown(deadlineAt, now, t);
  const colour = c.overdue
    ? 'var(--adm-color-danger)'
    : c.urgent
      ? 'var(--adm-color-warning)'
      : 'var(--adm-color-text)';
  return (
    <span
      className="jm-receipt"
      role="timer"
      style={{ fontSize: size, fontWeight: 700, color: colour, lineHeight: 1.2 }}
    >
      {c.text}
    </span>
  );
}
