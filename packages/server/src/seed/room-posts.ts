/**
 * Four months of a demo room's posts: the pinned rules, the hosts' announcements (the season's: 防溺水 in summer,
 * 秸秆禁烧 in autumn, 冬季取暖 in winter) with residents' acknowledgements, the stories of room-stories.ts told by
 * members and answered by the hosts — "@"s answered within minutes, some made matters of the channel 议事厅 — and
 * everyday chatter. The first area room of each station also holds what moderation looks like: an open "@"
 * (reminded in 柳塘, escalated to the desk in 城关), a post held for a word, a hidden advertisement whose poster
 * was removed, a hidden insult whose poster is muted, a post its poster deleted.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_ROOM_RULES, deadlinesFor, type MatterStatus, PRIVACY_NOTICE_VERSION } from '@jingmin/shared';
import type { matterEvents, matters, roomMembers, roomPosts } from '../db/schema/index.js';
import { randomToken, sm3 } from '../platform/crypto.js';
import type { FieldPerson, FieldStation } from './field-station.js';
import { itemAt, officeHours, pick, type Rand } from './names.js';
import { BEIJING, DAY, MIN } from './patrols.js';
import { ACKS, CHATTER, NOTICES, RULES_NOTICE } from './room-notices.js';
import { type Audience, STORIES, type Story, type Voice } from './room-stories.js';

export type MemberRow = typeof roomMembers.$inferInsert & { id: string; joinedAt: Date };
type PostRow = typeof roomPosts.$inferInsert & { id: string; createdAt: Date };

export interface RoomScene {
  roomId: string;
  name: string;
  unitPath: string;
  createdAt: Date;
  audience: Audience;
  station: FieldStation;
  cohosts: FieldPerson[];
  members: MemberRow[];
  /** The station's first area room: it also shows open "@"s and moderation. */
  special: boolean;
}

export interface Built {
  posts: PostRow[];
  matters: (typeof matters.$inferInsert)[];
  events: (typeof matterEvents.$inferInsert)[];
}

interface Scene extends RoomScene {
  rand: Rand;
  now: Date;
  out: Built;
  speakers: MemberRow[];
  fill: (text: string) => string;
}

/** Posts go back this many days; stories start at least five days ago, so each is told to its end. */
const WINDOW_DAYS = 115;
const REPLIES = ['谢谢提醒', '👍', '好的', '收到', '是的', '哈哈，是这样'];
const ASKED_TOO = ['同问', '蹲一个', '我也想知道'];
const RECURRING: string[] = ['service', 'law', 'notice'];

export function buildRoomPosts(rand: Rand, now: Date, room: RoomScene): Built {
  const surname = (p: FieldPerson) => `${[...p.name][0] ?? ''}警官`;
  const town = room.station.name.replace('派出所', '');
  const places =
    room.audience === 'rural' || room.audience === 'urban'
      ? [...new Set(room.members.map((m) => m.place).filter((p): p is string => !!p))]
      : room.station.villages.map((v) => v.name);
  const s: Scene = {
    ...room,
    rand,
    now,
    out: { posts: [], matters: [], events: [] },
    speakers: room.members.filter((m) => !m.leftAt),
    fill: (text) =>
      text
        .replaceAll('{officer}', surname(room.station.officer))
        .replaceAll('{aux}', surname(room.station.aux))
        .replaceAll('{town}', town)
        .replaceAll('{room}', room.name)
        .replaceAll('{place}', places.length ? pick(rand, places) : town),
  };
  if (room.special) moderation(s);
  announcements(s);
  for (const story of STORIES) {
    if (!story.rooms.includes(room.audience) || rand() >= 0.85) continue;
    // Questions come back (身份证, 户口, 诈骗); a lost bag or a broken lamp is a story told once.
    const times = !story.matter && RECURRING.includes(story.work) && rand() < 0.6 ? 2 : 1;
    for (let k = 0; k < times; k++) tell(s, story, 5 + rand() * (WINDOW_DAYS - 8));
  }
  chatter(s);
  s.out.posts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const [i, p] of s.out.posts.entries()) p.seq = i + 1;
  return s.out;
}

