/**
 * The scene the demo's 议事厅 extras are told in (room-extras.ts): the rooms as read, the posts made, and the helpers
 * that place the tales among the rooms, in time and in the rooms' own words.
 */
import { randomUUID } from 'node:crypto';
import { itemAt, officeHours, pick, type Rand } from './names.js';
import { BEIJING, DAY, MIN } from './patrols.js';
import type { Reply } from './room-extras-texts.js';
import type { Audience } from './room-stories.js';

export interface Person {
  id: string;
  name: string;
}

export interface Member {
  id: string;
  nickname: string;
  place: string | null;
  householdId: string | null;
  /** The unit path of the household it joined from. */
  homePath: string | null;
  joinedAt: Date;
}

export interface Room {
  id: string;
  stationId: string;
  unitPath: string;
  audience: Audience;
  village: string;
  town: string;
  officer: Person;
  aux: Person;
  grid: Person | null;
  mediator: Person | null;
  members: Member[];
  places: string[];
}

/** A post as inserted: its columns by their SQL names. */
export interface Post {
  id: string;
  room_id: string;
  kind: 'message' | 'announcement' | 'lost' | 'found' | 'topic';
  work_type: string | null;
  status: 'published' | 'hidden';
  member_id: string | null;
  staff_id: string | null;
  body: string;
  reply_to_id: string | null;
  mentions: string[];
  hidden_reason: string | null;
  hidden_by: string | null;
  hidden_at: Date | null;
  answer_due_at: Date | null;
  answered_at: Date | null;
  answered_by: string | null;
  dispute_id: string | null;
  created_at: Date;
}

export interface Scene {
  rand: Rand;
  now: Date;
  posts: Post[];
}

export type Row = Record<string, unknown>;

/** Each tale told once in a room of each audience it fits, the rooms taken in turn from a random start. */
export function spread<T extends { rooms: Audience[] }>(s: Scene, rooms: Room[], tales: T[]): [Room, T][] {
  const turn = new Map<Audience, number>();
  const out: [Room, T][] = [];
  for (const tale of tales)
    for (const audience of tale.rooms) {
      const fit = rooms.filter((r) => r.audience === audience);
      if (fit.length === 0) continue;
      const k = turn.get(audience) ?? Math.floor(s.rand() * fit.length);
      turn.set(audience, k + 1);
      out.push([itemAt(fit, k % fit.length), tale]);
    }
  return out;
}

export function shuffled<T>(rand: Rand, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [itemAt(out, j), itemAt(out, i)];
  }
  return out;
}

/** A Beijing time `daysAgo` days back, between the hours given; never after now. */
export function beijingAt(s: Scene, daysAgo: number, fromHour: number, toHour: number): Date {
  const day = new Date(s.now.getTime() - Math.floor(daysAgo) * DAY + BEIJING);
  day.setUTCHours(fromHour, 0, 0, 0);
  const t = new Date(day.getTime() - BEIJING + Math.floor(s.rand() * (toHour - fromHour) * 60) * MIN);
  return t < s.now ? t : new Date(s.now.getTime() - (30 + Math.floor(s.rand() * 60)) * MIN);
}

/** A resident's moment in the night moved to the next morning, 8:00 to 9:00 (Beijing). */
export function daytime(t: Date): Date {
  const b = new Date(t.getTime() + BEIJING);
  const hour = b.getUTCHours();
  if (hour >= 7 && hour < 22) return t;
  if (hour >= 22) b.setUTCDate(b.getUTCDate() + 1);
  b.setUTCHours(8, t.getUTCMinutes(), 0, 0);
  return new Date(b.getTime() - BEIJING);
}

/** A moment something was lost or found, out of the night: before 7:00 the evening before, after 22:00 at 21:00. */
export function awake(t: Date): Date {
  const b = new Date(t.getTime() + BEIJING);
  const hour = b.getUTCHours();
  if (hour >= 7 && hour < 22) return t;
  if (hour < 7) b.setUTCDate(b.getUTCDate() - 1);
  b.setUTCHours(hour < 7 ? 20 : 21, b.getUTCMinutes(), 0, 0);
  return new Date(b.getTime() - BEIJING);
}

/** The room's words filled in: the staff's 警官 names, the town, the village, one place for the whole tale. */
export function filler(s: Scene, room: Room) {
  const surname = (p: Person) => `${[...p.name][0] ?? ''}警官`;
  const place = room.places.length ? pick(s.rand, room.places) : room.village;
  return (text: string) =>
    text
      .replaceAll('{officer}', surname(room.officer))
      .replaceAll('{aux}', surname(room.aux))
      .replaceAll('{town}', room.town)
      .replaceAll('{village}', room.village)
      .replaceAll('{place}', place);
}

/** A member who was in the room at `at`, none of `not`. */
export function speaker(s: Scene, room: Room, at: Date, not: (string | undefined)[] = []): Member {
  const fit = room.members.filter((m) => m.joinedAt < at && !not.includes(m.id));
  return fit.length ? pick(s.rand, fit) : itemAt(room.members, 0);
}

const hostOf = (room: Room, by: Reply['by']) =>
  by === 'officer' ? room.officer : by === 'grid' ? (room.grid ?? room.aux) : room.aux;

export function post(s: Scene, room: Room, at: Date, body: string, fields: Partial<Post> = {}): Post {
  const row: Post = {
    id: randomUUID(),
    room_id: room.id,
    kind: 'message',
    work_type: null,
    status: 'published',
    member_id: null,
    staff_id: null,
    body,
    reply_to_id: null,
    mentions: [],
    hidden_reason: null,
    hidden_by: null,
    hidden_at: null,
    answer_due_at: null,
    answered_at: null,
    answered_by: null,
    dispute_id: null,
    created_at: at,
    ...fields,
  };
  s.posts.push(row);
  return row;
}

/**
 * The replies under `head`, each `after` minutes (±30 %) after the one before — a follow-up hours later in office
 * hours from a host, in the day or evening from a resident — each after the one before, none after now.
 */
export function thread(
  s: Scene,
  room: Room,
  head: Post,
  poster: Member | null,
  replies: Reply[],
  fill: (text: string) => string,
): Post[] {
  const out: Post[] = [];
  let at = head.created_at;
  for (const r of replies) {
    const prev = at;
    at = new Date(at.getTime() + Math.max(1, Math.round(r.after * (0.7 + s.rand() * 0.6))) * MIN);
    const member = r.by === 'poster' ? poster : r.by === 'other' ? speaker(s, room, at, [poster?.id]) : null;
    if (r.after >= 120) at = member ? daytime(at) : officeHours(at, s.now);
    if (at <= prev) at = new Date(prev.getTime() + MIN);
    if (at >= s.now) break;
    const staff = member ? null : hostOf(room, r.by);
    out.push(
      post(s, room, at, fill(r.body), {
        member_id: member?.id ?? null,
        staff_id: staff?.id ?? null,
        reply_to_id: head.id,
      }),
    );
  }
  return out;
}
