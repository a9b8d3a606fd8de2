/** 首次响应时长 and 办结时长: how many matters fell in each time bucket, the median and the 90th percentile. */
import {
  bucketLabel,
  type Distribution,
  FIRST_RESPONSE_BUCKETS,
  formatMinutes,
  type KpiFigures,
  RESOLUTION_BUCKETS,
} from '@jingmin/shared';
import { Card, Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../../../components/Chart';
import { useLang } from '../../../../i18n';

type T = (zh: string, en: string) => string;

/** The chart's title: 中位数 and 90% in words, e.g. "中位数 25分钟 · 90%在 3.5小时内". */
export function distributionTitle(d: Distribution, t: T): string {
  if (d.median === null) return t('期间内没有事项', 'No matter in the period');
  const pick = (w: { zh: string; en: string }) => t(w.zh, w.en);
  return t(
    `中位数 ${formatMinutes(d.median, pick)} · 90%在 ${formatMinutes(d.p90, pick)}内`,
    `Median ${formatMinutes(d.median, pick)} · 90% within ${formatMinutes(d.p90, pick)}`,
  );
}

export function distributionChart(
  d: Distribution,
  bounds: readonly number[],
  t: T,
  label: (l: { zh: string; en: string }) => string,
): ChartOption {
  const names = d.buckets.map((_, i) => label(bucketLabel(bounds, i)));
  return {
    title: { text: distributionTitle(d, t), left: 'center', top: 0, textStyle: { fontSize: 13, fontWeight: 'normal' } },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
    yAxis: { type: 'value', name: t('件数', 'Matters'), minInterval: 1 },
    series: [{ type: 'bar', name: t('件数', 'Matters'), data: d.buckets, barMaxWidth: 36 }],
  };
}

function TimeChart({
  title,
  d,
  bounds,
  missing,
}: {
  title: string;
  d: Distribution;
  bounds: readonly number[];
  missing?: string;
}) {
  const { t, label } = useLang();
  const option = useMemo(() => distributionChart(d, bounds, t, label), [d, bounds, t, label]);
  return (
    <Card size="small" title={title}>
      <Chart option={option} height={260} label={`${title}：${distributionTitle(d, t)}`} />
      {missing && d.missing > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {missing}
        </Typography.Text>
      )}
    </Card>
  );
}

export function TimeCharts({ current }: { current: KpiFigures }) {
  const { t } = useLang();
  return (
    <Row gutter={[8, 8]}>
      <Col xs={24} lg={12}>
        <TimeChart
          title={t('首次响应时长', 'First response time')}
          d={current.firstResponse}
          bounds={FIRST_RESPONSE_BUCKETS}
          missing={t(
            `另有 ${current.firstResponse.missing} 件尚未回应，不在图中`,
            `${current.firstResponse.missing} not answered yet, not shown`,
          )}
        />
      </Col>
      <Col xs={24} lg={12}>
        <TimeChart title={t('办结时长', 'Time to resolve')} d={current.resolution} bounds={RESOLUTION_BUCKETS} />
      </Col>
    </Row>
  );
}
