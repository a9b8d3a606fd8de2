/**
 * 触达: a sent notice's reach as three separate figures — 送达 (households it was available to, and SMS phones),
 * 查看 (devices that opened it), 已知晓 (devices that tapped it) — never blended into one; the reactions and replies;
 * the QR scan coverage beside them, because that is the ceiling of reach; then by village and grid, as a table with
 * rates and as bars. Totals only: no list of who read what exists anywhere.
 */
import type { WarningReach, WarningView } from '@jingmin/shared';
import { percentOf } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, Progress, Row, Spin, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../../../api/client';
import { warningsApi } from '../../../api/warnings';
import { Chart, type ChartOption } from '../../../components/Chart';
import { useLang } from '../../../i18n';
import { count, type ReachRow, rateText, reachRows } from './model';

type T = (zh: string, en: string) => string;

export function ReachPanel({ w }: { w: WarningView }) {
  const { t } = useLang();
  const reach = useQuery({
    queryKey: ['warning-reach', w.id],
    queryFn: () => warningsApi.reach(w.id),
    refetchInterval: 30_000,
  });
  if (reach.isPending) return <Spin />;
  if (reach.isError) return <Alert type="error" title={errorMessage(reach.error)} />;
  const r = reach.data;
  return (
    <Flex vertical gap={12}>
      <Figures r={r} ackRequired={w.ackRequired} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('按村（社区）、网格', 'By village and grid')}>
            <UnitsTable r={r} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={12}>
            <CoverageCard households={r.coverage.households} scanned={r.coverage.scannedHouseholds} />
            <Card size="small" title={t('查看与已知晓', 'Opened and acknowledged')}>
              <UnitsChart r={r} t={t} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

function Figure({ title, value, suffix, note }: { title: string; value: number; suffix?: string; note?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={value} suffix={suffix} groupSeparator="," />
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

function Figures({ r, ackRequired }: { r: WarningReach; ackRequired: boolean }) {
  const { t } = useLang();
  const s = r.totals;
  return (
    <Row gutter={[8, 8]}>
      <Col xs={24} sm={8}>
        <Figure
          title={t('送达', 'Delivered')}
          value={s.deliveredHouseholds}
          suffix={t('户', 'households')}
          note={
            s.deliveredPhones > 0
              ? t(`另短信发送 ${count(s.deliveredPhones)} 人`, `Plus SMS to ${s.deliveredPhones} phones`)
              : t('发布时可见该通知的户数', 'Households it was available to when sent')
          }
        />
      </Col>
      <Col xs={12} sm={8}>
        <Figure
          title={t('查看', 'Opened')}
          value={s.opened}
          suffix={t('部设备', 'devices')}
          note={
            r.openedElsewhere > 0
              ? t(`其中 ${count(r.openedElsewhere)} 部不在门牌页打开`, `${r.openedElsewhere} not from a doorplate`)
              : t('打开通知的设备数', 'Devices that opened it')
          }
        />
      </Col>
      <Col xs={12} sm={8}>
        <Figure
          title={t('已知晓', 'Acknowledged')}
          value={s.acknowledged}
          suffix={t('部设备', 'devices')}
          note={
            ackRequired
              ? r.acknowledgedElsewhere > 0
                ? t(
                    `其中 ${count(r.acknowledgedElsewhere)} 部不在门牌页`,
                    `${r.acknowledgedElsewhere} not from a doorplate`,
                  )
                : t('点了“已知晓”的设备数', 'Devices that tapped 已知晓')
              : t('本通知未要求确认', 'Not asked for this notice')
          }
        />
      </Col>
      <Col xs={8}>
        <Figure title={t('谢谢', 'Thanks')} value={s.thanks} />
      </Col>
      <Col xs={8}>
        <Figure title={t('点赞', 'Likes')} value={s.likes} />
      </Col>
      <Col xs={8}>
        <Figure title={t('留言', 'Replies')} value={s.replies} />
      </Col>
    </Row>
  );
}

/** 扫码覆盖 5012/5096 户 = 触达上限. */
export function CoverageCard({ households, scanned }: { households: number; scanned: number }) {
  const { t } = useLang();
  const rate = percentOf(scanned, households);
  return (
    <Card size="small" title={t('扫码覆盖（触达上限）', 'QR scan coverage (ceiling of reach)')}>
      <Flex vertical gap={4}>
        <span style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }}>
          {t(
            `扫码覆盖 ${count(scanned)}/${count(households)} 户 = 触达上限`,
            `${count(scanned)} of ${count(households)} households scanned = the ceiling of reach`,
          )}
        </span>
        <Progress percent={rate ?? 0} format={() => rateText(rate)} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(
            '门牌二维码被打开过的户数：没扫过码的户看不到门牌页上的通知。',
            'Households whose doorplate page was ever opened: the others cannot read notices there.',
          )}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function UnitsTable({ r }: { r: WarningReach }) {
  const { t } = useLang();
  const rows = useMemo(() => reachRows(r.units), [r.units]);
  const num = (n: number) => count(n);
  return (
    <Table<ReachRow>
      rowKey="unitId"
      size="small"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('没有可统计的村和网格', 'No villages or grids') }}
      columns={[
        { title: t('村（社区）/网格', 'Village / grid'), dataIndex: 'name', fixed: 'left' },
        { title: t('户数', 'Households'), dataIndex: 'households', align: 'right', render: num },
        { title: t('已扫码', 'Scanned'), dataIndex: 'scannedHouseholds', align: 'right', render: num },
        { title: t('查看', 'Opened'), dataIndex: 'opened', align: 'right', render: num },
        { title: t('已知晓', 'Acknowledged'), dataIndex: 'acknowledged', align: 'right', render: num },
        {
          title: t('扫码率', 'Scanned %'),
          dataIndex: 'scanRate',
          align: 'right',
          render: rateText,
        },
        {
          title: t('查看/户', 'Opened / hh'),
          dataIndex: 'openRate',
          align: 'right',
          render: rateText,
        },
        {
          title: t('知晓/查看', 'Ack / opened'),
          dataIndex: 'ackRate',
          align: 'right',
          render: rateText,
        },
      ]}
    />
  );
}

function UnitsChart({ r, t }: { r: WarningReach; t: T }) {
  const rows = useMemo(() => reachRows(r.units), [r.units]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((u) => u.name), inverse: true },
      series: [
        {
          type: 'bar',
          name: t('已扫码户', 'Scanned'),
          data: rows.map((u) => u.scannedHouseholds),
          itemStyle: { color: '#d9d9d9' },
        },
        { type: 'bar', name: t('查看', 'Opened'), data: rows.map((u) => u.opened), itemStyle: { color: '#1677ff' } },
        {
          type: 'bar',
          name: t('已知晓', 'Acknowledged'),
          data: rows.map((u) => u.acknowledged),
          itemStyle: { color: '#52c41a' },
        },
      ],
    }),
    [rows, t],
  );
  if (rows.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Chart
      option={option}
      height={Math.max(200, rows.length * 44 + 60)}
      label={t('各村查看与已知晓', 'Opened and acknowledged by village')}
    />
  );
}
