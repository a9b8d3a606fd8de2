/**
 * The "@" clock. An "@" to staff carries `answer_due_at`; unanswered past it, the sweep stamps `reminded_at` in the
 * statement that claims the post and publishes `room.mention_overdue` (the staff it asked hear it on their phones
 * through the staff notification channel); still unanswered `deskMinutes` after it was posted, it stamps
 * `escalated_at` and publishes `room.mention_escalated` to the room's units (the station's desk is alerted, the
 * console refreshes). Each stamp is set once: a doubled tick or a second process tells nobody twice.
 */
import {
  type OpenMention,
  ROOM_MENTION_ESCALATED_EVENT,
  ROOM_MENTION_OVERDUE_EVENT,
  type RoomPostStatus,
} from '@jingmin/shared';
import { and, asc, eq, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import { roomPosts, rooms, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { publish } from '../../platform/outbox.js';
import { canSeePath } from '../../platform/scope.js';
import { unitTopics } from '../../platform/topics.js';
import { presentPosts } from './posts.view.js';
import { rightsIn } from './rooms.policy.js';
import { roomRules } from './settings.js';

/** Posts claimed per pass and stage; the next pass takes the rest. */
const BATCH = 200;
/** The most open "@" one list shows, oldest due first. */
const LIST_MAX = 200;

/** An "@" still waiting: asked, not answered, and still in the room (a hidden or deleted post asks nobody). */
const ASKING: RoomPostStatus[] = ['published', 'held'];
const open = () =>
  and(isNotNull(roomPosts.answerDueAt), isNull(roomPosts.answeredAt), inArray(roomPosts.status, ASKING));

/** The station's unanswered "@" in the actor's sight (rooms it hosts, or of its scope), oldest due first. */
export async function openMentions(ctx: Ctx, stationId: string): Promise<OpenMention[]> {
  const actor = actorOf(ctx);
  const [station] = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, stationId), eq(units.kind, 'station')));
  if (!station) throw new AppError('NOT_FOUND', { what: 'station' });
  const stationRooms = await ctx.db.select().from(rooms).where(eq(rooms.stationId, stationId));
  const seen = [];
  for (const room of stationRooms) {
    if (canSeePath(actor, room.unitPath, 'room.read') || (await rightsIn(ctx, room)).hostRole) seen.push(room);
  }
  if (seen.length === 0) return [];
  const rows = await ctx.db
    .select()
    .from(roomPosts)
    .where(
      and(
        open(),
        inArray(
          roomPosts.roomId,
          seen.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(roomPosts.answerDueAt), asc(roomPosts.id))
    .limit(LIST_MAX);
  const views = await presentPosts(ctx, rows, { type: 'staff', staffId: actor.id });
  const names = new Map(seen.map((r) => [r.id, r.name]));
  return rows.map((row, i) => ({
    // biome-ignore lint/style/noNonNullAssertion: presentPosts answers one view per row, in order.
    post: views[i]!,
    roomName: names.get(row.roomId) ?? '',
    escalated: row.escalatedAt ? 'desk' : row.remindedAt ? 'officer' : null,
  }));
}

type Claimed = { id: string; roomId: string };

/**
 * Stamps `stamp` on the open posts `picks` chooses that lack it — in the one statement that claims them, so each is
 * told once — and tells each on the outbox with its audit entry, in the same transaction.
 */
async function claimAndTell(ctx: Ctx, stamp: 'remindedAt' | 'escalatedAt', picks: SQL | undefined): Promise<Claimed[]> {
  const now = ctx.now();
  const column = roomPosts[stamp];
  return ctx.db.transaction(async (tx) => {
    const due = tx
      .select({ id: roomPosts.id })
      .from(roomPosts)
      .innerJoin(rooms, eq(rooms.id, roomPosts.roomId))
      .where(and(open(), isNull(column), picks))
      .orderBy(asc(roomPosts.createdAt))
      .limit(BATCH);
    const claimed = await tx
      .update(roomPosts)
      .set({ [stamp]: now })
      .where(and(inArray(roomPosts.id, due), isNull(column), open()))
      .returning({ id: roomPosts.id, roomId: roomPosts.roomId, mentions: roomPosts.mentions });
    if (claimed.length === 0) return [];
    const roomRows = await tx
      .select()
      .from(rooms)
      .where(
        inArray(
          rooms.id,
          claimed.map((c) => c.roomId),
        ),
      );
    const byId = new Map(roomRows.map((r) => [r.id, r]));
    const desk = stamp === 'escalatedAt';
    for (const c of claimed) {
      const room = byId.get(c.roomId);
      const topics = desk && room ? unitTopics(room.unitPath) : [];
      const type = desk ? ROOM_MENTION_ESCALATED_EVENT : ROOM_MENTION_OVERDUE_EVENT;
      await publish(tx, now, topics, type, { roomId: c.roomId, postId: c.id, stationId: room?.stationId ?? null });
      await audit(ctx, tx, {
        action: desk ? 'room.mention.escalate' : 'room.mention.remind',
        result: 'ok',
        targetType: 'room_post',
        targetId: c.id,
        details: { roomId: c.roomId, mentions: c.mentions },
      });
    }
    return claimed;
  });
}

/** Stations with an "@" past its answer time not yet at the desk: each has its own desk time. */
async function stationsWaiting(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ stationId: rooms.stationId })
    .from(roomPosts)
    .innerJoin(rooms, eq(rooms.id, roomPosts.roomId))
    .where(and(open(), isNull(roomPosts.escalatedAt), lte(roomPosts.answerDueAt, ctx.now())));
  return rows.map((r) => r.stationId);
}

/** One pass of the clock: reminders first, then the desk, each post once per stage. */
export async function sweepMentionClock(ctx: Ctx): Promise<{ reminded: number; escalated: number }> {
  const now = ctx.now();
  const reminded = await claimAndTell(ctx, 'remindedAt', lte(roomPosts.answerDueAt, now));
  let escalated = 0;
  for (const stationId of await stationsWaiting(ctx)) {
    const { deskMinutes } = await roomRules(ctx.db, stationId);
    const cutoff = new Date(now.getTime() - deskMinutes * 60_000);
    const picks = and(eq(rooms.stationId, stationId), lte(roomPosts.createdAt, cutoff));
    escalated += (await claimAndTell(ctx, 'escalatedAt', picks)).length;
  }
  return { reminded: reminded.length, escalated };
}
