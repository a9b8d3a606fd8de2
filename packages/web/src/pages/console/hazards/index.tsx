/**
 * 隐患台账: a station's hazards — the figures of the period on top (found, verified, open, overdue; by kind and
 * village), the register filtered by status, kind, village and overdue, a drawer with each hazard's timeline
 * (发现 → 整改 → 复核) and the steps this session may take, and the form to record one. Field staff record
 * and fix; someone other than the owner verifies; the chief voids. Readable from 320 px to a desk screen.
 */
import { HAZARD_STATUS_LABELS, HAZARD_STATUSES, type HazardListQuery, type HazardStatus } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Select, Spin, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { hazardsApi } from '../../../api/hazards';
import { DrillTag, useClearDrill } from '../../../components/DrillTag';
import { ExportButton } from '../../../components/ExportButton';
import { useLang } from '../../../i18n';
import { useStationUnits } from '../beats/useStationUnits';
import { StationPage } from '../matter/StationPicker';
import { Figures } from './components/Figures';
import { HazardDrawer } from './components/HazardDrawer';
import { HazardList } from './components/HazardList';
import { RecordForm } from './components/RecordForm';
import { HAZARD_DRILL_KEYS, hasHazardDrill, hazardDrillQuery, hazardDrillWords, readHazardDrill } from './drill';

export default function HazardsPage() {
  const { t } = useLang();
  return (
    <StationPage
      title={t('隐患台账', 'Hazard register')}
      intro={t(
        '走访、巡逻、群众反映和检查发现的安全隐患：限期整改，由责任人以外的人复核销号；逾期未整改的自动提醒所长和责任人。',
        'Hazards found on visits, patrols, matters and inspections: fixed by a deadline and verified by someone other than the owner; overdue ones are escalated to the chiefs and the owner.',
      )}
    >
      {(stationId) => <Register stationId={stationId} />}
    </StationPage>
  );
}

type Filters = Pick<HazardListQuery, 'status' | 'kind' | 'unitId' | 'overdue'> & { page: number; pageSize: number };

/** The filters set, without the empty ones (a cleared select leaves `undefined`). */
const definedOf = (o: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => Boolean(e[1])));

function Register({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  // A dashboard figure links here with its set (`?set=found&from=&to=&unitId=`): the register is what it counted.
  const drill = readHazardDrill((k) => params.get(k));
  const clearDrill = useClearDrill(HAZARD_DRILL_KEYS);
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() =>
    drill.period ? [dayjs(drill.period.from), dayjs(drill.period.to)] : [dayjs().startOf('year'), dayjs()],
  );
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  // 走访入户 → 走访发现 → 登记隐患 arrives with the visit (?visit=<id>): the form opens with it.
  const fromVisit = params.get('visit') ?? undefined;
  const [recording, setRecording] = useState(Boolean(fromVisit));
  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');
  const settings = useQuery({
    queryKey: ['hazard-settings', stationId],
    queryFn: () => hazardsApi.settings(stationId),
  });
  const figures = useQuery({
    queryKey: ['hazards', stationId, 'figures', from, to],
    queryFn: () => hazardsApi.figures(stationId, from, to),
  });
  // The drill's parts, then what is picked here (a village picked replaces the drill's unit).
  const { page, pageSize, ...picked } = filters;
  const query = { ...hazardDrillQuery(drill), ...definedOf(picked) };
  const list = useQuery({
    queryKey: ['hazards', stationId, 'list', query, page, pageSize],
    queryFn: () => hazardsApi.list(stationId, { ...query, page, pageSize } as Partial<HazardListQuery>),
    placeholderData: (previous) => previous,
  });
  const units = useStationUnits(stationId);
  const villages = (units.data?.tree ?? []).flatMap(function villagesOf(n): { id: string; name: string }[] {
    return n.kind === 'village' ? [{ id: n.id, name: n.name }] : n.children.flatMap(villagesOf);
  });
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <DatePicker.RangePicker
          aria-label={t('统计期间', 'Period')}
          value={period}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
          style={{ maxWidth: '100%' }}
        />
        {can('field.work') && settings.data && (
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('登记隐患', 'Record a hazard')}
          </Button>
        )}
      </Flex>
      {figures.isError ? (
        <Alert type="error" showIcon title={errorMessage(figures.error)} />
      ) : figures.data ? (
        <Figures figures={figures.data} />
      ) : (
        <Spin />
      )}
      <Flex gap={8} wrap align="center">
        <Select<HazardStatus>
          aria-label={t('状态', 'Status')}
          allowClear
          placeholder={t('全部状态', 'Any status')}
          style={{ width: 130 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={HAZARD_STATUSES.map((s) => ({ value: s, label: label(HAZARD_STATUS_LABELS[s]) }))}
        />
        <Select
          aria-label={t('类别', 'Kind')}
          allowClear
          placeholder={t('全部类别', 'Any kind')}
          style={{ width: 140 }}
          value={filters.kind}
          onChange={(kind: string | undefined) => set({ kind })}
          options={(settings.data?.kinds ?? []).map((k) => ({ value: k.key, label: k.name }))}
        />
        <Select
          aria-label={t('村（社区）', 'Village')}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('全部村（社区）', 'Any village')}
          style={{ width: 160 }}
          value={filters.unitId}
          onChange={(unitId: string | undefined) => set({ unitId })}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
        />
        <Flex gap={6} align="center">
          <Switch
            aria-label={t('只看逾期', 'Overdue only')}
            checked={filters.overdue === 'true'}
            onChange={(on) => set({ overdue: on ? 'true' : undefined })}
          />
          <Typography.Text>{t('只看逾期', 'Overdue only')}</Typography.Text>
        </Flex>
        {hasHazardDrill(drill) && (
          <DrillTag
            words={hazardDrillWords(drill)}
            onClear={() => {
              setFilters((f) => ({ ...f, page: 1 }));
              clearDrill();
            }}
          />
        )}
        <ExportButton path={`/stations/${stationId}/hazards/export`} query={query} disabled={!list.data?.total} />
      </Flex>
      {list.isError ? (
        <Alert type="error" showIcon title={errorMessage(list.error)} />
      ) : (
        <HazardList
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={filters.page}
          pageSize={filters.pageSize}
          loading={list.isFetching}
          onPage={(page, pageSize) => setFilters((f) => ({ ...f, page, pageSize }))}
          onOpen={setOpen}
        />
      )}
      {open && <HazardDrawer id={open} onClose={() => setOpen(null)} />}
      {recording && settings.data && (
        <RecordForm
          stationId={stationId}
          settings={settings.data}
          units={units.data?.tree ?? []}
          visitId={fromVisit}
          onClose={() => {
            setRecording(false);
            if (fromVisit) setParams({}, { replace: true });
          }}
        />
      )}
    </>
  );
}
