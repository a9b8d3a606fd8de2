/**
 * 走访覆盖率: households visited in the period over all households (a household counts once), for the station by
 * village, a village by grid; each line's and each visitor's visits and households reached; and the households
 * not yet visited, to plan the next rounds.
 */
import {
  ADDRESS_KIND_LABELS,
  ADDRESS_KINDS,
  type AddressKind,
  addressLine,
  type CoverageQuery,
  VISIT_LINE_LABELS,
  type VisitCoverage,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  List,
  Progress,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { visitsApi } from '../../../../api/visits';
import { useLang } from '../../../../i18n';
import { dateTime as when } from '../../matter/labels';

const rate = (visited: number, households: number) => (households ? Math.round((visited / households) * 1000) / 10 : 0);

export function Coverage({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(1, 'year').add(1, 'day'), dayjs()]);
  // The unit drilled into: the station, then a village, then a grid.
  const [trail, setTrail] = useState<{ id?: string; name: string; kind?: string }[]>([
    { name: t('全所', 'The station') },
  ]);
  const unit = trail[trail.length - 1];
  // Households and enterprises are covered apart (企业、单位 have their own, shorter interval).
  const [kind, setKind] = useState<AddressKind>('household');
  const q = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), unitId: unit?.id, kind };
  const coverage = useQuery({
    queryKey: ['visit-coverage', stationId, q],
    queryFn: () => visitsApi.coverage(stationId, q),
  });
  if (coverage.isError) return <Alert type="error" title={errorMessage(coverage.error)} />;
  const c = coverage.data;
  const drill = (u: VisitCoverage['byUnit'][number]) =>
    u.kind !== 'grid' || unit?.kind !== 'grid'
      ? setTrail([...trail, { id: u.unitId, name: u.name, kind: u.kind }])
      : undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex gap={8} wrap align="center">
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          aria-label={t('统计期间', 'Period')}
        />
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as AddressKind)}
          options={ADDRESS_KINDS.map((k) => ({ value: k, label: label(ADDRESS_KIND_LABELS[k]) }))}
        />
        <Breadcrumb
          items={trail.map((u, i) => ({
            title:
              i < trail.length - 1 ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setTrail(trail.slice(0, i + 1))}>
                  {u.name}
                </Button>
              ) : (
                u.name
              ),
          }))}
        />
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={coverage.isPending}>
            <Statistic
              title={t('走访覆盖率', 'Coverage')}
              value={rate(c?.visited ?? 0, c?.households ?? 0)}
              suffix="%"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={coverage.isPending}>
            <Statistic title={t('已走访户数', 'Households visited')} value={c?.visited ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={coverage.isPending}>
            <Statistic
              title={kind === 'enterprise' ? t('企业/单位数', 'Enterprises') : t('总户数', 'Households')}
              value={c?.households ?? 0}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={coverage.isPending}>
            <Statistic title={t('走访次数', 'Visits')} value={c?.visits ?? 0} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={unit?.id ? t('各网格', 'By grid') : t('各村（社区）', 'By village')}>
        <List
          loading={coverage.isPending}
          dataSource={c?.byUnit ?? []}
          renderItem={(u) => (
            <List.Item
              actions={
                u.kind === 'grid' && unit?.kind === 'grid'
                  ? []
                  : [
                      <Button key="open" type="link" size="small" onClick={() => drill(u)}>
                        {t('查看', 'Open')}
                      </Button>,
                    ]
              }
            >
              <div style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={8}>
                  <Typography.Text strong>{u.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t(`${u.visited} / ${u.households} 户`, `${u.visited} of ${u.households} households`)}
                  </Typography.Text>
                </Flex>
                <Progress percent={rate(u.visited, u.households)} size="small" />
              </div>
            </List.Item>
          )}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={10}>
          <Card size="small" title={t('三线走访', 'By line')}>
            {(c?.byLine ?? []).map((l) => (
              <Flex key={l.line} justify="space-between" style={{ padding: '4px 0' }}>
                <span>{label(VISIT_LINE_LABELS[l.line])}</span>
                <Typography.Text>
                  {t(`${l.visits} 次 · ${l.visited} 户`, `${l.visits} visits · ${l.visited} households`)}
                </Typography.Text>
              </Flex>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" title={t('走访人', 'By visitor')}>
            <Table
              size="small"
              rowKey="staffId"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={c?.byStaff ?? []}
              columns={[
                { title: t('走访人', 'Visitor'), dataIndex: 'name' },
                { title: t('次数', 'Visits'), dataIndex: 'visits', align: 'right' },
                { title: t('户数', 'Households'), dataIndex: 'visited', align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Unvisited stationId={stationId} q={q} />
    </Space>
  );
}

/** The households of the unit not visited in the period. */
function Unvisited({ stationId, q }: { stationId: string; q: CoverageQuery }) {
  const { t } = useLang();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['visit-unvisited', stationId, q, page],
    queryFn: () => visitsApi.unvisited(stationId, { ...q, page, pageSize: 10 }),
  });
  return (
    <Card
      size="small"
      title={t(`期间内未走访（${list.data?.total ?? 0} 户）`, `Not visited (${list.data?.total ?? 0})`)}
    >
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 10,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          size: 'small',
        }}
        locale={{ emptyText: t('都走访过了', 'Everyone was visited') }}
        renderItem={(h) => (
          <List.Item>
            <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
              <span>{addressLine(h)}</span>
              <Typography.Text type="secondary">
                {h.unitName} ·{' '}
                {h.lastVisitedAt
                  ? t(`上次 ${when(h.lastVisitedAt)}`, `Last ${when(h.lastVisitedAt)}`)
                  : t('从未走访', 'Never')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
