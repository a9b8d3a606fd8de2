/**
 * The demo's 网上警民议事厅 (一警一群): each village of 柳塘 and each community of 城关 has its area room
 * ("平安柳塘你我他"), owned by the station's community officer with the auxiliary and the village's grid worker as
 * co-hosts, and each station one group room for people with a shared concern (国道沿线货车司机群, 快递外卖骑手群).
 * Residents joined months ago under nicknames with their village, a few left, one is muted and one removed; four
 * months of posts of the seven kinds of work follow (see room-posts.ts). Set-based inserts: a few thousand rows.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { matterEvents, matters, roomHosts, type roomPosts, rooms } from '../db/schema/index.js';
import { phoneIndexOf } from '../modules/residents/phone.service.js';
import type { AppDeps } from '../platform/context.js';
import { randomToken } from '../platform/crypto.js';
import type { FieldPerson, FieldStation } from './field-station.js';
import { itemAt, mobile, pick, type Rand } from './names.js';
import { BEIJING, DAY } from './patrols.js';
import { type Built, buildRoomPosts, type MemberRow, type RoomScene } from './room-posts.js';
import type { Audience } from './room-stories.js';

export interface RoomCounts {
  rooms: number;
  members: number;
  posts: number;
  matters: number;
}

interface RoomPlan {
  kind: 'area' | 'group';
  unit: { id: string; path: string; name: string } | null;
  name: string;
  about: string;
  audience: Audience;
  cohosts: FieldPerson[];
  members: number;
  /** Homes a member may have joined from (area rooms), and the place shown for one. */
  homes: FieldStation['households'];
  placeOf: (home: FieldStation['households'][number] | null) => string | null;
}

export async function seedRooms(
  tx: Tx,
  keys: AppDeps['keys'],
  rand: Rand,
  now: Date,
  stations: FieldStation[],
): Promise<RoomCounts> {
  const workers = rowsOf<{ id: string; name: string; unit_id: string }>(
    await tx.execute(sql`
      SELECT id, display_name AS name, scope_unit_id AS unit_id FROM staff
       WHERE 'grid_worker' = ANY(roles) AND status = 'active' ORDER BY username`),
  );
  const all: Built = { posts: [], matters: [], events: [] };
  const roomRows: (typeof rooms.$inferInsert)[] = [];
  const hostRows: (typeof roomHosts.$inferInsert)[] = [];
  const memberRows: MemberRow[] = [];
  const phones = new Set<string>();
  for (const station of stations)
    for (const [i, plan] of plansOf(station, workers).entries()) {
      const id = randomUUID();
      const createdAt = new Date(now.getTime() - (150 + Math.floor(rand() * 90)) * DAY);
      const unitPath = plan.unit?.path ?? station.path;
      hostRows.push(
        { roomId: id, staffId: station.officer.id, role: 'owner', addedAt: createdAt },
        ...plan.cohosts.map((p) => ({ roomId: id, staffId: p.id, role: 'cohost' as const, addedAt: createdAt })),
      );
      const members = membersOf(rand, keys, now, id, createdAt, plan, phones);
      memberRows.push(...members);
      const scene: RoomScene = {
        roomId: id,
        name: plan.name,
        unitPath,
        createdAt,
        audience: plan.audience,
        station,
        cohosts: plan.cohosts,
        members,
        special: i === 0,
      };
      const built = buildRoomPosts(rand, now, scene);
      all.posts.push(...built.posts);
      all.matters.push(...built.matters);
      all.events.push(...built.events);
      roomRows.push({
        id,
        stationId: station.id,
        kind: plan.kind,
        unitId: plan.unit?.id ?? null,
        unitPath,
        name: plan.name,
        about: plan.about,
        inviteToken: randomToken(),
        lastSeq: built.posts.length,
        createdBy: station.officer.id,
        createdAt,
      });
    }
  await numberMatters(tx, all.matters);
  await tx.insert(rooms).values(roomRows);
  await tx.insert(roomHosts).values(hostRows);
  await insertJson(tx, 'room_members', memberRows.map(memberColumns));
  if (all.matters.length) {
    await tx.insert(matters).values(all.matters);
    await tx.insert(matterEvents).values(all.events);
  }
  await insertJson(tx, 'room_posts', all.posts.map(postColumns));
  return { rooms: roomRows.length, members: memberRows.length, posts: all.posts.length, matters: all.matters.length };
}

