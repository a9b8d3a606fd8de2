/**
 * 议事: a host opens a topic — a post of kind `topic` (work type 议事) whose body explains the question, with its
 * options in `room_topics` — residents vote once each (the key of `room_votes` says so) and discuss it in replies,
 * and a host publishes the station's answer (答复), which ends the voting and stays on the topic with who and when.
 *
 * A muted member still votes: muting stops words in the room (flooding, abuse), and a vote carries none; a host
 * who runs a topic should not be able to take a resident's say on it away. A removed member is no member and
 * cannot. Every vote is audited like a resident's post — the member and the topic, never the option chosen: the
 * audit log outlives the post (retention removes votes with it) and must not become a record of who chose what.
 */
import {
  labelOf,
  type OpenTopicInput,
  ROOM_POST_KIND_LABELS,
  type RoomPostView,
  type VoteInput,
} from '@jingmin/shared';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roomPosts, roomTopics, roomVotes } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { requireKey } from '../../platform/idempotency.js';
import { publishRoomEvent } from './live.js';
import { memberOrThrow, roomOrThrow } from './members.service.js';
import { actionWords, assertPostStatus, postForStaff, staffView } from './moderation.service.js';
import { insertPost, once } from './posts.service.js';
import { presentPost, type RoomPost } from './posts.view.js';
import { assertOpen, assertRight, type Room, type RoomRights, roomForStaff } from './rooms.policy.js';

type Topic = typeof roomTopics.$inferSelect;
type OpenTopic = Required<Pick<OpenTopicInput, 'question' | 'body' | 'options' | 'photoIds'>> & OpenTopicInput;

/** No more votes: answered, or past its end. */
const isClosed = (ctx: Ctx, topic: Topic) =>
  topic.answeredAt !== null || (topic.closesAt !== null && topic.closesAt.getTime() <= ctx.now().getTime());

/** The topic of a post; a post of another kind is ROOM_POST_KIND, naming the action refused. */
async function topicOf(ctx: Ctx, db: Ctx['db'] | Tx, post: RoomPost, zh: string, en: string, lock = false) {
  const query = db.select().from(roomTopics).where(eq(roomTopics.postId, post.id));
  // Share-locked while a vote is written: an answer committing meanwhile waits, then the vote sees it closed.
  const [topic] = post.kind === 'topic' ? await (lock ? query.for('share') : query) : [];
  if (!topic)
    throw new AppError('ROOM_POST_KIND', {
      kind: labelOf(ROOM_POST_KIND_LABELS.topic, ctx.locale),
      action: actionWords(ctx, zh, en),
    });
  return topic;
}

/** 发起议事: a host's question and options, posted as a topic with its own row, in one transaction. */
export async function openTopic(
  ctx: Ctx,
  roomId: string,
  input: OpenTopic,
  idempotencyKey: string | undefined,
): Promise<RoomPostView> {
  const key = requireKey(idempotencyKey);
  const actor = actorOf(ctx);
  const { room, rights } = await roomForStaff(ctx, roomId);
  const requestKey = sm3(`room-topic:${key}:staff:${actor.id}`);
  return once(ctx, requestKey, { type: 'staff', staffId: actor.id }, () =>
    writeTopic(ctx, room, rights, input, requestKey),
  );
}

async function writeTopic(ctx: Ctx, room: Room, rights: RoomRights, input: OpenTopic, requestKey: string) {
  const actor = actorOf(ctx);
  assertRight(room, rights, 'post', actionWords(ctx, '发起议事', 'open topics'));
  assertOpen(room);
  const closesAt = input.closesAt ? new Date(input.closesAt) : null;
  if (closesAt && closesAt.getTime() <= ctx.now().getTime())
    throw new AppError('VALIDATION', {
      detail: actionWords(ctx, '投票截止时间须晚于现在', 'closesAt must be in the future'),
    });
  return ctx.db.transaction(async (tx) => {
    const row = await insertPost(
      tx,
      ctx,
      room,
      { kind: 'topic', workType: 'deliberation', staffId: actor.id, body: input.body, requestKey },
      { owner: { type: 'staff', id: actor.id }, staffId: actor.id },
      input.photoIds,
    );
    await tx.insert(roomTopics).values({ postId: row.id, question: input.question, options: input.options, closesAt });
    await publishRoomEvent(tx, ctx, room, 'room.post', row);
    await audit(ctx, tx, {
      action: 'room.topic.open',
      result: 'ok',
      targetType: 'room_post',
      targetId: row.id,
      details: { roomId: room.id, options: input.options.length, closesAt: closesAt?.toISOString() ?? null },
    });
    return row;
  });
}

