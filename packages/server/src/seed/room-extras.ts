/**
 * The demo's 议事厅 at work beyond their talk (after seedRooms): lost and found notices with their particulars —
 * most closed as found or returned, some shown across the station, the stories' own notices given theirs too;
 * the hosts' 议事 topics with one vote per member, comments and the station's answer (one still open a station);
 * residents' reports, most hidden or dismissed, two still open a station; and two posts a station a host made
 * dispute cases (source 议事厅): one assessed and in mediation, one just opened. The new posts fall among the
 * rooms' own, so each room is numbered again by time. Generated here, inserted as JSON rows: a statement a table.
 * Each concern has its file: room-extras-{scene,items,topics,reports,cases,rows}.ts, texts in room-extras-texts*.ts.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { itemAt, type Rand } from './names.js';
import { roomCases } from './room-extras-cases.js';
import { lostAndFound, storyItems } from './room-extras-items.js';
import { moderatedReports, reported } from './room-extras-reports.js';
import { insertJson, postColumns, renumber } from './room-extras-rows.js';
import { type Person, type Room, type Row, type Scene, spread } from './room-extras-scene.js';
import { REPORTS } from './room-extras-texts-reports.js';
import { TOPICS } from './room-extras-texts-topics.js';
import { topic } from './room-extras-topics.js';

export async function seedRoomExtras(
  tx: Tx,
  rand: Rand,
  now: Date,
): Promise<{ items: number; topics: number; votes: number; reports: number; cases: number }> {
  const rooms = await roomsOf(tx);
  const s: Scene = { rand, now, posts: [] };
  const items: Row[] = [...(await storyItems(tx, now, rooms))];
  const topics: Row[] = [];
  const votes: Row[] = [];
  const reports: Row[] = [...(await moderatedReports(tx, s, rooms))];
  for (const room of rooms) items.push(...lostAndFound(s, room));
  for (const [room, tale] of spread(s, rooms, TOPICS)) topic(s, room, tale, topics, votes);
  for (const [room, tale] of spread(s, rooms, REPORTS)) reports.push(...reported(s, room, tale));
  const cases = await roomCases(tx, s, rooms);
  await insertJson(tx, 'room_posts', s.posts.map(postColumns));
  await insertJson(tx, 'room_items', items);
  await insertJson(tx, 'room_topics', topics);
  await insertJson(tx, 'room_votes', votes);
  await insertJson(tx, 'room_post_reports', reports);
  await renumber(tx, [...new Set(s.posts.map((p) => p.room_id))]);
  return { items: items.length, topics: topics.length, votes: votes.length, reports: reports.length, cases };
}

type RoomRow = {
  id: string;
  station_id: string;
  unit_path: string;
  kind: 'area' | 'group';
  village: string | null;
  station: string;
  hosts: { id: string; name: string; role: string; grid: boolean }[];
  mediator: Person | null;
};
type MemberRow = {
  id: string;
  room_id: string;
  nickname: string;
  place: string | null;
  household_id: string | null;
  home_path: string | null;
  joined_at: string;
};

/** The rooms with their hosts, the station's mediator and the members still in them (none muted or removed). */
async function roomsOf(tx: Tx): Promise<Room[]> {
  const rows = rowsOf<RoomRow>(
    await tx.execute(sql`
      SELECT r.id, r.station_id, r.unit_path, r.kind, u.name AS village, st.name AS station,
             (SELECT json_agg(json_build_object('id', s.id, 'name', s.display_name, 'role', h.role,
                                                'grid', 'grid_worker' = ANY(s.roles)) ORDER BY h.role, s.username)
                FROM room_hosts h JOIN staff s ON s.id = h.staff_id WHERE h.room_id = r.id) AS hosts,
             (SELECT json_build_object('id', m.id, 'name', m.display_name) FROM staff m
               WHERE m.status = 'active' AND 'mediator' = ANY(m.roles) AND m.scope_unit_id = r.station_id
               ORDER BY m.username LIMIT 1) AS mediator
        FROM rooms r JOIN units st ON st.id = r.station_id LEFT JOIN units u ON u.id = r.unit_id
       ORDER BY st.name COLLATE "C", r.name COLLATE "C"`),
  );
  const members = rowsOf<MemberRow>(
    await tx.execute(sql`
      SELECT m.id, m.room_id, m.nickname, m.place, m.household_id, h.unit_path AS home_path, m.joined_at
        FROM room_members m LEFT JOIN households h ON h.id = m.household_id
       WHERE m.left_at IS NULL AND m.muted_until IS NULL AND m.removed_until IS NULL
       ORDER BY m.joined_at, m.nickname COLLATE "C"`),
  );
  const rural = new Set(rows.filter((r) => r.village?.endsWith('村')).map((r) => r.station_id));
  const stationOf = new Map(rows.map((r) => [r.id, r.station_id]));
  return rows.map((r) => {
    const own = members.filter((m) => m.room_id === r.id);
    // A group room's places: the estates its station's members name (a rural station's villages are no estates).
    const station = members.filter((m) => stationOf.get(m.room_id) === r.station_id);
    const places = [...new Set((r.kind === 'area' ? own : station).flatMap((m) => (m.place ? [m.place] : [])))];
    const area = r.kind === 'area';
    return {
      ...hostsOf(r),
      id: r.id,
      stationId: r.station_id,
      unitPath: r.unit_path,
      audience: rural.has(r.station_id) ? (area ? 'rural' : 'drivers') : area ? 'urban' : 'riders',
      village: r.village ?? r.station.replace('派出所', ''),
      town: r.station.replace('派出所', ''),
      members: own.map((m) => ({
        id: m.id,
        nickname: m.nickname,
        place: m.place,
        householdId: m.household_id,
        homePath: m.home_path,
        joinedAt: new Date(m.joined_at),
      })),
      places: area ? places : places.filter((p) => !p.endsWith('村')),
    };
  });
}

/** The owner (the station's officer), the auxiliary and the grid worker among the co-hosts, the mediator. */
function hostsOf(r: RoomRow): Pick<Room, 'officer' | 'aux' | 'grid' | 'mediator'> {
  const officer = r.hosts.find((h) => h.role === 'owner') ?? itemAt(r.hosts, 0);
  const cohosts = r.hosts.filter((h) => h.role === 'cohost');
  return {
    officer,
    aux: cohosts.find((h) => !h.grid) ?? officer,
    grid: cohosts.find((h) => h.grid) ?? null,
    mediator: r.mediator,
  };
}
