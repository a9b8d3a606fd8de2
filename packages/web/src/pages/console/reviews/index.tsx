/**
 * 评价复核 (不满意不放过): the chief's queue of unsatisfied answers of every evaluation type — assign
 * the callback to someone other than the person rated, record what it found — the answers held out
 * of the figures for the chief to accept (待确认评价), and the callbacks assigned to the chief (我的回访).
 */
import type { ReviewStatus, ReviewView } from '@jingmin/shared';
import { REVIEW_STATUS_LABELS } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Grid, Segmented, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { reviewsApi } from '../../../api/reviews';
import { useLang } from '../../../i18n';
import { StationPicker, useStationChoice } from '../matter/StationPicker';
import { AssignModal, OutcomeModal } from './components/Actions';
import { FlaggedList } from './components/FlaggedList';
import { MyCallbacks } from './components/MyCallbacks';
import { ReviewItems } from './components/ReviewList';

const TABS = ['reviews', 'flagged', 'mine'] as const;
type Tab = (typeof TABS)[number];

export default function ReviewsPage() {
  const { t } = useLang();
  const choice = useStationChoice();
  const { scope, stationId } = choice;
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'reviews';
  if (scope.pending) return <Spin />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <StationPicker choice={choice} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('评价复核', 'Evaluation reviews')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t(
          '不满意不放过：群众的每一条不满意评价（接处警、接待来访、会议、走访、意见反馈）都要在回访期限内由被评价人以外的人回访，登记回访结果。',
          'Every unsatisfied answer is called back, by someone other than the person rated, before it is due.',
        )}
      </Typography.Text>
      {stationId ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'reviews', label: t('不满意待复核', 'Unsatisfied'), children: <Reviews stationId={stationId} /> },
            { key: 'flagged', label: t('待确认评价', 'Flagged'), children: <FlaggedList stationId={stationId} /> },
            { key: 'mine', label: t('我的回访', 'My callbacks'), children: <MyCallbacks stationId={stationId} /> },
          ]}
        />
      ) : (
        <Empty description={t('您的辖区下没有派出所', 'No police station in your scope')} />
      )}
    </Space>
  );
}

/** 未完成 (open or assigned: what the 工作台's 不满意待复核 counts), one status, or everything. */
type Filter = 'active' | ReviewStatus | 'all';

function Reviews({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const can = useCan();
  const narrow = Grid.useBreakpoint().md === false;
  const [filter, setFilter] = useState<Filter>('active');
  const [assigning, setAssigning] = useState<ReviewView | null>(null);
  const [recording, setRecording] = useState<ReviewView | null>(null);
  const list = useQuery({
    queryKey: ['evaluation-reviews', stationId],
    queryFn: () => reviewsApi.list(stationId),
    // Due times pass without any event: a minute's refetch turns them red.
    refetchInterval: 60_000,
  });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  const all = list.data?.items ?? [];
  const items = all.filter((r) =>
    filter === 'all' ? true : filter === 'active' ? r.status !== 'closed' : r.status === filter,
  );
  const options = [
    { value: 'active' as Filter, label: t(`未完成（${all.filter((r) => r.status !== 'closed').length}）`, 'To do') },
    { value: 'open' as Filter, label: label(REVIEW_STATUS_LABELS.open) },
    { value: 'callback_assigned' as Filter, label: label(REVIEW_STATUS_LABELS.callback_assigned) },
    { value: 'closed' as Filter, label: label(REVIEW_STATUS_LABELS.closed) },
    { value: 'all' as Filter, label: t('全部', 'All') },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {narrow ? (
        <Select<Filter> aria-label={t('状态', 'Status')} value={filter} onChange={setFilter} options={options} />
      ) : (
        <Segmented<Filter> value={filter} onChange={setFilter} options={options} />
      )}
      <ReviewItems
        stationId={stationId}
        items={items}
        loading={list.isPending}
        empty={t('没有需要复核的不满意评价', 'Nothing to review')}
        actions={{
          onAssign: can('matter.review') ? setAssigning : undefined,
          canRecord: () => can('matter.review'),
          onRecord: setRecording,
        }}
      />
      {assigning && <AssignModal review={assigning} onClose={() => setAssigning(null)} />}
      {recording && <OutcomeModal review={recording} onClose={() => setRecording(null)} />}
    </Space>
  );
}