/** A Beijing time `daysAgo` days back, between the hours given. */
function beijingAt(s: Scene, daysAgo: number, fromHour: number, toHour: number): Date {
  const day = new Date(s.now.getTime() - Math.floor(daysAgo) * DAY + BEIJING);
  day.setUTCHours(fromHour, 0, 0, 0);
  return new Date(day.getTime() - BEIJING + Math.floor(s.rand() * (toHour - fromHour) * 60) * MIN);
}

/** A resident's moment in the night moved to the next morning, 8:00 to 9:00 (Beijing). */
function daytime(t: Date): Date {
  const b = new Date(t.getTime() + BEIJING);
  const hour = b.getUTCHours();
  if (hour >= 7 && hour < 22) return t;
  if (hour >= 22) b.setUTCDate(b.getUTCDate() + 1);
  b.setUTCHours(8, t.getUTCMinutes(), 0, 0);
  return new Date(b.getTime() - BEIJING);
}

function post(s: Scene, fields: Partial<PostRow> & { createdAt: Date; body: string }): PostRow {
  const row: PostRow = { id: randomUUID(), roomId: s.roomId, seq: 0, ...fields, body: s.fill(fields.body) };
  s.out.posts.push(row);
  return row;
}

/** A member who was in the room at `at`, other than `not`. */
function speaker(s: Scene, at: Date, not?: string): MemberRow {
  for (let k = 0; k < 8; k++) {
    const m = pick(s.rand, s.speakers);
    if (m.joinedAt < at && m.id !== not) return m;
  }
  return s.speakers.find((m) => m.joinedAt < at && m.id !== not) ?? itemAt(s.speakers, 0);
}

function hostOf(s: Scene, voice: Voice): FieldPerson {
  if (voice === 'officer') return s.station.officer;
  if (voice === 'grid') return s.cohosts.find((p) => p.id !== s.station.aux.id) ?? s.station.aux;
  return s.station.aux;
}

/** One story, told from `daysAgo`: residents in the day or evening, a host's opening in office hours. */
function tell(s: Scene, story: Story, daysAgo: number) {
  const first = itemAt(story.steps, 0);
  const byStaff = first.by !== 'resident' && first.by !== 'other';
  let at = byStaff ? officeHours(beijingAt(s, daysAgo, 8, 17), s.now) : beijingAt(s, daysAgo, 7, 22);
  const asker = speaker(s, at);
  let head: PostRow | null = null;
  let open: PostRow | null = null;
  let lastHost: PostRow | null = null;
  for (const step of story.steps) {
    at = new Date(at.getTime() + Math.max(1, Math.round(step.after * (0.7 + s.rand() * 0.6))) * MIN);
    const staff = step.by !== 'resident' && step.by !== 'other';
    // A follow-up hours or days later comes in office hours from a host, in the day or evening from a resident.
    if (step.after >= 120) at = staff ? officeHours(at, s.now) : daytime(at);
    const member = step.by === 'resident' ? asker : step.by === 'other' ? speaker(s, at, asker.id) : null;
    const row = post(s, {
      createdAt: at,
      body: step.body,
      kind: step.kind ?? (byStaff && !head ? 'announcement' : 'message'),
      workType: head ? null : story.work,
      memberId: member?.id ?? null,
      staffId: staff ? hostOf(s, step.by).id : null,
      replyToId: step.reply && head ? head.id : null,
      mentions: step.at ? [s.station.officer.id] : [],
      answerDueAt: step.at ? new Date(at.getTime() + DEFAULT_ROOM_RULES.answerMinutes * MIN) : null,
    });
    if (staff && open) {
      open.answeredAt = at;
      open.answeredBy = row.staffId;
      open = null;
    }
    if (step.at) open = row;
    if (staff) lastHost = row;
    head ??= row;
  }
  if (story.matter && head?.memberId) makeMatter(s, story, head, lastHost, asker);
}

