/**
 * 会议评价 (召开会议必评): the station's meetings with how many came (scans of
 * the attendance QR, no names) and how many answered; the desk or the chief
 * records a meeting and shows its QR on a phone or prints it.
 */
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingInput, type MeetingView } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Spin, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { meetingsApi } from '../../../api/evaluations';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';
import { dateTime } from '../matter/labels';
import { StationPage } from '../matter/StationPicker';

export default function MeetingsPage() {
  const { t } = useLang();
  return (
    <StationPage
      title={t('会议评价', 'Meetings')}
      intro={t(
        '召开会议必评：会上出示到会二维码，群众每扫一次记到会一人（不记姓名），并可对会议评价一次。',
        'Each scan of a meeting’s QR counts one attendee (no names) and lets them rate the meeting once.',
      )}
    >
      {(stationId) => <Meetings stationId={stationId} />}
    </StationPage>
  );
}

function Meetings({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<MeetingView | null>(null);
  const list = useQuery({ queryKey: ['meetings', stationId], queryFn: () => meetingsApi.list(stationId) });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  return (
    <>
      {can('matter.desk') && (
        <Button type="primary" onClick={() => setCreating(true)} style={{ alignSelf: 'flex-start' }}>
          {t('登记会议', 'Record a meeting')}
        </Button>
      )}
      <Table<MeetingView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('类型', 'Type'),
            dataIndex: 'type',
            render: (v: MeetingView['type']) => label(MEETING_TYPE_LABELS[v]),
          },
          {
            title: t('时间', 'When'),
            dataIndex: 'heldAt',
            render: (v: string) => dateTime(v),
          },
          { title: t('地点', 'Place'), dataIndex: 'place' },
          { title: t('主持人', 'Host'), dataIndex: 'hostName' },
          { title: t('到会人数', 'Attended'), dataIndex: 'attendance', align: 'right' },
          { title: t('已评价', 'Answered'), dataIndex: 'answers', align: 'right' },
          {
            title: t('到会二维码', 'Attendance QR'),
            key: 'qr',
            render: (_, m) => (
              <Button size="small" onClick={() => setShown(m)}>
                {t('出示二维码', 'Show QR')}
              </Button>
            ),
          },
        ]}
      />
      {creating && <CreateMeeting stationId={stationId} onClose={() => setCreating(false)} />}
      {shown && <MeetingQr stationId={stationId} meeting={shown} onClose={() => setShown(null)} />}
    </>
  );
}

type Values = Omit<MeetingInput, 'heldAt'> & { heldAt: Dayjs };

function CreateMeeting({ stationId, onClose }: { stationId: string; onClose(): void }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const staff = useQuery({ queryKey: ['assignees'], queryFn: () => matterApi.assignees() });
  const save = useMutation({
    mutationFn: (v: Values) => meetingsApi.create(stationId, { ...v, heldAt: v.heldAt.toISOString() }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['meetings', stationId] });
      message.success(t('会议已登记', 'Meeting recorded'));
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open
      title={t('登记会议', 'Record a meeting')}
      okText={t('登记', 'Record')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="type"
          label={t('会议类型', 'Type')}
          rules={[{ required: true, message: t('请选择会议类型', 'Choose a type') }]}
        >
          <Select options={MEETING_TYPES.map((v) => ({ value: v, label: label(MEETING_TYPE_LABELS[v]) }))} />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('地点', 'Place')}
          rules={[{ required: true, message: t('请填写地点', 'Enter the place') }]}
        >
          <Input maxLength={100} placeholder={t('如：东关村村委会二楼会议室', 'e.g. village committee meeting room')} />
        </Form.Item>
        <Form.Item
          name="heldAt"
          label={t('时间', 'When')}
          rules={[{ required: true, message: t('请选择时间', 'Choose a time') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="hostStaffId"
          label={t('主持人', 'Host')}
          rules={[{ required: true, message: t('请选择主持人', 'Choose the host') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={staff.isPending}
            options={(staff.data?.staff ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.unit}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MeetingQr({ stationId, meeting, onClose }: { stationId: string; meeting: MeetingView; onClose(): void }) {
  const { t, label } = useLang();
  const qr = useQuery({ queryKey: ['meeting-qr', meeting.id], queryFn: () => meetingsApi.qr(stationId, meeting.id) });
  const title = `${label(MEETING_TYPE_LABELS[meeting.type])} · ${meeting.place}`;
  return (
    <Modal open title={title} footer={null} onCancel={onClose} width={420}>
      {qr.isError && <Alert type="error" title={errorMessage(qr.error)} />}
      {qr.data ? (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          <img
            alt={t('到会二维码', 'Attendance QR code')}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.data.svg)}`}
            style={{ width: 300, maxWidth: '100%' }}
          />
          <Typography.Text>
            {t('请参会群众扫码签到并评价', 'Attendees: scan to check in and rate the meeting')}
          </Typography.Text>
          <Button onClick={() => window.print()}>{t('打印', 'Print')}</Button>
        </Space>
      ) : (
        !qr.isError && <Spin />
      )}
    </Modal>
  );
}
