/**
 * A lost/found notice's particulars for hosts — 寻物启事 or 失物招领, what, where, when, shared across the station or
 * not — and its state: 未结束, or 已找到/已归还 with the time. A host of the room (the right to post there) closes an
 * open one as 已找到 or 已归还, once, after a confirmation.
 */
import {
  ROOM_ITEM_CLOSING_LABELS,
  ROOM_ITEM_CLOSINGS,
  ROOM_POST_KIND_LABELS,
  type RoomItemClosing,
  type RoomPostView,
} from '@jingmin/shared';
import { App, Button, Descriptions, Flex, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomItemsApi } from '../../../../api/room-items';
import { useLang } from '../../../../i18n';
import { dateTime } from '../../matter/labels';

export interface StaffPostPartProps {
  post: RoomPostView;
  canPost: boolean;
  canModerate: boolean;
  onChanged(): void;
}

export function StaffItem({ post, canPost, onChanged }: StaffPostPartProps) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<RoomItemClosing | null>(null);
  const item = post.item;
  if (!item || (post.kind !== 'lost' && post.kind !== 'found')) return null;
  const lost = post.kind === 'lost';

  const close = async (as: RoomItemClosing) => {
    setBusy(as);
    try {
      await roomItemsApi.close(post.id, as);
      message.success(
        t(`已标记为${label(ROOM_ITEM_CLOSING_LABELS[as])}`, `Marked ${label(ROOM_ITEM_CLOSING_LABELS[as])}`),
      );
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div
      style={{
        margin: '6px 0',
        padding: '6px 10px',
        borderLeft: `3px solid ${lost ? '#fa8c16' : '#52c41a'}`,
        background: '#fafafa',
      }}
    >
      <Flex gap={4} wrap align="center">
        <Tag color={lost ? 'orange' : 'green'}>{label(ROOM_POST_KIND_LABELS[post.kind])}</Tag>
        {item.closedAs ? (
          <Tag>
            {label(ROOM_ITEM_CLOSING_LABELS[item.closedAs])}
            {item.closedAt ? ` · ${dateTime(item.closedAt)}` : ''}
          </Tag>
        ) : (
          <Tag color="blue">{t('未结束', 'Open')}</Tag>
        )}
        {item.acrossStation && <Tag>{t('全所可见', 'Station-wide')}</Tag>}
      </Flex>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 4 }}
        items={[
          { key: 'what', label: t('物品', 'What'), children: <strong>{item.what}</strong> },
          { key: 'where', label: lost ? t('丢失地点', 'Lost at') : t('拾到地点', 'Found at'), children: item.where },
          {
            key: 'at',
            label: lost ? t('丢失时间', 'Lost on') : t('拾到时间', 'Found on'),
            children: dateTime(item.at),
          },
        ]}
      />
      {canPost && !item.closedAs && post.status !== 'deleted' && (
        <Flex gap={8} wrap style={{ marginTop: 4 }}>
          {ROOM_ITEM_CLOSINGS.map((as) => (
            <Popconfirm
              key={as}
              title={t(
                `标记为“${label(ROOM_ITEM_CLOSING_LABELS[as])}”？标记后不能撤销。`,
                `Mark it "${label(ROOM_ITEM_CLOSING_LABELS[as])}"? This cannot be undone.`,
              )}
              okText={t('标记', 'Mark')}
              cancelText={t('取消', 'Cancel')}
              onConfirm={() => close(as)}
            >
              <Button size="small" loading={busy === as} disabled={busy !== null && busy !== as}>
                {t(`标记${label(ROOM_ITEM_CLOSING_LABELS[as])}`, `Mark ${label(ROOM_ITEM_CLOSING_LABELS[as])}`)}
              </Button>
            </Popconfirm>
          ))}
        </Flex>
      )}
    </div>
  );
}
