/**
 * 月度工作报告 on screen: the month's 考核指标 beside last month and the same month last year, the bureau's stations
 * side by side, every dashboard section as it stood when the report was generated (the dashboard's own cards and
 * charts), then the dispute analysis.
 */
import {
  DASHBOARD_AREA_LABELS,
  KPI_REPORT_HEADER,
  kpiReportRows,
  STATION_REPORT_HEADER,
  type StationMonthlyFigures,
  stationReportRow,
} from '@jingmin/shared';
import { Card, Col, Row, Table, Typography } from 'antd';
import { useLang } from '../../../i18n';
import { FigureCard, SectionChartCard } from '../dashboard/components/SectionView';

type Cells = (string | number)[];

/** A plain table of rows under Chinese headers (the PDF and the workbook print the same). */
function Rows({ header, rows }: { header: string[]; rows: Cells[] }) {
  return (
    <Table<Cells>
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowKey={(r) => String(r[0])}
      dataSource={rows}
      columns={header.map((h, i) => ({
        title: h,
        key: h,
        align: i === 0 ? ('left' as const) : ('right' as const),
        render: (_: unknown, r: Cells) => r[i],
      }))}
    />
  );
}

export function StationReport({ f }: { f: StationMonthlyFigures }) {
  const { t, label } = useLang();
  return (
    <>
      <Card size="small" title={t('考核指标', 'KPIs')}>
        <Rows header={KPI_REPORT_HEADER} rows={kpiReportRows(f.kpis)} />
      </Card>
      {f.stations.length > 0 && (
        <Card size="small" title={t('各所对比', 'Stations side by side')}>
          <Rows header={STATION_REPORT_HEADER} rows={f.stations.map(stationReportRow)} />
        </Card>
      )}
      {f.sections.map((s) => (
        <Card key={s.area} size="small" title={label(DASHBOARD_AREA_LABELS[s.area])}>
          <Row gutter={[8, 8]}>
            {s.figures.map((x) => (
              <Col key={x.id} xs={12} lg={8} xxl={6}>
                <FigureCard f={x} />
              </Col>
            ))}
            {s.charts.map((c) => (
              <Col key={c.id} xs={24} lg={12}>
                <SectionChartCard chart={c} />
              </Col>
            ))}
          </Row>
        </Card>
      ))}
      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        {t('矛盾纠纷分析', 'Dispute analysis')}
      </Typography.Title>
    </>
  );
}
