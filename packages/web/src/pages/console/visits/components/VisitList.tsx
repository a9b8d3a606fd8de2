/**
 * 走访记录: the station's visits, newest first — where, line and purpose, who went, whether the household rated
 * it — and what each found made a matter or a dispute case in one action (a hazard from the hazard register).
 */
import {
  addressLine,
  type DisputeSettings,
  VISIT_LINE_LABELS,
  VISIT_PURPOSE_LABELS,
  type VisitLogged,
  type VisitView,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Dropdown, Flex, Grid, Pagination, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../../../access';
import { api, errorMessage, type Paged } from '../../../../api/client';
import { disputesApi } from '../../../../api/disputes';
import { DrillTag, useClearDrill } from '../../../../components/DrillTag';
import { ExportButton } from '../../../../components/ExportButton';
import { useLang } from '../../../../i18n';
import { NewDispute } from '../../disputes/NewDispute';
import { dateTime as when } from '../../matter/labels';
import { MatterDrawer } from '../../matter/MatterDrawer';
import { hasVisitDrill, readVisitDrill, VISIT_DRILL_KEYS, visitDrillQuery, visitDrillWords } from '../drill';
import { LogVisit } from './LogVisit';
import { RaiseMatter } from './RaiseMatter';
import { VisitQr } from './VisitQr';

const PAGE_SIZE = 20;

export function VisitList({ stationId, searchUnitId }: { stationId: string; searchUnitId: string | null }) {
  const { t, label } = useLang();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState<VisitLogged | null>(null);
  const [toMatter, setToMatter] = useState<VisitView | null>(null);
  const [toDispute, setToDispute] = useState<VisitView | null>(null);
  const [matter, setMatter] = useState<string | null>(null);
  const narrow = !Grid.useBreakpoint().md;
  // A dashboard figure links here with its filters (`?from=&to=&unitId=&line=&first=1`): the list is what it counted.
  const [params] = useSearchParams();
  const drill = readVisitDrill((k) => params.get(k));
  const filters = visitDrillQuery(drill);
  const clearDrill = useClearDrill(VISIT_DRILL_KEYS);
  const list = useQuery({
    queryKey: ['visits', stationId, filters, page],
    queryFn: () =>
      api.get<Paged<VisitView>>(`/stations/${stationId}/visits`, { ...filters, page, pageSize: PAGE_SIZE }),
  });
  const disputeSettings = useQuery({
    queryKey: ['dispute-settings', stationId],
    queryFn: () => disputesApi.settings(stationId),
    enabled: toDispute !== null,
  });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: list.data?.total ?? 0,
    hideOnSinglePage: true,
    onChange: setPage,
  };
  const rated = (v: boolean) =>
    v ? <Tag color="success">{t('已评价', 'Rated')}</Tag> : <Tag>{t('未评价', 'Not rated')}</Tag>;
  const who = (v: VisitView) =>
    [v.staffName, ...v.companions.map((c) => c.name), v.otherVisitors].filter(Boolean).join('、');
  const found = (v: VisitView) => (
    <Space size={4} wrap>
      {v.raisedMatterId && (
        <Tag color="blue" style={{ cursor: 'pointer' }} onClick={() => setMatter(v.raisedMatterId)}>
          {t('已转事项', 'Matter raised')}
        </Tag>
      )}
      {v.raisedDisputeId && (
        <Link to={`/console/disputes/${v.raisedDisputeId}`}>
          <Tag color="orange">{t('已转纠纷', 'Case opened')}</Tag>
        </Link>
      )}
      {can('field.work') && (!v.raisedMatterId || (!v.raisedDisputeId && can('dispute.handle'))) && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              ...(!v.raisedMatterId ? [{ key: 'matter', label: t('诉求转事项', 'Make the need a matter') }] : []),
              ...(!v.raisedDisputeId && can('dispute.handle')
                ? [{ key: 'dispute', label: t('纠纷转案件', 'Open a dispute case') }]
                : []),
              {
                key: 'hazard',
                label: <Link to={`/console/hazards?visit=${v.id}`}>{t('登记隐患', 'Record a hazard')}</Link>,
              },
            ],
            onClick: ({ key }) => (key === 'matter' ? setToMatter(v) : key === 'dispute' ? setToDispute(v) : undefined),
          }}
        >
          <Button size="small">{t('走访发现', 'Found')}</Button>
        </Dropdown>
      )}
    </Space>
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex gap={8} wrap align="center">
        {can('field.work') && (
          <Button type="primary" onClick={() => setLogging(true)}>
            {t('登记走访', 'Log a visit')}
          </Button>
        )}
        {hasVisitDrill(drill) && (
          <DrillTag
            words={visitDrillWords(drill)}
            onClear={() => {
              setPage(1);
              clearDrill();
            }}
          />
        )}
        <ExportButton path={`/stations/${stationId}/visits/export`} query={filters} disabled={!list.data?.total} />
      </Flex>
      {narrow ? (
        // On an officer's phone: one card per visit, nothing to scroll sideways.
        <Space orientation="vertical" style={{ width: '100%' }}>
          {list.isPending && <Spin />}
          {(list.data?.items ?? []).map((v) => (
            <Card key={v.id} size="small">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{addressLine({ address: v.address, name: v.householdName })}</Typography.Text>
                {rated(v.evaluated)}
              </Flex>
              <Typography.Text type="secondary">
                {when(v.visitedAt)} · {label(VISIT_LINE_LABELS[v.line])} · {label(VISIT_PURPOSE_LABELS[v.purpose])}
              </Typography.Text>
              <div>{who(v)}</div>
              {v.note && <div>{v.note}</div>}
              {found(v)}
            </Card>
          ))}
          <Pagination {...pagination} size="small" align="center" />
        </Space>
      ) : (
        <Table<VisitView>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={pagination}
          columns={[
            { title: t('走访时间', 'When'), dataIndex: 'visitedAt', render: when, width: 150 },
            {
              title: t('门牌地址', 'Address'),
              key: 'address',
              render: (_, v) => addressLine({ address: v.address, name: v.householdName }),
            },
            {
              title: t('条线 · 目的', 'Line · purpose'),
              key: 'line',
              render: (_, v) => `${label(VISIT_LINE_LABELS[v.line])} · ${label(VISIT_PURPOSE_LABELS[v.purpose])}`,
            },
            { title: t('走访人', 'Visitors'), key: 'who', render: (_, v) => who(v) },
            { title: t('情况记录', 'Note'), dataIndex: 'note', ellipsis: true },
            { title: t('评价', 'Evaluation'), dataIndex: 'evaluated', render: rated, width: 90 },
            { title: t('走访发现', 'Found'), key: 'found', render: (_, v) => found(v) },
          ]}
        />
      )}
      {logging && (
        <LogVisit
          stationId={stationId}
          searchUnitId={searchUnitId}
          onClose={() => setLogging(false)}
          onLogged={(v) => {
            setLogging(false);
            setLogged(v);
          }}
        />
      )}
      {logged && <VisitQr visit={logged} onClose={() => setLogged(null)} />}
      {matter && <MatterDrawer key={matter} id={matter} onClose={() => setMatter(null)} onChanged={() => undefined} />}
      {toMatter && <RaiseMatter stationId={stationId} visit={toMatter} onClose={() => setToMatter(null)} />}
      {toDispute && disputeSettings.data && (
        <NewDispute
          stationId={stationId}
          searchUnitId={searchUnitId}
          settings={disputeSettings.data as DisputeSettings}
          fromVisit={{ id: toDispute.id, address: toDispute.address }}
          onClose={() => setToDispute(null)}
          onOpened={() => setToDispute(null)}
        />
      )}
    </Space>
  );
}