/** The station's rooms: one per village or community, and one group room. */
function plansOf(station: FieldStation, workers: { id: string; name: string; unit_id: string }[]): RoomPlan[] {
  const town = station.name.replace('派出所', '');
  const plans: RoomPlan[] = station.villages.map((v) => {
    const worker = workers.find((w) => w.unit_id === v.id);
    const short = v.name.replace(/(村|社区)$/, '');
    const estates = v.grids.map((g) => g.name.replace(/网格$/, ''));
    const homes = station.households.filter((h) => h.unitPath.startsWith(v.path));
    return {
      kind: 'area',
      unit: v,
      name: station.rural ? `平安${short}你我他` : `${v.name}警民议事厅`,
      about: station.rural
        ? `${v.name}的网上警民议事厅：有事 @ 社区民警，一起守护平安${short}。`
        : `${v.name}（${estates.join('、')}）的网上警民议事厅：咨询、求助、议事，民警在线。`,
      audience: station.rural ? 'rural' : 'urban',
      cohosts: [station.aux, ...(worker ? [worker] : [])],
      members: station.rural ? 70 + ((v.name.length * 37) % 110) : 150 + ((v.name.length * 41) % 90),
      homes,
      placeOf: (home) =>
        station.rural || !home
          ? v.name
          : (v.grids.find((g) => home.unitPath.startsWith(g.path))?.name.replace(/网格$/, '') ?? v.name),
    };
  });
  plans.push(
    station.rural
      ? {
          kind: 'group',
          unit: null,
          name: '国道沿线货车司机群',
          about: `跑国道${town}段的货车司机：路况、治安提醒、求助，${town}派出所民警在线。`,
          audience: 'drivers',
          cohosts: [station.aux],
          members: 48,
          homes: [],
          placeOf: () => null,
        }
      : {
          kind: 'group',
          unit: null,
          name: '快递外卖骑手群',
          about: `在${town}跑单的快递员和外卖骑手：交通安全、进小区、纠纷求助，民警在线。`,
          audience: 'riders',
          cohosts: [station.aux],
          members: 64,
          homes: [],
          placeOf: () => null,
        },
  );
  return plans;
}

