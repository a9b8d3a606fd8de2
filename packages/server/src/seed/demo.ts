/**
 * The demo county: 青禾县公安局 (fictional) with a rural township station
 * (柳塘派出所: 8 villages, 25 grids, ~5,000 households) and an urban one
 * (城关派出所: communities of apartment buildings), their police offices,
 * teams, partner departments and one account per role. Generated, not real.
 */
import { randomUUID } from 'node:crypto';
import type { DepartmentKind, Role, TeamKind, UnitKind } from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { firstOrThrow } from '../db/rows.js';
import { departments, households, staff, teams, units } from '../db/schema/index.js';
import { savePublicFiguresSwitch } from '../modules/public-figures/public-figures.settings.js';
import { recordAudit } from '../platform/audit.js';
import type { AppDeps } from '../platform/context.js';
import { maskPhone, randomToken, sealField } from '../platform/crypto.js';
import { hashPassword } from '../platform/passwords.js';
import { seedAlliance, seedVolunteerTasks } from './alliance.js';
import { insertMany } from './bulk.js';
import { type DeskStation, seedDeskMatters } from './desk-matters.js';
import { type DisputeStation, seedDisputes } from './disputes.js';
import { seedDuties } from './duties.js';
import { type EvaluationStation, seedEvaluations } from './evaluations.js';
import type { FieldStation } from './field-station.js';
import { seedFraudDemo } from './fraud-demo.js';
import { seedHazards } from './hazards.js';
import { type HistoryStation, seedMatterHistory } from './matter-history.js';
import { itemAt, mobile, personName, pick, type Rand, rng, valueAt } from './names.js';
import { seedNotifyPreferences } from './notify.js';
import { seedPatrols } from './patrols.js';
import { seedVolunteerPatrols } from './patrols-volunteers.js';
import { seedPrivacyRequests } from './privacy.js';
import { seedReports } from './reports.js';
import { seedResponsibility } from './responsibility.js';
import { seedRoomExtras } from './room-extras.js';
import { seedRooms } from './rooms.js';
import { enterprisesOf } from './visits.js';
import { seedWarnings } from './warnings-demo.js';

/** Published in the README and printed at start: refused whenever demo mode is off. */
export const DEMO_PASSWORD = 'Jingmin#2026';

interface UnitNode {
  id: string;
  path: string;
  name: string;
}

type HouseholdRow = typeof households.$inferInsert & { id: string };

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  scope: string;
}

const RURAL_VILLAGES = ['柳塘村', '东岭村', '西河村', '桃源村', '石桥村', '杨家坝村', '青山村', '下湾村'];
const URBAN_COMMUNITIES: [string, string[]][] = [
  ['清风社区', ['清风苑', '翠湖小区']],
  ['锦绣社区', ['锦绣华庭', '金桂园']],
  ['和平社区', ['和平里小区', '电力宿舍']],
  ['文昌社区', ['文昌府', '书香名邸']],
];
const URBAN_STREETS = ['人民路', '解放路', '文昌路', '和平街', '建设路', '青禾大道'];

