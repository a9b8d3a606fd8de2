/**
 * 评价统计 (五必评): a station's figures for a month range and a type — 满意率 by
 * month, type and village as charts, officers and teams as tables, reviews and
 * callbacks — with 计算说明 read from the shared definitions and an XLSX export.
 */
import {
  EVALUATION_TYPE_LABELS,
  EVALUATION_TYPES,
  type EvaluationFigures,
  type EvaluationType,
  FIGURE_DEFINITIONS,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api, apiUrl, download, errorMessage } from '../../../api/client';
import { Chart } from '../../../components/Chart';
import { useLang } from '../../../i18n';
import { StationPicker, useStationChoice } from '../matter/StationPicker';
import { byMonthChart, byTypeChart, byVillageChart } from './charts';
import { EvaluationList } from './EvaluationList';
import { OfficerTable, RateText, TeamTable } from './FigureTables';
import { StationsTable } from './StationsTable';

interface Filters {
  range: [Dayjs, Dayjs];
  type: EvaluationType | null;
}

const queryOf = (f: Filters) => ({
  from: f.range[0].format('YYYY-MM'),
  to: f.range[1].format('YYYY-MM'),
  type: f.type ?? undefined,
});

export default function EvaluationFiguresPage() {
  const { t, label } = useLang();
  const choice = useStationChoice();
  const [filters, setFilters] = useState<Filters>({ range: [dayjs().subtract(5, 'month'), dayjs()], type: null });
  const { scope, stationId } = choice;
  if (scope.pending) return <Spin />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <StationPicker choice={choice} />
      {/* A dashboard's figure opens here with its filters in the address: the list of exactly what it counted. */}
      <EvaluationList />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('评价统计', 'Evaluation figures')}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        <DatePicker.RangePicker
          picker="month"
          aria-label={t('月份范围', 'Months')}
          allowClear={false}
          value={filters.range}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(v) => v?.[0] && v[1] && setFilters({ ...filters, range: [v[0], v[1]] })}
        />
        <Select<EvaluationType | 'all'>
          aria-label={t('评价类型', 'Type')}
          style={{ minWidth: 160 }}
          value={filters.type ?? 'all'}
          onChange={(v) => setFilters({ ...filters, type: v === 'all' ? null : v })}
          options={[
            { value: 'all', label: t('全部类型', 'All types') },
            ...EVALUATION_TYPES.map((type) => ({ value: type, label: label(EVALUATION_TYPE_LABELS[type]) })),
          ]}
        />
        {stationId && (
          <Button onClick={() => download(apiUrl(`/stations/${stationId}/evaluation-figures.xlsx`, queryOf(filters)))}>
            {t('导出 XLSX', 'Export XLSX')}
          </Button>
        )}
      </Flex>
      {!scope.stationId && scope.choices.length > 1 && <StationsTable query={queryOf(filters)} />}
      {stationId ? (
        <Figures stationId={stationId} filters={filters} />
      ) : (
        <Empty description={t('您的辖区下没有派出所', 'No police station in your scope')} />
      )}
      <Definitions />
    </Space>
  );
}

function Figures({ stationId, filters }: { stationId: string; filters: Filters }) {
  const { t } = useLang();
  const query = queryOf(filters);
  const figures = useQuery({
    queryKey: ['evaluation-figures', stationId, query],
    queryFn: () => api.get<EvaluationFigures>(`/stations/${stationId}/evaluation-figures`, query),
  });
  if (figures.isError) return <Alert type="error" title={errorMessage(figures.error)} />;
  if (!figures.data) return <Spin />;
  const f = figures.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Totals f={f} />
      <Charts f={f} />
      <Card size="small" title={t('按民警', 'By officer')}>
        <OfficerTable rows={f.byOfficer} min={f.minAnswersPerOfficer} />
      </Card>
      <Card size="small" title={t('按队', 'By team')}>
        <TeamTable rows={f.byTeam} />
      </Card>
    </Space>
  );
}

function Totals({ f }: { f: EvaluationFigures }) {
  const { t } = useLang();
  const c = f.totals;
  const r = f.reviews;
  const cells: [string, React.ReactNode][] = [
    [t('满意率', 'Satisfaction'), <RateText key="s" rate={c.satisfactionRate} part={c.satisfied} whole={c.rated} />],
    [
      t('参评率', 'Response'),
      <RateText key="r" rate={c.responseRate} part={c.answered} whole={c.answered + c.expired} />,
    ],
    [t('过期未评价', 'Expired unanswered'), c.expired],
    [t('待评价', 'Awaiting answer'), c.open],
    [t('待确认', 'To confirm'), c.flagged],
    [t('未评满意度', 'No satisfaction given'), c.unrated],
    [t('复核发起', 'Reviews opened'), r.opened],
    [t('按时回访', 'On time'), <RateText key="o" rate={r.onTimeRate} part={r.closedOnTime} whole={r.opened} />],
    [t('逾期未回访', 'Overdue'), r.overdueOpen],
    [t('回访完成', 'Callbacks done'), r.callbacksDone],
  ];
  return (
    <Row gutter={[8, 8]}>
      {cells.map(([title, value]) => (
        <Col key={title} xs={12} sm={8} lg={6} xl={4}>
          <Card size="small">
            <Statistic title={title} valueRender={() => value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Charts({ f }: { f: EvaluationFigures }) {
  const { t, label } = useLang();
  const month = useMemo(() => byMonthChart(f, t), [f, t]);
  const type = useMemo(() => byTypeChart(f, t, label), [f, t, label]);
  const village = useMemo(() => byVillageChart(f, t), [f, t]);
  return (
    <Row gutter={[8, 8]}>
      <Col xs={24}>
        <Card size="small" title={t('按月份：满意率与有满意度的评价', 'By month: satisfaction and rated answers')}>
          <Chart option={month} label={t('按月份的满意率', 'Satisfaction by month')} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('按评价类型', 'By type')}>
          {f.byType.length ? <Chart option={type} label={t('按类型的满意率', 'Satisfaction by type')} /> : <Empty />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('按村（社区）', 'By village')}>
          {f.byVillage.length ? (
            <Chart option={village} label={t('按村的满意率', 'Satisfaction by village')} />
          ) : (
            <Empty />
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** 计算说明: every definition, from the same shared list the server and the export use. */
function Definitions() {
  const { t, label } = useLang();
  return (
    <Card size="small" title={t('计算说明', 'How each figure is computed')}>
      <dl style={{ margin: 0 }}>
        {FIGURE_DEFINITIONS.map((d) => (
          <div key={d.id} style={{ marginBottom: 8 }}>
            <dt style={{ fontWeight: 600 }}>{label(d.label)}</dt>
            <dd style={{ margin: 0 }}>{label(d.how)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
