/**
 * 矛盾纠纷 (四分研调法, first step): a station's cases with their colour, level, category and source (摸排
 * marked), filtered through the page address; 登记纠纷 opens a case from the desk or from 摸排; a case opens
 * on its own page (/console/disputes/:id), readable on an officer's phone in a village.
 */
import {
  DISPUTE_AGE_LABELS,
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_LEVEL_LABELS,
  DISPUTE_LEVELS,
  DISPUTE_SET_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_SOURCES,
  DISPUTE_STATUS_LABELS,
  DISPUTE_STATUSES,
  type DisputeAge,
  type DisputeListItem,
  type DisputeSet,
  worksCasesForStation,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Input,
  Pagination,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { useCan, useSession } from '../../../access';
import { errorMessage } from '../../../api/client';
import { disputesApi } from '../../../api/disputes';
import { DrillBar, periodWords } from '../../../components/DrillTag';
import { ExportButton } from '../../../components/ExportButton';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { StationPicker, useStationChoice } from '../matter/StationPicker';
import { Board } from './Board';
import CasePage from './CasePage';
import { ColourTag, LevelTag, STATUS_COLOR, schemeOf, useDisputeSettings } from './labels';
import { NewDispute } from './NewDispute';
import { SettingsButton } from './Settings';
import { TransferredCases } from './TransferredCases';

const PAGE_SIZE = 20;

export default function DisputesPage() {
  return (
    <Routes>
      <Route path="" element={<ListPage />} />
      <Route path=":id" element={<CasePage />} />
    </Routes>
  );
}

function ListPage() {
  const { t } = useLang();
  const can = useCan();
  const choice = useStationChoice();
  const { scope, stationId } = choice;
  const department = can('matter.department_only');
  if (scope.pending) return <Spin />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <StationPicker choice={choice} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('矛盾纠纷', 'Disputes')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t(
          '四分研调法：分类受理、分级评估、分流化解、分案处理。每次评估和颜色调整都留有记录。',
          'Classify, assess, route and handle each case; every assessment and colour change is kept.',
        )}
      </Typography.Text>
      {can('dispute.assigned_only') && <TransferredCases always={department} />}
      {/* A department sees only the cases transferred to it: the card above lists them all, once. */}
      {department ? null : stationId ? (
        <Cases key={stationId} stationId={stationId} searchUnitId={scope.stationId ? null : stationId} />
      ) : (
        <Empty description={t('您的辖区下没有派出所', 'No police station in your scope')} />
      )}
    </Space>
  );
}

const FILTERS = ['status', 'colour', 'level', 'category', 'source', 'q', 'open'] as const;
/** A dashboard figure opens this list on the cases it counted: `?set=&from=&to=&unitId=` (and `age` for 在办时长). */
const DRILL = ['set', 'from', 'to', 'age', 'unitId'] as const;

