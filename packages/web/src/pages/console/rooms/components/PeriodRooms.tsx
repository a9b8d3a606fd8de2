/**
 * The rooms a dashboard figure counted (`/console/rooms?from=&to=&unitId=[&posted=1]`): each room of the station's or
 * bureau's subtree over the period — members at its end, members who posted, posts, and the "@" answered in time of
 * those due — so the figure's rows are on screen and add up to it. Closing the tag goes back to the rooms.
 */
import type { RoomPeriodPage, RoomPeriodRow } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage } from '../../../../api/client';
import { DrillTag, periodWords } from '../../../../components/DrillTag';
import { useLang } from '../../../../i18n';
import type { PeriodDrill } from '../../warnings/model';

export function PeriodRooms({ drill, posted }: { drill: PeriodDrill; posted: boolean }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const query = { ...drill, posted: posted ? '1' : undefined };
  const list = useQuery({
    queryKey: ['rooms', 'period', query],
    queryFn: () => api.get<RoomPeriodPage>('/rooms', query),
  });
  const what = posted
    ? { zh: '期内有发言的群', en: 'rooms with posts in the period' }
    : { zh: '期末已建的群', en: 'rooms at the period’s end' };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <DrillTag words={periodWords(drill, what)} onClear={() => navigate('/console/rooms', { replace: true })} />
        {list.data && (
          <Typography.Text type="secondary">
            {t(`共 ${list.data.total} 个群`, `${list.data.total} rooms`)}
          </Typography.Text>
        )}
      </Flex>
      {list.isError && <Alert type="error" title={errorMessage(list.error)} />}
      <Table<RoomPeriodRow>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('没有符合条件的群', 'No rooms match') }}
        columns={[
          {
            title: t('群', 'Room'),
            key: 'name',
            render: (_, r) => <Link to={`/console/rooms/${r.id}`}>{r.name}</Link>,
          },
          { title: t('派出所', 'Station'), dataIndex: 'stationName' },
          { title: t('村（社区）/网格', 'Area'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          { title: t('期末成员', 'Members'), dataIndex: 'members' },
          { title: t('发言成员', 'Posted'), dataIndex: 'activeMembers' },
          { title: t('发言', 'Posts'), dataIndex: 'posts' },
          { title: t('“@”', '"@"'), dataIndex: 'mentions' },
          {
            title: t('按时答复 / 已到期', 'In time / due'),
            key: 'inTime',
            render: (_, r) => `${r.answeredInTime} / ${r.mentionsDue}`,
          },
        ]}
      />
    </Flex>
  );
}
