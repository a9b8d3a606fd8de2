/** The station's rooms: what each covers, who hosts it, its members, "@" waiting (overdue in red) and held posts. */
import { ROOM_HOST_ROLE_LABELS, ROOM_KIND_LABELS, type RoomSummary } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { roomsApi } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { dateTime } from '../../matter/labels';
import { CreateRoomDrawer } from './CreateRoomDrawer';

export function RoomList({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const can = useCan();
  const narrow = Grid.useBreakpoint().md === false;
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['rooms', stationId], queryFn: () => roomsApi.list(stationId) });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;

  const name = (r: RoomSummary) => (
    <Space size={4} wrap>
      <Link to={`/console/rooms/${r.id}`}>{r.name}</Link>
      {!r.active && <Tag>{t('已关闭', 'Closed')}</Tag>}
    </Space>
  );
  const hosts = (r: RoomSummary) =>
    r.hosts
      .map((h) => `${h.nickname}${h.role === 'owner' ? `（${label(ROOM_HOST_ROLE_LABELS.owner)}）` : ''}`)
      .join('、');
  const mentions = (r: RoomSummary) =>
    r.openMentions === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Space size={4}>
        <span>{r.openMentions}</span>
        {r.overdueMentions > 0 && (
          <Tag color="red">{t(`超时 ${r.overdueMentions}`, `${r.overdueMentions} overdue`)}</Tag>
        )}
      </Space>
    );
  const held = (r: RoomSummary) => (r.held > 0 ? <Tag color="orange">{r.held}</Tag> : 0);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {can('room.manage') && (
        <Flex justify="flex-end">
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('建群', 'New room')}
          </Button>
        </Flex>
      )}
      {narrow ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(list.data ?? []).map((r) => (
            <Card key={r.id} size="small" title={name(r)} extra={<Tag>{label(ROOM_KIND_LABELS[r.kind])}</Tag>}>
              {r.unitName && <div>{r.unitName}</div>}
              <Typography.Text type="secondary">{hosts(r)}</Typography.Text>
              <Flex gap={12} wrap style={{ marginTop: 4 }}>
                <span>{t(`成员 ${r.members}`, `${r.members} members`)}</span>
                <span>
                  {t('待回复 ', '"@" open ')}
                  {mentions(r)}
                </span>
                <span>
                  {t('待审核 ', 'Held ')}
                  {held(r)}
                </span>
              </Flex>
            </Card>
          ))}
          {list.data?.length === 0 && (
            <Typography.Text type="secondary">{t('还没有群', 'No rooms yet')}</Typography.Text>
          )}
        </Space>
      ) : (
        <Table<RoomSummary>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('群名称', 'Room'), key: 'name', render: (_, r) => name(r) },
            {
              title: t('类型', 'Kind'),
              dataIndex: 'kind',
              render: (k: RoomSummary['kind']) => label(ROOM_KIND_LABELS[k]),
            },
            { title: t('片区', 'Area'), dataIndex: 'unitName', render: (u: string | null) => u ?? '—' },
            { title: t('群主/管理员', 'Hosts'), key: 'hosts', render: (_, r) => hosts(r) },
            { title: t('成员', 'Members'), dataIndex: 'members', align: 'right' },
            { title: t('待回复 @', 'Open "@"'), key: 'mentions', render: (_, r) => mentions(r) },
            { title: t('待审核', 'Held'), key: 'held', render: (_, r) => held(r) },
            {
              title: t('最近发言', 'Last post'),
              dataIndex: 'lastPostAt',
              render: (v: string | null) => (v ? dateTime(v) : '—'),
            },
          ]}
        />
      )}
      {creating && <CreateRoomDrawer stationId={stationId} onClose={() => setCreating(false)} />}
    </Space>
  );
}
