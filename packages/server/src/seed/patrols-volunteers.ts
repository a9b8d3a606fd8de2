/**
 * Volunteers on patrol (demo): after the alliance is seeded, each station's first approved volunteers — 义警 first —
 * join its volunteer patrol team, start a few of its evening patrols in the last fortnight and check in at the
 * route's points, and what they found (路灯损坏、井盖缺失、占道经营、河边护栏松动) is recorded as matters of the
 * channel 巡逻发现, linked to their patrols.
 */
import { randomUUID } from 'node:crypto';
import { deadlinesFor, type MatterKind, type MatterStatus, PRIVACY_NOTICE_VERSION } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import {
  matterEvents,
  matters,
  patrolCheckins,
  patrolSessionMatters,
  patrolSessions,
  patrolTeamMembers,
} from '../db/schema/index.js';
import { randomToken, sm3 } from '../platform/crypto.js';
import type { FieldPerson, FieldStation } from './field-station.js';
import { itemAt, type Rand } from './names.js';
import { BEIJING, DAY, eveningOf, MIN, PLANS, type Plan } from './patrols.js';

/**
 * What volunteers found on their patrols, by station: the point it was near (on the volunteer team's first route)
 * and how far the desk took it.
 */
const FOUND: Record<'rural' | 'urban', { point: number; kind: MatterKind; body: string; stage: Stage }[]> = {
  rural: [
    { point: 4, kind: 'report', body: '巡逻发现：加油站门前路灯不亮，晚上进出车辆看不清行人。', stage: 'dispatched' },
    {
      point: 1,
      kind: 'report',
      body: '巡逻发现：农贸市场南门排水沟井盖缺失，已用树枝和砖头临时围挡。',
      stage: 'accepted',
    },
    {
      point: 0,
      kind: 'help',
      body: '巡逻发现：小学校门东侧河边护栏松动，两根立柱晃得厉害，放学时孩子常在这里玩。',
      stage: 'in_progress',
    },
    {
      point: 2,
      kind: 'suggestion',
      body: '巡逻发现：村委会门口晚上有摊贩占道经营，三轮车挡住半边路。',
      stage: 'accepted',
    },
  ],
  urban: [
    { point: 2, kind: 'report', body: '巡逻发现：人民路夜市东入口占道经营，摊位摆到机动车道上。', stage: 'dispatched' },
    { point: 4, kind: 'report', body: '巡逻发现：和平里小区北大门外人行道井盖缺失，已放锥桶提醒。', stage: 'accepted' },
    {
      point: 9,
      kind: 'help',
      body: '巡逻发现：电力宿舍 3 栋楼下路灯损坏，楼道口一片黑，老人晚上出门不便。',
      stage: 'in_progress',
    },
  ],
};
type Stage = 'accepted' | 'dispatched' | 'in_progress';

export async function seedVolunteerPatrols(tx: Tx, rand: Rand, now: Date, stations: FieldStation[]): Promise<number> {
  let found = 0;
  for (const station of stations) {
    const plan = PLANS[station.rural ? 'rural' : 'urban'];
    const team = itemAt(plan.teams, 0);
    const volunteers = rowsOf<{ id: string; name: string; team_id: string; route_id: string }>(
      await tx.execute(sql`
        SELECT s.id, s.display_name AS name, t.id AS team_id,
               (SELECT r.id FROM patrol_routes r WHERE r.station_id = t.station_id AND r.name = ${itemAt(plan.routes, itemAt(team.routes, 0))[0]}) AS route_id
          FROM volunteer_profiles p JOIN staff s ON s.id = p.staff_id
          JOIN patrol_teams t ON t.station_id = p.station_id AND t.name = ${team.name}
         WHERE p.station_id = ${station.id} AND p.approved_at IS NOT NULL AND p.suspended_at IS NULL AND s.status = 'active'
         ORDER BY (p.kind = '义警') DESC, s.created_at, s.id
         LIMIT 3`),
    );
    if (volunteers.length === 0) continue;
    await tx.insert(patrolTeamMembers).values(
      volunteers.map((v, i) => ({
        teamId: v.team_id,
        staffId: v.id,
        role: 'member' as const,
        joinedOn: new Date(now.getTime() - (30 - i) * DAY),
      })),
    );
    const routeId = itemAt(volunteers, 0).route_id;
    const stops = rowsOf<{ point_id: string; code: string }>(
      await tx.execute(sql`
        SELECT rp.point_id, p.code FROM patrol_route_points rp JOIN patrol_points p ON p.id = rp.point_id
         WHERE rp.route_id = ${routeId} ORDER BY rp.seq`),
    );
    const sessions: (typeof patrolSessions.$inferInsert)[] = [];
    const scans: (typeof patrolCheckins.$inferInsert)[] = [];
    // Two evenings each in the last fortnight, never tonight (a patrol of tonight may be under way).
    for (const [i, v] of volunteers.entries())
      for (const daysAgo of [2 + i * 3, 8 + i * 2]) {
        const id = randomUUID();
        const start = eveningOf(now, daysAgo, 40 + Math.floor(rand() * 30));
        let at = start.getTime();
        for (const s of stops) {
          at += (7 + Math.floor(rand() * 10)) * MIN;
          scans.push({
            sessionId: id,
            pointId: s.point_id,
            scannedAt: new Date(at),
            recordedBy: v.id,
            createdAt: new Date(at),
          });
        }
        sessions.push({
          id,
          stationId: station.id,
          teamId: v.team_id,
          routeId,
          startedBy: v.id,
          startedAt: start,
          endedAt: new Date(at + 10 * MIN),
          note: '义警夜巡，沿线正常',
          createdAt: start,
        });
      }
    await tx.insert(patrolSessions).values(sessions);
    await tx.insert(patrolCheckins).values(scans);
    found += await seedFound(tx, station, plan, sessions, volunteers);
  }
  return found;
}