/** The host turns the story's first post into a matter of the channel 议事厅, linked both ways. */
function makeMatter(s: Scene, story: Story, head: PostRow, done: PostRow | null, asker: MemberRow) {
  const { kind, open } = story.matter ?? { kind: 'other', open: true };
  const id = randomUUID();
  const officer = s.station.officer;
  const recorded = new Date(head.createdAt.getTime() + 4 * MIN);
  const taken = new Date(recorded.getTime() + 20 * MIN);
  const resolved = done && done.createdAt > taken ? done.createdAt : new Date(taken.getTime() + 3 * 3_600_000);
  const closed = new Date(Math.min(resolved.getTime() + DAY, s.now.getTime() - MIN));
  const rule = deadlinesFor(kind, 'normal');
  const status: MatterStatus = open ? 'in_progress' : 'closed';
  s.out.matters.push({
    id,
    number: '',
    stationId: s.station.id,
    householdId: asker.householdId ?? null,
    unitPath: s.unitPath,
    channel: 'room',
    placeNote: `${s.name}（网上警民议事厅）`,
    recordedByStaffId: officer.id,
    kind,
    urgency: 'normal',
    status,
    body: head.body,
    trackingHash: sm3(randomToken(18)),
    noticeVersion: PRIVACY_NOTICE_VERSION,
    assigneeStaffId: officer.id,
    firstResponseDueAt: new Date(recorded.getTime() + rule.firstResponseMinutes * MIN),
    resolveDueAt: new Date(recorded.getTime() + rule.resolveMinutes * MIN),
    takeDueAt: new Date(recorded.getTime() + rule.takeMinutes * MIN),
    acceptedAt: recorded,
    firstResponseAt: recorded,
    dispatchedAt: recorded,
    takenAt: taken,
    resolvedAt: open ? null : resolved,
    outcome: open ? null : (done?.body ?? '已办结'),
    closedAt: open ? null : closed,
    createdAt: recorded,
    updatedAt: open ? taken : closed,
  });
  head.matterId = id;
  const ev = (type: string, at: Date, from: MatterStatus | null, to: MatterStatus, payload = {}, note?: string) =>
    s.out.events.push({
      matterId: id,
      type,
      fromStatus: from,
      toStatus: to,
      at,
      actorType: 'staff',
      actorId: officer.id,
      actorName: officer.name,
      note: note ?? null,
      payload,
    });
  ev('matter.recorded', recorded, null, 'accepted', { kind, channel: 'room', urgency: 'normal' });
  ev('matter.dispatch', recorded, 'accepted', 'dispatched', {
    assigneeStaffId: officer.id,
    assigneeDepartmentId: null,
  });
  ev('matter.take', taken, 'dispatched', 'in_progress');
  if (open) return;
  ev('matter.resolve', resolved, 'in_progress', 'resolved', {}, done?.body ?? '已办结');
  ev('matter.close', closed, 'resolved', 'closed');
}

/** The pinned rules at the room's start, then the season's announcements, each acknowledged by a few. */
function announcements(s: Scene) {
  const officer = s.station.officer.id;
  const start = new Date(s.createdAt.getTime() + 5 * MIN);
  post(s, {
    createdAt: start,
    body: RULES_NOTICE,
    kind: 'announcement',
    workType: 'notice',
    staffId: officer,
    pinnedAt: start,
  });
  for (const notice of NOTICES) {
    if (!notice.rooms.includes(s.audience)) continue;
    const days = [...Array(WINDOW_DAYS).keys()]
      .slice(2)
      .filter(
        (d) =>
          !notice.season || notice.season.includes(new Date(s.now.getTime() - d * DAY + BEIJING).getUTCMonth() + 1),
      );
    if (days.length === 0) continue;
    const at = officeHours(beijingAt(s, pick(s.rand, days), 8, 11), s.now);
    const winter = notice.body.startsWith('【冬季取暖');
    const row = post(s, {
      createdAt: at,
      body: notice.body,
      kind: 'announcement',
      workType: notice.work,
      staffId: officer,
      pinnedAt: winter ? at : null,
    });
    for (let k = Math.floor(2 + s.rand() * 5); k > 0; k--) {
      const t = new Date(at.getTime() + Math.floor(2 + s.rand() * 180) * MIN);
      post(s, { createdAt: t, body: pick(s.rand, ACKS), memberId: speaker(s, t).id, replyToId: row.id });
    }
  }
}

