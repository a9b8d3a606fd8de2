import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { settings, staff, units } from '../db/schema/index.js';
import { openMigratedTestDatabase } from '../test/database.js';
import { insertMany } from './bulk.js';

let database: Database;
beforeAll(async () => {
  database = await openMigratedTestDatabase();
});
afterAll(() => database.close());

describe('insertMany', () => {
  it('writes the rows tx.insert() would: given values, nulls, arrays, JSON and each column’s default', async () => {
    const unitId = randomUUID();
    await database.db.insert(units).values({ id: unitId, kind: 'station', name: '柳塘派出所', path: `/${unitId}/` });
    const rows = (suffix: string): (typeof staff.$inferInsert)[] => [
      {
        username: `a${suffix}`,
        displayName: '张伟',
        passwordHash: 'h',
        passwordHistory: ['h0'],
        mustChangePassword: false,
        roles: ['auditor'],
        scopeUnitId: unitId,
        phoneMasked: null,
        lockedUntil: new Date('2026-03-01T08:30:00Z'),
      },
      // Defaults for roles, history, flags and times; a third row gives roles again (a statement of its own).
      { username: `b${suffix}`, displayName: '李娜 "小李"', passwordHash: 'h', scopeUnitId: unitId },
      {
        username: `c${suffix}`,
        displayName: '王芳',
        passwordHash: 'h',
        roles: ['mediator', 'grid_worker'],
        scopeUnitId: unitId,
      },
    ];
    await database.db.transaction(async (tx) => {
      await tx.insert(staff).values(rows('-values'));
      await insertMany(tx, staff, rows('-json'));
      await tx.insert(settings).values([
        { key: 'values:object', value: { kinds: [{ key: 'drowning', name: '防溺水' }], days: 7 } },
        { key: 'values:text', value: '文本' },
      ]);
      await insertMany(tx, settings, [
        { key: 'json:object', value: { kinds: [{ key: 'drowning', name: '防溺水' }], days: 7 } },
        { key: 'json:text', value: '文本' },
      ]);
      await insertMany(tx, settings, []);
    });

    // Read as the database holds them (Drizzle's own reading would parse a JSON text twice and hide a wrong one).
    const read = async (table: 'staff' | 'settings', prefix: string, suffix = '') =>
      rowsOf<{ row: Record<string, unknown> }>(
        await database.db.execute(sql`
          SELECT to_jsonb(t) - 'id' - 'username' - 'key' AS row FROM ${sql.identifier(table)} t
           WHERE coalesce(to_jsonb(t) ->> 'username', to_jsonb(t) ->> 'key') LIKE ${`${prefix}%${suffix}`}
           ORDER BY coalesce(to_jsonb(t) ->> 'username', to_jsonb(t) ->> 'key')`),
      ).map((r) => r.row);
    const json = await read('staff', '', '-json');
    expect(json).toEqual(await read('staff', '', '-values'));
    expect(json.map((s) => [s.roles, s.password_history, s.must_change_password])).toEqual([
      [['auditor'], ['h0'], false],
      [[], [], true],
      [['mediator', 'grid_worker'], [], true],
    ]);
    expect(new Date(String(json[0]?.locked_until))).toEqual(new Date('2026-03-01T08:30:00Z'));
    const settingsJson = await read('settings', 'json:');
    expect(settingsJson).toEqual(await read('settings', 'values:'));
    expect(settingsJson.map((r) => r.value)).toEqual([
      { kinds: [{ key: 'drowning', name: '防溺水' }], days: 7 },
      '文本',
    ]);
  });
});