export async function seedDemo(deps: AppDeps, tx: Tx): Promise<DemoAccount[]> {
  const rand = rng(20261123);
  // argon2 is slow on purpose: each hash is made once, on argon2's own threads while the database takes the
  // county. The demo accounts share one password; volunteers sign in by one-time code, with a hash nobody holds.
  const memory = deps.config.security.argon2MemoryKib;
  const passwordHash = hashPassword(DEMO_PASSWORD, memory);
  const volunteerHash = hashPassword(randomToken(32), memory);
  const add = async (
    parent: UnitNode | null,
    kind: UnitKind,
    name: string,
    extra: Partial<typeof units.$inferInsert> = {},
  ) => {
    const id = randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    await tx.insert(units).values({ id, parentId: parent?.id ?? null, kind, name, path, ...extra });
    return { id, path, name };
  };
  const bureau = await add(null, 'bureau', '青禾县公安局', {
    code: '999901',
    phone: '0999-6110110',
    address: '青禾县青禾大道 1 号',
  });
  const rural = await add(bureau, 'station', '柳塘派出所', {
    code: '999901-LT',
    phone: '0999-6210110',
    address: '青禾县柳塘镇柳塘街 18 号',
  });
  const urban = await add(bureau, 'station', '城关派出所', {
    code: '999901-CG',
    phone: '0999-6310110',
    address: '青禾县城关街道人民路 66 号',
  });

  const homes: HouseholdRow[] = [];
  const ruralGrids = await seedRural(add, rural, rand, homes);
  const urbanGrids = await seedUrban(add, urban, rand, homes);
  await insertMany(tx, households, homes);
  // Enterprises and units stand apart from the homes the resident stories pick from.
  const firms = [
    ...enterprisesOf('lt', '青禾县柳塘镇', ruralGrids.villages, homes),
    ...enterprisesOf('cg', '青禾县城关街道', urbanGrids.villages, homes),
  ];
  await tx.insert(households).values(firms);

  const deptIds = await seedPartners(tx, rural, urban, ruralGrids.villages, urbanGrids.villages);
  const { accounts, ids } = await seedStaff(deps, tx, rand, await passwordHash, {
    bureau,
    rural,
    urban,
    ruralVillage: itemAt(ruralGrids.villages, 0),
    urbanVillage: itemAt(urbanGrids.villages, 0),
    deptIds,
  });
  const gridWorkers = await seedDuties(
    tx,
    ids,
    [
      ['lt', rural.id, ruralGrids.villages],
      ['cg', urban.id, urbanGrids.villages],
    ],
    rng(5),
  );
  await seedNotifyPreferences(tx, ids);
  // Teams: the desk officer in 警务队, the community officer and the auxiliary in 社区警务队 (figures by team).
  await tx.execute(sql`
    UPDATE staff s SET team_id = t.id
      FROM (VALUES ('duty', '警务队'), ('officer', '社区警务队'), ('aux', '社区警务队')) AS m(role, team),
           teams t
     WHERE s.username IN ('lt.' || m.role, 'cg.' || m.role) AND t.name = m.team
       AND t.station_id = (CASE WHEN s.username LIKE 'lt.%' THEN ${rural.id} ELSE ${urban.id} END)::uuid`);
  const nameOf = Object.fromEntries(accounts.map((a) => [a.username, a.displayName]));
  const historyOf = (station: UnitNode, prefix: string, departmentNames: string[]): HistoryStation => ({
    id: station.id,
    households: homes
      .filter((h) => h.unitPath.startsWith(station.path))
      .map((h) => ({ id: h.id, unitPath: h.unitPath })),
    handlers: ['duty', 'officer', 'aux', 'grid']
      .map((r) => `${prefix}.${r}`)
      .map((username) => ({ id: valueAt(ids, username), name: valueAt(nameOf, username) })),
    chief: { id: valueAt(ids, `${prefix}.chief`), name: valueAt(nameOf, `${prefix}.chief`) },
    departments: departmentNames.flatMap((n) => deptIds[n] ?? []),
  });
  const matterCount = await seedMatterHistory(tx, rng(7), deps.clock.now(), [
    historyOf(rural, 'lt', ['柳塘司法所', '柳塘市场监管所', '柳塘镇人社所']),
    historyOf(urban, 'cg', ['城关司法所', '城关市场监管所', '城关城管中队']),
  ]);
  await seedPrivacyRequests(tx, deps.clock.now(), rural.id, {
    id: valueAt(ids, 'lt.duty'),
    name: valueAt(nameOf, 'lt.duty'),
  });
  const person = (username: string) => ({ id: valueAt(ids, username), name: valueAt(nameOf, username) });
  const deskOf = (station: UnitNode, prefix: string, villages: UnitNode[]): DeskStation => ({
    id: station.id,
    households: homes
      .filter((h) => h.unitPath.startsWith(station.path))
      .map((h) => ({ id: h.id, unitPath: h.unitPath, address: h.address })),
    villages,
    desk: person(`${prefix}.duty`),
    officer: person(`${prefix}.officer`),
    departments: deptIds,
  });
  const deskCount = await seedDeskMatters(tx, deps.keys.data, deps.clock.now(), {
    rural: deskOf(rural, 'lt', ruralGrids.villages),
    urban: deskOf(urban, 'cg', urbanGrids.villages),
  });
  const evaluationOf = (station: UnitNode, prefix: string, villages: UnitNode[]): EvaluationStation => ({
    id: station.id,
    path: station.path,
    name: station.name,
    chief: person(`${prefix}.chief`),
    officer: person(`${prefix}.officer`),
    aux: person(`${prefix}.aux`),
    grid: person(`${prefix}.grid`),
    villages,
    households: homes.filter((h) => h.unitPath.startsWith(station.path)),
    enterprises: firms.filter((h) => h.unitPath.startsWith(station.path)),
    gridWorkers: gridWorkers[prefix] ?? [],
  });
  const evaluated = await seedEvaluations(tx, rng(9), deps.clock.now(), [
    evaluationOf(rural, 'lt', ruralGrids.villages),
    evaluationOf(urban, 'cg', urbanGrids.villages),
  ]);
  const disputeOf = (station: UnitNode, prefix: string, villages: UnitNode[]): DisputeStation => ({
    id: station.id,
    path: station.path,
    name: station.name,
    rural: prefix === 'lt',
    desk: person(`${prefix}.duty`),
    officer: person(`${prefix}.officer`),
    chief: person(`${prefix}.chief`),
    aux: person(`${prefix}.aux`),
    mediator: person(`${prefix}.mediator`),
    // The station's own partner departments (司法所, 人社所, 市场监管所 …), by name.
    departments: Object.fromEntries(
      Object.entries(deptIds).filter(([name]) => name.startsWith(prefix === 'lt' ? '柳塘' : '城关')),
    ),
    villages,
    households: homes
      .filter((h) => h.unitPath.startsWith(station.path))
      .map((h) => ({ id: h.id, unitPath: h.unitPath, address: h.address })),
  });
  const disputes = await seedDisputes(tx, deps.keys, rng(11), deps.clock.now(), [
    disputeOf(rural, 'lt', ruralGrids.villages),
    disputeOf(urban, 'cg', urbanGrids.villages),
  ]);
  const gridRows = await tx
    .select({ id: units.id, path: units.path, name: units.name })
    .from(units)
    .where(eq(units.kind, 'grid'));
  const fieldOf = (station: UnitNode, prefix: string, villages: UnitNode[]): FieldStation => ({
    id: station.id,
    path: station.path,
    name: station.name,
    rural: prefix === 'lt',
    chief: person(`${prefix}.chief`),
    desk: person(`${prefix}.duty`),
    officer: person(`${prefix}.officer`),
    aux: person(`${prefix}.aux`),
    grid: person(`${prefix}.grid`),
    villages: villages.map((v) => ({
      ...v,
      grids: gridRows.filter((g) => g.path.startsWith(v.path)).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    })),
    households: homes
      .filter((h) => h.unitPath.startsWith(station.path))
      .map((h) => ({ id: h.id, unitId: h.unitId, unitPath: h.unitPath, address: h.address })),
  });
  const field = [fieldOf(rural, 'lt', ruralGrids.villages), fieldOf(urban, 'cg', urbanGrids.villages)];
  const patrolCheckins = await seedPatrols(tx, deps.keys, rng(13), deps.clock.now(), field);
  const hazardCount = await seedHazards(tx, rng(17), deps.clock.now(), field);
  const responsibilities = await seedResponsibility(tx, deps.keys, rng(19), field);
  await seedAlliance(tx, deps.keys, rng(23), deps.clock.now(), field, await volunteerHash);
  await seedVolunteerTasks(tx, rng(27), deps.clock.now(), field);
  await seedVolunteerPatrols(tx, rng(29), deps.clock.now(), field);
  const roomCounts = await seedRooms(tx, deps.keys, rng(31), deps.clock.now(), field);
  const roomExtras = await seedRoomExtras(tx, rng(37), deps.clock.now());
  const warningCounts = await seedWarnings(tx, deps.keys, rng(41), deps.clock.now());
  const fraudCount = await seedFraudDemo(tx, deps.keys.data, deps.clock.now(), {
    bureau,
    stations: [
      {
        id: rural.id,
        path: rural.path,
        officerId: valueAt(ids, 'lt.officer'),
        deskId: valueAt(ids, 'lt.duty'),
        count: 48,
        prevented: 250_000,
      },
      {
        id: urban.id,
        path: urban.path,
        officerId: valueAt(ids, 'cg.officer'),
        deskId: valueAt(ids, 'cg.duty'),
        count: 12,
        prevented: 60_000,
      },
    ],
  });
  const reportsMade = await seedReports(tx, deps.clock.now(), [
    { ...rural, kind: 'station', publisher: valueAt(ids, 'lt.chief') },
    { ...urban, kind: 'station', publisher: valueAt(ids, 'cg.chief') },
    { ...bureau, kind: 'bureau', publisher: valueAt(ids, 'qh.bureau') },
  ]);
  // 公开数据: 柳塘's chief has switched the public page of figures on (城关's stays off, the default).
  await savePublicFiguresSwitch(tx, rural.id, true, valueAt(ids, 'lt.chief'), deps.clock.now());
  // Statistics for the planner: the embedded database has no autovacuum to gather them.
  await tx.execute(sql`ANALYZE`);
  await recordAudit(tx, deps.keys.audit, {
    actor: null,
    action: 'demo.seed',
    result: 'ok',
    at: deps.clock.now(),
    details: {
      households: homes.length,
      accounts: accounts.length,
      matters: matterCount + deskCount,
      ...evaluated,
      disputes,
      patrolCheckins,
      hazards: hazardCount,
      responsibilities,
      reports: reportsMade,
      rooms: { ...roomCounts, ...roomExtras },
      warnings: warningCounts,
      fraudInstructions: fraudCount,
    },
  });
  return accounts;
}

