/**
 * 我的任务: the matters dispatched to this officer (or, for a department
 * liaison, to their department), live over the station's stream. A table on
 * a desk screen, a list of cards on a phone; one matter opens in the drawer,
 * whose buttons come from the server's allowedActions.
 */
import type { MatterStatus } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Badge, Flex, Grid, Input, Pagination, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';
import { CounterTag } from '../matter/ListFilters';
import { useLiveMatters, useRefreshMatters } from '../matter/live';
import { MatterDrawer } from '../matter/MatterDrawer';
import { useUrlFilter } from '../matter/url-filter';
import { TaskCards } from './components/TaskCards';
import { TaskTable } from './components/TaskTable';

type Filter = 'open' | 'all' | MatterStatus;
const FILTERS: [Filter, string, string][] = [
  ['open', '待我办理', 'Waiting for me'],
  ['dispatched', '待接单', 'To take'],
  ['in_progress', '办理中', 'In progress'],
  ['resolved', '已办结', 'Resolved'],
  ['all', '全部', 'All'],
];
const PAGE_SIZE = 20;

export default function TasksPage() {
  const { t } = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const [page, setPage] = useState(1);
  // Filters live in the address: a 工作台 counter links here with `?counter=`, the list shows what it counted.
  const url = useUrlFilter();
  const filter = FILTERS.find(([f]) => f === url.get('filter'))?.[0] ?? 'open';
  const counter = url.counter;
  const choose = (v: Filter) => {
    setPage(1);
    url.set({ filter: v === 'open' ? null : v, counter: null });
  };
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const live = useLiveMatters();
  const refresh = useRefreshMatters();
  // A liaison's list is already only their department's matters; `mine` would narrow it to matters
  // assigned to the liaison in person, which departments never are.
  const liaisonOnly = can('matter.department_only');
  const list = useQuery({
    queryKey: ['tasks', filter, counter, q, page],
    queryFn: () =>
      matterApi.list({
        mine: liaisonOnly ? undefined : '1',
        // A counter replaces the status filter: the list is exactly what the counter counted.
        status: counter || filter === 'all' || filter === 'open' ? undefined : filter,
        open: !counter && filter === 'open' ? '1' : undefined,
        counter: counter ?? undefined,
        q,
        page,
        pageSize: PAGE_SIZE,
      }),
    // Deadlines pass without any event: a minute's refetch turns them red.
    refetchInterval: 60_000,
  });
  const take = async (id: string) => {
    try {
      await matterApi.act(id, 'take');
      message.success(t('已接单', 'Taken'));
      refresh();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center">
        <Badge status={live ? 'success' : 'default'} text={live ? t('实时', 'Live') : t('连接中…', 'Connecting…')} />
        {/* Five choices do not fit a small phone: there they are a menu, on a desk a row of buttons. */}
        {narrow ? (
          <Select<Filter>
            aria-label={t('筛选', 'Filter')}
            value={counter ? undefined : filter}
            placeholder={t('筛选', 'Filter')}
            onChange={choose}
            style={{ minWidth: 140 }}
            options={FILTERS.map(([value, zh, en]) => ({ value, label: t(zh, en) }))}
          />
        ) : (
          <Segmented<Filter>
            // Opened from a counter: no status is chosen, the tag beside says what the list holds.
            value={counter ? ('' as Filter) : filter}
            onChange={choose}
            options={FILTERS.map(([value, zh, en]) => ({ value, label: t(zh, en) }))}
          />
        )}
        {counter && <CounterTag counter={counter} onClose={() => url.set({ counter: null })} />}
        <Input.Search
          placeholder={t('回执号或内容', 'Number or text')}
          allowClear
          onSearch={(v) => {
            setPage(1);
            setQ(v);
          }}
          style={{ width: narrow ? '100%' : 220 }}
        />
      </Flex>
      {list.isError && <Alert type="error" title={errorMessage(list.error)} />}
      {narrow ? (
        <>
          <TaskCards items={items} loading={list.isPending} onOpen={setOpen} onTake={take} />
          <Pagination
            simple
            align="center"
            current={page}
            total={list.data?.total ?? 0}
            pageSize={PAGE_SIZE}
            onChange={setPage}
            hideOnSinglePage
          />
        </>
      ) : (
        <TaskTable
          items={items}
          loading={list.isPending}
          onOpen={setOpen}
          onTake={take}
          pagination={{ current: page, total: list.data?.total, pageSize: PAGE_SIZE, onChange: setPage }}
        />
      )}
      {open && <MatterDrawer key={open} id={open} onClose={() => setOpen(null)} onChanged={refresh} />}
    </Space>
  );
}
