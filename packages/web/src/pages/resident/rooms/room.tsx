/**
 * /rooms/<id>: a room on a phone. A member reads the posts live (newest at the bottom, earlier ones on demand),
 * pinned announcements on top, and writes below; it can leave from the ⋯ menu. 失物招领 opens the station's lost and
 * found over the room, with the form for a 寻物启事/失物招领. Anyone else reads the announcements only, with the way
 * to join (through the doorplate or invitation this phone opened).
 */
import type { RoomPostView } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ActionSheet, Button, Card, Dialog, Popup, SpinLoading, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import { roomsPublic } from '../../../api/rooms';
import { useLang } from '../../../i18n';
import { lastDoorplate } from '../components/lastDoorplate';
import { usePhoneSession } from '../components/PhoneVerify';
import { ResidentShell, useDocumentTitle } from '../components/ResidentShell';
import { ItemForm } from './components/ItemForm';
import { JoinForm, type JoinSource } from './components/JoinForm';
import { MemberComposer } from './components/MemberComposer';
import { PostBubble, postTime } from './components/PostBubble';
import { StationItems } from './components/StationItems';
import { roomInvites, useMyRooms, useRoomFeed } from './useRoomFeed';
import { useRoomStream } from './useRoomStream';

export default function ResidentRoomPage() {
  const { t } = useLang();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const phone = usePhoneSession();
  const token = phone.session?.phoneToken ?? null;
  const mine = useMyRooms(token);
  const room = mine.data?.find((r) => r.id === id) ?? null;
  const member = room !== null;
  /** The phone's rooms are still being read: neither the member's view nor the way to join yet. */
  const checking = token !== null && mine.isPending;
  const [removed, setRemoved] = useState(false);
  const stream = useRoomStream(id, member && !removed ? token : null, () => setRemoved(true));
  const { query, posts } = useRoomFeed(id, token, member, !checking);
  const [replyTo, setReplyTo] = useState<RoomPostView | null>(null);
  const [menu, setMenu] = useState(false);
  const [joining, setJoining] = useState(false);
  const [lostFound, setLostFound] = useState<'list' | 'form' | null>(null);
  // Pinned announcements from the room's announcements, not from whichever posts happen to be loaded.
  const announcements = useQuery({
    queryKey: ['room-feed', id, 'announcements'],
    queryFn: () => roomsPublic.announcements(id),
    enabled: member,
  });
  // A new post at the bottom (one's own, or one arriving live) scrolls into view.
  const newest = posts.at(-1)?.id;
  useEffect(() => {
    if (member && newest) window.scrollTo(0, document.documentElement.scrollHeight);
  }, [member, newest]);
  const expired = mine.error instanceof ApiError && mine.error.code === 'PHONE_SESSION_REQUIRED';
  const { clear } = phone;
  useEffect(() => {
    if (expired) clear();
  }, [expired, clear]);
  useDocumentTitle(room ? t(`${room.name} · 议事厅`, `${room.name} · Room`) : t('议事厅', 'Community room'));

  const refresh = () => void client.invalidateQueries({ queryKey: ['room-feed', id] });
  const leave = async () => {
    if (!token) return;
    const ok = await Dialog.confirm({
      content: t('退出这个议事厅？之后不再收到群里的消息。', 'Leave this room? You will no longer read it.'),
      confirmText: t('退出', 'Leave'),
      cancelText: t('取消', 'Cancel'),
    });
    if (!ok) return;
    try {
      await roomsPublic.leave(id, token);
      await client.invalidateQueries({ queryKey: ['my-rooms'] });
      navigate('/rooms');
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    }
  };

  const source: JoinSource | null = (() => {
    const invite = roomInvites.get(id);
    if (invite) return { inviteToken: invite };
    const plate = lastDoorplate();
    return plate ? { doorplateToken: plate } : null;
  })();
  const pinned = (announcements.data?.items ?? []).filter((p) => p.pinned && p.status === 'published');
  const byId = new Map(posts.map((p) => [p.id, p]));
  // The hosts a member may "@": the room's own list, even in a room whose hosts have not posted lately.
  const hosts = (room?.hosts ?? []).map(({ staffId, nickname }) => ({ staffId, nickname }));
  const memberId = room?.membership.memberId;

  return (
    <ResidentShell>
      <header style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 12px' }}>
        <Link to="/rooms" className="jm-tap" aria-label={t('我的议事厅', 'My rooms')}>
          ‹
        </Link>
        <div style={{ flex: 1, minWidth: 0 }}>
          <strong style={{ display: 'block', overflowWrap: 'anywhere' }}>
            {room?.name ?? t('议事厅公告', 'Room announcements')}
          </strong>
          {room && (
            <span className="jm-muted jm-small">
              {room.stationName} · {t(`${room.members} 人`, `${room.members} members`)} ·{' '}
              {removed ? t('已被移出', 'Removed') : stream === 'live' ? t('实时', 'Live') : t('连接中…', 'Connecting…')}
            </span>
          )}
        </div>
        {member && (
          <Button size="small" fill="none" aria-label={t('更多', 'More')} onClick={() => setMenu(true)}>
            ⋯
          </Button>
        )}
      </header>
      {member && token && !removed && (
        // Its own row: beside the room's name it would squeeze the name at 320 px in elder mode.
        <div style={{ padding: '0 12px 4px' }}>
          <Button block fill="outline" color="primary" onClick={() => setLostFound('list')}>
            {t('失物招领 · 寻物启事', 'Lost and found')}
          </Button>
        </div>
      )}
      {removed && (
        <Card style={{ margin: 12, color: '#b3261e' }}>
          {t('您已被移出这个议事厅。', 'You were removed from this room.')}
        </Card>
      )}
      {member && pinned.length > 0 && (
        <Card title={t('置顶公告', 'Pinned')} style={{ margin: 12 }}>
          {pinned.map((p) => (
            <div key={p.id} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 6 }}>
              {p.body}
            </div>
          ))}
        </Card>
      )}
      {checking && <SpinLoading style={{ margin: '24px auto' }} />}
      {!member && !checking && (
        <Card style={{ margin: 12 }}>
          <div className="jm-muted" style={{ marginBottom: 8 }}>
            {t(
              '未加入时只能看公告。加入后可以发言、@ 民警、上传照片。',
              'Only announcements until you join. Members post, "@" the officer and add photos.',
            )}
          </div>
          {source ? (
            <Button block color="primary" onClick={() => setJoining(true)}>
              {t('加入议事厅', 'Join the room')}
            </Button>
          ) : (
            <div className="jm-muted">
              {t('请扫描门牌二维码或民警给的邀请二维码加入。', 'Scan your doorplate or an invitation to join.')}
            </div>
          )}
        </Card>
      )}
      <div style={{ textAlign: 'center' }}>
        {query.hasNextPage && (
          <Button
            size="small"
            fill="none"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('查看更早的消息', 'Load earlier')}
          </Button>
        )}
      </div>
      {query.isLoading && <SpinLoading style={{ margin: '24px auto' }} />}
      {query.isError && (
        <div style={{ textAlign: 'center', color: '#b3261e', margin: 12 }}>
          {errorMessage(query.error)}{' '}
          <Button size="small" onClick={() => void query.refetch()}>
            {t('重试', 'Retry')}
          </Button>
        </div>
      )}
      {!query.isPending && posts.length === 0 && (
        <div className="jm-muted" style={{ textAlign: 'center', margin: 24 }}>
          {member ? t('还没有消息，说点什么吧', 'No posts yet') : t('暂无公告', 'No announcements yet')}
        </div>
      )}
      <div aria-live="polite">
        {posts.map((p) => (
          <PostBubble
            key={p.id}
            post={p}
            replyTo={p.replyToId ? byId.get(p.replyToId) : undefined}
            mine={memberId !== undefined && p.author.type === 'member' && p.author.id === memberId}
            phoneToken={member ? token : null}
            onReply={member && !removed ? setReplyTo : undefined}
            onDeleted={refresh}
            onChanged={refresh}
          />
        ))}
      </div>
      {room?.membership.mutedUntil && Date.parse(room.membership.mutedUntil) > Date.now() && (
        <div className="jm-muted" style={{ margin: '0 12px', color: '#b45309' }}>
          {t(
            `您被禁言至 ${postTime(room.membership.mutedUntil)}，期间不能发言`,
            `You are muted until ${postTime(room.membership.mutedUntil)}`,
          )}
        </div>
      )}
      {member && token && !removed && (
        <MemberComposer
          roomId={id}
          phoneToken={token}
          hosts={hosts}
          replyTo={replyTo}
          onClearReply={() => setReplyTo(null)}
          onSent={refresh}
        />
      )}
      <ActionSheet
        visible={menu}
        closeOnAction
        onClose={() => setMenu(false)}
        cancelText={t('取消', 'Cancel')}
        actions={[
          {
            key: 'item',
            text: t('发布寻物启事/失物招领', 'Post a lost/found notice'),
            onClick: () => setLostFound('form'),
          },
          { key: 'rooms', text: t('我的议事厅', 'My rooms'), onClick: () => navigate('/rooms') },
          { key: 'leave', text: t('退出议事厅', 'Leave the room'), danger: true, onClick: () => void leave() },
        ]}
      />
      <Popup
        visible={lostFound !== null && member && token !== null}
        onMaskClick={() => setLostFound(null)}
        getContainer={null}
        bodyStyle={{
          boxSizing: 'border-box',
          padding: 16,
          maxHeight: '85vh',
          overflowY: 'auto',
          background: '#f5f6f8',
        }}
      >
        {lostFound === 'list' && token && memberId && (
          <StationItems
            roomId={id}
            phoneToken={token}
            memberId={memberId}
            onNew={() => setLostFound('form')}
            onClose={() => setLostFound(null)}
            onChanged={refresh}
          />
        )}
        {lostFound === 'form' && token && (
          <ItemForm
            roomId={id}
            phoneToken={token}
            onCancel={() => setLostFound(null)}
            onPosted={() => {
              setLostFound('list');
              refresh();
            }}
          />
        )}
      </Popup>
      <Popup
        visible={joining}
        onMaskClick={() => setJoining(false)}
        bodyStyle={{ padding: 16, boxSizing: 'border-box' }}
      >
        {source && (
          <JoinForm
            roomId={id}
            source={source}
            session={phone.session}
            onVerified={phone.save}
            onJoined={() => {
              setJoining(false);
              void client.invalidateQueries({ queryKey: ['my-rooms'] });
            }}
          />
        )}
      </Popup>
    </ResidentShell>
  );
}
