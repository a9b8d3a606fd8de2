/**
 * One post as a member reads it: who (nickname and village, or the officer's standard nickname), what, the
 * post it answers, whom it "@"s, its photos, and its state in words — 待审核 for one's own held post, the reason
 * for one's own hidden post, 已转为事项 (and, on one's own post, the link to follow it).
 */
import {
  ROOM_HOST_ROLE_LABELS,
  ROOM_POST_STATUS_LABELS,
  ROOM_POST_TO_MATTER_NOTE,
  ROOM_WORK_TYPE_LABELS,
  type RoomPostView,
} from '@jingmin/shared';
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { Link } from 'react-router';
import { errorMessage } from '../../../../api/client';
import { roomsPublic } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { ItemCard } from './ItemCard';
import { ReportButton } from './ReportButton';
import { RoomPhotos } from './RoomPhotos';
import { TopicCard } from './TopicCard';

/** "12-01 09:30" in Asia/Shanghai. */
export const postTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

interface Props {
  post: RoomPostView;
  /** The post it answers, when loaded. */
  replyTo?: RoomPostView;
  mine: boolean;
  phoneToken: string | null;
  onReply?(post: RoomPostView): void;
  onDeleted?(): void;
  /** After a change the member made here (closed a notice, voted, reported). */
  onChanged?(): void;
}

export function PostBubble({ post, replyTo, mine, phoneToken, onReply, onDeleted, onChanged }: Props) {
  const { t, label } = useLang();
  const staff = post.author.type === 'staff';
  const gone = post.status === 'deleted';
  const remove = async () => {
    if (!phoneToken) return;
    const ok = await Dialog.confirm({
      content: t('删除这条发言？删除后群里看不到。', 'Delete this post? The room will no longer see it.'),
      confirmText: t('删除', 'Delete'),
      cancelText: t('取消', 'Cancel'),
    });
    if (!ok) return;
    try {
      await roomsPublic.deletePost(post.id, phoneToken);
      onDeleted?.();
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    }
  };
  return (
    <article
      aria-label={t(`${post.author.nickname} 的发言`, `Post by ${post.author.nickname}`)}
      style={{
        margin: '8px 12px',
        padding: '8px 10px',
        borderRadius: 8,
        background: mine ? '#e8f0fb' : staff ? '#fff8e6' : '#fff',
        border: '1px solid #dfe3e8',
      }}
    >
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
        <strong style={{ overflowWrap: 'anywhere' }}>{post.author.nickname}</strong>
        {post.author.hostRole && (
          <Tag color="warning" fill="outline">
            {label(ROOM_HOST_ROLE_LABELS[post.author.hostRole])}
          </Tag>
        )}
        {post.author.place && <span className="jm-muted">{post.author.place}</span>}
        <span className="jm-muted jm-small" style={{ marginLeft: 'auto' }}>
          {postTime(post.createdAt)}
        </span>
      </div>
      <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap', marginTop: 4 }}>
        {post.kind === 'announcement' && <Tag color="danger">{t('公告', 'Announcement')}</Tag>}
        {post.pinned && (
          <Tag color="danger" fill="outline">
            {t('置顶', 'Pinned')}
          </Tag>
        )}
        {post.workType && (
          <Tag color="primary" fill="outline">
            {label(ROOM_WORK_TYPE_LABELS[post.workType])}
          </Tag>
        )}
        {post.status !== 'published' && <Tag color="default">{label(ROOM_POST_STATUS_LABELS[post.status])}</Tag>}
      </div>
      {replyTo && (
        <div className="jm-muted jm-small" style={{ borderLeft: '3px solid #c5ccd6', paddingLeft: 6, marginTop: 4 }}>
          {t('回复', 'Reply to')} {replyTo.author.nickname}：{(replyTo.topic?.question ?? replyTo.body).slice(0, 60)}
        </div>
      )}
      {post.status === 'held' && mine && (
        <div className="jm-muted">
          {t('待审核：群主看过后才会发出', 'Held for review: a host will look at it first')}
        </div>
      )}
      {post.status === 'hidden' && (
        <div style={{ color: '#b3261e' }}>
          {t('已被群主隐藏', 'Hidden by a host')}
          {post.hiddenReason ? t(`，原因：${post.hiddenReason}`, `: ${post.hiddenReason}`) : ''}
        </div>
      )}
      {!gone && post.body && (
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 4 }}>
          {post.mentions.length > 0 && (
            <span style={{ color: '#1d4f91', fontWeight: 600 }}>
              {post.mentions.map((m) => `@${m.nickname} `).join('')}
            </span>
          )}
          {post.body}
        </div>
      )}
      {gone && <div className="jm-muted">{t('该发言已删除', 'This post was deleted')}</div>}
      {!gone && <ItemCard post={post} mine={mine} phoneToken={phoneToken} onChanged={onChanged} />}
      {!gone && <TopicCard post={post} mine={mine} phoneToken={phoneToken} onChanged={onChanged} />}
      {post.place && <div className="jm-muted jm-small">📍 {post.place}</div>}
      <RoomPhotos ids={post.photos.map((p) => p.id)} phoneToken={phoneToken} />
      {post.matterNote && (
        <div style={{ marginTop: 6, color: '#1a7f37', fontWeight: 600 }}>
          {label(ROOM_POST_TO_MATTER_NOTE)}
          {post.matterNumber ? ` · ${post.matterNumber}` : ''}
        </div>
      )}
      {mine && post.matterLink && (
        // The link is this site's /m/<token>; an absolute one opens as a plain link.
        <Link
          to={post.matterLink.replace(/^https?:\/\/[^/]+/, '')}
          className="jm-tap"
          style={{ justifyContent: 'flex-start', fontWeight: 600 }}
        >
          {t('查看办理进度 ›', 'Follow it ›')}
        </Link>
      )}
      {post.answeredAt && post.mentions.length > 0 && (
        <div className="jm-muted jm-small">{t('已回复', 'Answered')}</div>
      )}
      {!gone && (onReply || mine) && (
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          {onReply && post.status === 'published' && (
            <Button size="small" fill="none" color="primary" onClick={() => onReply(post)}>
              {t('回复', 'Reply')}
            </Button>
          )}
          {!mine && <ReportButton post={post} mine={mine} phoneToken={phoneToken} onChanged={onChanged} />}
          {mine && (
            <Button size="small" fill="none" color="danger" onClick={() => void remove()}>
              {t('删除', 'Delete')}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