function Cases({ stationId, searchUnitId }: { stationId: string; searchUnitId: string | null }) {
  const { t, label } = useLang();
  const session = useSession();
  const navigate = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const [opening, setOpening] = useState(false);
  const filter = Object.fromEntries([...FILTERS, ...DRILL].map((k) => [k, params.get(k) ?? undefined]));
  const drill = filter.set && filter.from && filter.to ? { set: filter.set, from: filter.from, to: filter.to } : null;
  const page = Number(params.get('page') ?? 1) || 1;
  const set = (next: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) v ? out.set(k, v) : out.delete(k);
        if (!('page' in next)) out.delete('page');
        return out;
      },
      { replace: true },
    );
  const { settings, data: stored } = useDisputeSettings(stationId);
  const list = useQuery({
    queryKey: ['disputes', stationId, filter, page],
    // A drill may name the bureau (its stations together): the cases across the scope, not one station's.
    queryFn: () =>
      filter.unitId
        ? disputesApi.search({ ...filter, page, pageSize: PAGE_SIZE })
        : disputesApi.list(stationId, { ...filter, page, pageSize: PAGE_SIZE }),
  });
  const scheme = schemeOf(settings.colourScheme);
  const open = (d: DisputeListItem) => navigate(`/console/disputes/${d.id}`);
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: list.data?.total ?? 0,
    hideOnSinglePage: true,
    onChange: (p: number) => set({ page: String(p) }),
  };
  const select = (key: string, placeholder: string, options: { value: string; label: React.ReactNode }[]) => (
    <Select
      allowClear
      aria-label={placeholder}
      placeholder={placeholder}
      value={filter[key]}
      onChange={(v?: string) => set({ [key]: v })}
      options={options}
      style={{ minWidth: narrow ? 'calc(50% - 4px)' : 120, flex: narrow ? 1 : undefined }}
    />
  );
  const classification = (d: DisputeListItem) =>
    `${label(DISPUTE_CATEGORY_LABELS[d.category])}${d.subcategory ? ` · ${d.subcategory}` : ''}`;
  const source = (d: DisputeListItem) => (
    <Tag color={d.source === 'proactive' ? 'geekblue' : undefined}>{label(DISPUTE_SOURCE_LABELS[d.source])}</Tag>
  );
  const status = (d: DisputeListItem) => (
    <Tag color={STATUS_COLOR[d.status]}>{label(DISPUTE_STATUS_LABELS[d.status])}</Tag>
  );
  return (
    <>
      <Flex gap={8} wrap>
        {worksCasesForStation(session.capabilities) && (
          <Button type="primary" onClick={() => setOpening(true)}>
            {t('登记纠纷', 'Record a dispute')}
          </Button>
        )}
        {stored && <SettingsButton stationId={stationId} settings={stored} />}
        <ExportButton
          path="/disputes/export"
          query={{ ...filter, unitId: filter.unitId ?? stationId }}
          disabled={!list.data?.total}
        />
      </Flex>
      {drill && (
        <DrillBar
          words={periodWords(drill, drillWhat(drill.set as DisputeSet, filter.age as DisputeAge | undefined))}
          onClear={() => set(Object.fromEntries(DRILL.map((k) => [k, undefined])))}
          total={list.data?.total}
          unit={{ zh: '件', en: 'in all' }}
        />
      )}
      <Board stationId={stationId} onPick={(colour, level) => set({ colour, level, open: '1' })} />
      {filter.open && (
        <Tag closable onClose={() => set({ open: undefined })} style={{ alignSelf: 'flex-start' }}>
          {t('只看未结案件', 'Open cases only')}
        </Tag>
      )}
      <Flex gap={8} wrap>
        {select(
          'status',
          t('状态', 'Status'),
          DISPUTE_STATUSES.map((s) => ({ value: s, label: label(DISPUTE_STATUS_LABELS[s]) })),
        )}
        {select(
          'colour',
          t('颜色', 'Colour'),
          scheme.levels.map((l) => ({
            value: l.key,
            label: (
              <span>
                <span
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    borderRadius: 2,
                    background: l.colour,
                    marginInlineEnd: 6,
                  }}
                />
                {label(l.name)}
              </span>
            ),
          })),
        )}
        {select(
          'level',
          t('等级', 'Level'),
          DISPUTE_LEVELS.map((l) => ({ value: l, label: label(DISPUTE_LEVEL_LABELS[l]) })),
        )}
        {select(
          'category',
          t('类别', 'Category'),
          DISPUTE_CATEGORIES.map((c) => ({ value: c, label: label(DISPUTE_CATEGORY_LABELS[c]) })),
        )}
        {select(
          'source',
          t('来源', 'Source'),
          DISPUTE_SOURCES.map((s) => ({ value: s, label: label(DISPUTE_SOURCE_LABELS[s]) })),
        )}
        <Input.Search
          allowClear
          defaultValue={filter.q}
          placeholder={t('案件编号或标题', 'Number or title')}
          aria-label={t('搜索', 'Search')}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: narrow ? '100%' : 220 }}
        />
      </Flex>
      {list.isError ? (
        <Alert type="error" title={errorMessage(list.error)} />
      ) : narrow ? (
        // On an officer's phone: one card per case, nothing to scroll sideways.
        <Space orientation="vertical" style={{ width: '100%' }}>
          {list.isPending && <Spin />}
          {list.data?.items.length === 0 && <Empty description={t('没有案件', 'No cases')} />}
          {(list.data?.items ?? []).map((d) => (
            <Card key={d.id} size="small" hoverable onClick={() => open(d)}>
              <Flex justify="space-between" gap={8} align="start">
                <Link to={`/console/disputes/${d.id}`} style={{ fontWeight: 600 }}>
                  {d.title}
                </Link>
                <span style={{ whiteSpace: 'nowrap' }}>
                  <ColourTag scheme={d.colourScheme} colour={d.colour} />
                </span>
              </Flex>
              <div style={{ margin: '4px 0' }}>
                {status(d)}
                <LevelTag level={d.level} />
                {source(d)}
                {d.collective && <Tag color="red">{t('群体性', 'Collective')}</Tag>}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {d.number} · {classification(d)}
                <br />
                {d.place} · {when(d.acceptedAt)}
              </Typography.Text>
            </Card>
          ))}
          <Pagination {...pagination} size="small" align="center" />
        </Space>
      ) : (
        <Table<DisputeListItem>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={pagination}
          onRow={(d) => ({ onClick: () => open(d), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('颜色', 'Colour'),
              width: 80,
              render: (_, d) => <ColourTag scheme={d.colourScheme} colour={d.colour} />,
            },
            {
              title: t('案件', 'Case'),
              render: (_, d) => (
                <>
                  <Link to={`/console/disputes/${d.id}`}>{d.title}</Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.number}
                    </Typography.Text>
                    {d.collective && (
                      <Tag color="red" style={{ marginInlineStart: 6 }}>
                        {t('群体性', 'Collective')}
                      </Tag>
                    )}
                  </div>
                </>
              ),
            },
            { title: t('等级', 'Level'), width: 90, render: (_, d) => <LevelTag level={d.level} /> },
            { title: t('类别', 'Category'), render: (_, d) => classification(d) },
            { title: t('来源', 'Source'), width: 100, render: (_, d) => source(d) },
            { title: t('状态', 'Status'), width: 100, render: (_, d) => status(d) },
            { title: t('地点', 'Place'), dataIndex: 'place', ellipsis: true },
            {
              title: t('受理时间', 'Accepted'),
              dataIndex: 'acceptedAt',
              width: 170,
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{when(v)}</span>,
            },
          ]}
        />
      )}
      {opening && (
        <NewDispute
          stationId={stationId}
          searchUnitId={searchUnitId}
          settings={settings}
          onClose={() => setOpening(false)}
          onOpened={(d) => navigate(`/console/disputes/${d.id}`)}
        />
      )}
    </>
  );
}

/** What a drill counted: the set's words, and the age bucket of 在办时长. */
function drillWhat(set: DisputeSet, age: DisputeAge | undefined) {
  const words = DISPUTE_SET_LABELS[set] ?? { zh: '案件', en: 'cases' };
  if (!age || !DISPUTE_AGE_LABELS[age]) return words;
  return {
    zh: `${words.zh}，在办 ${DISPUTE_AGE_LABELS[age].zh}`,
    en: `${words.en}, open ${DISPUTE_AGE_LABELS[age].en}`,
  };
}
