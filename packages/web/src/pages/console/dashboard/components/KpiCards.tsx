/**
 * The KPI cards: each rate with the counts it divides, each count a link to the matters it counted, and the change
 * against 上期 and 去年同期 in percentage points (green when better: up for most, down for 发回重办率).
 */
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import {
  formatRate,
  KPI_DEFINITIONS,
  KPI_DRILL,
  KPI_RATES,
  KPI_SET_LABELS,
  type KpiDashboard,
  type KpiFigures,
  type KpiRate,
  type KpiSet,
} from '@jingmin/shared';
import { Card, Col, Flex, Row, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLang } from '../../../../i18n';
import { drillLink, pointsDelta } from '../model';

type Better = 'up' | 'down';
const GOOD = '#237804';
const BAD = '#cf1322';

const titleOf = (id: string) => KPI_DEFINITIONS.find((d) => d.id === id)?.label ?? { zh: id, en: id };

/** "上期 ↑ 2.3 个百分点" (or a count's "上期 ↑ 2"): the arrow's colour says whether it is better. */
export function Change({
  name,
  delta,
  unit,
  better,
  format,
}: {
  name: string;
  delta: number | null;
  unit: 'pp' | 'n';
  better: Better;
  /** How a size of change reads (an amount in 元, a duration); a plain number by default. */
  format?: (size: number) => string;
}) {
  const { t } = useLang();
  if (delta === null)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {name} {t('无可比数据', 'no figure')}
      </Typography.Text>
    );
  const good = delta === 0 ? undefined : delta > 0 === (better === 'up') ? GOOD : BAD;
  const size = Math.abs(delta);
  const amount =
    unit === 'pp' ? t(`${size.toFixed(1)} 个百分点`, `${size.toFixed(1)} pp`) : format ? format(size) : String(size);
  return (
    <span style={{ fontSize: 12, color: good }} data-testid="kpi-change">
      {name}{' '}
      {delta > 0 ? (
        <ArrowUpOutlined aria-label={t('上升', 'up')} />
      ) : delta < 0 ? (
        <ArrowDownOutlined aria-label={t('下降', 'down')} />
      ) : (
        <MinusOutlined aria-label={t('持平', 'level')} />
      )}{' '}
      {delta === 0 ? t('持平', 'level') : amount}
    </span>
  );
}

export function Frame({
  title,
  value,
  parts,
  changes,
}: {
  title: string;
  value: ReactNode;
  parts: ReactNode;
  changes: ReactNode;
}) {
  return (
    <Card size="small" style={{ height: '100%' }} title={title}>
      <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }}>{value}</div>
      <div style={{ fontSize: 13, margin: '4px 0' }}>{parts}</div>
      <Flex vertical gap={2}>
        {changes}
      </Flex>
    </Card>
  );
}

/** "按时办结 45": a count that opens its matters. */
function SetCount({ set, n, period }: { set: KpiSet; n: number; period: KpiFigures & { unitId?: string } }) {
  const { label } = useLang();
  // The theme's primary blue: antd's default link blue is under 4.5:1 on white at this size.
  const { token } = theme.useToken();
  return (
    <Link to={drillLink(set, period)} style={{ whiteSpace: 'nowrap', color: token.colorPrimary }}>
      {label(KPI_SET_LABELS[set])} {n}
    </Link>
  );
}

const RATE_CARDS: { rate: KpiRate; better: Better }[] = [
  { rate: 'takenOnTime', better: 'up' },
  { rate: 'resolvedOnTime', better: 'up' },
  { rate: 'satisfaction', better: 'up' },
  { rate: 'reopenRate', better: 'down' },
];

/** Beside a rate's own counts, what else a chief asks about it. */
const EXTRA: Partial<Record<KpiRate, KpiSet>> = { resolvedOnTime: 'open_overdue', satisfaction: 'unrated' };

export function KpiCards({ data }: { data: KpiDashboard }) {
  const { t, label } = useLang();
  const { previous, lastYear } = data;
  // The lists behind the figures are the unit's own (a station opened from the bureau's view lists only its matters).
  const current = { ...data.current, unitId: data.unitId };
  const before = t('较上期', 'vs previous');
  const yearAgo = t('较去年同期', 'vs last year');

  const rateCard = ({ rate, better }: (typeof RATE_CARDS)[number]) => {
    const { numerator, denominator } = KPI_RATES[rate];
    const drill = KPI_DRILL[rate];
    const extra = EXTRA[rate];
    const title = label(titleOf(rate));
    return (
      <Frame
        title={title}
        value={
          <Link
            to={drillLink(drill, current)}
            aria-label={t(
              `${title}：查看${KPI_SET_LABELS[drill].zh}的事项`,
              `${title}: open the list of ${KPI_SET_LABELS[drill].en}`,
            )}
            style={{ color: 'inherit' }}
          >
            {formatRate(current.rates[rate])}
          </Link>
        }
        parts={
          <Flex gap={4} wrap>
            <SetCount set={numerator} n={current.counts[numerator]} period={current} />
            <span>/</span>
            <SetCount set={denominator} n={current.counts[denominator]} period={current} />
            {extra && (
              <span>
                {'（'}
                <SetCount set={extra} n={current.counts[extra]} period={current} />
                {'）'}
              </span>
            )}
          </Flex>
        }
        changes={
          <>
            <Change
              name={before}
              delta={pointsDelta(current.rates[rate], previous.rates[rate])}
              unit="pp"
              better={better}
            />
            <Change
              name={yearAgo}
              delta={pointsDelta(current.rates[rate], lastYear.rates[rate])}
              unit="pp"
              better={better}
            />
          </>
        }
      />
    );
  };

  const count = (f: KpiFigures) => f.counts.escalated;
  const cards: [string, ReactNode][] = [
    ...RATE_CARDS.map((c): [string, ReactNode] => [c.rate, rateCard(c)]),
    [
      'callbackRate',
      <Frame
        key="callbackRate"
        title={label(titleOf('callbackRate'))}
        value={formatRate(current.rates.callbackRate)}
        parts={t(
          `已回访 ${current.callbacks.done} / 应回访 ${current.callbacks.due}`,
          `Called back ${current.callbacks.done} / due ${current.callbacks.due}`,
        )}
        changes={
          <>
            <Change
              name={before}
              delta={pointsDelta(current.rates.callbackRate, previous.rates.callbackRate)}
              unit="pp"
              better="up"
            />
            <Change
              name={yearAgo}
              delta={pointsDelta(current.rates.callbackRate, lastYear.rates.callbackRate)}
              unit="pp"
              better="up"
            />
          </>
        }
      />,
    ],
    [
      'escalated',
      <Frame
        key="escalated"
        title={label(titleOf('escalated'))}
        value={
          <Link
            to={drillLink('escalated', current)}
            aria-label={t('提级督办：查看提级督办的事项', 'Escalated: open the list')}
            style={{ color: 'inherit' }}
          >
            {count(current)}
            <span style={{ fontSize: 14, fontWeight: 400 }}>{t(' 件', '')}</span>
          </Link>
        }
        parts={t('发回重办或转办达到次数，提级到县局', 'Reopened or transferred too often, sent up to the bureau')}
        changes={
          <>
            <Change name={before} delta={count(current) - count(previous)} unit="n" better="down" />
            <Change name={yearAgo} delta={count(current) - count(lastYear)} unit="n" better="down" />
          </>
        }
      />,
    ],
  ];
  return (
    <Row gutter={[8, 8]}>
      {cards.map(([key, card]) => (
        <Col key={key} xs={24} sm={12} lg={8} xxl={4}>
          {card}
        </Col>
      ))}
    </Row>
  );
}