type Add = (
  parent: UnitNode | null,
  kind: UnitKind,
  name: string,
  extra?: Partial<typeof units.$inferInsert>,
) => Promise<UnitNode>;

async function seedRural(add: Add, station: UnitNode, rand: Rand, homes: HouseholdRow[]) {
  await add(station, 'police_office', '柳塘镇中心警务室', { phone: '0999-6210111' });
  await add(station, 'police_office', '东岭片区警务室', { phone: '0999-6210112' });
  const town = await add(station, 'township', '柳塘镇', { code: '999901101' });
  const villages: UnitNode[] = [];
  let gridNo = 0;
  for (const [v, villageName] of RURAL_VILLAGES.entries()) {
    const village = await add(town, 'village', villageName, { code: `999901101${String(200 + v + 1)}` });
    villages.push(village);
    const gridCount = v < 1 ? 4 : 3; // 4 + 7 × 3 = 25 grids
    for (let g = 1; g <= gridCount; g++) {
      gridNo++;
      const code = `LT${String(v + 1).padStart(2, '0')}${String(g).padStart(2, '0')}`;
      const grid = await add(village, 'grid', `${villageName}第${g}网格`, { code });
      const count = 180 + Math.floor(rand() * 60);
      for (let n = 1; n <= count; n++) {
        const group = (g - 1) * 3 + 1 + Math.floor((n - 1) / Math.ceil(count / 3));
        homes.push({
          id: randomUUID(),
          unitId: grid.id,
          unitPath: grid.path,
          address: `青禾县柳塘镇${villageName}${group}组${n}号`,
          doorplateCode: `${code}-${String(n).padStart(4, '0')}`,
          doorplateToken: randomToken(16),
        });
      }
    }
  }
  return { villages, grids: gridNo };
}

