/**
 * /console/rooms/:id: a room like a chat — newest at the bottom, earlier posts on demand, live — with the
 * hosts' composer and per-post actions, the members drawer and the invitation QR. `?reply=<post>` (from 待回复)
 * opens with that post chosen to answer.
 */
import { ROOM_KIND_LABELS, type RoomPostView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Flex, Grid, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../../api/client';
import { roomsApi } from '../../../api/rooms';
import { useLang } from '../../../i18n';
import { InviteQr } from './components/InviteQr';
import { MembersDrawer } from './components/MembersDrawer';
import { OpenTopicButton } from './components/OpenTopicButton';
import { HideModal, MatterModal } from './components/PostModals';
import { NewItemButton } from './components/RoomTools';
import { StaffComposer } from './components/StaffComposer';
import { type PostDialog, StaffPost } from './components/StaffPost';
import { useLiveRooms, useRefreshRooms, useRoomPosts } from './useRooms';

type Only = 'all' | 'announcements' | 'open_mentions' | 'held';

export default function RoomPage() {
  const { t, label } = useLang();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { modal } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const live = useLiveRooms();
  const refresh = useRefreshRooms();
  const room = useQuery({ queryKey: ['room', id], queryFn: () => roomsApi.get(id) });
  const [only, setOnly] = useState<Only>('all');
  const { query, posts } = useRoomPosts(id, only === 'all' ? undefined : only);
  const [replyTo, setReplyTo] = useState<RoomPostView | null>(null);
  const [dialog, setDialog] = useState<PostDialog | null>(null);
  const [drawer, setDrawer] = useState(false);
  const [qr, setQr] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const newest = posts.at(-1)?.id;

  // A new post at the bottom scrolls into view; reading earlier ones keeps the place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the newest post moves the view.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [newest]);
  const replyParam = params.get('reply');
  useEffect(() => {
    if (!replyParam) return;
    const post = posts.find((p) => p.id === replyParam);
    if (post) {
      setReplyTo(post);
      setParams({}, { replace: true });
    }
  }, [replyParam, posts, setParams]);

  if (room.isPending) return <Spin />;
  if (room.isError) return <Alert type="error" title={errorMessage(room.error)} />;
  const r = room.data;
  const byId = new Map(posts.map((p) => [p.id, p]));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Link to="/console/rooms">{t('‹ 全部群', '‹ All rooms')}</Link>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Space wrap size={4}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {r.name}
          </Typography.Title>
          <Tag>{label(ROOM_KIND_LABELS[r.kind])}</Tag>
          {r.unitName && <Tag color="blue">{r.unitName}</Tag>}
          {!r.active && <Tag>{t('已关闭', 'Closed')}</Tag>}
          <Badge status={live ? 'success' : 'default'} text={live ? t('实时', 'Live') : t('连接中', 'Connecting')} />
        </Space>
        <Space wrap>
          <Button onClick={() => setDrawer(true)}>{t(`成员 ${r.members}`, `Members ${r.members}`)}</Button>
          {r.inviteToken !== null && <Button onClick={() => setQr(true)}>{t('邀请二维码', 'Invitation QR')}</Button>}
          {r.can.post && r.active && <NewItemButton room={r} onPosted={refresh} />}
          {r.can.post && r.active && <OpenTopicButton room={r} onPosted={refresh} />}
        </Space>
      </Flex>
      <Typography.Text type="secondary">
        {r.hosts.map((h) => h.nickname).join('、')}
        {r.about ? ` · ${r.about}` : ''}
      </Typography.Text>
      <Segmented<Only>
        value={only}
        onChange={setOnly}
        options={[
          { value: 'all', label: t('全部', 'All') },
          { value: 'announcements', label: t('公告', 'Announcements') },
          { value: 'open_mentions', label: t(`待回复 ${r.openMentions}`, `Open "@" ${r.openMentions}`) },
          { value: 'held', label: t(`待审核 ${r.held}`, `Held ${r.held}`) },
        ]}
      />
      <Card size="small" styles={{ body: { padding: narrow ? 8 : 12 } }}>
        <div
          ref={scroller}
          style={{ height: narrow ? 'calc(100vh - 420px)' : 'calc(100vh - 400px)', minHeight: 280, overflowY: 'auto' }}
        >
          {query.hasNextPage && (
            <Flex justify="center">
              <Button
                size="small"
                type="link"
                loading={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                {t('加载更早的消息', 'Load earlier')}
              </Button>
            </Flex>
          )}
          {query.isPending && <Spin />}
          {query.isError && <Alert type="error" title={errorMessage(query.error)} />}
          {!query.isPending && posts.length === 0 && (
            <Typography.Text type="secondary">{t('没有消息', 'No posts')}</Typography.Text>
          )}
          {posts.map((p) => (
            <StaffPost
              key={p.id}
              post={p}
              replyTo={p.replyToId ? byId.get(p.replyToId) : undefined}
              canPost={r.can.post && r.active}
              canModerate={r.can.moderate}
              onReply={setReplyTo}
              onDialog={setDialog}
              onChanged={refresh}
            />
          ))}
        </div>
        {r.can.post && r.active && (
          <StaffComposer roomId={id} replyTo={replyTo} onClearReply={() => setReplyTo(null)} onSent={refresh} />
        )}
      </Card>
      {dialog?.kind === 'hide' && (
        <HideModal
          post={dialog.post}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'matter' && (
        <MatterModal
          post={dialog.post}
          onClose={() => setDialog(null)}
          onDone={(result) => {
            setDialog(null);
            refresh();
            modal.success({
              title: t('已转为事项', 'Made a matter'),
              content: t(
                `事项编号 ${result.matterNumber}，已进入值班台；发言人已在群里收到跟进链接。`,
                `Matter ${result.matterNumber} is at the desk; the poster has its tracking link in the room.`,
              ),
            });
          }}
        />
      )}
      {drawer && <MembersDrawer roomId={id} canModerate={r.can.moderate} onClose={() => setDrawer(false)} />}
      {qr && <InviteQr room={r} onClose={() => setQr(false)} onRotated={() => void room.refetch()} />}
    </Space>
  );
}
