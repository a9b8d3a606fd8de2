/**
 * The station's notices, newest first: filtered by status (全部/草稿/待审核/定时/已发布/已撤回), category and priority;
 * each with its tags, when it went out (or will), and the three reach figures side by side. On a phone the table
 * becomes cards. 新建 for those who write notices (warning.write).
 */
import {
  WARNING_PRIORITIES,
  WARNING_PRIORITY_LABELS,
  type WarningListItem,
  type WarningPriority,
  type WarningStatus,
} from '@jingmin/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Grid, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { warningsApi } from '../../../api/warnings';
import { DrillBar, periodWords } from '../../../components/DrillTag';
import { ExportButton } from '../../../components/ExportButton';
import { useLang } from '../../../i18n';
import { dateTime } from '../matter/labels';
import { useWarningSettings } from './hooks';
import { PriorityTag, ReachLine, StatusTag } from './labels';
import { PERIOD_DRILL_KEYS, readPeriodDrill } from './model';

const STATUS_FILTERS: { value: WarningStatus | 'all'; zh: string; en: string }[] = [
  { value: 'all', zh: '全部', en: 'All' },
  { value: 'draft', zh: '草稿', en: 'Drafts' },
  { value: 'in_review', zh: '待审核', en: 'In review' },
  { value: 'scheduled', zh: '定时', en: 'Scheduled' },
  { value: 'sent', zh: '已发布', en: 'Sent' },
  { value: 'withdrawn', zh: '已撤回', en: 'Withdrawn' },
];

export function WarningList({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const status = (STATUS_FILTERS.find((s) => s.value === params.get('status'))?.value ?? 'all') as
    | WarningStatus
    | 'all';
  const category = params.get('category') ?? undefined;
  const priority = (WARNING_PRIORITIES as readonly string[]).includes(params.get('priority') ?? '')
    ? (params.get('priority') as WarningPriority)
    : undefined;
  const { categories } = useWarningSettings(stationId);
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value && value !== 'all') next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  // A dashboard figure links here with `?from=&to=&unitId=`: the notices sent in that period under that unit,
  // across its stations (the station picked above no longer narrows it).
  const drill = readPeriodDrill((k) => params.get(k));
  const filters = {
    ...(drill ?? { stationId }),
    status: status === 'all' ? undefined : status,
    category,
    priority,
  };
  const clearDrill = () => {
    const next = new URLSearchParams(params);
    for (const k of PERIOD_DRILL_KEYS) next.delete(k);
    setParams(next, { replace: true });
  };
  const list = useInfiniteQuery({
    queryKey: ['warnings', filters],
    queryFn: ({ pageParam }) => warningsApi.list({ ...filters, before: pageParam, limit: 30 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.items.at(-1)?.createdAt : undefined),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const title = (w: WarningListItem) => (
    <Link to={`/console/warnings/${w.id}`} style={{ whiteSpace: 'normal' }}>
      {w.title}
    </Link>
  );
  const when = (w: WarningListItem) =>
    w.sentAt
      ? dateTime(w.sentAt)
      : w.scheduledAt
        ? t(`定于 ${dateTime(w.scheduledAt)}`, `At ${dateTime(w.scheduledAt)}`)
        : t(`创建于 ${dateTime(w.createdAt)}`, `Created ${dateTime(w.createdAt)}`);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center" style={{ minWidth: 0, maxWidth: '100%' }}>
          {/* Scrolls sideways on a narrow phone rather than widening the page. */}
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Segmented
              value={status}
              onChange={(v) => setFilter('status', v as string)}
              options={STATUS_FILTERS.map((s) => ({ value: s.value, label: t(s.zh, s.en) }))}
            />
          </div>
          <Select
            allowClear
            value={category}
            onChange={(v) => setFilter('category', v)}
            placeholder={t('全部类别', 'All categories')}
            aria-label={t('类别', 'Category')}
            style={{ minWidth: 130 }}
            options={categories.map((c) => ({ value: c.key, label: label(c.label) }))}
          />
          <Select
            allowClear
            value={priority}
            onChange={(v) => setFilter('priority', v)}
            placeholder={t('全部级别', 'All priorities')}
            aria-label={t('级别', 'Priority')}
            style={{ minWidth: 110 }}
            options={WARNING_PRIORITIES.map((p) => ({ value: p, label: label(WARNING_PRIORITY_LABELS[p]) }))}
          />
        </Flex>
        <Flex gap={8} wrap>
          <ExportButton path="/warnings/export" query={filters} />
          {can('warning.write') && (
            <Button type="primary" onClick={() => navigate(`/console/warnings/new?station=${stationId}`)}>
              {t('新建', 'New notice')}
            </Button>
          )}
        </Flex>
      </Flex>
      {drill && (
        <DrillBar
          words={periodWords(drill, { zh: '期内发布的通知', en: 'notices sent in the period' })}
          onClear={clearDrill}
          total={list.data?.pages[0]?.total}
          unit={{ zh: '条', en: 'in all' }}
        />
      )}
      {list.isError && <Alert type="error" title={errorMessage(list.error)} />}
      {narrow ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map((w) => (
            <Card key={w.id} size="small">
              <Flex gap={4} wrap style={{ marginBottom: 4 }}>
                <PriorityTag priority={w.priority} />
                <Tag style={{ marginInlineEnd: 0 }}>{w.categoryLabel}</Tag>
                <StatusTag status={w.status} />
              </Flex>
              <div style={{ fontSize: 16, marginBottom: 4 }}>{title(w)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {when(w)} · {w.authorName}
              </Typography.Text>
              {(w.status === 'sent' || w.status === 'withdrawn') && (
                <div style={{ marginTop: 6 }}>
                  <ReachLine reach={w.reach} status={w.status} />
                </div>
              )}
            </Card>
          ))}
          {!list.isPending && items.length === 0 && (
            <Typography.Text type="secondary">{t('没有符合条件的通知', 'No notices match')}</Typography.Text>
          )}
        </Space>
      ) : (
        <Table<WarningListItem>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t('没有符合条件的通知', 'No notices match') }}
          columns={[
            {
              title: t('标题', 'Title'),
              key: 'title',
              render: (_, w) => (
                <Space orientation="vertical" size={2}>
                  {title(w)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {w.authorName}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('类别', 'Category'), dataIndex: 'categoryLabel', render: (c: string) => <Tag>{c}</Tag> },
            {
              title: t('级别', 'Priority'),
              dataIndex: 'priority',
              render: (p: WarningPriority) => <PriorityTag priority={p} />,
            },
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              render: (s: WarningStatus) => <StatusTag status={s} />,
            },
            { title: t('发布/定时', 'Sent / scheduled'), key: 'when', render: (_, w) => when(w) },
            {
              title: t('触达（送达 · 查看 · 已知晓）', 'Reach (delivered · opened · acknowledged)'),
              key: 'reach',
              render: (_, w) => <ReachLine reach={w.reach} status={w.status} />,
            },
          ]}
        />
      )}
      {list.hasNextPage && (
        <Flex justify="center">
          <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('加载更多', 'Load more')}
          </Button>
        </Flex>
      )}
    </Space>
  );
}
