/**
 * /field/tasks (我的任务): the tasks the station's desk sent this volunteer — what to do, where (an address in
 * words), by when — open ones first, then those finished in the last month. A task's page accepts it, hands it
 * back with a reason, or reports it done with a short note. Nothing here names a resident or their phone.
 */
import type { MyVolunteerTaskView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { ErrorBlock, List, NavBar, PullToRefresh } from 'antd-mobile';
import { Route, Routes, useNavigate } from 'react-router';
import { allianceApi } from '../../../api/alliance';
import { errorMessage } from '../../../api/client';
import { useLang } from '../../../i18n';
import { dateTime } from '../../console/matter/labels';
import { MUTED } from '../../resident/components/residentStyle';
import { StatusTag } from './StatusTag';
import TaskPage from './TaskPage';

export default function FieldTasks() {
  return (
    <Routes>
      <Route index element={<TaskList />} />
      <Route path=":id" element={<TaskPage />} />
    </Routes>
  );
}

const isOpen = (task: MyVolunteerTaskView) => task.status === 'sent' || task.status === 'accepted';

function TaskList() {
  const { t } = useLang();
  const navigate = useNavigate();
  const tasks = useQuery({ queryKey: ['my-tasks'], queryFn: allianceApi.myTasks });
  const items = tasks.data ?? [];
  const open = items.filter(isOpen);
  const finished = items.filter((x) => !isOpen(x));
  const row = (task: MyVolunteerTaskView) => (
    <List.Item
      key={task.id}
      onClick={() => navigate(`/field/tasks/${task.id}`)}
      extra={<StatusTag status={task.status} />}
      description={
        <>
          <div>{task.place}</div>
          <div style={{ color: MUTED }}>
            {task.dueAt
              ? t(`请在 ${dateTime(task.dueAt)} 前完成`, `Due ${dateTime(task.dueAt)}`)
              : t(`${dateTime(task.sentAt)} 派出`, `Sent ${dateTime(task.sentAt)}`)}
          </div>
        </>
      }
    >
      {task.title}
    </List.Item>
  );
  return (
    <>
      <NavBar onBack={() => navigate('/field')}>{t('我的任务', 'My tasks')}</NavBar>
      {tasks.isError && <ErrorBlock status="default" title={errorMessage(tasks.error)} description="" />}
      <PullToRefresh onRefresh={() => tasks.refetch().then(() => undefined)}>
        <List header={t(`待办 ${open.length} 项`, `Open: ${open.length}`)}>
          {open.map(row)}
          {!tasks.isPending && open.length === 0 && (
            <List.Item>{t('暂时没有新任务，谢谢您', 'No open tasks now. Thank you')}</List.Item>
          )}
        </List>
        {finished.length > 0 && <List header={t('近一个月已结束', 'Finished this month')}>{finished.map(row)}</List>}
      </PullToRefresh>
    </>
  );
}
