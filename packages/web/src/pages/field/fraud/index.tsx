/**
 * /field/fraud (反诈任务): the anti-fraud instructions given to this officer, open ones first with a big countdown
 * to the contact deadline, then the ones verified lately. A task's page names the person, calls them with one tap
 * and records 快核. The list refreshes itself: a new instruction must be seen within minutes.
 */
import { FRAUD_OUTCOME_LABELS, FRAUD_TYPE_LABELS, type FraudInstructionView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { ErrorBlock, List, NavBar, PullToRefresh, Tag } from 'antd-mobile';
import { Route, Routes, useNavigate } from 'react-router';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { useLang } from '../../../i18n';
import { useNow } from '../../console/fraud/useNow';
import { MUTED } from '../../resident/components/residentStyle';
import { BigCountdown, LevelTag } from './parts';
import FraudTaskPage from './TaskPage';

export default function FieldFraud() {
  return (
    <Routes>
      <Route index element={<TaskList />} />
      <Route path=":id" element={<FraudTaskPage />} />
    </Routes>
  );
}

function TaskList() {
  const { t, label } = useLang();
  const navigate = useNavigate();
  const now = useNow();
  const open = useQuery({
    queryKey: ['fraud', 'mine', 'open'],
    queryFn: () => fraudApi.list({ view: 'mine', status: 'open', limit: 100 }),
    refetchInterval: 30_000,
  });
  const done = useQuery({
    queryKey: ['fraud', 'mine', 'verified'],
    queryFn: () => fraudApi.list({ view: 'mine', status: 'verified', limit: 10 }),
  });
  const items = [...(open.data?.items ?? [])].sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt));
  const row = (f: FraudInstructionView) => (
    <List.Item
      key={f.id}
      onClick={() => navigate(`/field/fraud/${f.id}`)}
      description={
        <>
          <div>
            {f.name} · {f.unit?.name ?? f.stationName}
          </div>
          <div style={{ color: MUTED }}>{f.number}</div>
        </>
      }
      extra={
        f.status === 'open' ? (
          <BigCountdown deadlineAt={f.deadlineAt} now={now} size={20} />
        ) : (
          f.outcome && <Tag fill="outline">{label(FRAUD_OUTCOME_LABELS[f.outcome])}</Tag>
        )
      }
    >
      <LevelTag level={f.level} /> {label(FRAUD_TYPE_LABELS[f.fraudType])}
    </List.Item>
  );
  return (
    <>
      <NavBar onBack={() => navigate('/field')}>{t('反诈任务', 'Anti-fraud tasks')}</NavBar>
      {open.isError && <ErrorBlock status="default" title={errorMessage(open.error)} description="" />}
      <PullToRefresh onRefresh={() => Promise.all([open.refetch(), done.refetch()]).then(() => undefined)}>
        <List
          header={
            open.isPending
              ? t('正在读取…', 'Loading…')
              : t(`待核查 ${items.length} 条，请尽快联系当事人`, `Open: ${items.length} — contact them now`)
          }
        >
          {items.map(row)}
          {!open.isPending && items.length === 0 && (
            <List.Item>{t('暂时没有待核查的预警指令', 'No open instructions now')}</List.Item>
          )}
        </List>
        {(done.data?.items.length ?? 0) > 0 && (
          <List header={t('最近已核查', 'Verified lately')}>{done.data?.items.map(row)}</List>
        )}
      </PullToRefresh>
    </>
  );
}
