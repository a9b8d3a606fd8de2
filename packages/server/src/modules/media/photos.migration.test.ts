/**
 * The migration that keys photos by owner renames `matter_photos` and moves
 * its rows: a station's photos from before it stay, with their owner, event,
 * bytes and upload key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, MIGRATIONS_DIR } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { photos } from '../../db/schema/index.js';
import { openTestDatabase } from '../../test/database.js';

const TAG_SUFFIX = '_photos_keyed_by_owner';
let database: Database;
let before: string;

/** A copy of the migrations folder that stops just before this one. */
function migrationsBefore(suffix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jm-migrations-'));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(suffix));
  if (at < 0) throw new Error(`no migration *${suffix}`);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

function migrateFrom(folder: string) {
  if (database.pglite)
    return migratePglite(drizzlePglite(database.pglite, { casing: 'snake_case' }), { migrationsFolder: folder });
  return migratePg(drizzlePg(database.pool!, { casing: 'snake_case' }), { migrationsFolder: folder });
}

beforeAll(async () => {
  database = await openTestDatabase();
  before = migrationsBefore(TAG_SUFFIX);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(before, { recursive: true, force: true });
});

const ids = {
  station: '00000000-0000-4000-8000-000000000001',
  household: '00000000-0000-4000-8000-000000000002',
  matter: '00000000-0000-4000-8000-000000000003',
  pendingAtDoorplate: '00000000-0000-4000-8000-00000000000a',
  attachedToSubmission: '00000000-0000-4000-8000-00000000000b',
  pendingOnMatter: '00000000-0000-4000-8000-00000000000c',
};

describe('photos keyed by owner', () => {
  it('keeps every photo stored before, owned by its matter or, still pending, by its doorplate', async () => {
    await migrateFrom(before);
    const { db } = database;
    await db.execute(
      sql`INSERT INTO units (id, kind, name, path) VALUES (${ids.station}, 'station', '城关派出所', 'x')`,
    );
    await db.execute(sql`INSERT INTO households (id, unit_id, unit_path, address, doorplate_code, doorplate_token)
      VALUES (${ids.household}, ${ids.station}, 'x', '城关路 1 号', 'D1', 'tok1')`);
    await db.execute(sql`INSERT INTO matters (id, number, household_id, station_id, unit_path, kind, body,
        tracking_hash, notice_version)
      VALUES (${ids.matter}, 'JM1', ${ids.household}, ${ids.station}, 'x', 'report', '门口乱停车', 'h', 'v')`);
    const [event] = rowsOf<{ id: number }>(
      await db.execute(sql`INSERT INTO matter_events (matter_id, type, actor_type, at)
        VALUES (${ids.matter}, 'matter.submitted', 'resident', now()) RETURNING id`),
    );
    const photo = (id: string, householdId: string | null, matterId: string | null, eventId: number | null) =>
      db.execute(sql`INSERT INTO matter_photos (id, household_id, matter_id, event_id, uploader_type, upload_key,
          ordinal, mime, width, height, bytes, digest, data, thumb, created_at)
        VALUES (${id}, ${householdId}, ${matterId}, ${eventId}, 'resident', ${id}, 0, 'image/jpeg', 4, 3, 2,
          'd', ${Buffer.from([1, 2])}, ${Buffer.from([3])}, now())`);
    await photo(ids.pendingAtDoorplate, ids.household, null, null);
    await photo(ids.attachedToSubmission, ids.household, ids.matter, Number(event!.id));
    await photo(ids.pendingOnMatter, null, ids.matter, null);

    await migrateFrom(MIGRATIONS_DIR);
    const rows = await db
      .select({
        id: photos.id,
        ownerType: photos.ownerType,
        ownerId: photos.ownerId,
        eventId: photos.eventId,
        uploadKey: photos.uploadKey,
        data: photos.data,
      })
      .from(photos)
      .orderBy(photos.id);
    expect(rows).toEqual(
      [
        { id: ids.pendingAtDoorplate, ownerType: 'household', ownerId: ids.household, eventId: null },
        { id: ids.attachedToSubmission, ownerType: 'matter', ownerId: ids.matter, eventId: Number(event!.id) },
        { id: ids.pendingOnMatter, ownerType: 'matter', ownerId: ids.matter, eventId: null },
      ].map((r) => ({ ...r, uploadKey: r.id, data: Buffer.from([1, 2]) })),
    );
    const indexes = rowsOf<{ indexname: string }>(
      await db.execute(sql`SELECT indexname FROM pg_indexes WHERE tablename = 'photos' ORDER BY indexname`),
    );
    expect(indexes.map((i) => i.indexname)).toEqual([
      'photos_owner_idx',
      'photos_pending_idx',
      'photos_pkey',
      'photos_upload_key_idx',
    ]);
  });
});