async function topicPostOrThrow(ctx: Ctx, postId: string) {
  const [post] = await ctx.db.select().from(roomPosts).where(eq(roomPosts.id, postId));
  if (!post) throw new AppError('NOT_FOUND', { what: 'room_post' });
  return post;
}

/** 投票: a member's one vote on an open topic; a second (even one racing the first) is ROOM_ALREADY_VOTED. */
export async function vote(
  ctx: Ctx,
  postId: string,
  input: VoteInput,
  phoneToken: string | undefined,
): Promise<RoomPostView> {
  const post = await topicPostOrThrow(ctx, postId);
  const room = await roomOrThrow(ctx, post.roomId);
  const member = await memberOrThrow(ctx, room, phoneToken);
  // A member reads only published posts of others: any other topic is not there for it to vote on.
  if (post.status !== 'published') throw new AppError('NOT_FOUND', { what: 'room_post' });
  assertOpen(room);
  await ctx.db.transaction(async (tx) => {
    const topic = await topicOf(ctx, tx, post, '投票', 'vote on', true);
    if (isClosed(ctx, topic)) throw new AppError('ROOM_TOPIC_CLOSED');
    if (input.option >= topic.options.length) throw new AppError('ROOM_VOTE_OPTION', { option: input.option + 1 });
    const [cast] = await tx
      .insert(roomVotes)
      .values({ postId: post.id, memberId: member.id, option: input.option, votedAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ postId: roomVotes.postId });
    if (!cast) await refuseSecondVote(tx, topic, member.id);
    await publishRoomEvent(tx, ctx, room, 'room.post_changed', post);
    await audit(ctx, tx, {
      action: 'room.topic.vote',
      result: 'ok',
      targetType: 'room_post',
      targetId: post.id,
      details: { roomId: room.id, memberId: member.id },
    });
  });
  return presentPost(ctx, post.id, { type: 'member', memberId: member.id });
}

/** The member's earlier vote, named by its option's label to the member alone. */
async function refuseSecondVote(tx: Tx, topic: Topic, memberId: string): Promise<never> {
  const [earlier] = await tx
    .select({ option: roomVotes.option })
    .from(roomVotes)
    .where(and(eq(roomVotes.postId, topic.postId), eq(roomVotes.memberId, memberId)));
  const option = earlier ? (topic.options[earlier.option] ?? String(earlier.option + 1)) : '';
  throw new AppError('ROOM_ALREADY_VOTED', { option });
}

/** 答复: a host publishes the station's answer once; voting ends, the counts at that moment go to the audit. */
export async function answerTopic(ctx: Ctx, postId: string, answer: string): Promise<RoomPostView> {
  const actor = actorOf(ctx);
  const { post, room, rights } = await postForStaff(ctx, postId);
  assertRight(room, rights, 'post', actionWords(ctx, '答复议事', 'answer topics'));
  const topic = await topicOf(ctx, ctx.db, post, '答复', 'answer');
  assertPostStatus(ctx, post, ['published'], actionWords(ctx, '答复', 'answer'));
  if (topic.answeredAt) throw new AppError('ROOM_TOPIC_CLOSED');
  await ctx.db.transaction(async (tx) => {
    const [answered] = await tx
      .update(roomTopics)
      .set({ answer, answeredAt: ctx.now(), answeredBy: actor.id })
      .where(and(eq(roomTopics.postId, post.id), isNull(roomTopics.answeredAt)))
      .returning({ postId: roomTopics.postId });
    // Two hosts answering at once: the first answer stands.
    if (!answered) throw new AppError('ROOM_TOPIC_CLOSED');
    const votes = await tx
      .select({ option: roomVotes.option, n: count() })
      .from(roomVotes)
      .where(eq(roomVotes.postId, post.id))
      .groupBy(roomVotes.option);
    const counts = topic.options.map((_, i) => Number(votes.find((v) => v.option === i)?.n ?? 0));
    await publishRoomEvent(tx, ctx, room, 'room.post_changed', post);
    await audit(ctx, tx, {
      action: 'room.topic.answer',
      result: 'ok',
      targetType: 'room_post',
      targetId: post.id,
      details: { roomId: room.id, votes: counts, closedEarly: !isClosed(ctx, topic) },
    });
  });
  return staffView(ctx, post.id);
}
