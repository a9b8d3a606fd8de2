/**
 * Writing to the station. The unsent text and the photos already uploaded
 * stay in this tab (sessionStorage) until the server takes the message, so a
 * reload or a dropped connection loses nothing.
 */
import { PHOTO_LIMITS, type ResidentMatterView } from '@jingmin/shared';
import { Button, TextArea, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../../../api/client';
import { newKey, resident } from '../../../../api/resident';
import { useLang } from '../../../../i18n';
import { PhotoPicker } from '../../components/PhotoPicker';
import { type UploadedPhoto, usePhotoQueue } from '../../components/usePhotoQueue';

interface Unsent {
  text: string;
  photos: UploadedPhoto[];
  /** The last send that got no answer: resent with the same key, so the station never gets it twice. */
  attempt?: { key: string; content: string };
}

const storeKey = (tracking: string) => `jm.chat.${tracking}`;

function loadUnsent(tracking: string): Unsent {
  try {
    return {
      text: '',
      photos: [],
      ...(JSON.parse(sessionStorage.getItem(storeKey(tracking)) ?? 'null') as Unsent | null),
    };
  } catch {
    return { text: '', photos: [] };
  }
}

export function Composer({ tracking, onSent }: { tracking: string; onSent(view: ResidentMatterView): void }) {
  const { t } = useLang();
  const [initial] = useState(() => loadUnsent(tracking));
  const [text, setText] = useState(initial.text);
  const [showPhotos, setShowPhotos] = useState(initial.photos.length > 0);
  const [sending, setSending] = useState(false);
  const [attempt, setAttempt] = useState(initial.attempt);
  const upload = useCallback(
    (file: File, key: string) => resident.uploadMessagePhotos(tracking, [file], key),
    [tracking],
  );
  const photos = usePhotoQueue(upload, initial.photos);
  useEffect(() => {
    try {
      sessionStorage.setItem(storeKey(tracking), JSON.stringify({ text, photos: photos.uploaded, attempt }));
    } catch {
      sessionStorage.setItem(storeKey(tracking), JSON.stringify({ text, photos: [], attempt }));
    }
  }, [text, photos.uploaded, tracking, attempt]);

  const blocker = () => {
    if (photos.isBusy) return t('照片还在上传，请稍候', 'Photos are still uploading');
    if (photos.hasFailed)
      return t('有照片没有传上去：点照片重试，或删掉它', 'A photo did not upload: retry or remove it');
    return null;
  };

  const send = async () => {
    const problem = blocker();
    if (problem) {
      Toast.show({ content: problem });
      return;
    }
    const photoIds = photos.uploaded.map((p) => p.id);
    if (!text.trim() && photoIds.length === 0) return;
    const content = JSON.stringify([text.trim(), photoIds]);
    // Same words and photos as the unanswered try: same key. Anything changed: a new message, a new key.
    const tryNow = attempt?.content === content ? attempt : { key: newKey(), content };
    setAttempt(tryNow);
    setSending(true);
    try {
      const view = await resident.message(tracking, { text: text.trim(), photoIds }, tryNow.key);
      setAttempt(undefined);
      sessionStorage.removeItem(storeKey(tracking));
      setText('');
      photos.reset();
      setShowPhotos(false);
      onSent(view);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PHOTOS_UNAVAILABLE')
        photos.forget((err.details as { photoIds?: string[] } | undefined)?.photoIds ?? []);
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  const pending = photos.tiles.length;
  return (
    <div style={{ marginTop: 16, borderTop: '1px solid #eee', paddingTop: 12 }}>
      {showPhotos && (
        <div style={{ marginBottom: 10 }}>
          <PhotoPicker queue={photos} />
        </div>
      )}
      <label htmlFor="jm-chat-text" className="jm-muted" style={{ display: 'block', marginBottom: 4 }}>
        {t('给派出所留言', 'Write to the station')}
      </label>
      <div className="jm-field">
        <TextArea
          id="jm-chat-text"
          placeholder={t('写下补充情况或问题', 'Anything to add or ask')}
          value={text}
          onChange={setText}
          maxLength={2000}
          rows={2}
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
      </div>
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <Button
          aria-label={t('发照片', 'Add photos')}
          color={showPhotos ? 'primary' : 'default'}
          fill="outline"
          onClick={() => setShowPhotos(!showPhotos || pending > 0)}
        >
          {t('照片', 'Photo')}
          {pending > 0 ? ` ${pending}/${PHOTO_LIMITS.perItem}` : ''}
        </Button>
        <Button color="primary" loading={sending} onClick={send} style={{ flex: 1 }}>
          {t('发送', 'Send')}
        </Button>
      </div>
    </div>
  );
}