async function seedUrban(add: Add, station: UnitNode, rand: Rand, homes: HouseholdRow[]) {
  const street = await add(station, 'township', '城关街道', { code: '999901001' });
  const villages: UnitNode[] = [];
  for (const [c, [communityName, estates]] of URBAN_COMMUNITIES.entries()) {
    await add(station, 'police_office', `${communityName}警务室`, { phone: `0999-63101${20 + c}` });
    const community = await add(street, 'village', communityName, {
      code: `999901001${String(c + 1).padStart(3, '0')}`,
    });
    villages.push(community);
    for (const [e, estate] of estates.entries()) {
      const code = `CG${String(c + 1).padStart(2, '0')}${String(e + 1).padStart(2, '0')}`;
      const grid = await add(community, 'grid', `${estate}网格`, { code });
      const road = pick(rand, URBAN_STREETS);
      const number = 10 + Math.floor(rand() * 200);
      const buildings = 6 + Math.floor(rand() * 4);
      let n = 0;
      for (let b = 1; b <= buildings; b++) {
        for (let unit = 1; unit <= 2; unit++) {
          for (let floor = 1; floor <= 6; floor++) {
            for (let room = 1; room <= 2; room++) {
              n++;
              homes.push({
                id: randomUUID(),
                unitId: grid.id,
                unitPath: grid.path,
                address: `青禾县城关街道${road}${number}号${estate}${b}栋${unit}单元${floor}0${room}室`,
                doorplateCode: `${code}-${String(n).padStart(4, '0')}`,
                doorplateToken: randomToken(16),
              });
            }
          }
        }
      }
    }
  }
  return { villages };
}

