/**
 * The demo's 巡逻防控: each station's patrol teams (volunteers named on them, their names sealed), its 必到点 and
 * 必巡线, and eight weeks of evening patrols (19:00–21:30 Beijing) several nights a week, checking in at about four
 * in five of the route's points a few minutes apart. Every patrol has ended, except perhaps one under way now, if
 * now is such an evening (started by the grid worker, so a demo officer or auxiliary can start their own).
 * Once the alliance is seeded, seedVolunteerPatrols (patrols-volunteers.ts) puts some volunteers on the volunteer
 * teams, with patrols of their own and what they found recorded as matters (巡逻发现).
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/client.js';
import {
  patrolCheckins,
  patrolPoints,
  patrolRoutePoints,
  patrolRoutes,
  patrolSessions,
  patrolTeamMembers,
  patrolTeams,
} from '../db/schema/index.js';
import type { AppDeps } from '../platform/context.js';
import { randomToken, sealField } from '../platform/crypto.js';
import { insertMany } from './bulk.js';
import type { FieldPerson, FieldStation } from './field-station.js';
import { itemAt, personName, type Rand } from './names.js';

export const MIN = 60_000;
export const DAY = 86_400_000;
export const BEIJING = 8 * 3_600_000;
const WEEKS = 8;

interface TeamPlan {
  name: string;
  kind: string;
  note: string;
  /** Volunteers by what they are; the first leads unless a staff member does. */
  volunteers: string[];
  staff: (s: FieldStation) => { person: FieldPerson; leader?: boolean }[];
  /** Routes it walks, by index, the first most often; and how many nights a week. */
  routes: number[];
  nightsPerWeek: number;
}

export interface Plan {
  prefix: string;
  points: [name: string, village: string, place: string][];
  routes: [name: string, points: number[]][];
  teams: TeamPlan[];
}

export const PLANS: Record<'rural' | 'urban', Plan> = {
  rural: {
    prefix: 'LT',
    points: [
      ['柳塘镇中心小学校门口', '柳塘村', '校门东侧护学岗'],
      ['柳塘农贸市场', '柳塘村', '市场南门'],
      ['柳塘村委会', '柳塘村', '村委会院内宣传栏'],
      ['柳塘镇卫生院', '柳塘村', '急诊入口'],
      ['柳塘加油站', '柳塘村', '便利店门口'],
      ['东岭水库大坝', '东岭村', '大坝北端管理房'],
      ['东岭村老年活动中心', '东岭村', '活动中心大门'],
      ['桃源村渡口', '桃源村', '渡船码头'],
      ['杨家坝村文化广场', '杨家坝村', '戏台旁'],
      ['西河桥头', '西河村', '桥头东侧'],
      ['石桥村小卖部', '石桥村', '村口三岔路'],
      ['青山村林场路口', '青山村', '防火检查站'],
    ],
    routes: [
      ['镇区夜巡线', [0, 1, 2, 3, 4]],
      ['东岭—桃源护村线', [5, 6, 9, 7]],
      ['杨家坝—石桥线', [8, 10, 11, 2]],
    ],
    teams: [
      {
        name: '柳塘义警巡逻队',
        kind: '义警巡逻队',
        note: '队员有退伍老兵、乡贤和村干部，辅警带队，晚间巡逻镇区。',
        volunteers: ['退伍老兵', '乡贤', '村干部', '退伍老兵'],
        staff: (s) => [{ person: s.aux }],
        routes: [0, 2],
        nightsPerWeek: 4,
      },
      {
        name: '东岭护村队',
        kind: '护村队',
        note: '东岭、桃源两村村民自发组成，汛期加密巡查水库大坝。',
        volunteers: ['村干部', '村民', '村民'],
        staff: (s) => [{ person: s.grid }],
        routes: [1],
        nightsPerWeek: 3,
      },
    ],
  },
  urban: {
    prefix: 'CG',
    points: [
      ['城关第一小学校门口', '文昌社区', '校门口护学岗'],
      ['工商银行城关支行网点', '锦绣社区', 'ATM 自助区'],
      ['人民路夜市', '和平社区', '夜市东入口'],
      ['城关汽车站', '清风社区', '候车厅出口'],
      ['和平里小区', '和平社区', '小区北大门'],
      ['清风苑地下车库', '清风社区', '车库入口'],
      ['锦绣华庭东门', '锦绣社区', '东门岗亭'],
      ['文昌府幼儿园门口', '文昌社区', '幼儿园大门'],
      ['人民广场', '和平社区', '音乐喷泉旁'],
      ['电力宿舍老旧楼院', '和平社区', '3 栋楼下'],
    ],
    routes: [
      ['人民路商圈夜巡线', [1, 2, 8, 4, 9]],
      ['校园与车站线', [0, 7, 3, 5, 6]],
    ],
    teams: [
      {
        name: '城关平安志愿巡逻队',
        kind: '志愿巡逻队',
        note: '社区志愿者、楼栋长和快递小哥，晚间巡逻商圈与老旧小区。',
        volunteers: ['楼栋长', '志愿者', '快递小哥', '志愿者'],
        staff: (s) => [{ person: s.grid }],
        routes: [0],
        nightsPerWeek: 4,
      },
      {
        name: '城关游击巡逻队',
        kind: '游击巡逻队',
        note: '民警带辅警机动巡逻，重点时段加密。',
        volunteers: [],
        staff: (s) => [{ person: s.officer, leader: true }, { person: s.aux }, { person: s.desk }],
        routes: [1, 0],
        nightsPerWeek: 3,
      },
    ],
  },
};

