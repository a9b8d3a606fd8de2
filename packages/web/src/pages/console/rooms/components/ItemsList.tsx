/**
 * 失物招领: the lost and found notices of the station's rooms in sight, open or ended (or all), newest first,
 * each with its room (a link to it) and state; earlier ones on demand. Live room events refresh it.
 */
import {
  ROOM_ITEM_CLOSING_LABELS,
  ROOM_POST_KIND_LABELS,
  ROOM_POST_STATUS_LABELS,
  type StationItem,
} from '@jingmin/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Grid, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../../api/client';
import { roomItemsApi } from '../../../../api/room-items';
import { useLang } from '../../../../i18n';
import { dateTime } from '../../matter/labels';

type State = 'open' | 'closed' | 'all';

export function ItemsList({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const narrow = Grid.useBreakpoint().md === false;
  const [state, setState] = useState<State>('open');
  const query = useInfiniteQuery({
    // Under 'rooms': a live room event refreshes it with the other room lists.
    queryKey: ['rooms', stationId, 'items', state],
    queryFn: ({ pageParam }) => roomItemsApi.station(stationId, { state, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.items.at(-1)?.createdAt : undefined),
  });
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);

  const kind = (p: StationItem) =>
    p.kind === 'lost' || p.kind === 'found' ? (
      <Tag color={p.kind === 'lost' ? 'orange' : 'green'}>{label(ROOM_POST_KIND_LABELS[p.kind])}</Tag>
    ) : null;
  const stateOf = (p: StationItem) => (
    <Space size={4} wrap>
      {p.item?.closedAs ? (
        <Tag>
          {label(ROOM_ITEM_CLOSING_LABELS[p.item.closedAs])}
          {p.item.closedAt ? ` · ${dateTime(p.item.closedAt)}` : ''}
        </Tag>
      ) : (
        <Tag color="blue">{t('未结束', 'Open')}</Tag>
      )}
      {p.status !== 'published' && <Tag color="red">{label(ROOM_POST_STATUS_LABELS[p.status])}</Tag>}
      {p.item?.acrossStation && <Tag>{t('全所可见', 'Station-wide')}</Tag>}
    </Space>
  );
  const room = (p: StationItem) => <Link to={`/console/rooms/${p.roomId}`}>{p.roomName}</Link>;
  const who = (p: StationItem) => `${p.author.nickname}${p.author.place ? ` · ${p.author.place}` : ''}`;
  const empty = t('没有启事', 'No notices');

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented<State>
        value={state}
        onChange={setState}
        options={[
          { value: 'open', label: t('未结束', 'Open') },
          { value: 'closed', label: t('已找到/已归还', 'Ended') },
          { value: 'all', label: t('全部', 'All') },
        ]}
      />
      {query.isError && <Alert type="error" title={errorMessage(query.error)} />}
      {narrow ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map((p) => (
            <Card
              key={p.id}
              size="small"
              title={
                <Flex gap={4}>
                  {kind(p)}
                  {p.item?.what}
                </Flex>
              }
              extra={room(p)}
            >
              <Typography.Text>
                {p.item?.where} · {p.item ? dateTime(p.item.at) : ''}
              </Typography.Text>
              <div>{stateOf(p)}</div>
              <Typography.Text type="secondary">{who(p)}</Typography.Text>
            </Card>
          ))}
          {!query.isPending && items.length === 0 && <Typography.Text type="secondary">{empty}</Typography.Text>}
        </Space>
      ) : (
        <Table<StationItem>
          rowKey="id"
          size="middle"
          loading={query.isPending}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: empty }}
          columns={[
            { title: t('类型', 'Kind'), key: 'kind', render: (_, p) => kind(p) },
            { title: t('物品', 'What'), key: 'what', render: (_, p) => <strong>{p.item?.what}</strong> },
            { title: t('地点', 'Where'), key: 'where', render: (_, p) => p.item?.where },
            { title: t('丢失/拾到时间', 'When'), key: 'at', render: (_, p) => (p.item ? dateTime(p.item.at) : '') },
            { title: t('所在群', 'Room'), key: 'room', render: (_, p) => room(p) },
            { title: t('发布人', 'Posted by'), key: 'who', render: (_, p) => who(p) },
            { title: t('状态', 'State'), key: 'state', render: (_, p) => stateOf(p) },
            { title: t('发布时间', 'Posted'), key: 'posted', render: (_, p) => dateTime(p.createdAt) },
          ]}
        />
      )}
      {query.hasNextPage && (
        <Flex justify="center">
          <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('加载更早的启事', 'Load earlier')}
          </Button>
        </Flex>
      )}
    </Space>
  );
}
