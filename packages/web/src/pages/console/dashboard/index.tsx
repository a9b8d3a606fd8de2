/**
 * 考核指标 (监督、汇总、分析): a station's KPIs — or a bureau's, with its stations side by side — for a period of
 * Beijing days beside 上期 and 去年同期. Every count opens the desk's list of exactly the matters it counted, and
 * 计算说明 prints each definition from the shared list the server computes by. The period and the unit live in
 * the address (`?p=month`, `?p=custom&from=&to=`, `&unitId=`), so a station's link from the bureau keeps the period.
 */
import {
  DASHBOARD_AREA_LABELS,
  DASHBOARD_AREAS,
  type DashboardArea,
  KPI_DEFINITIONS,
  type KpiDashboard,
  type KpiQuery,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Collapse, DatePicker, Flex, Segmented, Space, Spin, Tabs, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { dashboardsApi } from '../../../api/dashboards';
import { useLang } from '../../../i18n';
import { KpiCards } from './components/KpiCards';
import { SectionView } from './components/SectionView';
import { LoadFailed, StationsCompare } from './components/StationsCompare';
import { TimeCharts } from './components/TimeCharts';
import { kpiQueryKey, PRESET_LABELS, PRESETS, type Preset, readQuery, unitLink } from './model';

export default function DashboardPage() {
  const { t, label } = useLang();
  const [params, setParams] = useSearchParams();
  const { token } = theme.useToken();
  const { preset, query } = readQuery(params);
  const rawTab = params.get('tab');
  const tab: Tab = DASHBOARD_AREAS.find((a) => a === rawTab) ?? 'kpis';
  const choose = (next: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v === null) out.delete(k);
          else out.set(k, v);
        }
        return out;
      },
      { replace: true },
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Flex gap={8} wrap align="baseline" justify="space-between">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('监督分析', 'Dashboard')}
        </Typography.Title>
        {query.unitId && (
          <Link to={unitLink(params, null)} style={{ color: token.colorPrimary }}>
            {t('返回本单位', 'Back to my unit')}
          </Link>
        )}
      </Flex>
      <Flex gap={8} wrap align="center">
        <Segmented<Preset>
          aria-label={t('统计期间', 'Period')}
          value={preset}
          onChange={(p) =>
            p === 'custom'
              ? choose({ p, from: query.from, to: query.to })
              : choose({ p: p === 'month' ? null : p, from: null, to: null })
          }
          options={PRESETS.map((p) => ({ value: p, label: label(PRESET_LABELS[p]) }))}
        />
        {preset === 'custom' && (
          <DatePicker.RangePicker
            aria-label={t('自定义期间', 'Custom period')}
            allowClear={false}
            value={[dayjs(query.from), dayjs(query.to)]}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(v) =>
              v?.[0] && v[1] && choose({ p: 'custom', from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
            }
            style={{ maxWidth: '100%' }}
          />
        )}
        <Typography.Text type="secondary">
          {t(`${query.from} 至 ${query.to}`, `${query.from} to ${query.to}`)}
        </Typography.Text>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => choose({ tab: k === 'kpis' ? null : k })}
        items={[
          { key: 'kpis', label: t('考核指标', 'KPIs'), children: <KpiTab query={query} /> },
          ...DASHBOARD_AREAS.map((a) => ({
            key: a,
            label: label(DASHBOARD_AREA_LABELS[a]),
            children: <SectionView area={a} query={query} />,
          })),
        ]}
        destroyOnHidden
      />
    </Space>
  );
}

type Tab = 'kpis' | DashboardArea;

function KpiTab({ query }: { query: KpiQuery }) {
  const { t } = useLang();
  const dashboard = useQuery({ queryKey: kpiQueryKey(query), queryFn: () => dashboardsApi.kpis(query) });
  const data = dashboard.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {dashboard.isError && (
        <LoadFailed
          what={t('考核指标加载失败：', 'The KPIs could not be loaded: ')}
          error={dashboard.error}
          retry={() => void dashboard.refetch()}
        />
      )}
      {dashboard.isPending && <Spin />}
      {data && <Typography.Text strong>{data.unitName}</Typography.Text>}
      {data && <Figures data={data} />}
      <Definitions />
    </Space>
  );
}

function Figures({ data }: { data: KpiDashboard }) {
  const { t } = useLang();
  const { current, previous, lastYear } = data;
  // A running period is judged up to now: say so, the figures will still grow.
  const running = Date.parse(current.asOf) < Date.parse(`${current.to}T16:00:00Z`);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(
          `上期 ${previous.from} 至 ${previous.to}；去年同期 ${lastYear.from} 至 ${lastYear.to}`,
          `Previous ${previous.from} to ${previous.to}; last year ${lastYear.from} to ${lastYear.to}`,
        )}
        {running &&
          t(
            `；统计至 ${dayjs(current.asOf).format('YYYY-MM-DD HH:mm')}`,
            `; as of ${dayjs(current.asOf).format('YYYY-MM-DD HH:mm')}`,
          )}
      </Typography.Text>
      <KpiCards data={data} />
      <TimeCharts current={current} />
      {data.stations.length > 0 && <StationsCompare stations={data.stations} />}
    </Space>
  );
}

/** 计算说明: every definition, from the same shared list the server computes by; folded until asked for. */
function Definitions() {
  const { t, label } = useLang();
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'how',
          label: t('计算说明', 'How each figure is computed'),
          children: (
            <dl style={{ margin: 0 }}>
              {KPI_DEFINITIONS.map((d) => (
                <div key={d.id} style={{ marginBottom: 8 }}>
                  <dt style={{ fontWeight: 600 }}>{label(d.label)}</dt>
                  <dd style={{ margin: 0 }}>{label(d.how)}</dd>
                </div>
              ))}
            </dl>
          ),
        },
      ]}
    />
  );
}
