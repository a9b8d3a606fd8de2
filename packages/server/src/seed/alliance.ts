/**
 * The demo's 平安联盟: volunteers of each station with light accounts — approved over the past months by the
 * chief, one application waiting, one volunteer suspended with the reason — each serving one grid. They sign in
 * at /volunteer with their phone and the one-time code the server log shows (demo mode).
 */
import { VOLUNTEER_DUTIES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { staff, volunteerProfiles, volunteerTasks } from '../db/schema/index.js';
import { sealPhone } from '../modules/residents/phone.service.js';
import type { AppDeps } from '../platform/context.js';
import { randomToken } from '../platform/crypto.js';
import type { FieldStation } from './field-station.js';
import { itemAt, mobile, officeHours, personName, type Rand } from './names.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KINDS = ['退伍老兵', '乡贤', '平安大妈', '快递小哥', '义警', '的哥', '双协员', '老公安'];

/** Returns each station's first approved volunteer's phone (printed at start in demo mode). */
export async function seedAlliance(
  tx: Tx,
  keys: AppDeps['keys'],
  rand: Rand,
  now: Date,
  stations: FieldStation[],
  passwordHash: string,
): Promise<Record<string, string>> {
  const first: Record<string, string> = {};
  for (const st of stations) {
    const grids = st.villages.flatMap((v) => v.grids);
    const count = st.rural ? 8 : 6;
    for (let i = 0; i < count; i++) {
      const phone = mobile(rand);
      const sealed = sealPhone(keys.data, phone);
      const grid = itemAt(grids, (i * 3) % grids.length);
      const applied = new Date(now.getTime() - (20 + Math.floor(rand() * 160)) * DAY);
      // The last one still waits for the chief; the one before was suspended last month.
      const pending = i === count - 1;
      const suspended = i === count - 2;
      const [row] = await tx
        .insert(staff)
        .values({
          username: `v-${randomToken(9)}`,
          displayName: personName(rand),
          passwordHash,
          mustChangePassword: false,
          roles: ['volunteer'],
          scopeUnitId: grid.id,
          phoneEnc: sealed.phoneEnc,
          phoneMasked: sealed.phoneMasked,
          status: pending || suspended ? 'disabled' : 'active',
          isDemo: true,
          createdAt: applied,
        })
        .returning({ id: staff.id });
      if (!row) continue;
      const approvedAt = pending ? null : new Date(applied.getTime() + (1 + Math.floor(rand() * 3)) * DAY);
      await tx.insert(volunteerProfiles).values({
        staffId: row.id,
        stationId: st.id,
        phoneIndex: sealed.phoneIndex,
        kind: itemAt(KINDS, i % KINDS.length),
        duties: [itemAt([...VOLUNTEER_DUTIES], i % 8), itemAt([...VOLUNTEER_DUTIES], (i + 2) % 8)],
        appliedAt: applied,
        approvedAt,
        approvedBy: approvedAt ? st.chief.id : null,
        suspendedAt: suspended ? new Date(now.getTime() - 12 * DAY) : null,
        suspendedBy: suspended ? st.chief.id : null,
        suspendReason: suspended ? '外出务工，暂时无法参加巡逻，本人申请暂停' : null,
      });
      if (!pending && !suspended && !first[st.name]) first[st.name] = phone;
    }
  }
  return first;
}

/** What the desk asked of volunteers, by station: at an address of the volunteer's grid or a place in words. */
const TASKS: {
  title: string;
  detail: string;
  /** An address of the volunteer's grid, else `place`. */
  atHousehold: boolean;
  place?: string;
  /** Which of the station's active volunteers, oldest first: the first (the one the start-up log names) holds
   * one task in each open state. */
  to: number;
  daysAgo: number;
  status: 'sent' | 'accepted' | 'done' | 'declined' | 'cancelled';
  note?: string;
}[] = [
  {
    title: '看望独居老人，代送降压药',
    detail: '老人腿脚不便，子女在外地务工。请把村卫生室配好的降压药送到家，顺便看看取暖和用电情况。',
    atHousehold: true,
    to: 0,
    daysAgo: 9,
    status: 'done',
    note: '药已送到，老人精神不错；炉子烟囱通畅，提醒了睡前开窗通风。',
  },
  {
    title: '查看路灯是否修好',
    detail: '群众反映路口路灯不亮，供电所说已经修过，请晚上路过时看一眼是否亮了。',
    atHousehold: false,
    place: '村委会门前路口',
    to: 0,
    daysAgo: 2,
    status: 'accepted',
  },
  {
    title: '劝导占道晾晒粮食',
    detail: '村道上晒玉米占了半幅路，晚上车辆看不清，请劝导农户收到晒场晾晒。',
    atHousehold: false,
    place: '村道东段（小学至桥头）',
    to: 1,
    daysAgo: 16,
    status: 'done',
    note: '已和两户说好，当天下午收走，以后在村委会晒场晾晒。',
  },
  {
    title: '提醒房东为租客登记',
    detail: '请提醒房东三日内带租客身份证到派出所窗口或在码上办为租客登记居住信息。',
    atHousehold: true,
    to: 0,
    daysAgo: 0,
    status: 'sent',
  },
  {
    title: '协助寻找走失老人线索',
    detail: '一位穿灰色棉袄、戴蓝色毛线帽的八十岁老人下午从家中走失，请在网格内留意并问问沿街商户，有线索请打 110。',
    atHousehold: false,
    place: '网格内沿街商户、河堤一带',
    to: 2,
    daysAgo: 23,
    status: 'done',
    note: '菜市场一位摊主说三点左右见老人往河堤方向走，已告诉值班室；老人傍晚找到，平安到家。',
  },
  {
    title: '发放防诈骗宣传单',
    detail: '请把防范电信网络诈骗宣传单发到网格内的小卖部和快递点，各放十份。',
    atHousehold: false,
    place: '网格内小卖部、快递点',
    to: 1,
    daysAgo: 5,
    status: 'declined',
    note: '这几天在外地喝喜酒，周末回来，请先派给别人。',
  },
];

/**
 * Tasks the desk sent the demo volunteers (看望送药、查看路灯、劝导晾晒、提醒登记、寻找走失老人线索、发宣传单) over the
 * last weeks, in every state a desk sees: waiting, accepted, done with what the volunteer did, declined with why.
 */
export async function seedVolunteerTasks(tx: Tx, rand: Rand, now: Date, stations: FieldStation[]): Promise<number> {
  const rows: (typeof volunteerTasks.$inferInsert)[] = [];
  for (const st of stations) {
    const volunteers = rowsOf<{ id: string; path: string }>(
      await tx.execute(sql`
        SELECT s.id, u.path FROM volunteer_profiles p JOIN staff s ON s.id = p.staff_id JOIN units u ON u.id = s.scope_unit_id
         WHERE p.station_id = ${st.id} AND p.approved_at IS NOT NULL AND p.suspended_at IS NULL
         ORDER BY s.created_at, s.id`),
    );
    if (volunteers.length === 0) continue;
    for (const task of TASKS) {
      const v = itemAt(volunteers, task.to % volunteers.length);
      const homes = st.households.filter((h) => h.unitPath.startsWith(v.path));
      const home = task.atHousehold && homes.length > 0 ? itemAt(homes, Math.floor(rand() * homes.length)) : null;
      // The desk sends in office hours.
      const sentAt = officeHours(
        new Date(now.getTime() - task.daysAgo * DAY - (2 + Math.floor(rand() * 6)) * HOUR),
        now,
      );
      const later = (hours: number) => new Date(Math.min(sentAt.getTime() + hours * HOUR, now.getTime()));
      const accepted = task.status === 'accepted' || task.status === 'done';
      rows.push({
        stationId: st.id,
        unitPath: home?.unitPath ?? v.path,
        volunteerId: v.id,
        title: task.title,
        detail: task.detail,
        place: home?.address ?? task.place ?? '',
        householdId: home?.id ?? null,
        dueAt: new Date(sentAt.getTime() + 2 * DAY),
        status: task.status,
        sentBy: st.desk.id,
        sentAt,
        acceptedAt: accepted ? later(1) : null,
        doneAt: task.status === 'done' ? later(20) : null,
        doneNote: task.status === 'done' ? (task.note ?? null) : null,
        declinedAt: task.status === 'declined' ? later(2) : null,
        declineReason: task.status === 'declined' ? (task.note ?? null) : null,
      });
    }
  }
  if (rows.length) await tx.insert(volunteerTasks).values(rows);
  return rows.length;
}
