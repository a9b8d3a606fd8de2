/**
 * 网上警民议事厅 over HTTP: the hosts' calls (session cookie) and the residents' calls (a verified phone's token in
 * x-phone-token, never an account). Shapes are the shared contract in schemas/rooms.ts.
 */
import type {
  CreateRoomInput,
  JoinRoomInput,
  MemberPostInput,
  MyRooms,
  OpenMention,
  PostToMatterInput,
  PostToMatterResult,
  PublicRoom,
  RoomMembership,
  RoomMemberView,
  RoomPostPage,
  RoomPostView,
  RoomSettings,
  RoomSummary,
  RoomView,
  RoomWorkType,
  StaffPostInput,
  UpdateRoomInput,
  UploadPhotosResult,
} from '@jingmin/shared';
import { api, apiUrl, request, withQuery } from './client';

/** Which page of a room's posts: `before` the smallest seq already read. */
export type PostPageQuery = {
  before?: number;
  limit?: number;
  only?: 'announcements' | 'open_mentions' | 'held';
};

export const roomsApi = {
  list: (stationId: string) => api.get<RoomSummary[]>(`/stations/${stationId}/rooms`),
  create: (stationId: string, input: CreateRoomInput) => api.post<RoomView>(`/stations/${stationId}/rooms`, input),
  get: (id: string) => api.get<RoomView>(`/rooms/${id}`),
  update: (id: string, input: UpdateRoomInput) => api.patch<RoomView>(`/rooms/${id}`, input),
  /** A new invitation: the old QR stops working. */
  rotateInvite: (id: string) => api.post<RoomView>(`/rooms/${id}/invite`),
  posts: (id: string, q: PostPageQuery = {}) => api.get<RoomPostPage>(`/rooms/${id}/posts`, { ...q }),
  post: (id: string, input: StaffPostInput, idempotencyKey: string) =>
    api.post<RoomPostView>(`/rooms/${id}/posts`, input, { 'idempotency-key': idempotencyKey }),
  members: (id: string) => api.get<RoomMemberView[]>(`/rooms/${id}/members`),
  tag: (postId: string, workType: RoomWorkType | null) =>
    api.post<RoomPostView>(`/room-posts/${postId}/tag`, { workType }),
  pin: (postId: string, pinned: boolean) => api.post<RoomPostView>(`/room-posts/${postId}/pin`, { pinned }),
  hide: (postId: string, reason: string) => api.post<RoomPostView>(`/room-posts/${postId}/hide`, { reason }),
  release: (postId: string) => api.post<RoomPostView>(`/room-posts/${postId}/release`),
  toMatter: (postId: string, input: PostToMatterInput) =>
    api.post<PostToMatterResult>(`/room-posts/${postId}/matter`, input),
  mute: (memberId: string, minutes: number, reason: string) =>
    api.post<RoomMemberView>(`/room-members/${memberId}/mute`, { minutes, reason }),
  unmute: (memberId: string) => api.post<RoomMemberView>(`/room-members/${memberId}/unmute`),
  remove: (memberId: string, days: number, reason: string) =>
    api.post<RoomMemberView>(`/room-members/${memberId}/remove`, { days, reason }),
  mentions: (stationId: string) => api.get<OpenMention[]>(`/stations/${stationId}/room-mentions`),
  settings: (stationId: string) => api.get<RoomSettings>(`/stations/${stationId}/room-settings`),
  saveSettings: (stationId: string, input: RoomSettings) =>
    api.put<RoomSettings>(`/stations/${stationId}/room-settings`, input),
  /** A photo of a post as an `<img src>` (the session cookie reads it). */
  photoUrl: (photoId: string, size: 'full' | 'thumb' = 'full') =>
    apiUrl(`/room-photos/${photoId}`, size === 'thumb' ? { size: 'thumb' } : undefined),
};

const phone = (token: string) => ({ 'x-phone-token': token });

/** The resident's calls: offers and announcements are public, everything of a member needs the phone's token. */
export const roomsPublic = {
  doorplateRooms: (doorplateToken: string, phoneToken?: string) =>
    request<PublicRoom[]>(
      'GET',
      `/public/doorplates/${doorplateToken}/rooms`,
      undefined,
      phoneToken ? phone(phoneToken) : {},
    ),
  invitation: (inviteToken: string, phoneToken?: string) =>
    request<PublicRoom>('GET', `/public/rooms/invite/${inviteToken}`, undefined, phoneToken ? phone(phoneToken) : {}),
  announcements: (roomId: string, before?: number) =>
    api.get<RoomPostPage>(`/public/rooms/${roomId}/announcements`, { before }),
  join: (roomId: string, input: JoinRoomInput, phoneToken: string) =>
    request<RoomMembership>('POST', `/public/rooms/${roomId}/join`, input, phone(phoneToken)),
  leave: (roomId: string, phoneToken: string) =>
    request<{ ok: true }>('POST', `/public/rooms/${roomId}/leave`, {}, phone(phoneToken)),
  mine: (phoneToken: string) => request<MyRooms>('GET', '/public/my-rooms', undefined, phone(phoneToken)),
  posts: (roomId: string, phoneToken: string, before?: number) =>
    request<RoomPostPage>('GET', withQuery(`/public/rooms/${roomId}/posts`, { before }), undefined, phone(phoneToken)),
  uploadPhoto: (roomId: string, file: File, idempotencyKey: string, phoneToken: string) => {
    const form = new FormData();
    form.append('photo', file, file.name || 'photo.jpg');
    return request<UploadPhotosResult>('POST', `/public/rooms/${roomId}/photos`, form, {
      ...phone(phoneToken),
      'idempotency-key': idempotencyKey,
    });
  },
  post: (roomId: string, input: MemberPostInput, idempotencyKey: string, phoneToken: string) =>
    request<RoomPostView>('POST', `/public/rooms/${roomId}/posts`, input, {
      ...phone(phoneToken),
      'idempotency-key': idempotencyKey,
    }),
  deletePost: (postId: string, phoneToken: string) =>
    request<{ ok: true }>('DELETE', `/public/room-posts/${postId}`, undefined, phone(phoneToken)),
  /** The stream's URL; read with fetch (it needs the phone's header), see pages/resident/rooms/sse.ts. */
  streamUrl: (roomId: string) => apiUrl(`/public/rooms/${roomId}/stream`),
  /** A photo's bytes: read with the phone's header, shown through an object URL. */
  photo: async (photoId: string, phoneToken: string | null, size: 'full' | 'thumb' = 'thumb') => {
    const res = await fetch(apiUrl(`/public/room-photos/${photoId}`, size === 'thumb' ? { size } : undefined), {
      headers: phoneToken ? phone(phoneToken) : {},
    });
    if (!res.ok) throw new Error(String(res.status));
    return res.blob();
  },
};
