/**
 * 任务: what the desk sent the station's volunteers and what became of it — accepted, handed back with a reason,
 * done with the volunteer's note, withdrawn. A suspended volunteer's open tasks stay as they were and say so; the
 * desk withdraws them or sends the work to someone else.
 */
import {
  VOLUNTEER_STATE_LABELS,
  VOLUNTEER_TASK_STATUS_LABELS,
  VOLUNTEER_TASK_STATUSES,
  type VolunteerTaskStatus,
  type VolunteerTaskView,
} from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Grid, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { allianceApi } from '../../../api/alliance';
import { errorMessage } from '../../../api/client';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { SendTask } from './SendTask';

const STATUS_COLOR: Record<VolunteerTaskStatus, string> = {
  sent: 'warning',
  accepted: 'processing',
  done: 'success',
  declined: 'error',
  cancelled: 'default',
};

export function VolunteerTasks({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  // Opened from a matter: the send form opens at once, for that matter and its address.
  const matterId = params.get('matterId') ?? undefined;
  const householdId = params.get('householdId') ?? undefined;
  const [sending, setSending] = useState(Boolean(matterId));
  const [status, setStatus] = useState<VolunteerTaskStatus | 'all'>('all');
  const [withdrawing, setWithdrawing] = useState<VolunteerTaskView | null>(null);
  const [reason, setReason] = useState('');
  const narrow = Grid.useBreakpoint().md === false;
  const list = useQuery({
    queryKey: ['volunteer-tasks', stationId, status],
    queryFn: () => allianceApi.stationTasks(stationId, { status: status === 'all' ? undefined : status }),
  });
  const cancel = useMutation({
    mutationFn: (task: VolunteerTaskView) => allianceApi.cancelTask(task.id, reason.trim(), task.version),
    onSuccess: (task) => {
      message.success(t(`已撤回“${task.title}”`, `Withdrawn: ${task.title}`));
      setWithdrawing(null);
      setReason('');
      void client.invalidateQueries({ queryKey: ['volunteer-tasks', stationId] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const closeSend = () => {
    setSending(false);
    if (!matterId) return;
    setParams(
      (p) => {
        p.delete('matterId');
        p.delete('householdId');
        return p;
      },
      { replace: true },
    );
  };
  const taskCell = (x: VolunteerTaskView) => (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{x.title}</Typography.Text>
      <Typography.Text type="secondary">{x.place}</Typography.Text>
      {x.matterNumber && (
        <Typography.Text type="secondary">{t(`协助事项 ${x.matterNumber}`, `For ${x.matterNumber}`)}</Typography.Text>
      )}
    </Space>
  );
  const volunteerCell = (x: VolunteerTaskView) => (
    <Space orientation="vertical" size={0}>
      <span>
        {x.volunteerName} · {x.volunteerUnitName}
      </span>
      {x.volunteerState !== 'active' && <Tag color="default">{label(VOLUNTEER_STATE_LABELS[x.volunteerState])}</Tag>}
    </Space>
  );
  const statusCell = (x: VolunteerTaskView) => (
    <Space orientation="vertical" size={0}>
      <Tag color={STATUS_COLOR[x.status]}>{label(VOLUNTEER_TASK_STATUS_LABELS[x.status])}</Tag>
      {(x.doneNote ?? x.declineReason ?? x.cancelReason) && (
        <Typography.Text type="secondary">{x.doneNote ?? x.declineReason ?? x.cancelReason}</Typography.Text>
      )}
    </Space>
  );
  const withdraw = (x: VolunteerTaskView) =>
    x.allowedActions.includes('cancel') && (
      <Button size="small" danger onClick={() => setWithdrawing(x)}>
        {t('撤回', 'Withdraw')}
      </Button>
    );
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex gap={8} wrap align="center">
        <Button type="primary" onClick={() => setSending(true)}>
          {t('派任务', 'Send a task')}
        </Button>
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as VolunteerTaskStatus | 'all')}
          options={[
            { value: 'all', label: t('全部', 'All') },
            ...VOLUNTEER_TASK_STATUSES.map((s) => ({ value: s, label: label(VOLUNTEER_TASK_STATUS_LABELS[s]) })),
          ]}
        />
      </Flex>
      {narrow ? (
        // On a phone: one card per task, nothing to scroll sideways.
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(list.data ?? []).map((x) => (
            <Card key={x.id} size="small">
              <Flex justify="space-between" gap={8} align="start">
                {taskCell(x)}
                {withdraw(x)}
              </Flex>
              <div style={{ marginTop: 4 }}>{volunteerCell(x)}</div>
              {statusCell(x)}
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {t('期限', 'Due')} {x.dueAt ? when(x.dueAt) : '—'} · {t('派出', 'Sent')} {when(x.sentAt)} ·{' '}
                {x.sentByName}
              </Typography.Text>
            </Card>
          ))}
        </Space>
      ) : (
        <Table<VolunteerTaskView>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('任务', 'Task'), key: 'title', width: 240, render: (_, x) => taskCell(x) },
            { title: t('志愿者', 'Volunteer'), key: 'volunteer', width: 170, render: (_, x) => volunteerCell(x) },
            { title: t('状态', 'Status'), key: 'status', render: (_, x) => statusCell(x) },
            {
              title: t('期限', 'Due'),
              dataIndex: 'dueAt',
              width: 140,
              render: (d: string | null) => (d ? when(d) : '—'),
            },
            {
              title: t('派出', 'Sent'),
              key: 'sent',
              width: 170,
              render: (_, x) => `${when(x.sentAt)} · ${x.sentByName}`,
            },
            { title: '', key: 'act', render: (_, x) => withdraw(x) },
          ]}
        />
      )}
      <SendTask
        stationId={stationId}
        open={sending}
        matterId={matterId}
        householdId={householdId}
        onClose={closeSend}
      />
      <Modal
        open={withdrawing !== null}
        title={t(`撤回“${withdrawing?.title ?? ''}”`, `Withdraw "${withdrawing?.title ?? ''}"`)}
        okText={t('撤回', 'Withdraw')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        cancelText={t('取消', 'Cancel')}
        confirmLoading={cancel.isPending}
        onOk={() => withdrawing && cancel.mutate(withdrawing)}
        onCancel={() => setWithdrawing(null)}
      >
        <Typography.Paragraph>
          {t('志愿者会看到任务已撤回和原因。', 'The volunteer will see it was withdrawn, and why.')}
        </Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          placeholder={t('撤回原因', 'Why')}
          aria-label={t('撤回原因', 'Why')}
        />
      </Modal>
    </Space>
  );
}