async function seedPartners(
  tx: Tx,
  rural: UnitNode,
  urban: UnitNode,
  ruralVillages: UnitNode[],
  urbanCommunities: UnitNode[],
) {
  const teamRows: { stationId: string; name: string; kind: TeamKind }[] = [];
  for (const station of [rural, urban]) {
    teamRows.push(
      { stationId: station.id, name: '警务队', kind: 'patrol' },
      { stationId: station.id, name: '社区警务队', kind: 'community' },
      { stationId: station.id, name: '案件办理队', kind: 'investigation' },
      { stationId: station.id, name: '交管队', kind: 'traffic' },
    );
  }
  await tx.insert(teams).values(teamRows);
  const dept = (unit: UnitNode, name: string, kind: DepartmentKind, phone: string) => ({
    unitId: unit.id,
    name,
    kind,
    phone,
  });
  const rows = [
    dept(rural, '柳塘司法所', 'judicial_office', '0999-6210201'),
    dept(rural, '柳塘市场监管所', 'market_regulation', '0999-6210202'),
    dept(rural, '柳塘镇人社所', 'human_resources', '0999-6210203'),
    dept(rural, '柳塘镇综合执法队', 'urban_management', '0999-6210204'),
    dept(urban, '城关司法所', 'judicial_office', '0999-6310201'),
    dept(urban, '城关市场监管所', 'market_regulation', '0999-6310202'),
    dept(urban, '城关街道人社所', 'human_resources', '0999-6310203'),
    dept(urban, '城关城管中队', 'urban_management', '0999-6310204'),
    ...ruralVillages.map((v, i) =>
      dept(v, `${v.name}村民委员会`, 'village_committee', `0999-62103${String(i).padStart(2, '0')}`),
    ),
    ...urbanCommunities.map((c, i) =>
      dept(c, `${c.name}居民委员会`, 'village_committee', `0999-63103${String(i).padStart(2, '0')}`),
    ),
  ];
  const inserted = await tx.insert(departments).values(rows).returning({ id: departments.id, name: departments.name });
  return Object.fromEntries(inserted.map((d) => [d.name, d.id]));
}

interface StaffScopes {
  bureau: UnitNode;
  rural: UnitNode;
  urban: UnitNode;
  ruralVillage: UnitNode;
  urbanVillage: UnitNode;
  deptIds: Record<string, string>;
}

async function seedStaff(
  deps: AppDeps,
  tx: Tx,
  rand: Rand,
  passwordHash: string,
  s: StaffScopes,
): Promise<{ accounts: DemoAccount[]; ids: Record<string, string> }> {
  const plan: { username: string; roles: Role[]; scope: UnitNode; departmentId?: string }[] = [
    { username: 'sysadmin', roles: ['system_admin'], scope: s.bureau },
    { username: 'secadmin', roles: ['security_admin'], scope: s.bureau },
    { username: 'auditor', roles: ['auditor'], scope: s.bureau },
    // 县局督导: reads both stations' figures, matters and boards; edits neither station's cases.
    { username: 'qh.bureau', roles: ['bureau_supervisor'], scope: s.bureau },
  ];
  for (const [prefix, station, village, judicial] of [
    ['lt', s.rural, s.ruralVillage, '柳塘司法所'],
    ['cg', s.urban, s.urbanVillage, '城关司法所'],
  ] as const) {
    plan.push(
      { username: `${prefix}.chief`, roles: ['station_chief'], scope: station },
      { username: `${prefix}.duty`, roles: ['duty_officer'], scope: station },
      { username: `${prefix}.officer`, roles: ['community_officer'], scope: station },
      { username: `${prefix}.aux`, roles: ['auxiliary_police'], scope: station },
      { username: `${prefix}.grid`, roles: ['grid_worker'], scope: village },
      {
        username: `${prefix}.liaison`,
        roles: ['department_liaison'],
        scope: station,
        departmentId: s.deptIds[judicial],
      },
      { username: `${prefix}.mediator`, roles: ['mediator'], scope: station },
    );
  }
  const accounts: DemoAccount[] = [];
  const ids: Record<string, string> = {};
  for (const p of plan) {
    const displayName = personName(rand);
    const phone = mobile(rand);
    const row = firstOrThrow(
      await tx
        .insert(staff)
        .values({
          username: p.username,
          displayName,
          passwordHash,
          mustChangePassword: false,
          roles: p.roles,
          scopeUnitId: p.scope.id,
          departmentId: p.departmentId ?? null,
          phoneEnc: sealField(deps.keys.data, phone),
          phoneMasked: maskPhone(phone),
          isDemo: true,
        })
        .returning({ id: staff.id }),
      'staff account',
    );
    ids[p.username] = row.id;
    accounts.push({ username: p.username, displayName, roles: p.roles, scope: p.scope.name });
  }
  return { accounts, ids };
}
