/**
 * /field/tasks/:id: one task — what, where, by when, who sent it — and the volunteer's steps the server allows:
 * 接收, 退回 (with a reason), 完成 (with a short note of what it did or saw).
 */
import type { MyVolunteerTaskView } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Dialog, ErrorBlock, List, NavBar, Popup, SpinLoading, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { allianceApi } from '../../../api/alliance';
import { errorMessage } from '../../../api/client';
import { useLang } from '../../../i18n';
import { dateTime } from '../../console/matter/labels';
import { MUTED } from '../../resident/components/residentStyle';
import { StatusTag } from './StatusTag';

type Writing = { kind: 'decline' | 'done'; text: string } | null;

export default function TaskPage() {
  const { t } = useLang();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const [writing, setWriting] = useState<Writing>(null);
  const task = useQuery({ queryKey: ['my-task', id], queryFn: () => allianceApi.myTask(id) });
  const act = useMutation({
    mutationFn: ({ kind, text }: { kind: 'accept' | 'decline' | 'done'; text?: string }) => {
      const version = task.data?.version;
      if (kind === 'accept') return allianceApi.acceptTask(id, version);
      if (kind === 'decline') return allianceApi.declineTask(id, text ?? '', version);
      return allianceApi.finishTask(id, text ?? '', version);
    },
    onSuccess: (view, { kind }) => {
      client.setQueryData(['my-task', id], view);
      void client.invalidateQueries({ queryKey: ['my-tasks'] });
      setWriting(null);
      Toast.show({
        icon: 'success',
        content:
          kind === 'accept'
            ? t('已接收', 'Accepted')
            : kind === 'done'
              ? t('已报告完成，谢谢您', 'Reported done. Thank you')
              : t('已退回', 'Handed back'),
      });
    },
    onError: (err) => {
      Toast.show({ content: errorMessage(err) });
      void task.refetch();
    },
  });
  const back = () => navigate('/field/tasks');
  if (task.isPending) return <SpinLoading style={{ margin: '40vh auto' }} />;
  if (task.isError)
    return (
      <>
        <NavBar onBack={back}>{t('任务', 'Task')}</NavBar>
        <ErrorBlock status="empty" title={errorMessage(task.error)} description="" />
      </>
    );
  const view = task.data;
  const can = (a: MyVolunteerTaskView['allowedActions'][number]) => view.allowedActions.includes(a);
  return (
    <>
      <NavBar onBack={back}>{t('任务', 'Task')}</NavBar>
      <Card title={view.title} extra={<StatusTag status={view.status} />} style={{ margin: 12, borderRadius: 8 }}>
        {view.detail && <p style={{ marginTop: 0, whiteSpace: 'pre-wrap' }}>{view.detail}</p>}
        <div style={{ color: MUTED }}>
          {t(`${view.stationName} ${view.sentByName} · ${dateTime(view.sentAt)} 派出`, `From ${view.stationName}`)}
        </div>
      </Card>
      <List>
        <List.Item title={t('地点', 'Where')}>{view.place}</List.Item>
        {view.dueAt && <List.Item title={t('期限', 'Due')}>{dateTime(view.dueAt)}</List.Item>}
        {view.doneNote && <List.Item title={t('完成情况', 'What I did')}>{view.doneNote}</List.Item>}
        {view.declineReason && (
          <List.Item title={t('退回原因', 'Why I handed it back')}>{view.declineReason}</List.Item>
        )}
        {view.cancelReason && <List.Item title={t('撤回原因', 'Why it was withdrawn')}>{view.cancelReason}</List.Item>}
      </List>
      <div style={{ padding: 16, display: 'grid', gap: 12 }}>
        {can('accept') && (
          <Button
            block
            color="primary"
            size="large"
            loading={act.isPending}
            onClick={() => act.mutate({ kind: 'accept' })}
          >
            {t('接收任务', 'Accept')}
          </Button>
        )}
        {can('done') && (
          <Button
            block
            color={can('accept') ? 'default' : 'primary'}
            size="large"
            onClick={() => setWriting({ kind: 'done', text: '' })}
          >
            {t('报告完成', 'Report done')}
          </Button>
        )}
        {can('decline') && (
          <Button block fill="outline" size="large" onClick={() => setWriting({ kind: 'decline', text: '' })}>
            {t('退回任务', 'Hand back')}
          </Button>
        )}
      </div>
      <Popup visible={writing !== null} onMaskClick={() => setWriting(null)} bodyStyle={{ padding: 16 }}>
        {writing && (
          <>
            <h3 style={{ marginTop: 0 }}>
              {writing.kind === 'done' ? t('做了什么、看到了什么', 'What you did or saw') : t('退回原因', 'Why')}
            </h3>
            <TextArea
              value={writing.text}
              onChange={(text) => setWriting({ ...writing, text })}
              rows={4}
              maxLength={writing.kind === 'done' ? 500 : 200}
              showCount
              placeholder={
                writing.kind === 'done'
                  ? t('如：药已送到，老人精神不错', 'e.g. the medicine is delivered, she is well')
                  : t('如：这两天不在村里', 'e.g. I am away these days')
              }
            />
            <Button
              block
              color="primary"
              size="large"
              style={{ marginTop: 12 }}
              loading={act.isPending}
              disabled={writing.text.trim().length < 2}
              onClick={async () => {
                if (writing.kind === 'decline') {
                  const sure = await Dialog.confirm({ content: t('确定退回这项任务？', 'Hand this task back?') });
                  if (!sure) return;
                }
                act.mutate({ kind: writing.kind, text: writing.text.trim() });
              }}
            >
              {writing.kind === 'done' ? t('提交', 'Send') : t('退回', 'Hand back')}
            </Button>
          </>
        )}
      </Popup>
    </>
  );
}
