/**
 * 平安联盟: the station's volunteers — applications to approve, the active ones and the suspended (with why), the
 * QR code a volunteer scans to apply, each volunteer's contributions of a month for the station's thanks
 * (listed by name, never ranked), and — for the desk — the tasks it sends them (Tasks.tsx).
 */
import { VOLUNTEER_STATE_LABELS, VOLUNTEER_STATES, type VolunteerState, type VolunteerView } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Grid,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { allianceApi } from '../../../api/alliance';
import { errorMessage } from '../../../api/client';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { StationPage } from '../matter/StationPicker';
import { VolunteerTasks } from './Tasks';

export default function AlliancePage() {
  const { t } = useLang();
  return (
    <StationPage
      title={t('平安联盟', 'Safety alliance')}
      intro={t(
        '义警、快递小哥、退伍老兵等志愿者扫码申请，所长审核后用手机号和验证码登录，在所服务的网格上报民情、接收值班台派的任务；只能看到自己的上报和任务，看不到群众的个人信息。',
        'Volunteers apply by QR; once approved they sign in with their phone, report what they see in their grid and take the desk’s tasks; they read no resident’s data.',
      )}
    >
      {(stationId) => <Sections stationId={stationId} />}
    </StationPage>
  );
}

/** 志愿者 and, for the desk, 任务 (opened at once from a matter's 派给志愿者: ?tab=tasks&matterId=…). */
function Sections({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  if (!can('matter.desk')) return <Alliance stationId={stationId} />;
  return (
    <Tabs
      activeKey={params.get('tab') === 'tasks' ? 'tasks' : 'volunteers'}
      onChange={(tab) => setParams({ tab }, { replace: true })}
      items={[
        { key: 'volunteers', label: t('志愿者', 'Volunteers'), children: <Alliance stationId={stationId} /> },
        { key: 'tasks', label: t('任务', 'Tasks'), children: <VolunteerTasks stationId={stationId} /> },
      ]}
    />
  );
}

const STATE_COLOR: Record<VolunteerState, string> = { pending: 'warning', active: 'success', suspended: 'default' };

function Alliance({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [state, setState] = useState<VolunteerState | 'all'>('all');
  const [suspending, setSuspending] = useState<VolunteerView | null>(null);
  const [reason, setReason] = useState('');
  const [qr, setQr] = useState(false);
  const list = useQuery({
    queryKey: ['volunteers', stationId, state],
    queryFn: () => allianceApi.list(stationId, state === 'all' ? undefined : state),
  });
  const act = useMutation({
    mutationFn: ({ id, to }: { id: string; to: 'approve' | 'suspend' | 'reinstate' }) =>
      to === 'approve'
        ? allianceApi.approve(id)
        : to === 'reinstate'
          ? allianceApi.reinstate(id)
          : allianceApi.suspend(id, reason),
    onSuccess: (v) => {
      message.success(
        t(
          `${v.name}：${label(VOLUNTEER_STATE_LABELS[v.state])}`,
          `${v.name}: ${label(VOLUNTEER_STATE_LABELS[v.state])}`,
        ),
      );
      setSuspending(null);
      setReason('');
      void client.invalidateQueries({ queryKey: ['volunteers', stationId] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const narrow = Grid.useBreakpoint().md === false;
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  const stateTag = (v: VolunteerView) => (
    <Space orientation="vertical" size={0}>
      <Tag color={STATE_COLOR[v.state]}>{label(VOLUNTEER_STATE_LABELS[v.state])}</Tag>
      {v.suspendReason && <Typography.Text type="secondary">{v.suspendReason}</Typography.Text>}
    </Space>
  );
  const actions = (v: VolunteerView) =>
    can('field.manage') && (
      <Space>
        {v.state === 'pending' && (
          <Button size="small" type="primary" onClick={() => act.mutate({ id: v.id, to: 'approve' })}>
            {t('通过', 'Approve')}
          </Button>
        )}
        {v.state !== 'suspended' && (
          <Button size="small" danger onClick={() => setSuspending(v)}>
            {t('暂停', 'Suspend')}
          </Button>
        )}
        {v.state === 'suspended' && (
          <Button size="small" onClick={() => act.mutate({ id: v.id, to: 'reinstate' })}>
            {t('恢复', 'Reinstate')}
          </Button>
        )}
      </Space>
    );
  const joinUrl = `${window.location.origin}/volunteer/join?station=${stationId}`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex gap={8} wrap align="center">
        <Segmented
          value={state}
          onChange={(v) => setState(v as VolunteerState | 'all')}
          options={[
            { value: 'all', label: t('全部', 'All') },
            ...VOLUNTEER_STATES.map((s) => ({ value: s, label: label(VOLUNTEER_STATE_LABELS[s]) })),
          ]}
        />
        <Button onClick={() => setQr(true)}>{t('申请二维码', 'Application QR')}</Button>
      </Flex>
      {narrow ? (
        // On a phone: one card per volunteer, nothing to scroll sideways.
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(list.data ?? []).map((v) => (
            <Card key={v.id} size="small">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>
                  {v.name} · {v.kind}
                </Typography.Text>
                {stateTag(v)}
              </Flex>
              <div>
                {v.unitName} · {v.phoneMasked}
              </div>
              <Typography.Text type="secondary">{v.duties.join('、')}</Typography.Text>
              <div style={{ marginTop: 4 }}>{actions(v)}</div>
            </Card>
          ))}
        </Space>
      ) : (
        <Table<VolunteerView>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'name' },
            { title: t('身份', 'Kind'), dataIndex: 'kind' },
            { title: t('服务网格', 'Grid'), dataIndex: 'unitName' },
            { title: t('手机', 'Phone'), dataIndex: 'phoneMasked' },
            { title: t('职责', 'Duties'), dataIndex: 'duties', render: (d: string[]) => d.join('、') },
            { title: t('状态', 'State'), key: 'state', render: (_, v) => stateTag(v) },
            { title: t('申请时间', 'Applied'), dataIndex: 'appliedAt', render: when },
            { title: '', key: 'act', render: (_, v) => actions(v) },
          ]}
        />
      )}
      <Contributions stationId={stationId} />
      <Modal
        open={suspending !== null}
        title={t(`暂停 ${suspending?.name ?? ''}`, `Suspend ${suspending?.name ?? ''}`)}
        okText={t('暂停', 'Suspend')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        cancelText={t('取消', 'Cancel')}
        confirmLoading={act.isPending}
        onOk={() => suspending && act.mutate({ id: suspending.id, to: 'suspend' })}
        onCancel={() => setSuspending(null)}
      >
        <Typography.Paragraph>
          {t('暂停后该志愿者立即退出登录，不能再上报，直到恢复。', 'Its session ends at once until reinstated.')}
        </Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          placeholder={t('暂停原因', 'Why')}
          aria-label={t('暂停原因', 'Why')}
        />
      </Modal>
      <Modal open={qr} title={t('扫码申请加入平安联盟', 'Scan to apply')} footer={null} onCancel={() => setQr(false)}>
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          <QRCodeSVG value={joinUrl} size={240} marginSize={2} title={t('平安联盟申请二维码', 'Application QR')} />
          <Typography.Text copyable>{joinUrl}</Typography.Text>
        </Space>
      </Modal>
    </Space>
  );
}

/** A month's contributions, by name: for thanking people, not ranking them. */
function Contributions({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const m = month.format('YYYY-MM');
  const data = useQuery({
    queryKey: ['volunteer-contributions', stationId, m],
    queryFn: () => allianceApi.contributions(stationId, m),
  });
  return (
    <Card
      size="small"
      title={t('志愿者当月贡献（按姓名，用于致谢）', 'Contributions of the month (by name, for thanks)')}
      extra={
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          onChange={(v) => v && setMonth(v)}
          aria-label={t('月份', 'Month')}
        />
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={data.isPending}
        dataSource={data.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 520 }}
        columns={[
          { title: t('姓名', 'Name'), dataIndex: 'name' },
          { title: t('身份', 'Kind'), dataIndex: 'kind' },
          { title: t('网格', 'Grid'), dataIndex: 'unitName' },
          { title: t('民情上报', 'Reports'), dataIndex: 'reports', align: 'right' },
          { title: t('巡逻打卡', 'Check-ins'), dataIndex: 'checkins', align: 'right' },
          { title: t('参与走访', 'Visits'), dataIndex: 'visits', align: 'right' },
          { title: t('完成任务', 'Tasks done'), dataIndex: 'tasks', align: 'right' },
        ]}
      />
    </Card>
  );
}
