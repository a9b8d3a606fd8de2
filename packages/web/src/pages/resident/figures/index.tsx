/**
 * /f/<station id>: a station's public figures (公开数据), for anyone who scans the QR on its notice board — twelve
 * months of 受理, 办结, 按时办结率, 满意率, 化解纠纷 and 预警, as a chart and a table. Only while the chief has
 * switched it on; otherwise, as for a code that names no station, the same plain "not open" answer.
 */
import { KPI_DEFINITIONS, type PublicFiguresView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd-mobile';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { publicFiguresApi } from '../../../api/public-figures';
import { Chart, type ChartOption } from '../../../components/Chart';
import { useLang } from '../../../i18n';
import { ResidentLoading, ResidentProblem, ResidentShell, useDocumentTitle } from '../components/ResidentShell';
import { cellText, chartValue, FIGURE_COLUMNS, hasSuppressed, monthLabel, SUPPRESSED } from './cells';

export default function PublicFiguresPage() {
  const { t } = useLang();
  const { stationId = '' } = useParams();
  const figures = useQuery({
    queryKey: ['public-figures', stationId],
    queryFn: () => publicFiguresApi.figures(stationId),
    retry: false,
  });
  useDocumentTitle(
    figures.data ? t(`${figures.data.stationName} · 公开数据`, `${figures.data.stationName} · Figures`) : null,
  );
  if (figures.isPending) return <ResidentLoading />;
  if (!figures.data) {
    const closed = figures.error instanceof ApiError && figures.error.status >= 400 && figures.error.status < 500;
    return closed ? (
      <ResidentProblem title={t('该派出所暂未公开数据', 'This station does not publish its figures')} />
    ) : (
      <ResidentProblem
        title={t('网络不稳定，暂时打不开', 'The network is unstable; the page could not open')}
        onRetry={() => void figures.refetch()}
      />
    );
  }
  return (
    <ResidentShell>
      <Card title={`${figures.data.stationName} · ${t('公开数据', 'Public figures')}`} style={{ margin: 12 }}>
        <div className="jm-muted" style={{ marginBottom: 8 }}>
          {t(
            '近12个月逐月合计，只有数字，没有任何个人信息。',
            'Monthly totals of the last twelve months: figures only, nothing about anyone.',
          )}
        </div>
        <FiguresChart view={figures.data} />
      </Card>
      <Card title={t('逐月数字', 'By month')} style={{ margin: 12 }}>
        <FiguresTable view={figures.data} />
        <Explanations suppressed={hasSuppressed(figures.data.months)} />
      </Card>
    </ResidentShell>
  );
}

function FiguresChart({ view }: { view: PublicFiguresView }) {
  const { t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const series = (key: 'received' | 'resolved') => view.months.map((m) => chartValue(m[key], false));
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 40, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: view.months.map((m) => `${Number(m.month.slice(5))}${t('月', '')}`) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { type: 'bar', name: t('受理', 'Received'), data: series('received') },
        { type: 'bar', name: t('办结', 'Resolved'), data: series('resolved') },
        {
          type: 'line',
          name: t('满意率', 'Satisfaction'),
          yAxisIndex: 1,
          data: view.months.map((m) => chartValue(m.satisfaction, true)),
        },
      ],
    };
  }, [view, t]);
  return (
    <Chart option={option} height={260} label={t('近12个月受理、办结和满意率', 'Received, resolved, satisfaction')} />
  );
}

const cell = { padding: '6px 8px', borderBottom: '1px solid #e5e6eb', whiteSpace: 'nowrap' } as const;

function FiguresTable({ view }: { view: PublicFiguresView }) {
  const { t } = useLang();
  return (
    // A phone scrolls the table sideways; the month stays in sight.
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: '0.95em' }}>
        <thead>
          <tr>
            <th style={{ ...cell, position: 'sticky', left: 0, background: '#fff', textAlign: 'left' }}>
              {t('月份', 'Month')}
            </th>
            {FIGURE_COLUMNS.map((c) => (
              <th key={c.key} style={{ ...cell, textAlign: 'right' }}>
                {t(c.label.zh, c.label.en)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...view.months].reverse().map((m) => {
            const label = monthLabel(m);
            return (
              <tr key={m.month}>
                <th scope="row" style={{ ...cell, position: 'sticky', left: 0, background: '#fff', textAlign: 'left' }}>
                  {t(label.zh, label.en)}
                </th>
                {FIGURE_COLUMNS.map((c) => {
                  const text = cellText(m[c.key], c.rate);
                  return (
                    <td
                      key={c.key}
                      style={{ ...cell, textAlign: 'right', color: text === SUPPRESSED ? '#86909c' : undefined }}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Explanations({ suppressed }: { suppressed: boolean }) {
  const { t } = useLang();
  const how = (id: string) => KPI_DEFINITIONS.find((d) => d.id === id)?.how ?? { zh: '', en: '' };
  const lines = [
    ...(suppressed
      ? [
          t(
            `“${SUPPRESSED}”：当月该项只有1至4件（或比率的基数不足5件），为保护群众隐私不公布具体数字。`,
            `“${SUPPRESSED}”: one to four that month (or a rate over fewer than five), withheld to protect residents’ privacy.`,
          ),
        ]
      : []),
    t('“—”：当月没有可计算的数（例如没有群众评价）。', '“—”: nothing to compute that month (e.g. no ratings).'),
    t('受理：当月群众提交的事项；办结：当月办结的事项。', 'Received: matters submitted; resolved: matters resolved.'),
    t(how('resolvedOnTime').zh, how('resolvedOnTime').en),
    t(how('satisfaction').zh, how('satisfaction').en),
    t('化解纠纷：当月化解办结的矛盾纠纷件数。', 'Disputes resolved: dispute cases closed that month.'),
    t(
      '发布预警：当月发布的平安提醒和预警条数；预警查收：打开这些提醒的手机数。',
      'Warnings sent: notices sent that month; opened: phones that opened them.',
    ),
  ];
  return (
    <ul className="jm-muted" style={{ margin: '12px 0 0', paddingInlineStart: 18, lineHeight: 1.7 }}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
