/** 巡逻队: the station's teams and their members; the chief adds, edits and stands teams down. */
import { PATROL_MEMBER_ROLE_LABELS, type PatrolTeam } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Popconfirm, Row, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { useLang } from '../../../../i18n';
import { TeamForm } from './TeamForm';

export function TeamsTab({ stationId, editable }: { stationId: string; editable: boolean }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<PatrolTeam | null | undefined>(undefined);
  const list = useQuery({ queryKey: ['patrol', 'teams', stationId], queryFn: () => patrolsApi.teams(stationId) });
  if (list.isPending) return <Spin />;
  if (list.isError) return <Alert type="error" showIcon title={errorMessage(list.error)} />;
  const standDown = async (team: PatrolTeam) => {
    try {
      await patrolsApi.deactivateTeam(team.id);
      message.success(t('已停用', 'Stood down'));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      void client.invalidateQueries({ queryKey: ['patrol'] });
    }
  };
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Text>
          {t(`共 ${list.data.items.length} 支巡逻队`, `${list.data.items.length} team(s)`)}
        </Typography.Text>
        {editable && (
          <Button type="primary" onClick={() => setEditing(null)}>
            {t('新建巡逻队', 'New team')}
          </Button>
        )}
      </Flex>
      {list.data.items.length === 0 ? (
        <Empty description={t('本所还没有巡逻队', 'No team yet')} />
      ) : (
        <Row gutter={[12, 12]}>
          {list.data.items.map((team) => (
            <Col key={team.id} xs={24} lg={12} xxl={8}>
              <Card
                size="small"
                title={team.name}
                extra={
                  <>
                    <Tag>{team.kind}</Tag>
                    {!team.active && <Tag>{t('已停用', 'Stood down')}</Tag>}
                    {editable && (
                      <Button type="link" size="small" onClick={() => setEditing(team)}>
                        {team.active ? t('编辑', 'Edit') : t('重新启用', 'Re-enable')}
                      </Button>
                    )}
                    {editable && team.active && (
                      <Popconfirm
                        title={t(
                          '停用后不能再以该队名义开始巡逻；巡逻记录保留。',
                          'No new patrol under this team; its records stay.',
                        )}
                        onConfirm={() => standDown(team)}
                      >
                        <Button type="link" size="small" danger>
                          {t('停用', 'Stand down')}
                        </Button>
                      </Popconfirm>
                    )}
                  </>
                }
              >
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
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {editing !== undefined && <TeamForm stationId={stationId} team={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
