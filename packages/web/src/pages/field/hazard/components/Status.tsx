/** A hazard's status and deadline on the phone: a coloured tag with words; past the deadline, 逾期 in words too. */
import { HAZARD_STATUS_LABELS, type HazardListItem, type HazardStatus } from '@jingmin/shared';
import { Tag } from 'antd-mobile';
import { useLang } from '../../../../i18n';

const COLOURS: Record<HazardStatus, string> = {
  open: 'warning',
  rectified: 'primary',
  verified: 'success',
  voided: 'default',
};

export function StatusTag({ status }: { status: HazardStatus }) {
  const { label } = useLang();
  return <Tag color={COLOURS[status]}>{label(HAZARD_STATUS_LABELS[status])}</Tag>;
}

export function Deadline({ h }: { h: Pick<HazardListItem, 'deadlineOn' | 'overdue'> }) {
  const { t } = useLang();
  if (!h.overdue) return <span>{h.deadlineOn}</span>;
  return (
    <span style={{ color: '#c8102e', fontWeight: 600 }}>
      {h.deadlineOn} <Tag color="danger">{t('逾期', 'Overdue')}</Tag>
    </span>
  );
}
