/** A host's actions on a post: 回复, 标记类别 (the seven kinds of work), 置顶, 放行 a held post, 隐藏, 转为事项. */
import { ROOM_WORK_TYPE_LABELS, ROOM_WORK_TYPES, type RoomPostView, type RoomWorkType } from '@jingmin/shared';
import { App, Button, Dropdown, Space } from 'antd';
import { errorMessage } from '../../../../api/client';
import { roomsApi } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';

export type PostDialog = { post: RoomPostView; kind: 'hide' | 'matter' };

interface Props {
  post: RoomPostView;
  canPost: boolean;
  canModerate: boolean;
  onReply(post: RoomPostView): void;
  onDialog(dialog: PostDialog): void;
  onChanged(): void;
}

export function PostActions({ post, canPost, canModerate, onReply, onDialog, onChanged }: Props) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const staff = post.author.type === 'staff';
  const live = post.status === 'published';
  const run = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      message.success(done);
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const tag = (workType: RoomWorkType | null) => run(() => roomsApi.tag(post.id, workType), t('已标记', 'Tagged'));
  return (
    <Space wrap size={0} style={{ marginTop: 4 }}>
      {canPost && live && (
        <Button size="small" type="link" onClick={() => onReply(post)}>
          {t('回复', 'Reply')}
        </Button>
      )}
      {canModerate && (
        <>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                ...ROOM_WORK_TYPES.map((w) => ({ key: w, label: label(ROOM_WORK_TYPE_LABELS[w]) })),
                ...(post.workType ? [{ key: '', label: t('取消标记', 'Clear') }] : []),
              ],
              onClick: ({ key }) => void tag(key === '' ? null : (key as RoomWorkType)),
            }}
          >
            <Button size="small" type="link">
              {t('标记类别', 'Tag')}
            </Button>
          </Dropdown>
          {live && (
            <Button
              size="small"
              type="link"
              onClick={() =>
                void run(
                  () => roomsApi.pin(post.id, !post.pinned),
                  post.pinned ? t('已取消置顶', 'Unpinned') : t('已置顶', 'Pinned'),
                )
              }
            >
              {post.pinned ? t('取消置顶', 'Unpin') : t('置顶', 'Pin')}
            </Button>
          )}
          {post.status === 'held' && (
            <Button
              size="small"
              type="link"
              onClick={() => void run(() => roomsApi.release(post.id), t('已放行', 'Released'))}
            >
              {t('放行', 'Release')}
            </Button>
          )}
          {(live || post.status === 'held') && (
            <Button size="small" type="link" danger onClick={() => onDialog({ post, kind: 'hide' })}>
              {t('隐藏', 'Hide')}
            </Button>
          )}
          {!staff && !post.matterNumber && post.status !== 'hidden' && (
            <Button size="small" type="link" onClick={() => onDialog({ post, kind: 'matter' })}>
              {t('转为事项', 'Make a matter')}
            </Button>
          )}
        </>
      )}
    </Space>
  );
}
