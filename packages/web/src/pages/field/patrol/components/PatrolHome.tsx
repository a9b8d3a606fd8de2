/** The patrol under way (its route's points with ✓, end it), or the form that starts one. */
import {
  HAZARD_STATUS_LABELS,
  MATTER_KIND_LABELS,
  MATTER_STATUS_LABELS,
  type PatrolSessionDetail,
} from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Dialog, ErrorBlock, List, NavBar, NoticeBar, SpinLoading, Tag, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { dismiss, useQueue } from '../../../../field/queue';
import { useLang } from '../../../../i18n';
import { JoinPatrol } from './JoinPatrol';
import { StartPatrol } from './StartPatrol';
import { dateTime, hhmm } from './time';

/** The outbox entries of patrols: check-ins, and findings reported as matters. */
const isPatrolEntry = (path: string) => path === '/patrol-checkins' || /^\/patrol-sessions\/[^/]+\/matters$/.test(path);

export function PatrolHome() {
  const { t } = useLang();
  const navigate = useNavigate();
  const mine = useQuery({ queryKey: ['patrol', 'mine'], queryFn: patrolsApi.mine });
  const can = useCan();
  // Scans and findings made without a network, waiting in the phone's outbox (or refused when sent).
  const kept = useQueue().filter((e) => isPatrolEntry(e.path) && e.state !== 'sent');
  return (
    <>
      <NavBar onBack={() => navigate('/field')}>{t('巡逻打卡', 'Patrol')}</NavBar>
      {kept.length > 0 && (
        <List header={t('本机待提交的打卡和发现', 'Check-ins and findings kept on this phone')}>
          {kept.map((e) => (
            <List.Item
              key={e.key}
              description={e.error ?? new Date(e.createdAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' })}
              extra={
                e.state === 'refused' ? (
                  <Button size="small" onClick={() => void dismiss(e.key)}>
                    {t('移除', 'Remove')}
                  </Button>
                ) : (
                  <Tag>{t('等待网络', 'Waiting')}</Tag>
                )
              }
            >
              {e.title}
            </List.Item>
          ))}
        </List>
      )}
      {mine.isPending ? (
        <SpinLoading style={{ margin: '30vh auto' }} />
      ) : mine.isError ? (
        <ErrorBlock status="default" title={errorMessage(mine.error)} description="" />
      ) : mine.data.session ? (
        <UnderWay session={mine.data.session} />
      ) : can('field.work') ? (
        <StartPatrol />
      ) : (
        <JoinPatrol />
      )}
    </>
  );
}

function UnderWay({ session }: { session: PatrolSessionDetail }) {
  const { t, label } = useLang();
  const navigate = useNavigate();
  const can = useCan();
  const client = useQueryClient();
  const end = useMutation({
    mutationFn: () => patrolsApi.end(session.id),
    onSuccess: () => {
      Toast.show({ icon: 'success', content: t('巡逻已结束', 'Patrol ended') });
      void client.invalidateQueries({ queryKey: ['patrol'] });
    },
    onError: (err) => Toast.show({ content: errorMessage(err) }),
  });
  const onRoute = new Set(session.routePoints.map((p) => p.id));
  const offRoute = session.checkins.filter((c) => !onRoute.has(c.point.id));
  const confirmEnd = async () => {
    const left = session.routePoints.filter((p) => !p.checkedAt).length;
    const ok = await Dialog.confirm({
      content: left
        ? t(`还有 ${left} 个必到点未打卡，确定结束本次巡逻？`, `${left} point(s) not checked yet. End the patrol?`)
        : t('确定结束本次巡逻？', 'End the patrol?'),
      confirmText: t('结束巡逻', 'End'),
      cancelText: t('继续巡逻', 'Keep going'),
    });
    if (ok) end.mutate();
  };
  return (
    <>
      <Card style={{ margin: 12 }} title={t('巡逻进行中', 'Patrol under way')}>
        <div>
          {session.team?.name ?? t('未编队', 'No team')} · {session.route?.name ?? t('自由巡逻', 'Free patrol')}
        </div>
        <div style={{ color: 'var(--adm-color-text-secondary)', marginTop: 4 }}>
          {t('开始于', 'Started')} {dateTime(session.startedAt)} · {t('已打卡', 'Checked')} {session.checked}
          {session.routeLength ? ` / ${session.routeLength}` : ''}
        </div>
      </Card>
      <NoticeBar
        wrap
        color="info"
        content={t(
          '到达每个必到点后，用手机相机扫描点位上的二维码即可打卡；只记录时间和点位。',
          "At each point, scan its QR code with the phone's camera to check in; only the time and the point are kept.",
        )}
      />
      {session.routePoints.length > 0 && (
        <List header={t('必巡线上的必到点', 'Points of the route')}>
          {session.routePoints.map((p, i) => (
            <List.Item
              key={p.id}
              prefix={<span aria-hidden>{i + 1}</span>}
              description={p.code}
              extra={
                p.checkedAt ? (
                  <Tag color="success" data-testid="checked">
                    ✓ {hhmm(p.checkedAt)}
                  </Tag>
                ) : (
                  <Tag color="default">{t('未打卡', 'Not yet')}</Tag>
                )
              }
            >
              {p.name}
            </List.Item>
          ))}
        </List>
      )}
      {offRoute.length > 0 && (
        <List header={t('其他打卡', 'Other check-ins')}>
          {offRoute.map((c) => (
            <List.Item
              key={c.id}
              description={c.point.code}
              extra={
                <Tag color="success" data-testid="checked">
                  ✓ {hhmm(c.scannedAt)}
                </Tag>
              }
            >
              {c.point.name}
            </List.Item>
          ))}
        </List>
      )}
      <List header={t('发现问题', 'Found something')}>
        <List.Item
          onClick={() => navigate('/field/patrol/found')}
          description={t(
            '路灯损坏、井盖缺失、占道经营……值班台立即收到',
            'A broken lamp, a missing cover… the desk gets it at once',
          )}
        >
          {t('上报事项', 'Report a matter')}
        </List.Item>
        {can('field.work') && (
          <List.Item
            onClick={() => navigate(`/field/hazard/new?patrolSessionId=${session.id}`)}
            description={t('需要限期整改的安全隐患', 'A safety hazard to be fixed by a deadline')}
          >
            {t('登记隐患', 'Record a hazard')}
          </List.Item>
        )}
      </List>
      {(session.matters.length > 0 || session.hazards.length > 0) && (
        <List header={t('本次巡逻已上报', 'Reported on this patrol')}>
          {session.matters.map((m) => (
            <List.Item
              key={m.id}
              description={`${label(MATTER_KIND_LABELS[m.kind])} · ${hhmm(m.createdAt)}`}
              extra={<Tag color="primary">{label(MATTER_STATUS_LABELS[m.status])}</Tag>}
            >
              {m.number}
            </List.Item>
          ))}
          {session.hazards.map((h) => (
            <List.Item
              key={h.id}
              description={`${h.place} · ${hhmm(h.foundAt)}`}
              extra={<Tag color="warning">{label(HAZARD_STATUS_LABELS[h.status])}</Tag>}
            >
              {t(`隐患：${h.kind}`, `Hazard: ${h.kind}`)}
            </List.Item>
          ))}
        </List>
      )}
      <div style={{ padding: 16 }}>
        <Button block color="danger" fill="outline" size="large" loading={end.isPending} onClick={confirmEnd}>
          {t('结束巡逻', 'End patrol')}
        </Button>
      </div>
    </>
  );
}
