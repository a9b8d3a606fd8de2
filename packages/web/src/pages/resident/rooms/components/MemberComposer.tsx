/**
 * A member writes to the room: text, photos, the place if it chooses, a reply to a post, and "@" one of the
 * room's hosts (a request with a clock: unanswered, it reaches the officer's phone, then the desk). A send
 * that got no answer is resent under the same idempotency key, so the room never reads it twice.
 */
import { PHOTO_LIMITS, type RoomPostView } from '@jingmin/shared';
import { Button, Input, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { roomsPublic } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { PhotoPicker } from '../../components/PhotoPicker';
import { useRoomSend } from '../useRoomSend';

interface Props {
  roomId: string;
  phoneToken: string;
  hosts: { staffId: string; nickname: string }[];
  replyTo: RoomPostView | null;
  onClearReply(): void;
  onSent(post: RoomPostView): void;
}

export function MemberComposer({ roomId, phoneToken, hosts, replyTo, onClearReply, onSent }: Props) {
  const { t } = useLang();
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [place, setPlace] = useState('');
  const [more, setMore] = useState(false);
  const { photos, photosReady, send: sendOnce, sending } = useRoomSend(roomId, phoneToken);

  const send = async () => {
    if (!photosReady()) return;
    const body = text.trim();
    if (!body) return Toast.show({ content: t('请写点内容', 'Write something first') });
    const input = {
      body,
      mentions,
      photoIds: photos.uploaded.map((p) => p.id),
      ...(replyTo ? { replyToId: replyTo.id } : {}),
      ...(place.trim() ? { place: place.trim() } : {}),
    };
    const post = await sendOnce(input, (key) => roomsPublic.post(roomId, input, key, phoneToken));
    if (!post) return;
    setText('');
    setMentions([]);
    setPlace('');
    setMore(false);
    onClearReply();
    onSent(post);
    if (post.status === 'held')
      Toast.show({ content: t('已提交，群主审核后发出', 'Sent for review: a host will look at it first') });
  };

  return (
    <section
      aria-label={t('发言', 'Write')}
      style={{ position: 'sticky', bottom: 0, background: '#fff', borderTop: '1px solid #dfe3e8', padding: 10 }}
    >
      {replyTo && (
        <div className="jm-muted jm-small" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <span style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {t('回复', 'Reply to')} {replyTo.author.nickname}：{replyTo.body}
          </span>
          <Button size="mini" fill="none" onClick={onClearReply}>
            {t('取消回复', 'Cancel')}
          </Button>
        </div>
      )}
      {more && (
        <div style={{ marginBottom: 8 }}>
          {hosts.length > 0 && (
            <>
              <div className="jm-muted">{t('@ 群主或管理员（会限时回复）', '"@" a host (answered in set time)')}</div>
              <Selector
                multiple
                value={mentions}
                onChange={setMentions}
                options={hosts.map((h) => ({ value: h.staffId, label: `@${h.nickname}` }))}
              />
            </>
          )}
          <div style={{ marginTop: 8 }}>
            <PhotoPicker queue={photos} />
          </div>
          <div className="jm-field" style={{ marginTop: 8 }}>
            <Input
              placeholder={t('位置（可不填，群里可见）', 'Place (optional; the room sees it)')}
              aria-label={t('位置', 'Place')}
              value={place}
              onChange={setPlace}
              maxLength={100}
            />
          </div>
        </div>
      )}
      <div className="jm-field">
        <label htmlFor="jm-room-post" className="jm-sr">
          {t('发言内容', 'Your post')}
        </label>
        <TextArea
          id="jm-room-post"
          placeholder={t('说点什么，或 @ 民警求助', 'Say something, or "@" the officer')}
          value={text}
          onChange={setText}
          maxLength={2000}
          autoSize={{ minRows: 1, maxRows: 5 }}
        />
      </div>
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <Button fill="outline" color={more ? 'primary' : 'default'} onClick={() => setMore(!more)}>
          {t('@ / 照片', '@ / Photo')}
          {photos.tiles.length > 0 ? ` ${photos.tiles.length}/${PHOTO_LIMITS.perItem}` : ''}
          {mentions.length > 0 ? ` @${mentions.length}` : ''}
        </Button>
        <Button color="primary" loading={sending} onClick={() => void send()} style={{ flex: 1 }}>
          {t('发送', 'Send')}
        </Button>
      </div>
    </section>
  );
}
