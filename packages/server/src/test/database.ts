/**
 * A fresh database per test file: in-memory PGlite by default; with
 * JM_TEST_DB=pg, a uniquely named database on the TEST_DATABASE_URL server,
 * dropped again at the end.
 *
 * Migrating each file's database anew cost most of a file's setup, so a
 * migrated one is copied from a template built once per set of migrations:
 * on the server a template database, on PGlite a data-folder tarball in the
 * temp folder. Both are named by a hash of the migrations, so a changed or
 * added migration builds a new one and the old one is removed.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, MIGRATIONS_DIR, openDatabase } from '../db/client.js';

export const onServer = process.env.JM_TEST_DB === 'pg';

const TEMPLATE_PREFIX = 'jingmin_template_';
/** Serialises building, copying and dropping templates among the test workers (pg advisory lock key). */
const TEMPLATE_LOCK = 7_262_001;

/** An empty database: for tests of the migrations themselves. */
export async function openTestDatabase(): Promise<Database> {
  if (!onServer) return openDatabase({ kind: 'memory' });
  return openServerDatabase(null);
}

/** A database with every migration applied, copied from the cached template. */
export async function openMigratedTestDatabase(): Promise<Database> {
  if (!onServer) return openDatabase({ kind: 'memory', dump: await pgliteTemplate() });
  return openServerDatabase(`${TEMPLATE_PREFIX}${migrationsHash()}`);
}

let hash: string | undefined;
/** Names the migrations' contents: every SQL file and the journal that orders them. */
function migrationsHash(): string {
  if (hash) return hash;
  const files = [
    ...fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort(),
    'meta/_journal.json',
  ];
  const sha = createHash('sha256');
  for (const file of files)
    sha
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(MIGRATIONS_DIR, file)));
  hash = sha.digest('hex').slice(0, 16);
  return hash;
}

function serverUrl(database?: string): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('JM_TEST_DB=pg needs TEST_DATABASE_URL');
  if (!database) return base;
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function openServerDatabase(template: string | null): Promise<Database> {
  const name = `jingmin_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (admin) => {
    if (template) await copyTemplate(admin, template, name);
    else await admin.query(`CREATE DATABASE ${name}`);
  });
  const database = await openDatabase({ kind: 'server', url: serverUrl(name), poolSize: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin((admin) => dropDatabase(admin, name));
    },
  };
}

/** Creates `name` as a copy of `template`, building that first when it is missing. */
async function copyTemplate(admin: pg.Client, template: string, name: string) {
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    await ensureServerTemplate(admin, template);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

/** Builds the template if this set of migrations has none yet (under the lock), dropping older ones. */
async function ensureServerTemplate(admin: pg.Client, template: string) {
  const existing = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
    `${TEMPLATE_PREFIX}%`,
  ]);
  const names = existing.rows.map((r) => r.datname);
  if (names.includes(template)) return;
  for (const stale of names) await dropDatabase(admin, stale);
  await admin.query(`CREATE DATABASE ${template}`);
  try {
    const database = await openDatabase({ kind: 'server', url: serverUrl(template), poolSize: 1 });
    await database.migrate();
    await database.close();
    // Copying refuses a template that anyone is connected to.
    await waitForDisconnect(admin, template);
  } catch (err) {
    await dropDatabase(admin, template);
    throw err;
  }
}

/**
 * pg-pool's end() resolves before the sockets it ended have closed; dropping or copying at once would
 * meet them still connected ("idle database connection failed", "being accessed by other users").
 */
async function waitForDisconnect(admin: pg.Client, name: string) {
  for (let i = 0; i < 40; i++) {
    const open = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    if (open.rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function dropDatabase(admin: pg.Client, name: string) {
  await waitForDisconnect(admin, name);
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

let pgliteDump: Promise<Blob> | undefined;
/** The migrated PGlite data folder as a tarball; built by the first worker that needs it, then read. */
function pgliteTemplate(): Promise<Blob> {
  pgliteDump ??= (async () => {
    const file = path.join(os.tmpdir(), `${TEMPLATE_PREFIX}${migrationsHash()}.tar`);
    if (!fs.existsSync(file)) await buildPgliteTemplate(file);
    return new Blob([await fs.promises.readFile(file)]);
  })();
  return pgliteDump;
}

async function buildPgliteTemplate(file: string) {
  const database = await openDatabase({ kind: 'memory' });
  await database.migrate();
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const stale = fs
    .readdirSync(os.tmpdir())
    .filter((f) => f.startsWith(TEMPLATE_PREFIX) && f.endsWith('.tar') && f !== path.basename(file));
  for (const old of stale) fs.rmSync(path.join(os.tmpdir(), old), { force: true });
  // Written aside and renamed, so a worker starting meanwhile reads a whole file or none.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await fs.promises.writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await fs.promises.rename(partial, file);
}