const CHILDREN = ['小雨', '豆豆', '乐乐', '朵朵', '天天', '果果', '浩浩', '欣欣', '可可', '阳阳'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const FREE = ['平安是福', '静待花开', '岁月静好', '向日葵', '山水之间', '老骥伏枥', '阳光彩虹', '晨曦', '知足常乐'];

/** A nickname residents would choose: 西河村老李, 幸福里张阿姨, 小雨妈妈, 跑国道的老周. */
function nicknameOf(rand: Rand, audience: Audience, place: string | null): string {
  const s = pick(rand, [...SURNAMES]);
  const at = place ?? '';
  const forms: Record<Audience, string[]> = {
    rural: [`${at}老${s}`, `${at}${s}大姐`, `${s}师傅`, `${at}${s}婶`, `开小卖部的${s}姐`, `种粮大户老${s}`],
    urban: [`${at}${s}阿姨`, `${at}${s}叔`, `${s}大爷`, `${at}小${s}`, `楼下超市老${s}`, `${s}老师`],
    drivers: [`跑国道的老${s}`, `${s}师傅（六轴）`, `冷链小${s}`, `${s}哥·半挂`, `拉沙的老${s}`],
    riders: [`美团骑手小${s}`, `饿了么${s}哥`, `顺丰${s}师傅`, `中通小${s}`, `闪送${s}`],
  };
  const r = rand();
  if (r < 0.15 && (audience === 'rural' || audience === 'urban'))
    return `${pick(rand, CHILDREN)}${rand() < 0.7 ? '妈妈' : '爸爸'}`;
  if (r < 0.25) return pick(rand, FREE);
  return pick(rand, forms[audience]);
}

/**
 * A room's members: most joined in the room's first weeks, the rest over the months since; some from a doorplate
 * (a household), three who left. Phones are fake, kept as the keyed index only.
 */
function membersOf(
  rand: Rand,
  keys: AppDeps['keys'],
  now: Date,
  roomId: string,
  createdAt: Date,
  plan: RoomPlan,
  phones: Set<string>,
): MemberRow[] {
  const rows: MemberRow[] = [];
  const names = new Set<string>();
  const early = Math.floor(plan.members * 0.8);
  for (let n = 0; n < plan.members; n++) {
    let phone = mobile(rand);
    while (phones.has(phone)) phone = mobile(rand);
    phones.add(phone);
    const home = plan.homes.length && rand() < 0.6 ? itemAt(plan.homes, Math.floor(rand() * plan.homes.length)) : null;
    const place = plan.placeOf(home);
    let nickname = nicknameOf(rand, plan.audience, place);
    for (let k = 2; names.has(nickname); k++) nickname = `${nicknameOf(rand, plan.audience, place)}${k > 12 ? k : ''}`;
    names.add(nickname);
    const joinedAt =
      n < early
        ? new Date(createdAt.getTime() + Math.floor(rand() * 20 * DAY))
        : new Date(now.getTime() - Math.floor((2 + rand() * 110) * DAY));
    const left = n >= plan.members - 3;
    rows.push({
      id: randomUUID(),
      roomId,
      phoneIndex: phoneIndexOf(keys.data, phone),
      nickname,
      place: place ?? (plan.audience === 'drivers' ? pick(rand, ['柳塘镇', '青禾县城', '外县']) : null),
      householdId: home?.id ?? null,
      joinedAt,
      leftAt: left ? new Date(Math.min(joinedAt.getTime() + (5 + rand() * 60) * DAY, now.getTime() - DAY)) : null,
    });
  }
  return rows;
}

/** Matter numbers from the shared sequence, dated by the day each was recorded (Beijing). */
async function numberMatters(tx: Tx, rows: (typeof matters.$inferInsert)[]) {
  if (rows.length === 0) return;
  const numbers = rowsOf<{ n: string }>(
    await tx.execute(sql`SELECT nextval('matter_number_seq')::text AS n FROM generate_series(1, ${rows.length})`),
  );
  for (const [i, row] of rows.entries()) {
    const date = new Date((row.createdAt?.getTime() ?? 0) + BEIJING).toISOString().slice(0, 10).replace(/-/g, '');
    row.number = `JM${date}-${itemAt(numbers, i).n.padStart(6, '0')}`;
  }
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/**
 * Rows as one JSON parameter — the embedded database binds tens of thousands of parameters slowly — with every
 * column given (defaults written out) under its SQL name.
 */
async function insertJson(tx: Tx, table: 'room_members' | 'room_posts', rows: Record<string, unknown>[]) {
  const first = rows[0];
  if (!first) return;
  const columns = sql.raw(Object.keys(first).join(', '));
  const type = sql.raw(table);
  await tx.execute(sql`
    INSERT INTO ${type} (${columns})
    SELECT ${columns} FROM json_populate_recordset(NULL::${type}, ${JSON.stringify(rows)}::json)`);
}

const memberColumns = (m: MemberRow) => ({
  id: m.id,
  room_id: m.roomId,
  phone_index: m.phoneIndex,
  nickname: m.nickname,
  place: m.place ?? null,
  household_id: m.householdId ?? null,
  joined_at: iso(m.joinedAt),
  left_at: iso(m.leftAt),
  muted_until: iso(m.mutedUntil),
  mute_reason: m.muteReason ?? null,
  removed_until: iso(m.removedUntil),
  remove_reason: m.removeReason ?? null,
});

const postColumns = (p: typeof roomPosts.$inferInsert) => ({
  id: p.id,
  room_id: p.roomId,
  seq: p.seq,
  kind: p.kind ?? 'message',
  work_type: p.workType ?? null,
  status: p.status ?? 'published',
  member_id: p.memberId ?? null,
  staff_id: p.staffId ?? null,
  body: p.body,
  reply_to_id: p.replyToId ?? null,
  mentions: p.mentions ?? [],
  place: p.place ?? null,
  pinned_at: iso(p.pinnedAt),
  held_word: p.heldWord ?? null,
  hidden_reason: p.hiddenReason ?? null,
  hidden_by: p.hiddenBy ?? null,
  hidden_at: iso(p.hiddenAt),
  deleted_at: iso(p.deletedAt),
  answer_due_at: iso(p.answerDueAt),
  answered_at: iso(p.answeredAt),
  answered_by: p.answeredBy ?? null,
  reminded_at: iso(p.remindedAt),
  escalated_at: iso(p.escalatedAt),
  matter_id: p.matterId ?? null,
  dispute_id: p.disputeId ?? null,
  request_key: null,
  created_at: iso(p.createdAt),
});