export async function seedPatrols(
  tx: Tx,
  keys: AppDeps['keys'],
  rand: Rand,
  now: Date,
  stations: FieldStation[],
): Promise<number> {
  let checkins = 0;
  let running = false;
  for (const station of stations) {
    const plan = PLANS[station.rural ? 'rural' : 'urban'];
    const setUp = new Date(now.getTime() - (WEEKS * 7 + 14) * DAY);
    const { pointIds, routeIds, teamIds } = await seedSetUp(tx, keys, rand, station, plan, setUp);
    const sessions: (typeof patrolSessions.$inferInsert)[] = [];
    const scans: (typeof patrolCheckins.$inferInsert)[] = [];
    for (let daysAgo = WEEKS * 7; daysAgo >= 0; daysAgo--) {
      for (const [t, team] of plan.teams.entries()) {
        if (rand() >= team.nightsPerWeek / 7) continue;
        const routeAt = team.routes.length > 1 && rand() < 0.3 ? 1 : 0;
        const route = itemAt(plan.routes, itemAt(team.routes, routeAt));
        const walker = itemAt(team.staff(station), 0).person;
        const start = eveningOf(now, daysAgo, 5 + Math.floor(rand() * 30));
        if (start > now) continue;
        const id = randomUUID();
        let at = start.getTime();
        for (const p of route[1]) {
          at += (6 + Math.floor(rand() * 14)) * MIN;
          if (rand() >= 0.8) continue;
          if (at > now.getTime()) break;
          scans.push({
            id: randomUUID(),
            sessionId: id,
            pointId: itemAt(pointIds, p),
            scannedAt: new Date(at),
            recordedBy: walker.id,
            createdAt: new Date(at),
          });
        }
        const endAt = Math.min(at + (5 + Math.floor(rand() * 15)) * MIN, eveningOf(now, daysAgo, 150).getTime());
        // One patrol may be under way this evening; any other later than now is left out.
        const underWay = endAt > now.getTime();
        if (underWay && running) {
          scans.splice(scans.length - scans.filter((s) => s.sessionId === id).length);
          continue;
        }
        running ||= underWay;
        sessions.push({
          id,
          stationId: station.id,
          teamId: itemAt(teamIds, t),
          routeId: itemAt(routeIds, itemAt(team.routes, routeAt)),
          startedBy: underWay ? station.grid.id : walker.id,
          startedAt: start,
          endedAt: underWay ? null : new Date(endAt),
          note: underWay ? null : rand() < 0.15 ? '发现路灯损坏一处，已报村委会' : null,
          createdAt: start,
        });
        if (underWay) for (const s of scans.filter((x) => x.sessionId === id)) s.recordedBy = station.grid.id;
      }
    }
    await insertMany(tx, patrolSessions, sessions);
    await insertMany(tx, patrolCheckins, scans);
    checkins += scans.length;
  }
  return checkins;
}

/** 19:00 Beijing `daysAgo` days before today (Beijing), plus `minutes`. */
export function eveningOf(now: Date, daysAgo: number, minutes: number): Date {
  const today = new Date(now.getTime() + BEIJING).toISOString().slice(0, 10);
  const day = Date.parse(`${today}T19:00:00Z`) - daysAgo * DAY;
  return new Date(day - BEIJING + minutes * MIN);
}

async function seedSetUp(tx: Tx, keys: AppDeps['keys'], rand: Rand, station: FieldStation, plan: Plan, at: Date) {
  const village = (name: string) => station.villages.find((v) => v.name === name) ?? itemAt(station.villages, 0);
  const points = await tx
    .insert(patrolPoints)
    .values(
      plan.points.map(([name, v, place], i) => ({
        stationId: station.id,
        unitId: village(v).id,
        unitPath: village(v).path,
        name,
        code: `${plan.prefix}-P${String(i + 1).padStart(2, '0')}`,
        place,
        token: randomToken(16),
        createdAt: at,
        updatedAt: at,
      })),
    )
    .returning({ id: patrolPoints.id, code: patrolPoints.code });
  const pointIds = points.sort((a, b) => a.code.localeCompare(b.code)).map((p) => p.id);
  const routeIds = plan.routes.map(() => randomUUID());
  await tx.insert(patrolRoutes).values(
    plan.routes.map(([name], i) => ({
      id: itemAt(routeIds, i),
      stationId: station.id,
      name,
      createdAt: at,
      updatedAt: at,
    })),
  );
  await tx
    .insert(patrolRoutePoints)
    .values(
      plan.routes.flatMap(([, stops], i) =>
        stops.map((p, seq) => ({ routeId: itemAt(routeIds, i), seq: seq + 1, pointId: itemAt(pointIds, p) })),
      ),
    );
  const teamIds = plan.teams.map(() => randomUUID());
  await tx.insert(patrolTeams).values(
    plan.teams.map((team, i) => ({
      id: itemAt(teamIds, i),
      stationId: station.id,
      name: team.name,
      kind: team.kind,
      note: team.note,
      createdAt: at,
      updatedAt: at,
    })),
  );
  await tx.insert(patrolTeamMembers).values(
    plan.teams.flatMap((team, i) => {
      const staffed = team.staff(station);
      const staffLeads = staffed.some((s) => s.leader);
      return [
        ...team.volunteers.map((_, v) => ({
          teamId: itemAt(teamIds, i),
          nameSealed: sealField(keys.data, personName(rand)),
          role: !staffLeads && v === 0 ? ('leader' as const) : ('member' as const),
          joinedOn: new Date(at.getTime() + v * MIN),
        })),
        ...staffed.map((s, k) => ({
          teamId: itemAt(teamIds, i),
          staffId: s.person.id,
          role: s.leader ? ('leader' as const) : ('member' as const),
          joinedOn: new Date(at.getTime() + (10 + k) * MIN),
        })),
      ];
    }),
  );
  return { pointIds, routeIds, teamIds };
}
