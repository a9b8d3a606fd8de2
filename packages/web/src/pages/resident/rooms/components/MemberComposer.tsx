/**
 * A member writes to the room: text, photos, the place if it chooses, a reply to a post, and "@" one of the
 * room's hosts (a request with a clock: unanswered, it reaches the officer's phone, then the desk). A send
 * that got no answer is resent under the same idempotency key, so the room never reads it twice.
 */
import { PHOTO_LIMITS, type RoomPostView } from '@jingmin/shared';
import { Button, Input, Selector, TextArea, Toast } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { newKey } from '../../../../api/resident';
import { roomsPublic } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { PhotoPicker } from '../../components/PhotoPicker';
import { usePhotoQueue } from '../../components/usePhotoQueue';

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
  const [sending, setSending] = useState(false);
  const [attempt, setAttempt] = useState<{ key: string; content: string } | null>(null);
  const upload = useCallback(
    (file: File, key: string) => roomsPublic.uploadPhoto(roomId, file, key, phoneToken),
    [roomId, phoneToken],
  );
  const photos = usePhotoQueue(upload);

  const send = async () => {
    if (photos.isBusy) return Toast.show({ content: t('照片还在上传，请稍候', 'Photos are still uploading') });
    if (photos.hasFailed)
      return Toast.show({ content: t('有照片没有传上去：点照片重试，或删掉它', 'A photo did not upload') });
    const body = text.trim();
    if (!body) return Toast.show({ content: t('请写点内容', 'Write something first') });
    const input = {
      body,
      mentions,
      photoIds: photos.uploaded.map((p) => p.id),
      ...(replyTo ? { replyToId: replyTo.id } : {}),
      ...(place.trim() ? { place: place.trim() } : {}),
    };
    const content = JSON.stringify(input);
    const tryNow = attempt?.content === content ? attempt : { key: newKey(), content };
    setAttempt(tryNow);
    setSending(true);
    try {
      const post = await roomsPublic.post(roomId, input, tryNow.key, phoneToken);
      setAttempt(null);
      setText('');
      setMentions([]);
      setPlace('');
      setMore(false);
      photos.reset();
      onClearReply();
      onSent(post);
      if (post.status === 'held')
        Toast.show({ content: t('已提交，群主审核后发出', 'Sent for review: a host will look at it first') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setSending(false);
    }
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
