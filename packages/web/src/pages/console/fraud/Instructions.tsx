/**
 * 预警指令: 我的 (what this account handles) or 全部 (the desk and the chief), filtered by status, 超时 and type,
 * newest first with 加载更多; each row counts down to its contact deadline. The desk enters an instruction
 * received by phone or on paper (录入预警指令); a row opens the drawer with the person and the 快核 form.
 */
import {
  FRAUD_OUTCOME_LABELS,
  FRAUD_OUTCOMES,
  FRAUD_STATUS_LABELS,
  FRAUD_STATUSES,
  FRAUD_TYPE_LABELS,
  FRAUD_TYPES,
  type FraudListQuery,
} from '@jingmin/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Segmented, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { DrillBar, periodWords } from '../../../components/DrillTag';
import { ExportButton } from '../../../components/ExportButton';
import { useLang } from '../../../i18n';
import { PERIOD_DRILL_KEYS, readPeriodDrill } from '../warnings/model';
import { DeskForm } from './DeskForm';
import { InstructionDrawer } from './InstructionDrawer';
import { InstructionRows } from './InstructionRows';
import { useNow } from './useNow';

type Filters = Pick<FraudListQuery, 'status' | 'overdue' | 'fraudType' | 'outcome'> & { view: 'mine' | 'all' };

/** The filters a dashboard figure sets in the address (`?view=all&outcome=&status=`), else the defaults. */
function filtersOf(get: (key: string) => string | null, desk: boolean): Filters {
  return {
    view: desk && get('view') !== 'mine' ? 'all' : 'mine',
    status: FRAUD_STATUSES.find((s) => s === get('status')),
    outcome: FRAUD_OUTCOMES.find((o) => o === get('outcome')),
  };
}

export function Instructions() {
  const { t, label } = useLang();
  const can = useCan();
  const desk = can('fraud.desk');
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => filtersOf((k) => params.get(k), desk));
  // A dashboard figure links here with `?from=&to=&unitId=`: the instructions received in that period there.
  const drill = readPeriodDrill((k) => params.get(k));
  const query = { ...filters, ...drill };
  const clearDrill = () => {
    const next = new URLSearchParams(params);
    for (const k of [...PERIOD_DRILL_KEYS, 'view', 'status', 'outcome']) next.delete(k);
    setParams(next, { replace: true });
  };
  const [open, setOpen] = useState<string | null>(null);
  const [entering, setEntering] = useState(false);
  const now = useNow();
  const list = useInfiniteQuery({
    queryKey: ['fraud', 'list', query],
    queryFn: ({ pageParam }) => fraudApi.list({ ...query, before: pageParam, limit: 30 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.items.at(-1)?.receivedAt : undefined),
    // The desk watches the list: new instructions and verifications show without a reload.
    refetchInterval: 30_000,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        {desk ? (
          <Segmented
            value={filters.view}
            onChange={(view) => set({ view: view as Filters['view'] })}
            options={[
              { value: 'mine', label: t('我的', 'Mine') },
              { value: 'all', label: t('全部', 'All') },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('分派给我的预警指令', 'Instructions assigned to me')}</Typography.Text>
        )}
        <Flex gap={8} wrap>
          <ExportButton path="/fraud/instructions/export" query={query} />
          {desk && (
            <Button type="primary" onClick={() => setEntering(true)}>
              {t('录入预警指令', 'Enter an instruction')}
            </Button>
          )}
        </Flex>
      </Flex>
      {drill && (
        <DrillBar
          words={periodWords(drill, { zh: '期内接收的预警指令', en: 'instructions received in the period' })}
          onClear={clearDrill}
          total={list.data?.pages[0]?.total}
          unit={{ zh: '条', en: 'in all' }}
        />
      )}
      <Flex gap={8} wrap align="center">
        <Select
          aria-label={t('状态', 'Status')}
          allowClear
          placeholder={t('全部状态', 'Any status')}
          style={{ width: 130 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={FRAUD_STATUSES.map((s) => ({ value: s, label: label(FRAUD_STATUS_LABELS[s]) }))}
        />
        <Select
          aria-label={t('诈骗类型', 'Fraud type')}
          allowClear
          placeholder={t('全部类型', 'Any type')}
          style={{ width: 190 }}
          value={filters.fraudType}
          onChange={(fraudType) => set({ fraudType })}
          options={FRAUD_TYPES.map((x) => ({ value: x, label: label(FRAUD_TYPE_LABELS[x]) }))}
        />
        <Select
          aria-label={t('核查结果', 'Outcome')}
          allowClear
          placeholder={t('全部结果', 'Any outcome')}
          style={{ width: 130 }}
          value={filters.outcome}
          onChange={(outcome) => set({ outcome })}
          options={FRAUD_OUTCOMES.map((o) => ({ value: o, label: label(FRAUD_OUTCOME_LABELS[o]) }))}
        />
        <Flex gap={6} align="center">
          <Switch
            aria-label={t('只看超时', 'Overdue only')}
            checked={filters.overdue === 'true'}
            onChange={(on) => set({ overdue: on ? 'true' : undefined })}
          />
          <Typography.Text>{t('只看超时', 'Overdue only')}</Typography.Text>
        </Flex>
      </Flex>
      {list.isError ? (
        <Alert type="error" showIcon title={errorMessage(list.error)} />
      ) : (
        <InstructionRows items={items} now={now} loading={list.isPending} onOpen={setOpen} />
      )}
      {list.hasNextPage && (
        <Button
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('加载更多', 'Load more')}
        </Button>
      )}
      {open && <InstructionDrawer id={open} now={now} onClose={() => setOpen(null)} />}
      {entering && <DeskForm onClose={() => setEntering(false)} onCreated={(id) => setOpen(id)} />}
    </Flex>
  );
}
