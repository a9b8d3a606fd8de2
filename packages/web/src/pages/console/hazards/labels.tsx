/** How the register shows a hazard's status and deadline: a coloured tag with words, 逾期 in red with the word. */
import { HAZARD_STATUS_LABELS, type HazardListItem, type HazardStatus } from '@jingmin/shared';
import { Tag, Typography } from 'antd';
import { useLang } from '../../../i18n';

const COLOURS: Record<HazardStatus, string> = {
  open: 'orange',
  rectified: 'blue',
  verified: 'green',
  voided: 'default',
};

export function StatusTag({ status }: { status: HazardStatus }) {
  const { label } = useLang();
  return <Tag color={COLOURS[status]}>{label(HAZARD_STATUS_LABELS[status])}</Tag>;
}

/** The deadline; past it and still open: red, with the word 逾期 (never the colour alone). */
export function Deadline({ h }: { h: Pick<HazardListItem, 'deadlineOn' | 'overdue'> }) {
  const { t } = useLang();
  if (!h.overdue) return <span>{h.deadlineOn}</span>;
  return (
    <Typography.Text type="danger" strong>
      {h.deadlineOn} <Tag color="red">{t('逾期', 'Overdue')}</Tag>
    </Typography.Text>
  );
}
