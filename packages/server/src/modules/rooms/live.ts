/**
 * A room's live events over the spine's outbox: written in the transaction of the change, heard by the room's
 * members (its topic) and by staff through the room's unit path. The payload names the post, never its text:
 * a reader fetches the post through its own view.
 */
import type { RoomLiveEvent, RoomLivePayload } from '@jingmin/shared';
import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { publish } from '../../platform/outbox.js';
import { roomMemberTopic, roomTopic, unitTopics } from '../../platform/topics.js';
import type { Room } from './rooms.policy.js';

/** A new post, a changed post (or the room's state, with no post) reaches everyone reading the room. */
export async function publishRoomEvent(
  tx: Tx,
  ctx: Ctx,
  room: Room,
  type: RoomLiveEvent,
  post: { id: string; seq: number } | null,
) {
  const payload: RoomLivePayload = { roomId: room.id, postId: post?.id ?? null, seq: post?.seq ?? null };
  await publish(tx, ctx.now(), [roomTopic(room.id), ...unitTopics(room.unitPath)], type, payload);
}

/** A member removed from the room: its open streams hear this on its own topic and close. */
export async function publishMemberRemoved(tx: Tx, ctx: Ctx, room: Room, memberId: string) {
  const payload: RoomLivePayload = { roomId: room.id, postId: null, seq: null };
  await publish(tx, ctx.now(), [roomMemberTopic(memberId)], 'room.member_removed', payload);
}

/** A post the word list held: its poster's streams and the staff in sight hear of it, the room does not. */
export async function publishHeldPost(
  tx: Tx,
  ctx: Ctx,
  room: Room,
  memberId: string,
  post: { id: string; seq: number },
) {
  const payload: RoomLivePayload = { roomId: room.id, postId: post.id, seq: post.seq };
  await publish(tx, ctx.now(), [roomMemberTopic(memberId), ...unitTopics(room.unitPath)], 'room.post', payload);
}
