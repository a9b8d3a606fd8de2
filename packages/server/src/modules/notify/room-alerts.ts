/**
 * Alerts about a 议事厅 "@" nobody answered in time. The rooms sweep publishes `room.mention_overdue` once per post
 * (the staff it "@"s are told, reason `chased`) and `room.mention_escalated` once (the station's desk is told,
 * reason `breached`); reading the outbox, the delivery job queues them keyed by the event's `seq`, so a second read
 * queues nothing twice. At sending, a delivery with neither matter nor case finds its room through that outbox row.
 * Texts name the room, never the post's words or the resident.
 */
import {
  type AlertRoomMention,
  type NotifyReason,
  ROOM_MENTION_ESCALATED_EVENT,
  ROOM_MENTION_OVERDUE_EVENT,
} from '@jingmin/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { outbox, roomHosts, roomPosts, rooms, staff } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { queueDeliveries } from './deliver.js';
import { recipientsByIds, stationDesk } from './notify.queries.js';

export const isRoomMentionEvent = (type: string) =>
  type === ROOM_MENTION_OVERDUE_EVENT || type === ROOM_MENTION_ESCALATED_EVENT;

type Row = { seq: number | null; type: string; payload: unknown };

async function mentionOf(db: Queryable, row: Row) {
  const postId = (row.payload as { postId?: string }).postId;
  if (!postId || !isRoomMentionEvent(row.type)) return null;
  const [p] = await db
    .select({ roomId: rooms.id, roomName: rooms.name, stationId: rooms.stationId, mentions: roomPosts.mentions })
    .from(roomPosts)
    .innerJoin(rooms, eq(rooms.id, roomPosts.roomId))
    .where(eq(roomPosts.id, postId));
  if (!p) return null;
  const stage: AlertRoomMention['stage'] = row.type === ROOM_MENTION_ESCALATED_EVENT ? 'desk' : 'officer';
  return { ...p, alert: { roomId: p.roomId, postId, roomName: p.roomName.slice(0, 40), stage } };
}

/** The active staff an overdue "@" asked (or, when it named nobody active, the room's owner). */
async function askedStaff(db: Queryable, roomId: string, mentions: string[]) {
  const asked = mentions.length
    ? await db
        .select({ id: staff.id })
        .from(staff)
        .where(and(inArray(staff.id, mentions), eq(staff.status, 'active')))
    : [];
  if (asked.length > 0) return asked.map((s) => s.id);
  const owners = await db
    .select({ id: roomHosts.staffId, role: roomHosts.role })
    .from(roomHosts)
    .where(eq(roomHosts.roomId, roomId));
  return owners.filter((o) => o.role === 'owner').map((o) => o.id);
}

/** Deliveries for one "@" outbox row: the staff it asked (officer stage) or the station's desk (desk stage). */
export async function queueForRoomMention(tx: Tx, ctx: Ctx, row: Row): Promise<number> {
  if (row.seq === null) return 0;
  const m = await mentionOf(tx, row);
  if (!m) return 0;
  const recipients =
    m.alert.stage === 'desk'
      ? await stationDesk(tx, m.stationId)
      : await recipientsByIds(tx, await askedStaff(tx, m.roomId, m.mentions));
  const reason: NotifyReason = m.alert.stage === 'desk' ? 'breached' : 'chased';
  const alert = {
    reason,
    matterId: null,
    disputeId: null,
    roomMention: m.alert,
    number: null,
    kind: null,
    urgent: false,
  };
  return (await queueDeliveries(tx, ctx, row.seq, alert, recipients)).length;
}

/** The room "@"s named by the outbox rows of these deliveries (by `seq`), for the texts at sending. */
export async function roomMentionsOfEvents(db: Queryable, seqs: number[]): Promise<Map<number, AlertRoomMention>> {
  const found = new Map<number, AlertRoomMention>();
  if (seqs.length === 0) return found;
  const rows = await db
    .select({ seq: outbox.seq, type: outbox.type, payload: outbox.payload })
    .from(outbox)
    .where(inArray(outbox.seq, seqs));
  for (const r of rows) {
    if (r.seq === null || !isRoomMentionEvent(r.type)) continue;
    const m = await mentionOf(db, r);
    if (m) found.set(r.seq, m.alert);
  }
  return found;
}
