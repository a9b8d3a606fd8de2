/** 待回复: the station's "@" still unanswered, oldest first, with when each is due and where it has reached. */
import type { OpenMention } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Grid, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../../api/client';
import { roomsApi } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { dateTime } from '../../matter/labels';

export function MentionsList({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  const list = useQuery({ queryKey: ['room-mentions', stationId], queryFn: () => roomsApi.mentions(stationId) });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  const now = Date.now();
  const due = (m: OpenMention) => {
    const at = m.post.answerDueAt;
    if (!at) return '—';
    const late = Date.parse(at) < now;
    return (
      <Typography.Text type={late ? 'danger' : undefined}>
        {late ? t(`已超时（${dateTime(at)}）`, `Overdue (${dateTime(at)})`) : dateTime(at)}
      </Typography.Text>
    );
  };
  const reached = (m: OpenMention) =>
    m.escalated === 'desk' ? (
      <Tag color="red">{t('已转值班台', 'At the desk')}</Tag>
    ) : m.escalated === 'officer' ? (
      <Tag color="orange">{t('已提醒民警', 'Officer alerted')}</Tag>
    ) : null;
  const open = (m: OpenMention) => (
    <Button size="small" type="primary" onClick={() => navigate(`/console/rooms/${m.post.roomId}?reply=${m.post.id}`)}>
      {t('去回复', 'Answer')}
    </Button>
  );
  const who = (m: OpenMention) => `${m.post.author.nickname}${m.post.author.place ? ` · ${m.post.author.place}` : ''}`;
  const mentioned = (m: OpenMention) => m.post.mentions.map((x) => `@${x.nickname}`).join(' ');
  if (narrow)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(list.data ?? []).map((m) => (
          <Card key={m.post.id} size="small" title={m.roomName} extra={reached(m)}>
            <Typography.Text type="secondary">
              {who(m)} {mentioned(m)}
            </Typography.Text>
            <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: '4px 0' }}>
              {m.post.body}
            </Typography.Paragraph>
            <Space wrap>
              {due(m)}
              {open(m)}
            </Space>
          </Card>
        ))}
        {list.data?.length === 0 && (
          <Typography.Text type="secondary">{t('没有待回复的 @', 'Nothing waiting')}</Typography.Text>
        )}
      </Space>
    );
  return (
    <Table<OpenMention>
      rowKey={(m) => m.post.id}
      size="middle"
      loading={list.isPending}
      dataSource={list.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('没有待回复的 @', 'Nothing waiting') }}
      columns={[
        { title: t('群', 'Room'), dataIndex: 'roomName' },
        { title: t('发言人', 'From'), key: 'who', render: (_, m) => who(m) },
        { title: t('@ 谁', 'Asks'), key: 'mentions', render: (_, m) => mentioned(m) },
        {
          title: t('内容', 'Post'),
          key: 'body',
          render: (_, m) => (
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 420 }}>
              {m.post.body}
            </Typography.Paragraph>
          ),
        },
        { title: t('发言时间', 'Posted'), key: 'at', render: (_, m) => dateTime(m.post.createdAt) },
        { title: t('回复期限', 'Due'), key: 'due', render: (_, m) => due(m) },
        { title: t('提醒', 'Reached'), key: 'esc', render: (_, m) => reached(m) },
        { title: '', key: 'act', render: (_, m) => open(m) },
      ]}
    />
  );
}
