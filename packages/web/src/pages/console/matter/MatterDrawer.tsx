/**
 * One matter, opened from the desk, the board or "my tasks": its facts and
 * photos, the steps this account may take now (the server's allowedActions),
 * and the timeline with the resident's messages. Full width on a phone.
 */
import { isFinished, MATTER_KIND_LABELS, type MatterView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Grid, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';
import { ToDisputeButton } from '../disputes/ToDispute';
import { ACTION_LABELS, type Step } from './labels';
import { MatterFacts } from './MatterFacts';
import { MatterTimeline } from './MatterTimeline';
import { StepForm } from './StepForm';

const PRIMARY = new Set<Step>(['accept', 'dispatch', 'resolve', 'take']);
/** Steps that need nothing more than a click. */
const INSTANT = new Set<Step>(['take', 'close']);

export function MatterDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const can = useCan();
  const navigate = useNavigate();
  // 转为矛盾纠纷: a 矛盾纠纷 matter the desk has accepted and not yet opened as a case.
  const canOpenCase = (v: MatterView) =>
    v.kind === 'dispute' && v.status !== 'submitted' && can('dispute.handle') && !v.dispute;
  // 派给志愿者: the desk asks a volunteer of the station to help with an open matter (look, remind, deliver).
  const canSendTask = (v: MatterView) => v.status !== 'submitted' && !isFinished(v.status) && can('matter.desk');
  const sendTask = (v: MatterView) => {
    const q = new URLSearchParams({ tab: 'tasks', matterId: v.id });
    if (v.householdId) q.set('householdId', v.householdId);
    navigate(`/console/alliance?${q}`);
  };
  const matter = useQuery({ queryKey: ['matter', id], queryFn: () => matterApi.get(id) });
  const [step, setStep] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const m = matter.data;

  const act = async (action: Step, body: Record<string, unknown> = {}) => {
    setBusy(true);
    try {
      await matterApi.act(id, action, body);
      message.success(t(`已${ACTION_LABELS[action][0]}`, `${ACTION_LABELS[action][1]}: done`));
      setStep(null);
      await matter.refetch();
      onChanged();
      return true;
    } catch (err) {
      message.error(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const steps: Step[] = m?.allowedActions ?? [];

  return (
    <Drawer
      open
      size={narrow ? '100%' : 640}
      onClose={onClose}
      title={m ? `${m.number} · ${label(MATTER_KIND_LABELS[m.kind])}` : t('事项', 'Matter')}
      rootClassName="jm-matter-drawer"
      styles={{ body: { padding: narrow ? 12 : 24 } }}
    >
      {/* A fact's label ("用时（分钟）") stays on one line; its column takes the width it needs. */}
      <style>{'.jm-matter-drawer .ant-descriptions-item-label { white-space: nowrap; }'}</style>
      {matter.isError ? (
        <Alert type="error" title={errorMessage(matter.error)} />
      ) : !m ? (
        <Spin />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <MatterFacts m={m} />
          {m.dispute && (
            <Alert
              type="info"
              showIcon
              title={t(`已转为矛盾纠纷案件 ${m.dispute.number}`, `Opened as dispute case ${m.dispute.number}`)}
              action={
                can('dispute.read') && (
                  <Button size="small" onClick={() => navigate(`/console/disputes/${m.dispute?.id}`)}>
                    {t('查看案件', 'Open the case')}
                  </Button>
                )
              }
            />
          )}
          {(steps.length > 0 || canOpenCase(m) || canSendTask(m)) && (
            <Space wrap>
              {steps.map((a) => (
                <Button
                  key={a}
                  type={PRIMARY.has(a) ? 'primary' : 'default'}
                  danger={a === 'return' || a === 'invalidate'}
                  loading={busy && INSTANT.has(a)}
                  onClick={() => (INSTANT.has(a) ? act(a) : setStep(a))}
                >
                  {t(...ACTION_LABELS[a])}
                </Button>
              ))}
              {/* 矛盾纠纷: a resident's dispute matter becomes a case, worked on the case page. */}
              {canOpenCase(m) && <ToDisputeButton matterId={m.id} stationId={m.stationId} />}
              {canSendTask(m) && <Button onClick={() => sendTask(m)}>{t('派给志愿者', 'Send to a volunteer')}</Button>}
            </Space>
          )}
          {step && <StepForm key={step} m={m} step={step} act={act} onCancel={() => setStep(null)} />}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('时间线', 'Timeline')}
          </Typography.Title>
          <MatterTimeline matterId={m.id} entries={m.timeline} />
        </Space>
      )}
    </Drawer>
  );
}
