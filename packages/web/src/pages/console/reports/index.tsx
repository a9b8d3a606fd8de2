/**
 * 分析报告: the archive of a unit's monthly dispute analyses — the account's station, or for the bureau the
 * bureau itself or one of its stations — with each month's status, and 生成 for a chosen month (the chief and
 * the bureau). A report opens on its own page (/console/reports/:id).
 */
import { DISPUTE_MONTHLY_KIND, type ReportListItem, STATION_MONTHLY_KIND } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Segmented, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { useCan, useSession } from '../../../access';
import { errorMessage } from '../../../api/client';
import { reportsApi } from '../../../api/reports';
import { useLang } from '../../../i18n';
import { useStationScope } from '../matter/station';
import ReportPage from './ReportPage';
import { StatusTag } from './StatusTag';

export default function ReportsPage() {
  return (
    <Routes>
      <Route path="" element={<Archive />} />
      <Route path=":id" element={<ReportPage />} />
    </Routes>
  );
}

/** The kinds a reader may open: 月度工作报告 for who reads the dashboards, the dispute analysis for all. */
const KINDS = [
  {
    kind: DISPUTE_MONTHLY_KIND,
    label: { zh: '矛盾纠纷分析', en: 'Dispute analysis' },
    about: {
      zh: '矛盾纠纷每月综合分析：每月1日自动生成上月草稿，所长点评后发布，为党委政府综合治理决策提供依据。',
      en: 'The monthly dispute analysis: drafted on the 1st for last month, commented on and published by the chief.',
    },
  },
  {
    kind: STATION_MONTHLY_KIND,
    cap: 'dashboard.read' as const,
    label: { zh: '月度工作报告', en: 'Monthly report' },
    about: {
      zh: '月度工作报告：考核指标与上月、去年同月对比，接警、矛盾纠纷、社区警务、警民群、宣传预警、评价各项数字和图表，附矛盾纠纷分析；每月1日自动生成上月草稿，所长点评后发布，可交乡镇党委政府。',
      en: 'The monthly station report: KPIs against last month and last year, every section of the dashboard and the dispute analysis; drafted on the 1st, commented on and published by the chief.',
    },
  },
];

function Archive() {
  const { t, label } = useLang();
  const can = useCan();
  const session = useSession();
  const scope = useStationScope();
  const [params, setParams] = useSearchParams();
  const [picked, setPicked] = useState<string | null>(null);
  const kinds = KINDS.filter((k) => !k.cap || can(k.cap));
  const current = kinds.find((k) => k.kind === params.get('kind')) ?? kinds[0];
  if (scope.pending || !current) return <Spin />;
  const bureauId = scope.stationId ? null : session.user.scopeUnitId;
  const unitId = scope.stationId ?? picked ?? bureauId;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('分析报告', 'Reports')}
      </Typography.Title>
      {kinds.length > 1 && (
        <Segmented
          aria-label={t('报告种类', 'Kind of report')}
          value={current.kind}
          onChange={(k) => setParams({ kind: String(k) }, { replace: true })}
          options={kinds.map((k) => ({ value: k.kind, label: label(k.label) }))}
        />
      )}
      <Typography.Text type="secondary">{label(current.about)}</Typography.Text>
      {bureauId && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('单位', 'Unit')}</Typography.Text>
          <Select
            aria-label={t('单位', 'Unit')}
            value={unitId}
            onChange={setPicked}
            style={{ minWidth: 220, maxWidth: '100%' }}
            options={[
              { value: bureauId, label: t('全局（所有派出所）', 'The bureau (all stations)') },
              ...scope.choices.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        </Flex>
      )}
      {unitId && <Reports key={`${unitId}-${current.kind}`} unitId={unitId} kind={current.kind} />}
    </Space>
  );
}

function Reports({ unitId, kind }: { unitId: string; kind: string }) {
  const { t } = useLang();
  const can = useCan();
  const list = useQuery({ queryKey: ['reports', unitId, kind], queryFn: () => reportsApi.list(unitId, kind) });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  return (
    <Card
      size="small"
      title={t('报告档案', 'Archive')}
      extra={can('report.write') && <Generate unitId={unitId} kind={kind} />}
    >
      {list.isPending && <Spin />}
      {list.data?.items.length === 0 && (
        <Typography.Text type="secondary">{t('还没有报告', 'No reports yet')}</Typography.Text>
      )}
      <Flex vertical>
        {(list.data?.items ?? []).map((r: ReportListItem) => (
          <Flex
            key={r.id}
            justify="space-between"
            align="center"
            gap={8}
            style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <div style={{ minWidth: 0 }}>
              <Space wrap size={6}>
                <Link to={r.id}>{dayjs(`${r.period}-01`).format('YYYY年M月')}</Link>
                <StatusTag status={r.status} />
              </Space>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {r.title}
              </Typography.Text>
            </div>
            <Link to={r.id} style={{ whiteSpace: 'nowrap' }}>
              {t('打开', 'Open')}
            </Link>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** 生成: a month up to the current one; an existing draft is regenerated with the latest figures. */
function Generate({ unitId, kind }: { unitId: string; kind: string }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const run = useMutation({
    mutationFn: () => reportsApi.generate(unitId, { kind, period: month.format('YYYY-MM') }),
    onSuccess: (r) => {
      message.success(t('报告已生成', 'Report generated'));
      void client.invalidateQueries({ queryKey: ['reports', unitId] });
      navigate(r.id);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Space wrap size={4}>
      <DatePicker
        picker="month"
        aria-label={t('月份', 'Month')}
        value={month}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(), 'month')}
        onChange={(d) => d && setMonth(d)}
        style={{ width: 120 }}
      />
      <Button type="primary" loading={run.isPending} onClick={() => run.mutate()}>
        {t('生成', 'Generate')}
      </Button>
    </Space>
  );
}
