/**
 * Pieces the desk inbox and 我的任务 share: the tag naming the 工作台 counter a list was opened from,
 * and the rating columns of the review queue (不满意待复核), where the chief reads what the resident said.
 */
import { MATTER_COUNTER_LABELS, type MatterCounter, type MatterView, RATING_LABELS } from '@jingmin/shared';
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLang } from '../../../i18n';

/** "工作台：超期 ×": the list shows only what that counter counts; closing the tag shows the usual list. */
export function CounterTag({ counter, onClose }: { counter: MatterCounter; onClose(): void }) {
  const { t, label } = useLang();
  return (
    <Tag
      color="blue"
      closable={{ 'aria-label': t('清除工作台筛选', 'Clear the overview filter') }}
      onClose={(e) => {
        e.preventDefault();
        onClose();
      }}
      style={{ fontSize: 13, lineHeight: '24px', marginInlineEnd: 0 }}
    >
      {t('工作台：', 'Overview: ')}
      {label(MATTER_COUNTER_LABELS[counter])}
    </Tag>
  );
}

/** Counters whose lists are about ratings: they show each rating and the resident's comment. */
export const showsRatings = (counter: MatterCounter | null) => counter === 'awaiting_review' || counter === 'rated';

export function useRatingColumns(): ColumnsType<MatterView> {
  const { t, label } = useLang();
  return [
    {
      title: t('评价', 'Rating'),
      dataIndex: 'rating',
      width: 100,
      render: (r: MatterView['rating']) =>
        r ? <Tag color={r === 'unsatisfied' ? 'red' : 'green'}>{label(RATING_LABELS[r])}</Tag> : '—',
    },
    {
      title: t('群众意见', "Resident's comment"),
      dataIndex: 'ratingComment',
      width: 260,
      render: (c: string | null) =>
        c ? (
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: c }}>
            {c}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('（未填写）', '(none)')}</Typography.Text>
        ),
    },
  ];
}
