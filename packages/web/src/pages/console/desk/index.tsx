/**
 * 值班台: the live inbox (new matters appear without reload, over SSE), the
 * supervision view of what is open and overdue, and the matter drawer where
 * every step is taken. Buttons follow the server's allowedActions.
 */
import {
  MATTER_KIND_LABELS,
  MATTER_STATUS_LABELS,
  type MatterKind,
  type MatterStatus,
  type MatterView,
  URGENCY_LABELS,
} from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';
import { MatterDrawer } from './components/MatterDrawer';

const STATUSES: (MatterStatus | 'all')[] = [
  'all',
  'submitted',
  'accepted',
  'dispatched',
  'in_progress',
  'resolved',
  'rated',
  'closed',
];
const STATUS_COLOR: Partial<Record<MatterStatus, string>> = {
  submitted: 'red',
  accepted: 'orange',
  dispatched: 'gold',
  in_progress: 'blue',
  resolved: 'green',
  rated: 'cyan',
};

/** Listens to the desk's live stream and refreshes what it shows; the browser reconnects with Last-Event-ID. */
function useLiveDesk(onEvent: () => void) {
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    const handler = () => onEvent();
    for (const type of [
      'matter.submitted',
      'matter.accept',
      'matter.dispatch',
      'matter.take',
      'matter.reply',
      'matter.resolve',
      'matter.rate',
      'matter.escalated',
      'matter.take_overdue',
      'matter.return',
      'matter.transfer',
      'matter.reopen',
      'matter.close',
      'matter.merge',
      'matter.invalidate',
      'matter.note',
      'matter.review_requested',
    ]) {
      source.addEventListener(type, handler);
    }
    return () => source.close();
  }, [onEvent]);
  return live;
}

export default function DeskPage() {
  const { t, label } = useLang();
  const client = useQueryClient();
  const [filter, setFilter] = useState<(typeof STATUSES)[number]>('all');
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [refresh] = useState(
    () => () =>
      client
        .invalidateQueries({ queryKey: ['matters'] })
        .then(() => client.invalidateQueries({ queryKey: ['summary'] })),
  );
  const live = useLiveDesk(refresh);
  const list = useQuery({
    queryKey: ['matters', filter, mine, q, page],
    queryFn: () =>
      matterApi.list({
        status: filter === 'all' ? undefined : filter,
        mine: mine ? '1' : undefined,
        q,
        page,
        pageSize: 20,
      }),
  });
  const now = Date.now();
  const overdue = (m: MatterView) =>
    m.resolveDueAt !== null &&
    new Date(m.resolveDueAt).getTime() < now &&
    ['submitted', 'accepted', 'dispatched', 'in_progress'].includes(m.status);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Badge status={live ? 'success' : 'default'} text={live ? t('实时', 'Live') : t('连接中…', 'Connecting…')} />
        <Select
          aria-label={t('状态', 'Status')}
          value={filter}
          onChange={(v) => {
            setPage(1);
            setFilter(v);
          }}
          style={{ width: 140 }}
          options={STATUSES.map((f) => ({
            value: f,
            label: f === 'all' ? t('全部状态', 'All statuses') : label(MATTER_STATUS_LABELS[f]),
          }))}
        />
        <Checkbox
          checked={mine}
          onChange={(e) => {
            setPage(1);
            setMine(e.target.checked);
          }}
        >
          {t('只看我的任务', 'My tasks only')}
        </Checkbox>
        <Input.Search
          placeholder={t('回执号或内容', 'Number or text')}
          allowClear
          onSearch={(v) => {
            setPage(1);
            setQ(v);
          }}
          style={{ width: 220 }}
        />
      </Space>
      <Table<MatterView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: 900 }}
        onRow={(m) => ({ onClick: () => setOpen(m.id), style: { cursor: 'pointer' } })}
        rowClassName={(m) => (overdue(m) ? 'jm-overdue' : '')}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('回执号', 'Number'), dataIndex: 'number', width: 170 },
          {
            title: t('类型', 'Kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: MatterKind) => label(MATTER_KIND_LABELS[k]),
          },
          { title: t('内容', 'Text'), dataIndex: 'body', ellipsis: true },
          { title: t('地址', 'Address'), dataIndex: 'address', width: 220, ellipsis: true },
          {
            title: t('紧急', 'Urgency'),
            dataIndex: 'urgency',
            width: 70,
            render: (u: MatterView['urgency']) =>
              u === 'urgent' ? <Tag color="red">{label(URGENCY_LABELS[u])}</Tag> : label(URGENCY_LABELS[u]),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 90,
            render: (s: MatterStatus, m) => (
              <Tag color={overdue(m) ? 'red' : STATUS_COLOR[s]}>
                {label(MATTER_STATUS_LABELS[s])}
                {overdue(m) ? t(' 超期', ' overdue') : ''}
              </Tag>
            ),
          },
          {
            title: t('提交时间', 'Submitted'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) =>
              new Date(v).toLocaleString('zh-CN', {
                timeZone: 'Asia/Shanghai',
                month: '2-digit',
                day: '2-digit',
                hour: '2-digit',
                minute: '2-digit',
              }),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('红色为超过办结时限的事项。', 'Red rows are past their resolution deadline.')}
      </Typography.Text>
      {open && <MatterDrawer id={open} onClose={() => setOpen(null)} onChanged={refresh} />}
      <style>{'.jm-overdue td { background: #fff1f0 !important; }'}</style>
    </Space>
  );
}
