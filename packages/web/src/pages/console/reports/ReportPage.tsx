/**
 * One report: its status, the chief's commentary (editable while a draft), 发布, the PDF and XLSX, then the
 * analysis' four sections — 发生特点, 存量, 处理结果, 发展态势 — each with its figures and charts, and what each
 * figure means. One column, readable on a 320 px phone.
 */
import {
  DISPUTE_ANALYSIS_DEFINITIONS,
  type DisputeHeadline,
  type DisputeMonthlyFigures,
  disputeChartOptions,
  formatRate,
  periodLabel,
  type ReportView,
  STATION_MONTHLY_KIND,
  type StationMonthlyFigures,
} from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Descriptions, Flex, Input, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { download, errorMessage } from '../../../api/client';
import { reportsApi } from '../../../api/reports';
import { Chart, type ChartOption } from '../../../components/Chart';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { StationReport } from './StationReport';
import { StatusTag } from './StatusTag';

export default function ReportPage() {
  const { id = '' } = useParams();
  const { t } = useLang();
  const client = useQueryClient();
  const report = useQuery({ queryKey: ['report', id], queryFn: () => reportsApi.get(id) });
  if (report.isPending) return <Spin />;
  if (report.isError) return <Alert type="error" title={errorMessage(report.error)} />;
  const r = report.data;
  const onChanged = (next: ReportView) => client.setQueryData(['report', id], next);
  const station = r.kind === STATION_MONTHLY_KIND ? (r.figures as unknown as StationMonthlyFigures) : null;
  const f = station ? station.disputes : (r.figures as unknown as DisputeMonthlyFigures);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Link to="..">{t('← 报告档案', '← Archive')}</Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {r.title}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        <StatusTag status={r.status} />
        <Typography.Text type="secondary">
          {t('生成', 'Generated')} {when(r.generatedAt)} {r.generatedBy ?? t('（每月自动）', '(monthly job)')}
          {r.publishedAt && ` · ${t('发布', 'Published')} ${when(r.publishedAt)} ${r.publishedBy ?? ''}`}
        </Typography.Text>
      </Flex>
      <Flex gap={8} wrap>
        <Button onClick={() => download(reportsApi.pdfUrl(r.id))}>{t('下载 PDF', 'PDF')}</Button>
        <Button onClick={() => download(reportsApi.xlsxUrl(r.id))}>{t('下载 XLSX', 'XLSX')}</Button>
        {r.allowedActions.includes('publish') && <Publish r={r} onChanged={onChanged} />}
      </Flex>
      <Commentary r={r} onChanged={onChanged} />
      {station && <StationReport f={station} />}
      <Sections f={f} />
      <Collapse
        size="small"
        items={[
          {
            key: 'how',
            label: t('指标说明', 'What the figures mean'),
            children: (
              <Descriptions size="small" column={1} bordered>
                {DISPUTE_ANALYSIS_DEFINITIONS.map((d) => (
                  <Descriptions.Item key={d.key} label={t(d.label.zh, d.label.en)}>
                    {t(d.how.zh, d.how.en)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ),
          },
        ]}
      />
    </Space>
  );
}

function Publish({ r, onChanged }: { r: ReportView; onChanged(r: ReportView): void }) {
  const { t } = useLang();
  const { message, modal } = App.useApp();
  const run = useMutation({
    mutationFn: () => reportsApi.publish(r.id),
    onSuccess: (next) => {
      message.success(t('报告已发布', 'Report published'));
      onChanged(next);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const confirm = () =>
    modal.confirm({
      title: t('发布报告？', 'Publish the report?'),
      content: t('发布后报告和点评不再改变。', 'Once published, the report and its commentary no longer change.'),
      okText: t('发布', 'Publish'),
      cancelText: t('取消', 'Cancel'),
      onOk: () => run.mutateAsync(),
    });
  return (
    <Button type="primary" loading={run.isPending} onClick={confirm}>
      {t('发布', 'Publish')}
    </Button>
  );
}

function Commentary({ r, onChanged }: { r: ReportView; onChanged(r: ReportView): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [text, setText] = useState(r.commentary);
  useEffect(() => setText(r.commentary), [r.commentary]);
  const editable = r.allowedActions.includes('commentary');
  const save = useMutation({
    mutationFn: () => reportsApi.commentary(r.id, { commentary: text, version: r.version }),
    onSuccess: (next) => {
      message.success(t('点评已保存', 'Commentary saved'));
      onChanged(next);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Card size="small" title={t('所长点评', "Chief's commentary")}>
      {editable ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label={t('所长点评', "Chief's commentary")}
            value={text}
            maxLength={5000}
            showCount
            autoSize={{ minRows: 3, maxRows: 12 }}
            onChange={(e) => setText(e.target.value)}
          />
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={text === r.commentary}>
            {t('保存点评', 'Save')}
          </Button>
        </Space>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {r.commentary || t('（未填写）', '(none)')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

type Row = { key: string; name: string; value: string | number };

function Figures({ rows }: { rows: Row[] }) {
  return (
    <Table<Row>
      size="small"
      pagination={false}
      showHeader={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { dataIndex: 'name', key: 'name' },
        { dataIndex: 'value', key: 'value', align: 'right', width: 90 },
      ]}
    />
  );
}

const countRows = (
  xs: { key?: string | null; unitId?: string; label?: { zh: string; en: string }; name?: string; count: number }[],
  t: (zh: string, en: string) => string,
): Row[] =>
  xs.map((x, i) => ({
    key: `${x.unitId ?? x.key ?? 'none'}-${i}`,
    name: x.label ? t(x.label.zh, x.label.en) : (x.name ?? ''),
    value: x.count,
  }));

function Sections({ f }: { f: DisputeMonthlyFigures }) {
  const { t } = useLang();
  // The shared options (the PDF draws the same charts), with a tooltip on screen; computed once per report.
  const charts = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(disputeChartOptions(f)).map(([k, o]) => [k, { tooltip: {}, ...o } as ChartOption]),
      ) as Record<keyof ReturnType<typeof disputeChartOptions>, ChartOption>,
    [f],
  );
  const o = f.occurrence;
  const s = f.stock;
  const r = f.results;
  const headline = (what: string, h: DisputeHeadline): Row => ({
    key: what,
    name: `${what}（${periodLabel(h.period)}）`,
    value: `${h.newCases} / ${h.closed} / ${h.openAtEnd} / ${formatRate(h.resolutionRate)}`,
  });
  return (
    <>
      <Card size="small" title={t('发生特点', 'Occurrence')}>
        <Figures
          rows={[
            { key: 'new', name: t('本月新发', 'New this month'), value: o.newCases },
            { key: 'pro', name: t('其中摸排发现', 'Found proactively'), value: o.proactive },
          ]}
        />
        <Chart height={260} option={charts.byCategory} label={t('新发案件（按类别）', 'New cases by category')} />
        <Chart height={260} option={charts.byColour} label={t('新发案件（按颜色）', 'New cases by colour')} />
        <Typography.Text strong>{t('按等级', 'By level')}</Typography.Text>
        <Figures rows={countRows(o.byLevel, t)} />
        <Typography.Text strong>{t('按来源', 'By source')}</Typography.Text>
        <Figures rows={countRows(o.bySource, t)} />
        <Typography.Text strong>{t('按村', 'By village')}</Typography.Text>
        <Figures rows={countRows(o.byVillage, t)} />
        <Typography.Text strong>{t('按网格', 'By grid')}</Typography.Text>
        <Figures rows={countRows(o.byGrid, t)} />
      </Card>
      <Card size="small" title={t('存量', 'Open cases')}>
        <Figures
          rows={[
            { key: 's', name: t('月初存量', 'Open at the start'), value: s.openAtStart },
            { key: 'e', name: t('月末存量', 'Open at the end'), value: s.openAtEnd },
          ]}
        />
        <Chart height={260} option={charts.stock} label={t('存量与账龄', 'Open cases and ageing')} />
      </Card>
      <Card size="small" title={t('处理结果', 'Results')}>
        <Figures
          rows={[
            { key: 'rate', name: t('化解率', 'Resolution rate'), value: formatRate(r.resolutionRate) },
            { key: 'c', name: t('本月结案', 'Closed'), value: r.closed },
            { key: 'm', name: t('其中“三个不放”均满足', 'With the three conditions met'), value: r.closedMet },
            { key: 'o', name: t('其中所长特批结案', 'Closed by the chief’s override'), value: r.closedOverridden },
            { key: 't', name: t('移交', 'Transferred'), value: r.transferred },
            { key: 'f', name: t('调解未成', 'Not settled'), value: r.failed },
          ]}
        />
        {r.overridden.length > 0 && (
          <Descriptions size="small" column={1} bordered title={t('特批结案', 'Closed by override')}>
            {r.overridden.map((c) => (
              <Descriptions.Item key={c.number} label={c.number}>
                {c.reason}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Card>
      <Card size="small" title={t('发展态势', 'Trend')}>
        <Typography.Text type="secondary">
          {t('新发 / 结案 / 月末存量 / 化解率', 'New / closed / open / rate')}
        </Typography.Text>
        <Figures
          rows={[
            headline(t('本月', 'This month'), {
              period: f.period,
              newCases: o.newCases,
              closed: r.closed,
              openAtStart: s.openAtStart,
              openAtEnd: s.openAtEnd,
              resolutionRate: r.resolutionRate,
            }),
            headline(t('上月', 'Last month'), f.trend.lastMonth),
            headline(t('去年同月', 'A year ago'), f.trend.lastYear),
            {
              key: 'rp',
              name: t('重复发生地点（户，近12个月）', 'Repeat places (12 months)'),
              value: f.trend.repeatPlaces,
            },
            {
              key: 'rq',
              name: t('重复当事人（人，近12个月）', 'Repeat parties (12 months)'),
              value: f.trend.repeatParties,
            },
          ]}
        />
        <Typography.Text strong>{t('热点村', 'Hotspots')}</Typography.Text>
        <Figures rows={countRows(f.trend.hotspots, t)} />
        <Chart height={260} option={charts.trend} label={t('近12个月新发与结案', 'New and closed, 12 months')} />
      </Card>
    </>
  );
}
