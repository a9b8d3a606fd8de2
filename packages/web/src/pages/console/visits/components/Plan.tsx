/**
 * 待走访: who is due a visit — never visited, past the station's interval, or past the care interval the household
 * asked for — the oldest due first, neighbours together. An officer starts from their own beat and grids (我的).
 * The chief sets the interval here.
 */
import { addressLine, type VisitDue, type VisitLogged } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Grid,
  InputNumber,
  List,
  Pagination,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { visitsApi } from '../../../../api/visits';
import { useLang } from '../../../../i18n';
import { dateTime as when } from '../../matter/labels';
import { LogVisit } from './LogVisit';
import { VisitQr } from './VisitQr';

const PAGE_SIZE = 20;

export function Plan({ stationId, searchUnitId }: { stationId: string; searchUnitId: string | null }) {
  const { t } = useLang();
  const can = useCan();
  const narrow = !Grid.useBreakpoint().md;
  // A field worker starts from their own areas; the chief and the bureau from the station.
  const [mine, setMine] = useState<'1' | '0'>(can('field.manage') || !can('field.work') ? '0' : '1');
  const [withinDays, setWithinDays] = useState(30);
  const [page, setPage] = useState(1);
  const [visiting, setVisiting] = useState<VisitDue | null>(null);
  const [logged, setLogged] = useState<VisitLogged | null>(null);
  const plan = useQuery({
    queryKey: ['visit-plan', stationId, mine, withinDays, page],
    queryFn: () => visitsApi.plan(stationId, { mine, withinDays, page, pageSize: PAGE_SIZE }),
  });
  if (plan.isError) return <Alert type="error" title={errorMessage(plan.error)} />;
  const due = (d: VisitDue) =>
    d.overdueDays > 0 ? (
      <Tag color="error">{t(`逾期 ${d.overdueDays} 天`, `${d.overdueDays} days overdue`)}</Tag>
    ) : d.overdueDays === 0 ? (
      <Tag color="warning">{t('今天到期', 'Due today')}</Tag>
    ) : (
      <Tag>{t(`${-d.overdueDays} 天后到期`, `Due in ${-d.overdueDays} days`)}</Tag>
    );
  const why = (d: VisitDue) =>
    d.careEveryDays
      ? t(`关爱走访：每 ${d.careEveryDays} 天`, `Care visit every ${d.careEveryDays} days`)
      : d.lastVisitedAt
        ? t(`上次走访 ${when(d.lastVisitedAt)}`, `Last visited ${when(d.lastVisitedAt)}`)
        : t('从未走访', 'Never visited');
  const visit = (d: VisitDue) =>
    can('field.work') && (
      <Button size="small" onClick={() => setVisiting(d)}>
        {t('登记走访', 'Log a visit')}
      </Button>
    );
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: plan.data?.total ?? 0,
    hideOnSinglePage: true,
    onChange: setPage,
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex gap={8} wrap align="center">
        {can('field.work') && (
          <Segmented
            value={mine}
            onChange={(v) => {
              setMine(v as '1' | '0');
              setPage(1);
            }}
            options={[
              { value: '1', label: t('我的警务区和网格', 'My areas') },
              { value: '0', label: t('全所', 'The station') },
            ]}
          />
        )}
        <Select
          value={withinDays}
          onChange={(v) => {
            setWithinDays(v);
            setPage(1);
          }}
          style={{ width: 170 }}
          aria-label={t('到期范围', 'Due within')}
          options={[
            { value: 0, label: t('已到期', 'Due now') },
            { value: 7, label: t('7 天内到期', 'Due within 7 days') },
            { value: 30, label: t('30 天内到期', 'Due within 30 days') },
          ]}
        />
        <Typography.Text type="secondary">
          {t(
            `共 ${plan.data?.total ?? 0} 户；本所要求每户至少 ${plan.data?.everyMonths ?? 12} 个月走访一次，企业/单位每 ${plan.data?.enterpriseEveryMonths ?? 3} 个月检查一次`,
            `${plan.data?.total ?? 0} due; the station asks for a visit every ${plan.data?.everyMonths ?? 12} months, an enterprise every ${plan.data?.enterpriseEveryMonths ?? 3}`,
          )}
        </Typography.Text>
        {can('field.manage') && <Interval stationId={stationId} />}
        {can('field.work') && (
          // The phone page keeps working where the signal drops (it queues visits until the network returns).
          <a href="/field/visits">{t('在手机上走访（可离线）', 'On a phone (works offline)')}</a>
        )}
      </Flex>
      {narrow ? (
        <>
          <List
            loading={plan.isPending}
            dataSource={plan.data?.items ?? []}
            locale={{ emptyText: t('没有到期的住户', 'Nobody is due') }}
            renderItem={(d) => (
              <Card size="small" style={{ marginBottom: 8 }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>
                    <Place d={d} />
                  </Typography.Text>
                  {due(d)}
                </Flex>
                <Typography.Text type="secondary">
                  {d.unitName} · {why(d)}
                </Typography.Text>
                <div style={{ marginTop: 4 }}>{visit(d)}</div>
              </Card>
            )}
          />
          <Pagination {...pagination} size="small" align="center" />
        </>
      ) : (
        <Table<VisitDue>
          rowKey="householdId"
          loading={plan.isPending}
          dataSource={plan.data?.items ?? []}
          pagination={pagination}
          locale={{ emptyText: t('没有到期的住户', 'Nobody is due') }}
          columns={[
            { title: t('门牌地址', 'Address'), key: 'address', render: (_, d) => <Place d={d} /> },
            { title: t('网格', 'Grid'), dataIndex: 'unitName' },
            {
              title: t('到期', 'Due'),
              dataIndex: 'dueOn',
              render: (_, d) => (
                <Space>
                  {d.dueOn}
                  {due(d)}
                </Space>
              ),
            },
            { title: t('情况', 'Why'), key: 'why', render: (_, d) => why(d) },
            { title: '', key: 'act', render: (_, d) => visit(d), width: 110 },
          ]}
        />
      )}
      {visiting && (
        <LogVisit
          stationId={stationId}
          searchUnitId={searchUnitId}
          household={{ id: visiting.householdId, address: addressLine(visiting) }}
          onClose={() => setVisiting(null)}
          onLogged={(v) => {
            setVisiting(null);
            setLogged(v);
          }}
        />
      )}
      {logged && <VisitQr visit={logged} onClose={() => setLogged(null)} />}
    </Space>
  );
}

