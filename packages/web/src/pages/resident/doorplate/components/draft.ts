/**
 * The submission draft, kept in this tab (sessionStorage) until the server
 * acknowledges the commit: a reload or a failed send loses nothing — not the
 * text, not the photos already uploaded — and the same idempotency key makes
 * a retry return the first matter instead of a second one.
 */
import type { MatterKind } from '@jingmin/shared';
import { newKey } from '../../../../api/resident';
import type { UploadedPhoto } from '../../components/usePhotoQueue';

export interface Draft {
  key: string;
  kind: MatterKind | null;
  body: string;
  location: { lat: number; lng: number; accuracy?: number } | null;
  /** Photos the server already holds for this submission (ids + small thumbnails). */
  photos: UploadedPhoto[];
  /** Send the verified phone with this matter (the resident may verify and still leave it off). */
  withPhone: boolean;
}

const draftKey = (token: string) => `jm.draft.${token}`;
const freshDraft = (): Draft => ({ key: newKey(), kind: null, body: '', location: null, photos: [], withPhone: true });

export function loadDraft(token: string): Draft {
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey(token)) ?? 'null') as Partial<Draft> | null;
    return { ...freshDraft(), ...saved };
  } catch {
    return freshDraft();
  }
}

export function saveDraft(token: string, draft: Draft) {
  try {
    sessionStorage.setItem(draftKey(token), JSON.stringify(draft));
  } catch {
    // Storage full: keep the ids and drop the thumbnails rather than lose the draft.
    const lean = { ...draft, photos: draft.photos.map((p) => ({ id: p.id, thumb: null })) };
    sessionStorage.setItem(draftKey(token), JSON.stringify(lean));
  }
}

export function dropDraft(token: string) {
  sessionStorage.removeItem(draftKey(token));
}