/** The matters the volunteers' patrols found, each at its point's village, recorded by the volunteer. */
async function seedFound(
  tx: Tx,
  station: FieldStation,
  plan: Plan,
  sessions: (typeof patrolSessions.$inferInsert)[],
  volunteers: { id: string; name: string }[],
) {
  const stories = FOUND[station.rural ? 'rural' : 'urban'];
  const numbers = rowsOf<{ n: string }>(
    await tx.execute(sql`SELECT nextval('matter_number_seq')::text AS n FROM generate_series(1, ${stories.length})`),
  );
  const rows: (typeof matters.$inferInsert)[] = [];
  const events: (typeof matterEvents.$inferInsert)[] = [];
  const links: (typeof patrolSessionMatters.$inferInsert)[] = [];
  for (const [i, s] of stories.entries()) {
    const session = itemAt(sessions, i % sessions.length);
    const person = volunteers.find((v) => v.id === session.startedBy) ?? itemAt(volunteers, 0);
    const [name, villageName, place] = itemAt(plan.points, s.point);
    const village = station.villages.find((v) => v.name === villageName) ?? itemAt(station.villages, 0);
    const created = new Date(session.startedAt.getTime() + (20 + i * 7) * MIN);
    const rule = deadlinesFor(s.kind, 'normal');
    const handed = s.stage !== 'accepted';
    const dispatched = new Date(created.getTime() + 25 * MIN);
    const taken = new Date(created.getTime() + 3 * 3_600_000);
    const id = randomUUID();
    const date = new Date(created.getTime() + BEIJING).toISOString().slice(0, 10).replace(/-/g, '');
    rows.push({
      id,
      number: `JM${date}-${itemAt(numbers, i).n.padStart(6, '0')}`,
      stationId: station.id,
      unitPath: village.path,
      channel: 'patrol',
      placeNote: `${name}（${plan.prefix}-P${String(s.point + 1).padStart(2, '0')}） · ${place}`,
      recordedByStaffId: person.id,
      kind: s.kind,
      urgency: 'normal',
      status: s.stage,
      body: s.body,
      trackingHash: sm3(randomToken(18)),
      noticeVersion: PRIVACY_NOTICE_VERSION,
      assigneeStaffId: handed ? station.officer.id : null,
      firstResponseDueAt: new Date(created.getTime() + rule.firstResponseMinutes * MIN),
      resolveDueAt: new Date(created.getTime() + rule.resolveMinutes * MIN),
      takeDueAt: handed ? new Date(dispatched.getTime() + rule.takeMinutes * MIN) : null,
      acceptedAt: created,
      firstResponseAt: handed ? dispatched : null,
      dispatchedAt: handed ? dispatched : null,
      takenAt: s.stage === 'in_progress' ? taken : null,
      createdAt: created,
      updatedAt: created,
    });
    links.push({ sessionId: session.id ?? '', matterId: id, createdAt: created });
    const ev = (type: string, at: Date, from: MatterStatus | null, to: MatterStatus, by: FieldPerson, payload = {}) =>
      events.push({
        matterId: id,
        type,
        fromStatus: from,
        toStatus: to,
        at,
        actorType: 'staff',
        actorId: by.id,
        actorName: by.name,
        payload,
      });
    ev('matter.recorded', created, null, 'accepted', person, { kind: s.kind, channel: 'patrol', urgency: 'normal' });
    if (handed)
      ev('matter.dispatch', dispatched, 'accepted', 'dispatched', station.desk, {
        assigneeStaffId: station.officer.id,
        assigneeDepartmentId: null,
      });
    if (s.stage === 'in_progress') ev('matter.take', taken, 'dispatched', 'in_progress', station.officer);
  }
  await tx.insert(matters).values(rows);
  await tx.insert(matterEvents).values(events);
  await tx.insert(patrolSessionMatters).values(links);
  return rows.length;
}
