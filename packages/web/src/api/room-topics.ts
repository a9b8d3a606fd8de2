/**
 * 议事 over HTTP: a host opens a topic and publishes the station's answer (session cookie); a member votes once
 * with its verified phone (x-phone-token). Each call answers the topic's post as its caller reads it.
 */
import type { AnswerTopicInput, OpenTopicInput, RoomPostView, VoteInput } from '@jingmin/shared';
import { api, request } from './client';

export const roomTopicsApi = {
  /** 发起议事: a resend under the same key opens one topic. */
  open: (roomId: string, input: OpenTopicInput, idempotencyKey: string) =>
    api.post<RoomPostView>(`/rooms/${roomId}/topics`, input, { 'idempotency-key': idempotencyKey }),
  /** 答复: once; voting ends with it. */
  answer: (postId: string, input: AnswerTopicInput) =>
    api.post<RoomPostView>(`/room-posts/${postId}/answer-topic`, input),
};

export const roomTopicsPublic = {
  /** A member's one vote: the option's index. */
  vote: (postId: string, input: VoteInput, phoneToken: string) =>
    request<RoomPostView>('POST', `/public/room-posts/${postId}/vote`, input, { 'x-phone-token': phoneToken }),
};
