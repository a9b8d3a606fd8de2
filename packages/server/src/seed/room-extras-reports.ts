/** Residents' reports in the 议事厅 (room-extras.ts) and how the hosts dealt with them: hidden, dismissed or open. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { itemAt } from './names.js';
import { MIN } from './patrols.js';
import { beijingAt, filler, post, type Room, type Row, type Scene, shuffled, speaker } from './room-extras-scene.js';
import type { ReportTale } from './room-extras-texts-reports.js';

/**
 * A member's post and the members' reports on it, within minutes of each other: a host hides it with the reason
 * (and a word to the room) or dismisses the reports; an open one is from the last two days.
 */
export function reported(s: Scene, room: Room, tale: ReportTale): Row[] {
  const fill = filler(s, room);
  const open = tale.end === 'open';
  const at = beijingAt(s, open ? 1 + s.rand() : 5 + s.rand() * 73, 7, 21);
  const poster = speaker(s, room, at);
  const head = post(s, room, at, fill(tale.body), { member_id: poster.id });
  const reporters = shuffled(
    s.rand,
    room.members.filter((m) => m.joinedAt < at && m.id !== poster.id),
  ).slice(0, tale.reasons.length);
  let t = at.getTime();
  const rows = reporters.map((m, i) => {
    t = Math.min(
      t + Math.floor(3 + s.rand() * (open ? 180 : 30)) * MIN,
      s.now.getTime() - (reporters.length - i) * MIN,
    );
    return {
      post_id: head.id,
      member_id: m.id,
      room_id: room.id,
      reason: itemAt(tale.reasons, i),
      note: i === 0 ? (tale.note ?? null) : null,
      created_at: new Date(t),
      resolution: null as string | null,
      resolved_at: null as Date | null,
      resolved_by: null as string | null,
    };
  });
  if (tale.end === 'open') return rows;
  const host = s.rand() < 0.6 ? room.officer : room.aux;
  const resolvedAt = new Date(t + Math.floor(5 + s.rand() * 40) * MIN);
  if (tale.end !== 'dismissed') {
    head.status = 'hidden';
    head.hidden_reason = tale.end.hide;
    head.hidden_by = host.id;
    head.hidden_at = resolvedAt;
    if (tale.end.say) {
      const said = new Date(resolvedAt.getTime() + Math.floor(5 + s.rand() * 15) * MIN);
      post(s, room, said, fill(tale.end.say), { kind: 'announcement', work_type: 'notice', staff_id: room.officer.id });
    }
  }
  const resolution = tale.end === 'dismissed' ? 'dismissed' : 'hidden';
  return rows.map((r) => ({ ...r, resolution, resolved_at: resolvedAt, resolved_by: host.id }));
}

/** The posts the rooms' hosts already hid (room-posts.ts) were reported first, in the minutes before. */
export async function moderatedReports(tx: Tx, s: Scene, rooms: Room[]): Promise<Row[]> {
  const hidden = rowsOf<{
    id: string;
    room_id: string;
    body: string;
    created_at: string;
    hidden_at: string;
    hidden_by: string;
  }>(
    await tx.execute(sql`
      SELECT id, room_id, body, created_at, hidden_at, hidden_by FROM room_posts
       WHERE status = 'hidden' AND member_id IS NOT NULL AND hidden_by IS NOT NULL ORDER BY created_at`),
  );
  return hidden.flatMap((p) => {
    const room = rooms.find((r) => r.id === p.room_id);
    if (!room) return [];
    const from = new Date(p.created_at).getTime();
    const to = new Date(p.hidden_at).getTime();
    const reasons = /贷款|私聊|广告/.test(p.body) ? ['ad', 'fraud', 'fraud'] : ['abuse', 'abuse'];
    const members = shuffled(
      s.rand,
      room.members.filter((m) => m.joinedAt.getTime() < from),
    ).slice(0, reasons.length);
    return members.map((m, i) => ({
      post_id: p.id,
      member_id: m.id,
      room_id: room.id,
      reason: itemAt(reasons, i),
      note: null,
      created_at: new Date(from + ((i + 1) * (to - from)) / (members.length + 1)),
      resolution: 'hidden',
      resolved_at: new Date(to),
      resolved_by: p.hidden_by,
    }));
  });
}
