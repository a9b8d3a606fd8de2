/**
 * A lost/found notice's particulars in a member's view: 寻物启事 or 失物招领, what, where and when, and its state in
 * words (未结束, or 已找到/已归还 with the day). Its poster closes it here — one large button, then the choice of
 * 已找到 or 已归还 (the likelier one first); it cannot be undone. Others answer in the room, never by phone.
 */
import {
  ROOM_ITEM_CLOSING_LABELS,
  ROOM_ITEM_CLOSINGS,
  ROOM_POST_KIND_LABELS,
  type RoomItemClosing,
  type RoomPostView,
} from '@jingmin/shared';
import { ActionSheet, Button, Tag, Toast } from 'antd-mobile';
import { type CSSProperties, useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomItemsPublic } from '../../../../api/room-items';
import { useLang } from '../../../../i18n';
import { postTime } from './PostBubble';

export interface MemberPostPartProps {
  post: RoomPostView;
  mine: boolean;
  /** The member's phone token; null when reading without a membership. */
  phoneToken: string | null;
  onChanged?(): void;
}

/** Lost: orange; found: green; closed: grey — always with the words beside the colour. */
const EDGE = { lost: '#b45309', found: '#1a7f37', closed: '#8c8c8c' } as const;

const rows: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'auto minmax(0, 1fr)',
  columnGap: 10,
  rowGap: 2,
  margin: '6px 0 0',
};
const value: CSSProperties = { margin: 0, overflowWrap: 'anywhere' };

export function ItemCard({ post, mine, phoneToken, onChanged }: MemberPostPartProps) {
  const { t, label } = useLang();
  const [closing, setClosing] = useState(false);
  const item = post.item;
  if (!item || (post.kind !== 'lost' && post.kind !== 'found')) return null;
  const closedAs = item.closedAs;
  // The poster of a 寻物启事 most often found it; the finder of a 失物招领 gave it back.
  const likely: RoomItemClosing = post.kind === 'lost' ? 'found' : 'returned';
  const choices = [likely, ...ROOM_ITEM_CLOSINGS.filter((c) => c !== likely)];

  const close = () => {
    if (!phoneToken) return;
    const handler = ActionSheet.show({
      extra: t('标记后启事结束，不能撤销', 'This ends the notice and cannot be undone'),
      cancelText: t('取消', 'Cancel'),
      actions: choices.map((c) => ({
        key: c,
        text: label(ROOM_ITEM_CLOSING_LABELS[c]),
        onClick: async () => {
          handler.close();
          setClosing(true);
          try {
            await roomItemsPublic.close(post.id, c, phoneToken);
            Toast.show({ icon: 'success', content: t('已标记', 'Marked') });
            onChanged?.();
          } catch (err) {
            Toast.show({ icon: 'fail', content: errorMessage(err) });
          } finally {
            setClosing(false);
          }
        },
      })),
    });
  };

  return (
    <section
      aria-label={label(ROOM_POST_KIND_LABELS[post.kind])}
      style={{
        marginTop: 6,
        padding: '6px 10px',
        borderRadius: 6,
        background: closedAs ? '#f2f3f5' : '#fff',
        border: '1px solid #dfe3e8',
        borderLeft: `4px solid ${closedAs ? EDGE.closed : EDGE[post.kind]}`,
      }}
    >
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
        <Tag color={post.kind === 'lost' ? 'warning' : 'success'}>{label(ROOM_POST_KIND_LABELS[post.kind])}</Tag>
        {closedAs ? (
          <Tag color="default">
            {label(ROOM_ITEM_CLOSING_LABELS[closedAs])}
            {item.closedAt ? ` ${postTime(item.closedAt)}` : ''}
          </Tag>
        ) : (
          <Tag color="primary" fill="outline">
            {t('未结束', 'Open')}
          </Tag>
        )}
        {item.acrossStation && <span className="jm-muted jm-small">{t('全所可见', 'Station-wide')}</span>}
      </div>
      <dl style={rows}>
        <dt className="jm-muted">{t('物品', 'What')}</dt>
        <dd style={{ ...value, fontWeight: 700 }}>{item.what}</dd>
        <dt className="jm-muted">{post.kind === 'lost' ? t('丢失地点', 'Lost at') : t('拾到地点', 'Found at')}</dt>
        <dd style={value}>{item.where}</dd>
        <dt className="jm-muted">{post.kind === 'lost' ? t('丢失时间', 'Lost on') : t('拾到时间', 'Found on')}</dt>
        <dd style={value}>{postTime(item.at)}</dd>
      </dl>
      {!closedAs && mine && phoneToken && (
        <Button block color="primary" fill="outline" loading={closing} style={{ marginTop: 8 }} onClick={close}>
          {post.kind === 'lost'
            ? t('东西找到了？标记结束', 'Got it back? Close it')
            : t('已还给失主？标记结束', 'Returned? Close it')}
        </Button>
      )}
    </section>
  );
}
