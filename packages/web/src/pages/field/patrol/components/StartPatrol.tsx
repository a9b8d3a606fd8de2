/** Starts a patrol: the team and the route are optional; one key per attempt, kept across retries. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBlock, Form, Selector, SpinLoading, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { newKey } from '../../../../api/resident';
import { useLang } from '../../../../i18n';
import { useStationScope } from '../../../console/matter/station';

export function StartPatrol() {
  const { t } = useLang();
  const scope = useStationScope();
  const stationId = scope.stationId;
  const teams = useQuery({
    queryKey: ['patrol', 'teams', stationId],
    queryFn: () => patrolsApi.teams(stationId ?? ''),
    enabled: Boolean(stationId),
  });
  const routes = useQuery({
    queryKey: ['patrol', 'routes', stationId],
    queryFn: () => patrolsApi.routes(stationId ?? ''),
    enabled: Boolean(stationId),
  });
  const [teamId, setTeamId] = useState<string | null>(null);
  const [routeId, setRouteId] = useState<string | null>(null);
  const key = useRef(newKey());
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: () => patrolsApi.start(stationId ?? '', { teamId, routeId }, key.current),
    onSuccess: () => {
      key.current = newKey();
      Toast.show({ icon: 'success', content: t('巡逻已开始', 'Patrol started') });
      void client.invalidateQueries({ queryKey: ['patrol', 'mine'] });
    },
    onError: (err) => Toast.show({ content: errorMessage(err) }),
  });
  if (scope.pending || teams.isPending || routes.isPending) return <SpinLoading style={{ margin: '30vh auto' }} />;
  if (!stationId)
    return <ErrorBlock status="empty" title={t('您的辖区下没有派出所', 'No station in your scope')} description="" />;
  if (teams.isError || routes.isError)
    return <ErrorBlock status="default" title={errorMessage(teams.error ?? routes.error)} description="" />;
  const activeTeams = teams.data.items.filter((x) => x.active);
  const activeRoutes = routes.data.items.filter((x) => x.active);
  return (
    <Form
      layout="vertical"
      footer={
        <Button block type="submit" color="primary" size="large" loading={start.isPending}>
          {t('开始巡逻', 'Start patrol')}
        </Button>
      }
      onFinish={() => start.mutate()}
    >
      <Form.Header>{t('选择巡逻队和必巡线（可不选）', 'Pick a team and a route (optional)')}</Form.Header>
      <Form.Item label={t('巡逻队', 'Team')}>
        <Selector
          columns={1}
          value={teamId ? [teamId] : []}
          onChange={(v) => setTeamId(v[0] ?? null)}
          options={activeTeams.map((x) => ({ label: x.name, value: x.id, description: x.kind }))}
        />
      </Form.Item>
      <Form.Item label={t('必巡线', 'Route')}>
        <Selector
          columns={1}
          value={routeId ? [routeId] : []}
          onChange={(v) => setRouteId(v[0] ?? null)}
          options={activeRoutes.map((x) => ({
            label: x.name,
            value: x.id,
            description: t(`${x.points.length} 个必到点`, `${x.points.length} points`),
          }))}
        />
      </Form.Item>
    </Form>
  );
}
