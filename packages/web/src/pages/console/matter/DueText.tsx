/**
 * The deadline a matter races now — "接单时限 11/29 23:51" — red once passed.
 * Which deadline and whether it has passed come from the server (`due`); the
 * screen only words them.
 */
import { Typography } from 'antd';
import { useLang } from '../../../i18n';
import { DEADLINE_LABELS, type Due, formatAge, shortTime } from './labels';

/**
 * `marked`: the row already says 超期 in words (the inbox's status column), so the time stands alone
 * in red and the column stays one line wide.
 */
export function DueText({
  due,
  relative = false,
  size,
  marked = false,
}: {
  due: Due;
  relative?: boolean;
  size?: number;
  marked?: boolean;
}) {
  const { t } = useLang();
  if (!due.deadline || !due.dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const minutesLeft = (new Date(due.dueAt).getTime() - Date.now()) / 60_000;
  return (
    <Typography.Text type={due.overdue ? 'danger' : undefined} strong={due.overdue} style={{ fontSize: size }}>
      {t(...DEADLINE_LABELS[due.deadline])} {shortTime(due.dueAt)}
      {due.overdue && marked
        ? null
        : due.overdue
          ? relative
            ? t(` · 已超期 ${formatAge(-minutesLeft, t)}`, ` · overdue by ${formatAge(-minutesLeft, t)}`)
            : t(' · 已超期', ' · overdue')
          : relative && t(` · 还剩 ${formatAge(minutesLeft, t)}`, ` · ${formatAge(minutesLeft, t)} left`)}
    </Typography.Text>
  );
}
