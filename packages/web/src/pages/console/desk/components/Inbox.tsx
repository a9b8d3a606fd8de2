/** The desk's inbox: every matter in scope, newest first, overdue rows in red. */
import {
  type KpiSet,
  MATTER_KIND_LABELS,
  MATTER_STATUS_LABELS,
  type MatterKind,
  type MatterStatus,
  type MatterView,
  URGENCY_LABELS,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { matterApi } from '../../../../api/matters';
import { DrillTag } from '../../../../components/DrillTag';
import { ExportButton } from '../../../../components/ExportButton';
import { useLang } from '../../../../i18n';
import { ChannelSelect, ChannelTag, channelOf } from '../../matter/ChannelTag';
import { DueText } from '../../matter/DueText';
import { CounterTag, showsRatings, useRatingColumns } from '../../matter/ListFilters';
import { STATUS_COLOR, shortTime } from '../../matter/labels';
import { useUrlFilter } from '../../matter/url-filter';
import { clearDrill, drillQuery, drillWords, hasDrill, readDrill } from '../drill';

/** `open`: what still waits for someone (the default); `all`: the whole history. */
const STATUSES: (MatterStatus | 'all' | 'open')[] = [
  'open',
  'all',
  'submitted',
  'accepted',
  'dispatched',
  'in_progress',
  'resolved',
  'rated',
  'closed',
];

/** The KPI sets about ratings: their lists show each rating and the resident's comment. */
const RATING_SETS: readonly KpiSet[] = ['rated', 'satisfied', 'unsatisfied'];

export function Inbox({ onOpen, live }: { onOpen(id: string): void; live: ReactNode }) {
  const { t, label } = useLang();
  // Filters live in the address: a 工作台 counter links here with `?counter=`, the list shows what it counted.
  const url = useUrlFilter();
  const filter = STATUSES.find((s) => s === url.get('status')) ?? 'open';
  const mine = url.get('mine') === '1';
  const counter = url.counter;
  const channel = channelOf(url.get('channel'));
  // A dashboard's figure or bar links here (`?kpi=&from=&to=&kind=&hour=&unitId=`): the list is exactly what it counted.
  const drill = readDrill(url.get);
  const kpi = drill.kpi;
  // 不满意不放过: the chief's queue of unsatisfied ratings waiting for review, with what the resident said.
  const review = counter === 'awaiting_review';
  const ratingColumns = useRatingColumns();
  const can = useCan();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  // A counter or a drill replaces the status filter: the list is exactly what it counted.
  const drilled = hasDrill(drill);
  const filters: Record<string, string> = {
    ...(counter
      ? { counter }
      : drilled || filter === 'all'
        ? {}
        : filter === 'open'
          ? { open: '1' }
          : { status: filter }),
    ...drillQuery(drill),
    ...(channel ? { channel } : {}),
    ...(mine ? { mine: '1' } : {}),
    ...(q ? { q } : {}),
  };
  const list = useQuery({
    queryKey: ['matters', filter, mine, counter, drillQuery(drill), channel, q, page],
    queryFn: () => matterApi.list({ ...filters, page, pageSize: 20 }),
    // Deadlines pass without any event: a minute's refetch turns them red.
    refetchInterval: 60_000,
  });
  // Overdue is the server's word (the first response, taking or resolution deadline passed).
  const overdue = (m: MatterView) => m.due.overdue;
  const manyStations = new Set(list.data?.items.map((m) => m.stationId)).size > 1;
  const ratings = showsRatings(counter) || (kpi !== null && RATING_SETS.includes(kpi.set));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {live}
        <Select
          aria-label={t('状态', 'Status')}
          value={counter || drilled ? undefined : filter}
          placeholder={t('状态', 'Status')}
          onChange={(v) => {
            setPage(1);
            url.set({ status: v === 'open' ? null : v, counter: null, ...clearDrill });
          }}
          style={{ width: 140 }}
          options={STATUSES.map((f) => ({
            value: f,
            label:
              f === 'open'
                ? t('待办（未办结）', 'Open')
                : f === 'all'
                  ? t('全部（含历史）', 'All, with history')
                  : label(MATTER_STATUS_LABELS[f]),
          }))}
        />
        {can('matter.handle') && (
          <Checkbox
            checked={mine}
            onChange={(e) => {
              setPage(1);
              url.set({ mine: e.target.checked ? '1' : null });
            }}
          >
            {t('只看我的任务', 'My tasks only')}
          </Checkbox>
        )}
        {can('matter.review') && (
          <Checkbox
            checked={review}
            onChange={(e) => {
              setPage(1);
              url.set({ counter: e.target.checked ? 'awaiting_review' : null });
            }}
          >
            {t('不满意待复核', 'Unsatisfied, to review')}
          </Checkbox>
        )}
        {counter && !review && <CounterTag counter={counter} onClose={() => url.set({ counter: null })} />}
        {drilled && (
          <DrillTag
            words={drillWords(drill)}
            onClear={() => {
              setPage(1);
              url.set(clearDrill);
            }}
          />
        )}
        <ChannelSelect
          value={channel}
          onChange={(c) => {
            setPage(1);
            url.set({ channel: c });
          }}
        />
        <Input.Search
          placeholder={t('回执号、内容、警情/工单编号', 'Number, text, 110/12345 no.')}
          allowClear
          onSearch={(v) => {
            setPage(1);
            setQ(v);
          }}
          style={{ width: 270 }}
        />
        <ExportButton path="/matters/export" query={filters} />
      </Space>
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={t('事项列表加载失败：', 'The list could not be loaded: ') + errorMessage(list.error)}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              {t('重试', 'Retry')}
            </Button>
          }
        />
      )}
      <Table<MatterView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: (manyStations ? 1250 : 1130) + (ratings ? 360 : 0) }}
        onRow={(m) => ({ onClick: () => onOpen(m.id), style: { cursor: 'pointer' } })}
        rowClassName={(m) => (overdue(m) ? 'jm-overdue' : '')}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('回执号', 'Number'), dataIndex: 'number', width: 170 },
          // A bureau supervisor reads several stations: say whose each matter is.
          ...(manyStations
            ? [{ title: t('派出所', 'Station'), dataIndex: 'stationName', width: 120, ellipsis: true }]
            : []),
          {
            title: t('类型', 'Kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: MatterKind) => label(MATTER_KIND_LABELS[k]),
          },
          {
            title: t('内容', 'Text'),
            dataIndex: 'body',
            ellipsis: true,
            render: (b: string, m) => (
              <>
                <ChannelTag m={m} />
                {(m.photoIds ?? []).length > 0 && <Tag>{t(`${m.photoIds.length}图`, `${m.photoIds.length} ph.`)}</Tag>}
                {b}
              </>
            ),
          },
          ...(ratings ? ratingColumns : []),
          { title: t('地址', 'Address'), dataIndex: 'address', width: 220, ellipsis: true },
          {
            title: t('紧急', 'Urgency'),
            dataIndex: 'urgency',
            width: 70,
            render: (u: MatterView['urgency']) =>
              u === 'urgent' ? <Tag color="red">{label(URGENCY_LABELS[u])}</Tag> : label(URGENCY_LABELS[u]),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 100,
            render: (s: MatterStatus, m) => (
              <Tag color={overdue(m) ? 'red' : STATUS_COLOR[s]}>
                {label(MATTER_STATUS_LABELS[s])}
                {overdue(m) ? t(' 超期', ' overdue') : ''}
              </Tag>
            ),
          },
          {
            title: t('时限', 'Due'),
            key: 'due',
            width: 200,
            render: (_, m) => <DueText due={m.due} marked />,
          },
          { title: t('提交时间', 'Submitted'), dataIndex: 'createdAt', width: 120, render: shortTime },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(
          '红色为已超过时限（首次响应、接单或办结）的事项。',
          'Red rows are past a deadline (first response, taking or resolution).',
        )}
      </Typography.Text>
      <style>{'.jm-overdue td { background: #fff1f0 !important; }'}</style>
    </Space>
  );
}