/** What residents say between the stories, a few answered by their neighbours. */
function chatter(s: Scene) {
  const count = Math.floor(s.speakers.length / 4);
  for (let n = 0; n < count; n++) {
    const at = beijingAt(s, 1 + s.rand() * WINDOW_DAYS, 7, 22);
    const by = speaker(s, at);
    const row = post(s, { createdAt: at, body: pick(s.rand, CHATTER[s.audience]), memberId: by.id });
    const replies = row.body.endsWith('？') ? ASKED_TOO : REPLIES;
    for (let k = Math.floor(s.rand() * 3); k > 0; k--) {
      const t = new Date(at.getTime() + Math.floor(3 + s.rand() * 90) * MIN);
      if (t < s.now)
        post(s, { createdAt: t, body: pick(s.rand, replies), memberId: speaker(s, t, by.id).id, replyToId: row.id });
    }
  }
}

/** An open "@", a held post, a hidden advertisement (its poster removed), a hidden insult (muted), a deletion. */
function moderation(s: Scene) {
  const officer = s.station.officer.id;
  const [muted, removed] = s.speakers.splice(0, 2);
  if (!muted || !removed) return;
  const ago = (minutes: number) => new Date(s.now.getTime() - minutes * MIN);
  const due = (t: Date) => new Date(t.getTime() + DEFAULT_ROOM_RULES.answerMinutes * MIN);
  const late = s.station.rural ? ago(50) : ago(150);
  post(s, {
    createdAt: late,
    body: s.station.rural
      ? '@{officer}，我家门口的下水道井盖被车压碎了，晚上走路容易踩空，能不能找人来看看？'
      : '@{officer}，小区门口有人天天摆摊卖“特效药”，专拉老人听讲座，能不能来查一下？',
    memberId: speaker(s, late).id,
    mentions: [officer],
    answerDueAt: due(late),
    remindedAt: due(late),
    escalatedAt: s.station.rural ? null : new Date(late.getTime() + DEFAULT_ROOM_RULES.deskMinutes * MIN),
  });
  const heldAt = ago(20 * 60);
  post(s, {
    createdAt: heldAt,
    body: '在家动动手指就能赚钱，刷单日结 200，宝妈学生都能做，有意私聊。',
    memberId: speaker(s, heldAt).id,
    status: 'held',
    heldWord: '刷单',
  });
  const ad = ago(10 * 24 * 60);
  const adHidden = new Date(ad.getTime() + 12 * MIN);
  post(s, {
    createdAt: ad,
    body: '无抵押低息贷款，当天放款，征信不好也能办，需要的私聊。',
    memberId: removed.id,
    status: 'hidden',
    hiddenReason: '发布网贷广告，涉嫌诈骗，已隐藏并移出本群',
    hiddenBy: officer,
    hiddenAt: adHidden,
  });
  removed.removedUntil = new Date(adHidden.getTime() + 30 * DAY);
  removed.removeReason = '多次发布网贷广告，提醒后不改';
  const rude = ago(26 * 60);
  const rudeHidden = new Date(rude.getTime() + 6 * MIN);
  post(s, {
    createdAt: rude,
    body: '你们几家就知道在群里瞎说，有本事当面说，谁怕谁！',
    memberId: muted.id,
    status: 'hidden',
    hiddenReason: '言语攻击他人，请文明发言',
    hiddenBy: officer,
    hiddenAt: rudeHidden,
  });
  muted.mutedUntil = new Date(rudeHidden.getTime() + 3 * DAY);
  muted.muteReason = '在群里与邻居争吵、言语攻击，禁言三天';
  const oops = ago(5 * 24 * 60 + 30);
  post(s, {
    createdAt: oops,
    body: '明天下午三点开会，别忘了带材料',
    memberId: speaker(s, oops).id,
    status: 'deleted',
    deletedAt: new Date(oops.getTime() + MIN),
  });
}
