/**
 * 失物招领 from a room: the room's notices and those the station's other rooms shared with everyone, open or
 * ended, newest first, more on demand. A notice of another room says which; one's own can be closed here too.
 * Its query sits under the room's feed key, so the room's live events refresh it with the posts.
 */
import type { StationItem } from '@jingmin/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, CapsuleTabs, SpinLoading } from 'antd-mobile';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomItemsPublic } from '../../../../api/room-items';
import { useLang } from '../../../../i18n';
import { ItemCard } from './ItemCard';
import { postTime } from './PostBubble';
import { RoomPhotos } from './RoomPhotos';

interface Props {
  roomId: string;
  phoneToken: string;
  memberId: string;
  /** Opens the form to post a notice in this room. */
  onNew?(): void;
  onClose(): void;
  onChanged(): void;
}

type State = 'open' | 'closed';

function Notice({
  item,
  here,
  mine,
  phoneToken,
  onChanged,
}: {
  item: StationItem;
  here: boolean;
  mine: boolean;
  phoneToken: string;
  onChanged(): void;
}) {
  const { t } = useLang();
  return (
    <article
      aria-label={item.item?.what ?? ''}
      style={{ margin: '8px 0', padding: '8px 10px', borderRadius: 8, background: '#fff', border: '1px solid #dfe3e8' }}
    >
      <div className="jm-muted jm-small" style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
        <span style={{ overflowWrap: 'anywhere' }}>
          {item.author.nickname} · {here ? t('本群', 'This room') : item.roomName}
        </span>
        <span style={{ marginLeft: 'auto' }}>{postTime(item.createdAt)}</span>
      </div>
      <ItemCard post={item} mine={mine} phoneToken={phoneToken} onChanged={onChanged} />
      {item.body && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 4 }}>{item.body}</div>}
      <RoomPhotos ids={item.photos.map((p) => p.id)} phoneToken={phoneToken} />
      {!item.item?.closedAs && (
        <div className="jm-muted jm-small" style={{ marginTop: 4 }}>
          {here
            ? t('有线索请在群里回复这条启事，勿私下留电话', 'Know something? Reply to it in the room')
            : t(
                `这是“${item.roomName}”的启事：有线索请在本群 @ 民警转告`,
                `From "${item.roomName}": tell an officer here with "@"`,
              )}
        </div>
      )}
    </article>
  );
}

export function StationItems({ roomId, phoneToken, memberId, onNew, onClose, onChanged }: Props) {
  const { t } = useLang();
  const [state, setState] = useState<State>('open');
  const query = useInfiniteQuery({
    queryKey: ['room-feed', roomId, 'items', state],
    queryFn: ({ pageParam }) => roomItemsPublic.list(roomId, phoneToken, { state, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.items.at(-1)?.createdAt : undefined),
  });
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);

  return (
    <section aria-label={t('失物招领', 'Lost and found')}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <strong style={{ flex: 1, fontSize: '1.1em' }}>{t('失物招领', 'Lost and found')}</strong>
        {onNew && (
          <Button size="small" color="primary" onClick={onNew}>
            {t('发布启事', 'Post a notice')}
          </Button>
        )}
        <Button size="small" onClick={onClose}>
          {t('关闭', 'Close')}
        </Button>
      </div>
      <div className="jm-muted jm-small" style={{ marginTop: 4 }}>
        {t(
          '本群的启事，和本所其他群选择“全所可见”的启事',
          "This room's notices and those shared by the station's other rooms",
        )}
      </div>
      <CapsuleTabs activeKey={state} onChange={(k) => setState(k as State)}>
        <CapsuleTabs.Tab key="open" title={t('未结束', 'Open')} />
        <CapsuleTabs.Tab key="closed" title={t('已找到/已归还', 'Ended')} />
      </CapsuleTabs>
      {query.isPending && <SpinLoading style={{ margin: '24px auto' }} />}
      {query.isError && (
        <div style={{ color: '#b3261e', margin: 12 }}>
          {errorMessage(query.error)}{' '}
          <Button size="small" onClick={() => void query.refetch()}>
            {t('重试', 'Retry')}
          </Button>
        </div>
      )}
      {!query.isPending && items.length === 0 && (
        <div className="jm-muted" style={{ textAlign: 'center', margin: 24 }}>
          {state === 'open' ? t('没有未结束的启事', 'No open notices') : t('没有已结束的启事', 'No ended notices')}
        </div>
      )}
      {items.map((item) => (
        <Notice
          key={item.id}
          item={item}
          here={item.roomId === roomId}
          mine={item.roomId === roomId && item.author.type === 'member' && item.author.id === memberId}
          phoneToken={phoneToken}
          onChanged={onChanged}
        />
      ))}
      {query.hasNextPage && (
        <Button block fill="none" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t('查看更早的启事', 'Load earlier')}
        </Button>
      )}
    </section>
  );
}
