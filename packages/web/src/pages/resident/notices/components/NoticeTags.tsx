/** A notice's priority and category as tags: 紧急 in red, always in words too (colour never says it alone). */
import { type PublicNotice, WARNING_PRIORITY_LABELS } from '@jingmin/shared';
import { Tag } from 'antd-mobile';
import { useLang } from '../../../../i18n';

const PRIORITY_COLOR = { urgent: 'danger', advisory: 'warning', community: 'primary' } as const;

export function NoticeTags({ notice }: { notice: Pick<PublicNotice, 'priority' | 'categoryLabel' | 'withdrawn'> }) {
  const { t, label } = useLang();
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap', verticalAlign: 'middle' }}>
      {notice.withdrawn && <Tag color="default">{t('已撤回', 'Withdrawn')}</Tag>}
      <Tag color={PRIORITY_COLOR[notice.priority]} fill={notice.priority === 'urgent' ? 'solid' : 'outline'}>
        {label(WARNING_PRIORITY_LABELS[notice.priority])}
      </Tag>
      <Tag color="default" fill="outline">
        {notice.categoryLabel}
      </Tag>
    </span>
  );
}
