/**
 * 举报 and what the hosts do with it over HTTP: a member reports a post once with its verified phone
 * (x-phone-token); hosts read the station's reported posts (never who reported), dismiss the reports, open a dispute
 * case from a post; staff read the rooms' figures over a period.
 */
import type {
  PostToCaseInput,
  PostToCaseResult,
  ReportedPost,
  ReportPostInput,
  RoomFigures,
  RoomFiguresQuery,
  RoomPostView,
} from '@jingmin/shared';
import { api, request } from './client';

export const roomReportsApi = {
  /** Posts with open reports in the rooms the staff member reads, latest reported first. */
  list: (stationId: string) => api.get<ReportedPost[]>(`/stations/${stationId}/room-reports`),
  /** 忽略举报: the post stays; its open reports close. */
  dismiss: (postId: string) => api.post<RoomPostView>(`/room-posts/${postId}/dismiss-reports`),
  /** 转为矛盾纠纷: 409 ROOM_POST_HAS_MATTER when the post is already a matter or a case. */
  toCase: (postId: string, input: PostToCaseInput) =>
    api.post<PostToCaseResult>(`/room-posts/${postId}/dispute`, input),
  figures: (stationId: string, q: RoomFiguresQuery) => api.get<RoomFigures>(`/stations/${stationId}/room-figures`, q),
};

export const roomReportsPublic = {
  /** Once per member and post: a second report answers the same. */
  report: (postId: string, input: ReportPostInput, phoneToken: string) =>
    request<RoomPostView>('POST', `/public/room-posts/${postId}/report`, input, { 'x-phone-token': phoneToken }),
};
