/**
 * 失物招领/寻物启事 over HTTP: a host posts a notice for an item handed in, closes any notice of its rooms and reads
 * the station's list (session cookie); a member posts, closes its own and reads the station's lost and found
 * from its room (x-phone-token). Each post or close answers the notice's post as its caller reads it.
 */
import type {
  CloseItemInput,
  ItemPostInput,
  RoomItemQuery,
  RoomPostView,
  StationItemPage,
  UploadPhotosResult,
} from '@jingmin/shared';
import { api, request, withQuery } from './client';

/** Which notices: open (default), closed or all; the next page `before` the oldest `createdAt` read. */
export type ItemPageQuery = Partial<RoomItemQuery>;

export const roomItemsApi = {
  /** 失物招领 by a host: a resend under the same key posts one notice. */
  post: (roomId: string, input: ItemPostInput, idempotencyKey: string) =>
    api.post<RoomPostView>(`/rooms/${roomId}/items`, input, { 'idempotency-key': idempotencyKey }),
  close: (postId: string, as: CloseItemInput['as']) =>
    api.post<RoomPostView>(`/room-posts/${postId}/close-item`, { as }),
  /** A host's photo of the item, uploaded before the notice names it. */
  uploadPhoto: (roomId: string, file: File, idempotencyKey: string) => {
    const form = new FormData();
    form.append('photo', file, file.name || 'photo.jpg');
    return request<UploadPhotosResult>('POST', `/rooms/${roomId}/photos`, form, { 'idempotency-key': idempotencyKey });
  },
  station: (stationId: string, q: ItemPageQuery = {}) =>
    api.get<StationItemPage>(`/stations/${stationId}/room-items`, { ...q }),
};

const phone = (token: string) => ({ 'x-phone-token': token });

export const roomItemsPublic = {
  post: (roomId: string, input: ItemPostInput, idempotencyKey: string, phoneToken: string) =>
    request<RoomPostView>('POST', `/public/rooms/${roomId}/items`, input, {
      ...phone(phoneToken),
      'idempotency-key': idempotencyKey,
    }),
  /** 已找到/已归还 by its poster, once. */
  close: (postId: string, as: CloseItemInput['as'], phoneToken: string) =>
    request<RoomPostView>('POST', `/public/room-posts/${postId}/close-item`, { as }, phone(phoneToken)),
  /** The room's notices and the station's shared ones. */
  list: (roomId: string, phoneToken: string, q: ItemPageQuery = {}) =>
    request<StationItemPage>('GET', withQuery(`/public/rooms/${roomId}/items`, { ...q }), undefined, phone(phoneToken)),
};