/** An address, an enterprise by its name with a tag. */
function Place({ d }: { d: VisitDue }) {
  const { t } = useLang();
  return (
    <>
      {d.kind === 'enterprise' && <Tag color="blue">{t('企业/单位', 'Enterprise')}</Tag>}
      {addressLine(d)}
    </>
  );
}

/** The chief's intervals: every household at least once in so many months, an enterprise or unit more often. */
function Interval({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['visit-settings', stationId], queryFn: () => visitsApi.settings(stationId) });
  const [months, setMonths] = useState<number | null>(null);
  const [enterpriseMonths, setEnterpriseMonths] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: (v: { everyMonths: number; enterpriseEveryMonths: number }) => visitsApi.saveSettings(stationId, v),
    onSuccess: () => {
      message.success(t('走访周期已保存', 'Interval saved'));
      void client.invalidateQueries({ queryKey: ['visit-plan', stationId] });
      void client.invalidateQueries({ queryKey: ['visit-settings', stationId] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const value = months ?? settings.data?.everyMonths ?? 12;
  const enterpriseValue = enterpriseMonths ?? settings.data?.enterpriseEveryMonths ?? 3;
  return (
    <Space.Compact>
      <InputNumber
        min={1}
        max={36}
        value={value}
        onChange={(v) => setMonths(v)}
        addonBefore={t('住户', 'Households')}
        addonAfter={t('个月', 'months')}
        aria-label={t('走访周期', 'Visit interval')}
        style={{ width: 170 }}
      />
      <InputNumber
        min={1}
        max={36}
        value={enterpriseValue}
        onChange={(v) => setEnterpriseMonths(v)}
        addonBefore={t('企业', 'Enterprises')}
        addonAfter={t('个月', 'months')}
        aria-label={t('企业/单位检查周期', 'Enterprise interval')}
        style={{ width: 170 }}
      />
      <Button
        loading={save.isPending}
        onClick={() => save.mutate({ everyMonths: value, enterpriseEveryMonths: enterpriseValue })}
      >
        {t('保存', 'Save')}
      </Button>
    </Space.Compact>
  );
}
