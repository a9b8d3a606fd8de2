/** The 议事厅's lost and found (room-extras.ts): the notices told here, and the particulars of the stories' own. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { officeHours } from './names.js';
import { MIN } from './patrols.js';
import {
  awake,
  beijingAt,
  filler,
  type Post,
  post,
  type Room,
  type Row,
  type Scene,
  shuffled,
  speaker,
  thread,
} from './room-extras-scene.js';
import { ITEMS, type ItemTale } from './room-extras-texts-items.js';
import { STORY_ITEMS } from './room-extras-texts-stories.js';

/** Two to five notices in an area room (two or three in a group room), most closed, the recent ones open. */
export function lostAndFound(s: Scene, room: Room): Row[] {
  const area = room.audience === 'rural' || room.audience === 'urban';
  const tales = ITEMS.filter((t) => t.rooms.includes(room.audience));
  const count = room.audience === 'urban' ? 3 + Math.floor(s.rand() * 3) : 2 + Math.floor(s.rand() * (area ? 4 : 2));
  return shuffled(s.rand, tales)
    .slice(0, count)
    .map((tale) => notice(s, room, tale));
}

function notice(s: Scene, room: Room, tale: ItemTale): Row {
  const fill = filler(s, room);
  const host = tale.byHost ? (s.rand() < 0.5 ? room.aux : room.officer) : null;
  const daysAgo = tale.close ? 3 + s.rand() * 77 : 1 + s.rand() * 20;
  const at = host ? officeHours(beijingAt(s, daysAgo, 8, 17), s.now) : beijingAt(s, daysAgo, 7, 22);
  const poster = host ? null : speaker(s, room, at);
  const head = post(s, room, at, fill(tale.body), {
    kind: tale.kind,
    work_type: tale.kind === 'found' ? (host ? 'service' : 'virtue') : null,
    member_id: poster?.id ?? null,
    staff_id: host?.id ?? null,
  });
  const replies = thread(s, room, head, poster, tale.replies, fill);
  const last = replies.at(-1)?.created_at ?? at;
  const closedAt = new Date(last.getTime() + Math.floor(5 + s.rand() * 40) * MIN);
  const closed = tale.close && replies.length === tale.replies.length && closedAt < s.now ? tale.close : null;
  const closer = closed && (closed.byHost || !poster) ? (host ?? (s.rand() < 0.5 ? room.aux : room.officer)) : null;
  return itemRow(room, head, {
    what: fill(tale.what),
    place: fill(tale.where),
    at: awake(new Date(at.getTime() - tale.hoursBefore * (0.6 + s.rand() * 0.6) * 3_600_000)),
    across_station: tale.across ?? false,
    closed_as: closed?.as ?? null,
    closed_at: closed ? closedAt : null,
    closed_by_member: closed && !closer ? (poster?.id ?? null) : null,
    closed_by_staff: closed ? (closer?.id ?? null) : null,
  });
}

const itemRow = (room: Room, head: Post, fields: Row): Row => ({
  post_id: head.id,
  station_id: room.stationId,
  room_id: room.id,
  ...fields,
  created_at: head.created_at,
});

/** The stories' own notices (room-stories.ts) get their particulars, closed as their threads tell. */
export async function storyItems(tx: Tx, now: Date, rooms: Room[]): Promise<Row[]> {
  type Reply = { body: string; member: string | null; staff: string | null; at: string };
  const rows = rowsOf<{ id: string; room_id: string; body: string; created_at: string | Date; replies: Reply[] }>(
    await tx.execute(sql`
      SELECT p.id, p.room_id, p.body, p.created_at,
             coalesce((SELECT json_agg(json_build_object('body', c.body, 'member', c.member_id, 'staff', c.staff_id,
                                                         'at', c.created_at) ORDER BY c.seq)
                         FROM room_posts c WHERE c.reply_to_id = p.id), '[]') AS replies
        FROM room_posts p
       WHERE p.kind IN ('lost', 'found') AND NOT EXISTS (SELECT 1 FROM room_items i WHERE i.post_id = p.id)`),
  );
  return rows.flatMap((p) => {
    const room = rooms.find((r) => r.id === p.room_id);
    const story = STORY_ITEMS.find((t) => p.body.startsWith(t.starts));
    if (!room || !story) return [];
    const at = new Date(p.created_at);
    const { reply, minutes, as } = story.close;
    const by = reply ? p.replies.find((c) => c.body.startsWith(reply)) : undefined;
    const closedAt = new Date((by ? new Date(by.at) : at).getTime() + minutes * MIN);
    const closed = (!reply || by) && closedAt < now;
    const head = { id: p.id, created_at: at } as Post;
    return [
      itemRow(room, head, {
        what: story.what,
        place: story.where(p.body),
        at: awake(new Date(at.getTime() - story.hoursBefore * 3_600_000)),
        across_station: story.across ?? false,
        closed_as: closed ? as : null,
        closed_at: closed ? closedAt : null,
        closed_by_member: closed ? (by?.member ?? null) : null,
        closed_by_staff: closed && !by?.member ? (by?.staff ?? room.aux.id) : null,
      }),
    ];
  });
}
