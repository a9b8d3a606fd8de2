/**
 * Matters the desk recorded on residents' behalf, so the inbox, its channel tags and the 工作台's
 * counts by channel mean something on first start: calls to the 24-hour line, visits to the counter,
 * non-police matters handed down by 110 (with their 警情编号) and 12345 work orders (with their
 * 工单编号), some still open today, some resolved and rated. Written as two set inserts.
 */
import {
  type DeskChannel,
  deadlinesFor,
  type MatterKind,
  type MatterStatus,
  PRIVACY_NOTICE_VERSION,
  type Rating,
  type Urgency,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { matterEvents, matters } from '../db/schema/index.js';
import { sealPhone } from '../modules/residents/phone.service.js';
import { randomToken, sm3 } from '../platform/crypto.js';
import { itemAt, valueAt } from './names.js';

type Person = { id: string; name: string };

export interface DeskStation {
  id: string;
  households: { id: string; unitPath: string; address: string }[];
  villages: { path: string; name: string }[];
  desk: Person;
  officer: Person;
  /** Partner departments by name. */
  departments: Record<string, string>;
}

interface Story {
  station: 'rural' | 'urban';
  channel: DeskChannel;
  externalNo?: string;
  kind: MatterKind;
  urgency?: Urgency;
  body: string;
  /** The village (community) by index: its `nth` household whose address has `address`, or the desk's words. */
  where: { village: number; address?: string; nth?: number } | { village: number; note: string };
  phone?: string;
  minutesAgo: number;
  /** How far it got. */
  stage: 'accepted' | 'dispatched' | 'in_progress' | 'closed';
  department?: string;
  outcome?: string;
  rating?: Rating;
}

const STORIES: Story[] = [
  {
    station: 'rural',
    channel: 'phone',
    kind: 'help',
    urgency: 'urgent',
    body: '值班电话：东岭村村民来电，八十岁的母亲早上出门赶集，到现在还没回来，手机也没带，家里人沿路找了没找到。',
    where: { village: 1, nth: 40 },
    phone: '13907350118',
    minutesAgo: 18,
    stage: 'accepted',
  },
  {
    station: 'rural',
    channel: 'police_110',
    externalNo: '2026112300188',
    kind: 'dispute',
    body: '110 转来（非警务警情）：西河村两户因宅基地边界争吵，巡逻民警已到场劝开，需社区民警跟进调解。',
    where: { village: 2, nth: 115 },
    phone: '13607352266',
    minutesAgo: 95,
    stage: 'in_progress',
  },
  {
    station: 'rural',
    channel: 'hotline_12345',
    externalNo: 'GD202611220045',
    kind: 'suggestion',
    body: '12345 工单：群众反映石桥村村道路灯连续坏了五盏，晚上骑电动车看不清路，希望尽快修好。',
    where: { village: 4, note: '村道石桥至小学路段' },
    minutesAgo: 26 * 60,
    stage: 'dispatched',
    department: '石桥村村民委员会',
  },
  {
    station: 'rural',
    channel: 'phone',
    kind: 'report',
    body: '来电：青山村村口桥边停了一辆面包车，已经三天没人动，车窗开着，群众担心是被盗车辆。',
    where: { village: 6, note: '村口石桥边' },
    minutesAgo: 2 * 24 * 60,
    stage: 'closed',
    outcome: '民警到场核查，车辆为外出务工村民停放，已联系车主移走。',
    rating: 'satisfied',
  },
  {
    station: 'rural',
    channel: 'counter',
    kind: 'consult',
    body: '群众到所咨询：家里老人身份证过期了，卧床行动不便，能不能上门办理？',
    where: { village: 3, nth: 77 },
    phone: '15807351390',
    minutesAgo: 3 * 24 * 60 + 200,
    stage: 'closed',
    outcome: '已预约户籍民警周四上门为老人采集照片，当场受理换领。',
    rating: 'satisfied',
  },
  {
    station: 'urban',
    channel: 'police_110',
    externalNo: '2026112300231',
    kind: 'dispute',
    body: '110 转来（非警务警情）：翠湖小区楼上漏水把楼下天花板泡坏，两家在楼道争吵，需协调物业和双方处理。',
    where: { village: 0, address: '翠湖小区', nth: 12 },
    phone: '13807310452',
    minutesAgo: 40,
    stage: 'accepted',
  },
  {
    station: 'urban',
    channel: 'hotline_12345',
    externalNo: 'GD202611210112',
    kind: 'report',
    body: '12345 工单：和平里小区门口夜市占道经营，油烟和噪音扰民到夜里十二点，居民多次反映。',
    where: { village: 2, address: '和平里小区', nth: 3 },
    minutesAgo: 2 * 24 * 60 + 90,
    stage: 'closed',
    department: '城关城管中队',
    outcome: '城管中队与社区民警联合劝导，夜市已调整到晚十点前收摊，油烟净化设备已安装。',
    rating: 'basically_satisfied',
  },
  {
    station: 'urban',
    channel: 'counter',
    kind: 'lost_found',
    body: '群众到所交来一个在人民路公交站捡到的钱包，内有身份证和两张银行卡，请帮忙联系失主。',
    where: { village: 0, address: '清风苑', nth: 30 },
    minutesAgo: 5 * 60,
    stage: 'in_progress',
  },
  {
    station: 'urban',
    channel: 'phone',
    kind: 'help',
    urgency: 'urgent',
    body: '值班电话：锦绣华庭一位独居老人来电，家里燃气灶打不着火，闻到煤气味，不敢开灯。',
    where: { village: 1, address: '锦绣华庭', nth: 58 },
    phone: '13973104587',
    minutesAgo: 24 * 60 + 300,
    stage: 'closed',
    outcome: '民警五分钟到场开窗通风，联系燃气公司关阀检修，排除险情。',
    rating: 'satisfied',
  },
];

const min = (n: number) => n * 60_000;

export async function seedDeskMatters(
  tx: Tx,
  dataKey: Buffer,
  now: Date,
  stations: Record<Story['station'], DeskStation>,
) {
  const numbers = rowsOf<{ n: string }>(
    await tx.execute(sql`SELECT nextval('matter_number_seq')::text AS n FROM generate_series(1, ${STORIES.length})`),
  );
  const rows: (typeof matters.$inferInsert)[] = [];
  const events: (typeof matterEvents.$inferInsert)[] = [];
  for (const [i, s] of STORIES.entries()) {
    const station = stations[s.station];
    const created = new Date(now.getTime() - min(s.minutesAgo));
    const rule = deadlinesFor(s.kind, s.urgency ?? 'normal');
    const id = crypto.randomUUID();
    const date = new Date(created.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const place = placeOf(station, s.where);
    const answered = s.channel === 'phone' || s.channel === 'counter';
    const handed = s.stage !== 'accepted';
    const dispatched = new Date(created.getTime() + min(6));
    const taken = new Date(created.getTime() + min(15));
    const resolved = new Date(created.getTime() + min(Math.min(s.minutesAgo - 30, 6 * 60)));
    const rated = new Date(resolved.getTime() + min(20));
    const closed = s.stage === 'closed';
    const department = s.department ? valueAt(station.departments, s.department) : null;
    const phone = s.phone ? sealPhone(dataKey, s.phone) : null;
    const status: MatterStatus = closed ? 'closed' : s.stage;
    rows.push({
      id,
      number: `JM${date}-${itemAt(numbers, i).n.padStart(6, '0')}`,
      householdId: place.id,
      stationId: station.id,
      unitPath: place.unitPath,
      channel: s.channel,
      externalNo: s.externalNo ?? null,
      placeNote: 'note' in s.where ? s.where.note : null,
      recordedByStaffId: station.desk.id,
      kind: s.kind,
      urgency: s.urgency ?? 'normal',
      status,
      body: s.body,
      contactPhoneEnc: phone?.phoneEnc ?? null,
      contactPhoneMasked: phone?.phoneMasked ?? null,
      contactPhoneIndex: phone?.phoneIndex ?? null,
      smsConsentAt: phone ? created : null,
      receiptSms: phone ? 'sent' : null,
      trackingHash: sm3(randomToken(18)),
      noticeVersion: PRIVACY_NOTICE_VERSION,
      assigneeStaffId: handed && !department ? station.officer.id : null,
      assigneeDepartmentId: handed ? department : null,
      firstResponseDueAt: new Date(created.getTime() + min(rule.firstResponseMinutes)),
      resolveDueAt: new Date(created.getTime() + min(rule.resolveMinutes)),
      takeDueAt: handed ? new Date(dispatched.getTime() + min(rule.takeMinutes)) : null,
      acceptedAt: created,
      firstResponseAt: answered ? created : handed ? dispatched : null,
      dispatchedAt: handed ? dispatched : null,
      takenAt: s.stage === 'in_progress' || closed ? taken : null,
      resolvedAt: closed ? resolved : null,
      outcome: closed ? (s.outcome ?? null) : null,
      rating: closed ? (s.rating ?? null) : null,
      ratedAt: closed && s.rating ? rated : null,
      closedAt: closed ? rated : null,
      createdAt: created,
      updatedAt: created,
    });
    // A department takes and resolves as a department: the timeline names it.
    const handler = s.department ? { id: null, name: s.department } : station.officer;
    const ev = (type: string, at: Date, from: MatterStatus | null, to: MatterStatus | null, more = {}) =>
      events.push({ matterId: id, type, fromStatus: from, toStatus: to, at, actorType: 'staff', payload: {}, ...more });
    const by = (p: { id: string | null; name: string }) => ({ actorId: p.id, actorName: p.name });
    ev('matter.recorded', created, null, 'accepted', {
      ...by(station.desk),
      payload: { kind: s.kind, channel: s.channel, urgency: s.urgency ?? 'normal' },
    });
    if (phone) {
      const internal = { visibility: 'internal', noteVisibility: 'internal' } as const;
      ev('matter.receipt_sent', created, null, null, { ...by(station.desk), ...internal });
    }
    if (!handed) continue;
    const to = { assigneeStaffId: department ? null : station.officer.id, assigneeDepartmentId: department };
    ev('matter.dispatch', dispatched, 'accepted', 'dispatched', { ...by(station.desk), payload: to });
    if (s.stage === 'dispatched') continue;
    ev('matter.take', taken, 'dispatched', 'in_progress', by(handler));
    if (!closed) continue;
    ev('matter.resolve', resolved, 'in_progress', 'resolved', { ...by(handler), note: s.outcome ?? null });
    if (s.rating)
      ev('matter.rate', rated, 'resolved', 'rated', { actorType: 'resident', payload: { rating: s.rating } });
    ev('matter.close', rated, s.rating ? 'rated' : 'resolved', 'closed', by(station.desk));
  }
  await tx.insert(matters).values(rows);
  await tx.insert(matterEvents).values(events);
  return rows.length;
}

/** The household a story names, or — for a story told with the desk's own words — its village. */
function placeOf(station: DeskStation, where: Story['where']): { id: string | null; unitPath: string } {
  const village = itemAt(station.villages, where.village);
  if ('note' in where) return { id: null, unitPath: village.path };
  const homes = station.households.filter(
    (h) => h.unitPath.startsWith(village.path) && h.address.includes(where.address ?? ''),
  );
  const home = itemAt(homes, (where.nth ?? 0) % homes.length);
  return { id: home.id, unitPath: home.unitPath };
}
