/** The deadline a handler faces now: taking while dispatched, else resolution; red once passed. */
import type { MatterView } from '@jingmin/shared';
import { Typography } from 'antd';
import { useLang } from '../../../../i18n';
import { OPEN_STATUSES, shortTime } from '../../matter/labels';

export function dueOf(m: MatterView): { at: string; kind: 'take' | 'resolve'; late: boolean } | null {
  if (!OPEN_STATUSES.includes(m.status)) return null;
  const take = m.status === 'dispatched' && m.takeDueAt;
  const at = take ? m.takeDueAt : m.resolveDueAt;
  if (!at) return null;
  return { at, kind: take ? 'take' : 'resolve', late: new Date(at).getTime() < Date.now() };
}

export function Due({ m }: { m: MatterView }) {
  const { t } = useLang();
  const due = dueOf(m);
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type={due.late ? 'danger' : undefined} strong={due.late}>
      {due.kind === 'take' ? t('接单', 'Take by') : t('办结', 'Resolve by')} {shortTime(due.at)}
      {due.late ? t(' 已超期', ' overdue') : ''}
    </Typography.Text>
  );
}
