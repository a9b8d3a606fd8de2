/**
 * One post as hosts read it: author and tags (work type, 公告, 置顶, 待审核, 已隐藏, the "@" clock, the matter made
 * from it) and, for a host, its actions — 回复, 标记类别, 置顶, 隐藏, 放行, 转为事项.
 */
import {
  ROOM_HOST_ROLE_LABELS,
  ROOM_POST_STATUS_LABELS,
  ROOM_WORK_TYPE_LABELS,
  type RoomPostView,
} from '@jingmin/shared';
import { Flex, Image, Space, Tag, Typography } from 'antd';
import { roomsApi } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { dateTime } from '../../matter/labels';
import { PostActions, type PostDialog } from './PostActions';
import { StaffItem } from './StaffItem';
import { StaffReports } from './StaffReports';
import { StaffTopic } from './StaffTopic';

export type { PostDialog } from './PostActions';

interface Props {
  post: RoomPostView;
  replyTo?: RoomPostView;
  canPost: boolean;
  canModerate: boolean;
  onReply(post: RoomPostView): void;
  onDialog(dialog: PostDialog): void;
  onChanged(): void;
}

const STATUS_COLOR = { published: 'default', held: 'orange', hidden: 'red', deleted: 'default' } as const;

export function StaffPost({ post, replyTo, canPost, canModerate, onReply, onDialog, onChanged }: Props) {
  const { t, label } = useLang();
  const staff = post.author.type === 'staff';
  const overdue = post.answerDueAt !== null && post.answeredAt === null && Date.parse(post.answerDueAt) < Date.now();

  return (
    <div
      style={{
        display: 'flex',
        justifyContent: staff ? 'flex-end' : 'flex-start',
        margin: '8px 0',
      }}
    >
      <div
        style={{
          maxWidth: 'min(720px, 92%)',
          minWidth: 0,
          padding: '8px 12px',
          borderRadius: 8,
          background: post.status === 'held' ? '#fff7e6' : staff ? '#e6f4ff' : '#fff',
          border: '1px solid #f0f0f0',
          opacity: post.status === 'hidden' || post.status === 'deleted' ? 0.7 : 1,
        }}
      >
        <Flex gap={6} wrap align="center">
          <Typography.Text strong>{post.author.nickname}</Typography.Text>
          {post.author.hostRole && <Tag color="gold">{label(ROOM_HOST_ROLE_LABELS[post.author.hostRole])}</Tag>}
          {post.author.place && <Typography.Text type="secondary">{post.author.place}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            #{post.seq} · {dateTime(post.createdAt)}
          </Typography.Text>
        </Flex>
        <Flex gap={4} wrap style={{ marginTop: 4 }}>
          {post.kind === 'announcement' && <Tag color="volcano">{t('公告', 'Announcement')}</Tag>}
          {post.pinned && <Tag color="volcano">{t('置顶', 'Pinned')}</Tag>}
          {post.workType && <Tag color="blue">{label(ROOM_WORK_TYPE_LABELS[post.workType])}</Tag>}
          {post.status !== 'published' && (
            <Tag color={STATUS_COLOR[post.status]}>{label(ROOM_POST_STATUS_LABELS[post.status])}</Tag>
          )}
          {post.answeredAt && <Tag color="green">{t('@ 已回复', '"@" answered')}</Tag>}
          {post.answerDueAt && !post.answeredAt && (
            <Tag color={overdue ? 'red' : 'orange'}>
              {overdue
                ? t(`@ 已超时 ${dateTime(post.answerDueAt)}`, `"@" overdue since ${dateTime(post.answerDueAt)}`)
                : t(`@ 待回复，${dateTime(post.answerDueAt)} 前`, `"@" due by ${dateTime(post.answerDueAt)}`)}
            </Tag>
          )}
          {post.matterNumber && !post.caseId && (
            <Tag color="purple">{t(`已转为事项 ${post.matterNumber}`, `Matter ${post.matterNumber}`)}</Tag>
          )}
          {post.caseId && post.matterNumber && (
            <Tag color="purple">{t(`已转为矛盾纠纷 ${post.matterNumber}`, `Dispute case ${post.matterNumber}`)}</Tag>
          )}
        </Flex>
        {replyTo && (
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 1 }}
            style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 6, margin: '4px 0' }}
          >
            {t('回复', 'Reply to')} {replyTo.author.nickname}：{replyTo.topic?.question ?? replyTo.body}
          </Typography.Paragraph>
        )}
        {post.hiddenReason && (
          <Typography.Text type="danger">
            {t(`隐藏原因：${post.hiddenReason}`, `Hidden: ${post.hiddenReason}`)}
          </Typography.Text>
        )}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '4px 0' }}>
          {post.mentions.length > 0 && (
            <Typography.Text strong style={{ color: '#1677ff' }}>
              {post.mentions.map((m) => `@${m.nickname} `).join('')}
            </Typography.Text>
          )}
          {post.body}
        </Typography.Paragraph>
        {post.place && <Typography.Text type="secondary">📍 {post.place}</Typography.Text>}
        {post.photos.length > 0 && (
          <Image.PreviewGroup>
            <Space wrap size={4}>
              {post.photos.map((p) => (
                <Image
                  key={p.id}
                  width={72}
                  height={72}
                  style={{ objectFit: 'cover' }}
                  src={roomsApi.photoUrl(p.id, 'thumb')}
                  preview={{ src: roomsApi.photoUrl(p.id) }}
                  alt=""
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
        <StaffItem post={post} canPost={canPost} canModerate={canModerate} onChanged={onChanged} />
        <StaffTopic post={post} canPost={canPost} canModerate={canModerate} onChanged={onChanged} />
        {(canPost || canModerate) && post.status !== 'deleted' && (
          <PostActions
            post={post}
            canPost={canPost}
            canModerate={canModerate}
            onReply={onReply}
            onDialog={onDialog}
            onChanged={onChanged}
          />
        )}
        {/* Reports and 转为矛盾纠纷 after the post's everyday actions (回复 first). */}
        <StaffReports post={post} canPost={canPost} canModerate={canModerate} onChanged={onChanged} />
      </div>
    </div>
  );
}
