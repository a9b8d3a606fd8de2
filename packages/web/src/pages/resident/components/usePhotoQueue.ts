/**
 * Photos a resident picks, uploaded one at a time (a slow network carries one
 * photo well, nine at once badly). Each photo keeps the idempotency key of its
 * upload, so a retry after a network failure can never store it twice.
 */
import { PHOTO_LIMITS, type PhotoReceipt } from '@jingmin/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../api/client';
import { newKey } from '../../../api/resident';

/** A photo the server holds: enough to send its id and show it again after a reload. */
export interface UploadedPhoto {
  id: string;
  /** A small JPEG data URL made on the phone; null when the browser could not draw it. */
  thumb: string | null;
}

export type TileState = 'queued' | 'uploading' | 'failed' | 'refused' | 'done';

export interface PhotoTile {
  local: string;
  state: TileState;
  thumb: string | null;
  /** Kept until the server holds the photo. */
  file?: File;
  /** The upload as it was when the photo was picked: a retry must send the same request under the same key. */
  send?: UploadPhoto;
  key: string;
  id?: string;
  /** Why the last upload failed (the server's words when it refused the file). */
  message?: string;
}

export type UploadPhoto = (file: File, idempotencyKey: string) => Promise<{ photos: PhotoReceipt[] }>;

export const MB = 1024 * 1024;

/** Draws a ~160 px JPEG of the photo: small enough to keep in the draft. */
export async function makeThumb(file: File, side = 160): Promise<string | null> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = side / Math.max(1, Math.min(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const w = img.naturalWidth * scale;
    const h = img.naturalHeight * scale;
    canvas.getContext('2d')?.drawImage(img, (side - w) / 2, (side - h) / 2, w, h);
    return canvas.toDataURL('image/jpeg', 0.6);
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Failures a retry may fix: no answer, a server fault, or "too many, wait". */
const retryable = (err: unknown) =>
  !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 429;

export function usePhotoQueue(upload: UploadPhoto, initial: UploadedPhoto[] = []) {
  const [tiles, setTiles] = useState<PhotoTile[]>(() =>
    initial.map((p) => ({ local: p.id, state: 'done', id: p.id, thumb: p.thumb, key: p.id })),
  );
  const patch = useCallback(
    (local: string, next: Partial<PhotoTile>) =>
      setTiles((all) => all.map((t) => (t.local === local ? { ...t, ...next } : t))),
    [],
  );

  const next = tiles.some((t) => t.state === 'uploading') ? undefined : tiles.find((t) => t.state === 'queued');
  useEffect(() => {
    if (!next?.file || !next.send) return;
    const { local, file, key, send } = next;
    patch(local, { state: 'uploading', message: undefined });
    send(file, key).then(
      (res) => {
        const id = res.photos[0]?.id;
        patch(local, id ? { state: 'done', id, file: undefined, send: undefined } : { state: 'failed' });
      },
      (err: unknown) =>
        patch(local, {
          state: retryable(err) ? 'failed' : 'refused',
          message: err instanceof ApiError && err.status !== 0 ? err.message : undefined,
        }),
    );
  }, [next, patch]);

  /** Takes picked files up to the limit; returns how many did not fit. */
  const add = (files: File[]) => {
    const room = PHOTO_LIMITS.perItem - tiles.filter((t) => t.state !== 'refused').length;
    const taken = files.slice(0, Math.max(0, room));
    for (const file of taken) {
      const local = newKey();
      const tooBig = file.size > PHOTO_LIMITS.maxFileBytes;
      const notImage = file.type !== '' && !file.type.startsWith('image/');
      const state: TileState = tooBig || notImage ? 'refused' : 'queued';
      setTiles((all) => [...all, { local, state, file, send: upload, key: newKey(), thumb: null }]);
      void makeThumb(file).then((thumb) => thumb && patch(local, { thumb }));
    }
    return files.length - taken.length;
  };

  const uploaded = useMemo(
    () => tiles.flatMap((t) => (t.state === 'done' && t.id ? [{ id: t.id, thumb: t.thumb }] : [])),
    [tiles],
  );
  return {
    tiles,
    add,
    uploaded,
    /** The same file with the same key: the server answers with the photo it may already hold. */
    retry: (local: string) => patch(local, { state: 'queued' }),
    remove: (local: string) => setTiles((all) => all.filter((t) => t.local !== local || t.state === 'uploading')),
    /** Drops photos the server no longer holds (a draft left over a day), keeping the rest. */
    forget: (ids: readonly string[]) => setTiles((all) => all.filter((t) => !t.id || !ids.includes(t.id))),
    reset: () => setTiles([]),
    isBusy: tiles.some((t) => t.state === 'queued' || t.state === 'uploading'),
    hasFailed: tiles.some((t) => t.state === 'failed'),
  };
}

export type PhotoQueue = ReturnType<typeof usePhotoQueue>;
