/**
 * 反诈统计 (counts and money, never a person): instructions received, the share contacted within the deadline,
 * the share dissuaded of those verified, money kept from loss and money lost; by month and by fraud type.
 */
import { FRAUD_TYPE_LABELS, type FraudFigures, percentOf } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Flex, Row, Select, Spin, Statistic } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { Chart, type ChartOption } from '../../../components/Chart';
import { useLang } from '../../../i18n';
import { useStationScope } from '../matter/station';
import { lastTwelveMonths, percentText, yuan } from './model';

export function Figures() {
  const { t } = useLang();
  const scope = useStationScope();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const r = lastTwelveMonths(new Date());
    return [dayjs(`${r.from}-01`), dayjs(`${r.to}-01`)];
  });
  const [stationId, setStationId] = useState<string | undefined>();
  const from = range[0].format('YYYY-MM');
  const to = range[1].format('YYYY-MM');
  const q = useQuery({
    queryKey: ['fraud', 'figures', stationId, from, to],
    queryFn: () => fraudApi.figures({ stationId, from, to }),
  });
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <DatePicker.RangePicker
          picker="month"
          aria-label={t('统计月份', 'Months')}
          value={range}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        {!scope.stationId && scope.choices.length > 0 && (
          <Select
            aria-label={t('派出所', 'Station')}
            allowClear
            placeholder={t('全部派出所', 'Every station')}
            style={{ minWidth: 200 }}
            value={stationId}
            onChange={setStationId}
            options={scope.choices.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Flex>
      {q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} />
      ) : q.data ? (
        <Shown figures={q.data} />
      ) : (
        <Spin />
      )}
    </Flex>
  );
}

function Shown({ figures }: { figures: FraudFigures }) {
  const { t, label } = useLang();
  const s = figures.totals;
  const cards = [
    {
      title: t('接收指令', 'Received'),
      value: `${s.received}`,
      note: t(`已核查 ${s.verified}`, `${s.verified} verified`),
    },
    {
      title: t('按时联系率', 'Contacted in time'),
      value: percentText(percentOf(s.contactedInTime, s.received)),
      note: t(`${s.contactedInTime} / ${s.received}`, `${s.contactedInTime} of ${s.received}`),
    },
    {
      title: t('劝阻成功率', 'Dissuaded'),
      value: percentText(percentOf(s.dissuaded, s.verified)),
      note: t(`${s.dissuaded} / ${s.verified}（已核查）`, `${s.dissuaded} of ${s.verified} verified`),
    },
    { title: t('挽回损失', 'Kept from loss'), value: yuan(s.amountPrevented), note: '' },
    {
      title: t('被骗金额', 'Lost'),
      value: yuan(s.amountLost),
      note: t(`已被骗 ${s.defrauded} 人`, `${s.defrauded} defrauded`),
    },
  ];
  const byMonth = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: figures.byMonth.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('接收指令', 'Received'),
          type: 'bar',
          data: figures.byMonth.map((m) => m.received),
          itemStyle: { color: '#1677ff' },
        },
        {
          name: t('劝阻成功', 'Dissuaded'),
          type: 'line',
          data: figures.byMonth.map((m) => m.dissuaded),
          itemStyle: { color: '#52c41a' },
        },
        {
          name: t('已被骗', 'Defrauded'),
          type: 'line',
          data: figures.byMonth.map((m) => m.defrauded),
          itemStyle: { color: '#cf1322' },
        },
      ],
    }),
    [figures, t],
  );
  const types = useMemo(() => [...figures.byType].sort((a, b) => a.received - b.received), [figures]);
  const byType = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: types.map((x) => label(FRAUD_TYPE_LABELS[x.fraudType])) },
      series: [
        {
          name: t('接收指令', 'Received'),
          type: 'bar',
          data: types.map((x) => x.received),
          itemStyle: { color: '#1677ff' },
        },
        {
          name: t('劝阻成功', 'Dissuaded'),
          type: 'bar',
          data: types.map((x) => x.dissuaded),
          itemStyle: { color: '#52c41a' },
        },
      ],
    }),
    [types, t, label],
  );
  return (
    <>
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={c.title} value={c.value} />
              <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, minHeight: 18 }}>{c.note}</div>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('按月', 'By month')}>
            <Chart option={byMonth} label={t('每月接收指令和劝阻成功数', 'Instructions and dissuasions by month')} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('按诈骗类型', 'By fraud type')}>
            <Chart
              option={byType}
              height={Math.max(280, types.length * 34 + 60)}
              label={t('各类型接收指令和劝阻成功数', 'Instructions and dissuasions by fraud type')}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
