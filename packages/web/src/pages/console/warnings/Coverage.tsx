/**
 * 扫码覆盖: households whose doorplate page was ever opened, over all households, by village and grid — the ceiling
 * of what any notice can reach on the doorplate page — and the first scans per month of the last twelve (how
 * coverage grew). A first-scan date per household, no device ids.
 */
import { percentOf, type ScanCoverage } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Spin, Table } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../../../api/client';
import { warningsApi } from '../../../api/warnings';
import { Chart, type ChartOption } from '../../../components/Chart';
import { useLang } from '../../../i18n';
import { count, rateText } from './model';
import { CoverageCard } from './ReachPanel';

type Unit = ScanCoverage['units'][number];
type Row_ = Unit & { rate: number | null; children?: Row_[] };

/** Villages with their grids under them, each with its scan rate. */
export function coverageRows(units: readonly Unit[]): Row_[] {
  const ids = new Set(units.map((u) => u.unitId));
  const row = (u: Unit): Row_ => ({ ...u, rate: percentOf(u.scannedHouseholds, u.households) });
  return units
    .filter((u) => !u.parentId || !ids.has(u.parentId))
    .map((u) => {
      const kids = units.filter((k) => k.parentId === u.unitId).map(row);
      return kids.length > 0 ? { ...row(u), children: kids } : row(u);
    });
}

export function CoveragePanel({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const coverage = useQuery({
    queryKey: ['warning-coverage', stationId],
    queryFn: () => warningsApi.coverage(stationId),
  });
  const rows = useMemo(() => coverageRows(coverage.data?.units ?? []), [coverage.data]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: (coverage.data?.byMonth ?? []).map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('首次扫码户数', 'First scans'),
          data: (coverage.data?.byMonth ?? []).map((m) => m.firstScans),
          itemStyle: { color: '#1677ff' },
        },
      ],
    }),
    [coverage.data, t],
  );
  if (coverage.isPending) return <Spin />;
  if (coverage.isError) return <Alert type="error" title={errorMessage(coverage.error)} />;
  const c = coverage.data;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={9}>
        <CoverageCard households={c.households} scanned={c.scannedHouseholds} />
        <Card
          size="small"
          title={t('每月首次扫码户数（近 12 个月）', 'First scans per month (last 12)')}
          style={{ marginTop: 12 }}
        >
          <Chart option={option} height={240} label={t('每月首次扫码户数', 'First scans per month')} />
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card size="small" title={t('按村（社区）、网格', 'By village and grid')}>
          <Table<Row_>
            rowKey="unitId"
            size="small"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('本所还没有住户', 'No households yet') }}
            columns={[
              { title: t('村（社区）/网格', 'Village / grid'), dataIndex: 'name', fixed: 'left' },
              { title: t('户数', 'Households'), dataIndex: 'households', align: 'right', render: count },
              { title: t('已扫码', 'Scanned'), dataIndex: 'scannedHouseholds', align: 'right', render: count },
              {
                title: t('未扫码', 'Not yet'),
                key: 'missing',
                align: 'right',
                render: (_, r) => count(Math.max(0, r.households - r.scannedHouseholds)),
              },
              { title: t('扫码率', 'Scanned %'), dataIndex: 'rate', align: 'right', render: rateText },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
