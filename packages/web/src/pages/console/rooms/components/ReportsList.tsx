/**
 * 举报: the station's posts residents reported that no host has looked at, latest reported first — the room, the
 * poster, the text, how many reported it and why (never who) — with 查看 (the post in its room) and 忽略举报.
 */
import { type ReportedPost, ROOM_REPORT_REASON_LABELS } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Grid, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../../api/client';
import { roomReportsApi } from '../../../../api/room-reports';
import { useLang } from '../../../../i18n';
import { dateTime } from '../../matter/labels';

export function ReportsList({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const narrow = Grid.useBreakpoint().md === false;
  const list = useQuery({ queryKey: ['room-reports', stationId], queryFn: () => roomReportsApi.list(stationId) });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  const dismiss = async (r: ReportedPost) => {
    try {
      await roomReportsApi.dismiss(r.post.id);
      message.success(t('已忽略举报', 'Reports dismissed'));
      for (const key of ['room-reports', 'rooms', 'room-posts']) void client.invalidateQueries({ queryKey: [key] });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const who = (r: ReportedPost) => `${r.post.author.nickname}${r.post.author.place ? ` · ${r.post.author.place}` : ''}`;
  const room = (r: ReportedPost) => <Link to={`/console/rooms/${r.post.roomId}`}>{r.roomName}</Link>;
  const reasons = (r: ReportedPost) => (
    <Space wrap size={4}>
      <Tag color="red">{t(`被举报 ${r.reports}`, `Reported ×${r.reports}`)}</Tag>
      {r.reasons.map((x) => (
        <Tag key={x.reason}>
          {label(ROOM_REPORT_REASON_LABELS[x.reason])} {x.count}
        </Tag>
      ))}
    </Space>
  );
  const body = (r: ReportedPost, rows: number) => (
    <Typography.Paragraph ellipsis={{ rows }} style={{ margin: 0, maxWidth: 480, whiteSpace: 'pre-wrap' }}>
      {r.post.body || <Typography.Text type="secondary">{t('（无文字）', '(no text)')}</Typography.Text>}
    </Typography.Paragraph>
  );
  const actions = (r: ReportedPost) => (
    <Space wrap size={4}>
      <Button size="small" onClick={() => navigate(`/console/rooms/${r.post.roomId}?post=${r.post.id}`)}>
        {t('查看', 'View')}
      </Button>
      <Button size="small" onClick={() => void dismiss(r)}>
        {t('忽略举报', 'Dismiss')}
      </Button>
    </Space>
  );
  const empty = t('没有待处理的举报', 'No reports waiting');
  if (narrow)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {list.isPending && <Spin />}
        {(list.data ?? []).map((r) => (
          <Card key={r.post.id} size="small" title={room(r)} extra={dateTime(r.firstReportedAt)}>
            <Typography.Text type="secondary">{who(r)}</Typography.Text>
            <div style={{ margin: '4px 0' }}>{body(r, 3)}</div>
            <div style={{ marginBottom: 8 }}>{reasons(r)}</div>
            {actions(r)}
          </Card>
        ))}
        {list.data?.length === 0 && <Typography.Text type="secondary">{empty}</Typography.Text>}
      </Space>
    );
  return (
    <Table<ReportedPost>
      rowKey={(r) => r.post.id}
      size="middle"
      loading={list.isPending}
      dataSource={list.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: empty }}
      columns={[
        { title: t('群', 'Room'), key: 'room', render: (_, r) => room(r) },
        { title: t('发言人', 'From'), key: 'who', render: (_, r) => who(r) },
        { title: t('内容', 'Post'), key: 'body', render: (_, r) => body(r, 2) },
        { title: t('举报', 'Reports'), key: 'reasons', render: (_, r) => reasons(r) },
        { title: t('首次举报', 'First reported'), key: 'first', render: (_, r) => dateTime(r.firstReportedAt) },
        { title: '', key: 'act', render: (_, r) => actions(r) },
      ]}
    />
  );
}
