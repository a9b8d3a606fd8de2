/**
 * 巡逻记录: the figures and the weekly chart of point coverage, then the patrols, newest first, each opening to its
 * check-ins and what it found (matters recorded from it, hazards found on it).
 */
import {
  HAZARD_STATUS_LABELS,
  MATTER_KIND_LABELS,
  MATTER_STATUS_LABELS,
  type PatrolCoverage,
  type PatrolSession,
  type PatrolSessionDetail,
  type PatrolSessionPage,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Progress, Row, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { Chart, type ChartOption } from '../../../../components/Chart';
import { DrillTag, useClearDrill } from '../../../../components/DrillTag';
import { useLang } from '../../../../i18n';
import { hasPatrolDrill, PATROL_DRILL_KEYS, patrolDrillQuery, patrolDrillWords, readPatrolDrill } from '../drill';
import { clock, shortTime } from './time';

export function SessionsTab({ stationId }: { stationId: string }) {
  return (
    <>
      <CoverageFigures stationId={stationId} />
      <Sessions stationId={stationId} />
    </>
  );
}

function CoverageFigures({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const coverage = useQuery({
    queryKey: ['patrol', 'coverage', stationId],
    queryFn: () => patrolsApi.coverage(stationId),
  });
  if (coverage.isPending) return <Spin />;
  if (coverage.isError) return <Alert type="error" showIcon title={errorMessage(coverage.error)} />;
  const c = coverage.data;
  const active = c.days.reduce((n, d) => n + d.activePoints, 0);
  const checked = c.days.reduce((n, d) => n + d.pointsChecked, 0);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t(`近八周（${c.from} 至 ${c.to}）`, `Last 8 weeks (${c.from} – ${c.to})`)}
    >
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={t('巡逻次数', 'Patrols')} value={c.sessions} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('打卡次数', 'Check-ins')} value={c.checkins} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('每日必到点覆盖率', 'Daily point coverage')}
            value={active ? Math.round((checked / active) * 100) : 0}
            suffix="%"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('期间从未打卡的点', 'Points never checked')}
            value={c.points.filter((p) => p.active && p.daysChecked === 0).length}
          />
        </Col>
      </Row>
      <Chart option={weeklyChart(c, t)} height={240} label={t('每周必到点覆盖', 'Weekly point coverage')} />
      <PointCoverage coverage={c} />
    </Card>
  );
}

function weeklyChart(c: PatrolCoverage, t: (zh: string, en: string) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 36, right: 12, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: c.weeks.map((w) => w.weekStart.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('已打卡的点', 'Points checked'), type: 'bar', data: c.weeks.map((w) => w.pointsChecked) },
      { name: t('启用的必到点', 'Active points'), type: 'line', data: c.weeks.map((w) => w.activePoints) },
    ],
  };
}

function PointCoverage({ coverage }: { coverage: PatrolCoverage }) {
  const { t } = useLang();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 480 }}
      dataSource={coverage.points.filter((p) => p.active || p.daysChecked > 0)}
      columns={[
        { title: t('必到点', 'Point'), render: (_, p) => `${p.code} ${p.name}` },
        {
          title: t('打卡天数', 'Days checked'),
          width: 200,
          render: (_, p) => (
            <Progress
              percent={Math.round((p.daysChecked / p.days) * 100)}
              size="small"
              format={() => `${p.daysChecked}/${p.days}`}
            />
          ),
        },
        { title: t('最近打卡', 'Last check-in'), width: 130, render: (_, p) => shortTime(p.lastCheckedAt) },
      ]}
    />
  );
}

function Sessions({ stationId }: { stationId: string }) {
  const [page, setPage] = useState(1);
  const pageSize = 20;
  // A dashboard figure links here with its period and unit (`?from=&to=&unitId=`): the patrols it counted.
  const [params] = useSearchParams();
  const drill = readPatrolDrill((k) => params.get(k));
  const filters = patrolDrillQuery(drill);
  const clearDrill = useClearDrill(PATROL_DRILL_KEYS);
  const list = useQuery({
    queryKey: ['patrol', 'sessions', stationId, filters, page],
    queryFn: () => patrolsApi.sessions(stationId, { ...filters, page, pageSize }),
  });
  if (list.isError) return <Alert type="error" showIcon title={errorMessage(list.error)} />;
  return (
    <>
      {hasPatrolDrill(drill) && (
        <div style={{ marginBottom: 8 }}>
          <DrillTag
            words={patrolDrillWords(drill)}
            onClear={() => {
              setPage(1);
              clearDrill();
            }}
          />
        </div>
      )}
      <SessionTable list={list.data} loading={list.isPending} page={page} pageSize={pageSize} onPage={setPage} />
    </>
  );
}

