/** A task's status as a tag, from the shared labels. */
import { VOLUNTEER_TASK_STATUS_LABELS, type VolunteerTaskStatus } from '@jingmin/shared';
import { Tag } from 'antd-mobile';
import { useLang } from '../../../i18n';

const TASK_TAG_COLOR: Record<VolunteerTaskStatus, string> = {
  sent: 'warning',
  accepted: 'primary',
  done: 'success',
  declined: 'default',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: VolunteerTaskStatus }) {
  const { label } = useLang();
  return (
    <Tag color={TASK_TAG_COLOR[status]} fill="outline">
      {label(VOLUNTEER_TASK_STATUS_LABELS[status])}
    </Tag>
  );
}
