/**
 * What a member's two forms in a room share (the composer, the lost-and-found notice): photos uploaded to the room
 * as they are picked, a check that they are all up, and a send that — got no answer — is resent under the same
 * idempotency key, so the room never reads it twice.
 */
import { Toast } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../../api/client';
import { newKey } from '../../../api/resident';
import { roomsPublic } from '../../../api/rooms';
import { useLang } from '../../../i18n';
import { usePhotoQueue } from '../components/usePhotoQueue';

export function useRoomSend(roomId: string, phoneToken: string) {
  const { t } = useLang();
  const [sending, setSending] = useState(false);
  const [attempt, setAttempt] = useState<{ key: string; content: string } | null>(null);
  const upload = useCallback(
    (file: File, key: string) => roomsPublic.uploadPhoto(roomId, file, key, phoneToken),
    [roomId, phoneToken],
  );
  const photos = usePhotoQueue(upload);

  /** False, and the member told why, while a photo is still uploading or did not upload. */
  const photosReady = () => {
    if (photos.isBusy) Toast.show({ content: t('照片还在上传，请稍候', 'Photos are still uploading') });
    else if (photos.hasFailed)
      Toast.show({ content: t('有照片没有传上去：点照片重试，或删掉它', 'A photo did not upload') });
    return !photos.isBusy && !photos.hasFailed;
  };

  /** Sends `input` through `call` with its key (a resend of the same input, the same key); null after an error shown. */
  async function send<T>(input: unknown, call: (key: string) => Promise<T>): Promise<T | null> {
    const content = JSON.stringify(input);
    const tryNow = attempt?.content === content ? attempt : { key: newKey(), content };
    setAttempt(tryNow);
    setSending(true);
    try {
      const answer = await call(tryNow.key);
      setAttempt(null);
      photos.reset();
      return answer;
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
      return null;
    } finally {
      setSending(false);
    }
  }

  return { photos, photosReady, send, sending };
}
