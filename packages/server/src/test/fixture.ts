/**
 * A small county for module tests: one bureau, two stations each with a
 * township, a village and two grids with a few households, and one account
 * per role. Administrators and chiefs have TOTP enrolled with known secrets.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '@jingmin/shared';
import { generateSecret } from 'otplib';
import { households, policeBeatAreas, policeBeatStaff, policeBeats, staff, units } from '../db/schema/index.js';
import type { AppDeps } from '../platform/context.js';
import { randomToken, sealField } from '../platform/crypto.js';
import { hashPassword } from '../platform/passwords.js';

export interface Fixture {
  password: string;
  units: Record<
    'bureau' | 'stationA' | 'townA' | 'villageA' | 'gridA1' | 'gridA2' | 'stationB' | 'townB' | 'villageB' | 'gridB1',
    string
  >;
  households: { a: string[]; b: string[] };
  doorplateTokens: { a: string[]; b: string[] };
  staffIds: Record<string, string>;
  totpSecrets: Record<string, string>;
}

export const FIXTURE_PASSWORD = 'Fixture#Pass2026';

export async function seedFixture(deps: AppDeps): Promise<Fixture> {
  const { db } = deps.database;
  const ids: Partial<Fixture['units']> = {};
  const paths: Record<string, string> = {};
  const add = async (
    key: keyof Fixture['units'],
    parent: keyof Fixture['units'] | null,
    kind: (typeof units.$inferInsert)['kind'],
    name: string,
    code?: string,
  ) => {
    const id = randomUUID();
    paths[key] = `${parent ? paths[parent] : '/'}${id}/`;
    ids[key] = id;
    await db.insert(units).values({
      id,
      parentId: parent ? ids[parent]! : null,
      kind,
      name,
      code,
      path: paths[key]!,
      phone: '0999-0000000',
    });
  };
  await add('bureau', null, 'bureau', '测试县公安局');
  for (const s of ['A', 'B'] as const) {
    await add(`station${s}`, 'bureau', 'station', `${s}派出所`);
    await add(`town${s}`, `station${s}`, 'township', `${s}镇`);
    await add(`village${s}`, `town${s}`, 'village', `${s}村`);
    await add(`grid${s}1`, `village${s}`, 'grid', `${s}村第1网格`, `G${s}1`);
  }
  await add('gridA2', 'villageA', 'grid', 'A村第2网格', 'GA2');
  const hh: Fixture['households'] = { a: [], b: [] };
  const tokens: Fixture['doorplateTokens'] = { a: [], b: [] };
  for (const [side, grid] of [
    ['a', 'gridA1'],
    ['b', 'gridB1'],
  ] as const) {
    for (let n = 1; n <= 3; n++) {
      const token = randomToken(16);
      const [row] = await db
        .insert(households)
        .values({
          unitId: ids[grid]!,
          unitPath: paths[grid]!,
          address: `${side.toUpperCase()}村1组${n}号`,
          doorplateCode: `${side.toUpperCase()}-${n}`,
          doorplateToken: token,
        })
        .returning({ id: households.id });
      hh[side].push(row!.id);
      tokens[side].push(token);
    }
  }
  const hash = await hashPassword(FIXTURE_PASSWORD, deps.config.security.argon2MemoryKib);
  const plan: [string, Role[], keyof Fixture['units']][] = [
    ['sysadmin', ['system_admin'], 'bureau'],
    ['secadmin', ['security_admin'], 'bureau'],
    ['auditor', ['auditor'], 'bureau'],
    ['a.chief', ['station_chief'], 'stationA'],
    ['a.duty', ['duty_officer'], 'stationA'],
    ['a.officer', ['community_officer'], 'stationA'],
    ['a.aux', ['auxiliary_police'], 'stationA'],
    ['a.grid', ['grid_worker'], 'villageA'],
    ['a.liaison', ['department_liaison'], 'stationA'],
    ['a.mediator', ['mediator'], 'stationA'],
    ['a.sysadmin', ['system_admin'], 'stationA'],
    ['b.chief', ['station_chief'], 'stationB'],
    ['b.officer', ['community_officer'], 'stationB'],
  ];
  const staffIds: Record<string, string> = {};
  const totpSecrets: Record<string, string> = {};
  for (const [username, roles, scope] of plan) {
    const needsTotp = roles.some((r) => ['system_admin', 'security_admin', 'auditor', 'station_chief'].includes(r));
    const secret = needsTotp ? generateSecret() : undefined;
    if (secret) totpSecrets[username] = secret;
    const [row] = await db
      .insert(staff)
      .values({
        username,
        displayName: username,
        passwordHash: hash,
        mustChangePassword: false,
        roles,
        scopeUnitId: ids[scope]!,
        totpEnabled: Boolean(secret),
        totpSecretEnc: secret ? sealField(deps.keys.data, secret) : null,
        passwordChangedAt: deps.clock.now(),
      })
      .returning({ id: staff.id });
    staffIds[username] = row!.id;
  }
  // 警格+网格: a.officer's beat covers grid A1, so matters from there suggest a.officer.
  const [beat] = await db
    .insert(policeBeats)
    .values({ stationId: ids.stationA!, name: 'A1警务区' })
    .returning({ id: policeBeats.id });
  await db.insert(policeBeatAreas).values({ beatId: beat!.id, unitId: ids.gridA1! });
  await db
    .insert(policeBeatStaff)
    .values({ beatId: beat!.id, staffId: staffIds['a.officer']!, duty: 'responsible_officer' });
  return {
    password: FIXTURE_PASSWORD,
    units: ids as Fixture['units'],
    households: hh,
    doorplateTokens: tokens,
    staffIds,
    totpSecrets,
  };
}
