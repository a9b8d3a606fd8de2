/** 各所对比: under a bureau, each station's rates side by side — a table (each name opens that station) and a chart. */
import { formatRate, KPI_DEFINITIONS, KPI_RATES, type KpiDashboard, type KpiRate } from '@jingmin/shared';
import { Alert, Button, Card, Table, theme } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../../../api/client';
import { Chart, type ChartOption } from '../../../../components/Chart';
import { useLang } from '../../../../i18n';
import { unitLink } from '../model';

type Station = KpiDashboard['stations'][number];
type Column = KpiRate | 'callbackRate';
const COLUMNS: Column[] = ['takenOnTime', 'resolvedOnTime', 'satisfaction', 'reopenRate', 'callbackRate'];

const titleOf = (id: string) => KPI_DEFINITIONS.find((d) => d.id === id)?.label ?? { zh: id, en: id };
// '-' is ECharts' empty value: a station with nothing to divide leaves a gap, never a 0%.
const percent = (rate: number | null) => (rate === null ? '-' : Math.round(rate * 1000) / 10);

/** The rate and, under it, the counts it divides. */
function parts(s: Station, c: Column): [number, number] {
  if (c === 'callbackRate') return [s.current.callbacks.done, s.current.callbacks.due];
  const { numerator, denominator } = KPI_RATES[c];
  return [s.current.counts[numerator], s.current.counts[denominator]];
}

export function stationsChart(stations: Station[], label: (l: { zh: string; en: string }) => string): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0 },
    xAxis: {
      type: 'category',
      data: stations.map((s) => s.unitName),
      axisLabel: { interval: 0, rotate: stations.length > 4 ? 30 : 0, hideOverlap: true },
    },
    // Percent on the labels, not as the axis's name: on a phone the legend wraps over a name.
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: COLUMNS.map((c) => ({
      type: 'bar' as const,
      name: label(titleOf(c)),
      data: stations.map((s) => percent(s.current.rates[c])),
      barMaxWidth: 18,
    })),
  };
}

/** The first column of a side-by-side table: each station's name, opening the dashboard on that station. */
export function useStationColumn<R extends { unitId: string; unitName: string }>() {
  const { t } = useLang();
  const [params] = useSearchParams();
  const { token } = theme.useToken();
  return {
    title: t('派出所', 'Station'),
    dataIndex: 'unitName',
    fixed: 'left' as const,
    render: (name: string, s: R) => (
      <Link to={unitLink(params, s.unitId)} style={{ color: token.colorPrimary }}>
        {name}
      </Link>
    ),
  };
}

/** The error of a part of the dashboard that did not load, with 重试. */
export function LoadFailed({ what, error, retry }: { what: string; error: unknown; retry(): void }) {
  const { t } = useLang();
  return (
    <Alert
      type="error"
      showIcon
      title={what + errorMessage(error)}
      action={
        <Button size="small" onClick={retry}>
          {t('重试', 'Retry')}
        </Button>
      }
    />
  );
}

export function StationsCompare({ stations }: { stations: Station[] }) {
  const { t, label } = useLang();
  const stationColumn = useStationColumn<Station>();
  const option = useMemo(() => stationsChart(stations, label), [stations, label]);
  return (
    <Card size="small" title={t('各所对比', 'Stations side by side')}>
      <Table<Station>
        rowKey="unitId"
        size="small"
        dataSource={stations}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          stationColumn,
          ...COLUMNS.map((c) => ({
            key: c,
            title: label(titleOf(c)),
            sorter: (a: Station, b: Station) => (a.current.rates[c] ?? -1) - (b.current.rates[c] ?? -1),
            render: (_: unknown, s: Station) => {
              const [part, whole] = parts(s, c);
              return (
                <span style={{ display: 'inline-flex', flexDirection: 'column', lineHeight: 1.25 }}>
                  <span style={{ whiteSpace: 'nowrap' }}>{formatRate(s.current.rates[c])}</span>
                  <span style={{ whiteSpace: 'nowrap', fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                    {part}/{whole}
                  </span>
                </span>
              );
            },
          })),
          {
            key: 'escalated',
            title: label(titleOf('escalated')),
            sorter: (a: Station, b: Station) => a.current.counts.escalated - b.current.counts.escalated,
            render: (_: unknown, s: Station) => s.current.counts.escalated,
          },
        ]}
      />
      {stations.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Chart option={option} height={320} label={t('各所考核指标对比', 'KPIs of the stations side by side')} />
        </div>
      )}
    </Card>
  );
}
