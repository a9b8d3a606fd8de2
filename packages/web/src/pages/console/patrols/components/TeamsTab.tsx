/** 巡逻队: the station's teams and their members; the chief adds, edits and stands teams down. */
import { PATROL_MEMBER_ROLE_LABELS, type PatrolTeam } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { useLang } from '../../../../i18n';
import { SetupCards } from './SetupCards';
import { TeamForm } from './TeamForm';

export function TeamsTab({ stationId, editable }: { stationId: string; editable: boolean }) {
  const { t, label } = useLang();
  const [editing, setEditing] = useState<PatrolTeam | null | undefined>(undefined);
  const list = useQuery({ queryKey: ['patrol', 'teams', stationId], queryFn: () => patrolsApi.teams(stationId) });
  if (list.isPending) return <Spin />;
  if (list.isError) return <Alert type="error" showIcon title={errorMessage(list.error)} />;
  return (
    <>
      <SetupCards<PatrolTeam>
        items={list.data.items}
        editable={editable}
        count={t(`共 ${list.data.items.length} 支巡逻队`, `${list.data.items.length} team(s)`)}
        newLabel={t('新建巡逻队', 'New team')}
        emptyText={t('本所还没有巡逻队', 'No team yet')}
        retireQuestion={t(
          '停用后不能再以该队名义开始巡逻；巡逻记录保留。',
          'No new patrol under this team; its records stay.',
        )}
        retireLabel={t('停用', 'Stand down')}
        retire={patrolsApi.deactivateTeam}
        onEdit={setEditing}
        tags={(team) => <Tag>{team.kind}</Tag>}
      >
        {(team) => (
          <>
            <Flex wrap gap={4}>
              {team.members.map((m) => (
                <Tag key={m.id} color={m.role === 'leader' ? 'blue' : m.volunteer ? 'green' : 'default'}>
                  {m.name}
                  {m.role === 'leader' ? ` · ${label(PATROL_MEMBER_ROLE_LABELS.leader)}` : ''}
                  {m.volunteer ? ` · ${t('志愿者', 'volunteer')}` : ''}
                </Tag>
              ))}
            </Flex>
            {team.note && (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {team.note}
              </Typography.Paragraph>
            )}
          </>
        )}
      </SetupCards>
      {editing !== undefined && <TeamForm stationId={stationId} team={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
