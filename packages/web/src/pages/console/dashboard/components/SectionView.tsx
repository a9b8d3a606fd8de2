/**
 * One dashboard section (接警台, 矛盾纠纷, 社区警务, 警民群, 宣传预警, 评价), drawn from its figures alone: a card per
 * figure with its value opening the list behind it and its change against 上期 and 去年同期, the charts (a bar or a
 * slice opens its list), under a bureau each station side by side, and 计算说明.
 */
import {
  type DashboardArea,
  type DashboardSection,
  formatFigure,
  type KpiQuery,
  type SectionChart,
  type SectionFigure,
  sectionChartOption,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Collapse, Empty, Row, Spin, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { dashboardsApi } from '../../../../api/dashboards';
import { Chart, type ChartOption } from '../../../../components/Chart';
import { useLang } from '../../../../i18n';
import { drillHref, pointsDelta } from '../model';
import { Change, Frame } from './KpiCards';
import { LoadFailed, useStationColumn } from './StationsCompare';

/** A rate's change in percentage points; any other figure's as a plain difference. */
function delta(f: SectionFigure, before: number | null): number | null {
  if (f.value === null || before === null) return null;
  return f.kind === 'rate' ? pointsDelta(f.value, before) : Math.round((f.value - before) * 10) / 10;
}

export function FigureCard({ f }: { f: SectionFigure }) {
  const { t, label } = useLang();
  const shown = formatFigure(f.kind, f.value, label);
  const title = label(f.label);
  const unit = f.kind === 'rate' ? 'pp' : 'n';
  // 挽回损失 changes by 5.3万元, a duration by 2.5小时: as the figure itself reads.
  const format =
    f.kind === 'amount' || f.kind === 'minutes' ? (n: number) => formatFigure(f.kind, n, label) : undefined;
  return (
    <Frame
      title={title}
      value={
        f.drill ? (
          <Link
            to={drillHref(f.drill)}
            aria-label={t(`${title}：查看清单`, `${title}: open the list`)}
            style={{ color: 'inherit' }}
          >
            {shown}
          </Link>
        ) : (
          shown
        )
      }
      parts={f.parts ? `${f.parts.numerator} / ${f.parts.denominator}` : null}
      changes={
        f.now ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('当前数', 'As of now')}
          </Typography.Text>
        ) : (
          <>
            <Change
              name={t('较上期', 'vs previous')}
              delta={delta(f, f.previous)}
              unit={unit}
              better="up"
              format={format}
            />
            <Change
              name={t('较去年同期', 'vs last year')}
              delta={delta(f, f.lastYear)}
              unit={unit}
              better="up"
              format={format}
            />
          </>
        )
      }
    />
  );
}

export function SectionChartCard({ chart }: { chart: SectionChart }) {
  const { label } = useLang();
  const navigate = useNavigate();
  const option = useMemo(() => sectionChartOption(chart, label) as ChartOption, [chart, label]);
  const empty = chart.series.every((s) => s.data.every((v) => v === 0));
  return (
    <Card size="small" title={label(chart.title)}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Chart
          option={option}
          height={240}
          label={label(chart.title)}
          onClick={({ seriesIndex, dataIndex }) => {
            const drill = chart.series[seriesIndex]?.drills?.[dataIndex];
            if (drill) navigate(drillHref(drill));
          }}
        />
      )}
    </Card>
  );
}

function Stations({ data }: { data: DashboardSection }) {
  const { t, label } = useLang();
  type Row = DashboardSection['stations'][number];
  const stationColumn = useStationColumn<Row>();
  return (
    <Card size="small" title={t('各所对比', 'Stations side by side')}>
      <Table<Row>
        rowKey="unitId"
        size="small"
        dataSource={data.stations}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          stationColumn,
          ...data.figures.map((f) => ({
            title: label(f.label),
            key: f.id,
            align: 'right' as const,
            render: (_: unknown, s: Row) => formatFigure(f.kind, s.values[f.id] ?? null, label),
          })),
        ]}
      />
    </Card>
  );
}

export function SectionView({ area, query }: { area: DashboardArea; query: KpiQuery }) {
  const { t, label } = useLang();
  const section = useQuery({
    queryKey: ['dashboard-section', area, query.from, query.to, query.unitId ?? null],
    queryFn: () => dashboardsApi.section(area, query),
  });
  if (section.isError)
    return (
      <LoadFailed
        what={t('加载失败：', 'Could not load: ')}
        error={section.error}
        retry={() => void section.refetch()}
      />
    );
  const data = section.data;
  if (!data) return <Spin />;
  return (
    <Row gutter={[8, 8]}>
      {data.figures.map((f) => (
        <Col key={f.id} xs={12} sm={12} lg={8} xxl={4}>
          <FigureCard f={f} />
        </Col>
      ))}
      {data.charts.map((c) => (
        <Col key={c.id} xs={24} lg={12}>
          <SectionChartCard chart={c} />
        </Col>
      ))}
      {data.stations.length > 0 && (
        <Col span={24}>
          <Stations data={data} />
        </Col>
      )}
      <Col span={24}>
        <Collapse
          size="small"
          items={[
            {
              key: 'how',
              label: t('计算说明', 'How each figure is computed'),
              children: (
                <dl style={{ margin: 0 }}>
                  {data.definitions.map((d) => (
                    <div key={d.label.zh} style={{ marginBottom: 8 }}>
                      <dt style={{ fontWeight: 600 }}>{label(d.label)}</dt>
                      <dd style={{ margin: 0 }}>{label(d.how)}</dd>
                    </div>
                  ))}
                </dl>
              ),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