function SessionTable({
  list,
  loading,
  page,
  pageSize,
  onPage,
}: {
  list: PatrolSessionPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage(page: number): void;
}) {
  const { t } = useLang();
  return (
    <Table<PatrolSession>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={list?.items ?? []}
      scroll={{ x: 640 }}
      pagination={{ current: page, pageSize, total: list?.total ?? 0, onChange: onPage, showSizeChanger: false }}
      expandable={{ expandedRowRender: (s) => <Checkins id={s.id} /> }}
      columns={[
        { title: t('开始', 'Started'), width: 120, render: (_, s) => shortTime(s.startedAt) },
        {
          title: t('结束', 'Ended'),
          width: 110,
          render: (_, s) => (s.endedAt ? clock(s.endedAt) : <Tag color="processing">{t('进行中', 'Under way')}</Tag>),
        },
        { title: t('发起人', 'Started by'), render: (_, s) => s.startedBy.name },
        { title: t('巡逻队', 'Team'), render: (_, s) => s.team?.name ?? '—' },
        { title: t('必巡线', 'Route'), render: (_, s) => s.route?.name ?? t('自由巡逻', 'Free patrol') },
        {
          title: t('打卡', 'Checked'),
          width: 80,
          render: (_, s) => (s.routeLength ? `${s.checked}/${s.routeLength}` : s.checked),
        },
      ]}
    />
  );
}

function Checkins({ id }: { id: string }) {
  const { t } = useLang();
  const detail = useQuery({ queryKey: ['patrol', 'session', id], queryFn: () => patrolsApi.session(id) });
  if (detail.isPending) return <Spin size="small" />;
  if (detail.isError) return <Alert type="error" title={errorMessage(detail.error)} />;
  const s = detail.data;
  return (
    <>
      {s.note && <Typography.Paragraph>{t(`巡逻情况：${s.note}`, `Note: ${s.note}`)}</Typography.Paragraph>}
      {s.routePoints.length > 0
        ? s.routePoints.map((p) => (
            <Tag key={p.id} color={p.checkedAt ? 'success' : 'default'} style={{ marginBottom: 4 }}>
              {p.checkedAt ? `✓ ${clock(p.checkedAt)} ` : `${t('未到', 'missed')} `}
              {p.name}
            </Tag>
          ))
        : s.checkins.map((c) => (
            <Tag key={c.id} color="success" style={{ marginBottom: 4 }}>
              ✓ {clock(c.scannedAt)} {c.point.name}
            </Tag>
          ))}
      <Found session={s} />
    </>
  );
}

/** 巡逻发现: the matters recorded from the patrol (number, kind, status) and the hazards found on it. */
function Found({ session }: { session: PatrolSessionDetail }) {
  const { t, label } = useLang();
  if (session.matters.length === 0 && session.hazards.length === 0) return null;
  return (
    <div style={{ marginTop: 8 }} data-testid="patrol-found">
      {session.matters.length > 0 && (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('发现的事项：', 'Matters found: ')}
          {session.matters.map((m) => (
            <Tag key={m.id} color="blue" style={{ marginBottom: 4 }}>
              {m.number} · {label(MATTER_KIND_LABELS[m.kind])} · {label(MATTER_STATUS_LABELS[m.status])}
            </Tag>
          ))}
        </Typography.Paragraph>
      )}
      {session.hazards.length > 0 && (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('发现的隐患：', 'Hazards found: ')}
          {session.hazards.map((h) => (
            <Tag key={h.id} color="orange" style={{ marginBottom: 4 }}>
              {h.kind} · {h.place} · {label(HAZARD_STATUS_LABELS[h.status])}
            </Tag>
          ))}
        </Typography.Paragraph>
      )}
    </div>
  );
}
