/**
 * 分析报告: the archive of a unit's monthly dispute analyses — the account's station, or for the bureau the
 * bureau itself or one of its stations — with each month's status, and 生成 for a chosen month (the chief and
 * the bureau). A report opens on its own page (/console/reports/:id).
 */
import type { ReportListItem } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate } from 'react-router';
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

function Archive() {
  const { t } = useLang();
  const session = useSession();
  const scope = useStationScope();
  const [picked, setPicked] = useState<string | null>(null);
  if (scope.pending) return <Spin />;
  const bureauId = scope.stationId ? null : session.user.scopeUnitId;
  const unitId = scope.stationId ?? picked ?? bureauId;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('分析报告', 'Reports')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t(
          '矛盾纠纷每月综合分析：每月1日自动生成上月草稿，所长点评后发布，为党委政府综合治理决策提供依据。',
          'The monthly dispute analysis: drafted on the 1st for last month, commented on and published by the chief.',
        )}
      </Typography.Text>
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
      {unitId && <Reports key={unitId} unitId={unitId} />}
    </Space>
  );
}

function Reports({ unitId }: { unitId: string }) {
  const { t } = useLang();
  const can = useCan();
  const list = useQuery({ queryKey: ['reports', unitId], queryFn: () => reportsApi.list(unitId) });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  return (
    <Card size="small" title={t('报告档案', 'Archive')} extra={can('report.write') && <Generate unitId={unitId} />}>
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
function Generate({ unitId }: { unitId: string }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const run = useMutation({
    mutationFn: () => reportsApi.generate(unitId, { kind: 'dispute_monthly', period: month.format('YYYY-MM') }),
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
