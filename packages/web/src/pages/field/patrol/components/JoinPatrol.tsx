/**
 * Starts a patrol for a volunteer: one of the teams it is a member of (required) and, optionally, a route of that
 * team's station. It reads no station's lists, only its own teams; one key per attempt, kept across retries.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBlock, Form, Selector, SpinLoading, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { newKey } from '../../../../api/resident';
import { useLang } from '../../../../i18n';
import { MUTED } from '../../../resident/components/residentStyle';

export function JoinPatrol() {
  const { t } = useLang();
  const teams = useQuery({ queryKey: ['patrol', 'my-teams'], queryFn: patrolsApi.myTeams });
  const [teamId, setTeamId] = useState<string | null>(null);
  const [routeId, setRouteId] = useState<string | null>(null);
  const key = useRef(newKey());
  const client = useQueryClient();
  const items = teams.data?.items ?? [];
  const team = items.find((x) => x.id === teamId) ?? (items.length === 1 ? items[0] : undefined);
  const start = useMutation({
    mutationFn: () => patrolsApi.start(team?.stationId ?? '', { teamId: team?.id, routeId }, key.current),
    onSuccess: () => {
      key.current = newKey();
      Toast.show({ icon: 'success', content: t('巡逻已开始', 'Patrol started') });
      void client.invalidateQueries({ queryKey: ['patrol', 'mine'] });
    },
    onError: (err) => Toast.show({ content: errorMessage(err) }),
  });
  if (teams.isPending) return <SpinLoading style={{ margin: '30vh auto' }} />;
  if (teams.isError) return <ErrorBlock status="default" title={errorMessage(teams.error)} description="" />;
  if (items.length === 0)
    return (
      <ErrorBlock
        status="empty"
        title={t('您还没有加入巡逻队', 'You are not on a patrol team yet')}
        description={t('请联系派出所把您加入义警巡逻队', 'Ask the station to add you to a patrol team')}
      />
    );
  return (
    <Form
      layout="vertical"
      footer={
        <Button block type="submit" color="primary" size="large" loading={start.isPending} disabled={!team}>
          {t('开始巡逻', 'Start patrol')}
        </Button>
      }
      onFinish={() => start.mutate()}
    >
      <Form.Header>{t('选择您的巡逻队，必巡线可不选', 'Pick your team; the route is optional')}</Form.Header>
      <Form.Item label={t('巡逻队', 'Team')}>
        <Selector
          columns={1}
          value={team ? [team.id] : []}
          onChange={(v) => {
            setTeamId(v[0] ?? null);
            setRouteId(null);
          }}
          options={items.map((x) => ({
            label: <TwoLines title={x.name} note={`${x.stationName} · ${x.kind}`} />,
            value: x.id,
          }))}
        />
      </Form.Item>
      {team && team.routes.length > 0 && (
        <Form.Item label={t('必巡线', 'Route')}>
          <Selector
            columns={1}
            value={routeId ? [routeId] : []}
            onChange={(v) => setRouteId(v[0] ?? null)}
            options={team.routes.map((x) => ({
              label: <TwoLines title={x.name} note={t(`${x.points} 个必到点`, `${x.points} points`)} />,
              value: x.id,
            }))}
          />
        </Form.Item>
      )}
    </Form>
  );
}

/** A choice's name, and under it in small grey what it is (the selector's own description runs on the name's line). */
function TwoLines({ title, note }: { title: string; note: string }) {
  return (
    <div>
      <div>{title}</div>
      <div style={{ fontSize: 13, color: MUTED }}>{note}</div>
    </div>
  );
}
