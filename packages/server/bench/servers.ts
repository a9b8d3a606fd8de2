/**
 * The bench's servers: the compiled server (packages/server/dist/main.js) run
 * as processes of their own, on a throw-away PostgreSQL database cloned from a
 * template that is kept between runs, keyed by the migrations' and the seed's
 * hash and by BENCH_SCALE.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MATTER_SETTINGS } from '@jingmin/shared';
import { inArray } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { households, settings, staff, units } from '../src/db/schema/index.js';
import { matterSettingsKey } from '../src/modules/settings/settings.service.js';
import { createDeps } from '../src/platform/boot.js';
import { seedMatterHistory } from '../src/seed/matter-history.js';
import { rng } from '../src/seed/names.js';
import { seedFixture } from '../src/test/fixture.js';

const SERVER = path.resolve(import.meta.dirname, '..');
export const SERVER_ENTRY = path.join(SERVER, 'dist/main.js');
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const SCALE = Number(process.env.BENCH_SCALE ?? 1);
/** Fixed keys: the template's audit chain is signed with them, and every bench process shares them. */
export const BENCH_KEYS = {
  JINGMIN_AUDIT_KEY: createHash('sha256').update('jingmin bench audit key').digest('hex'),
  JINGMIN_DATA_KEY: createHash('sha256').update('jingmin bench data key').digest('hex'),
};
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Builds dist/main.js when it is missing or older than its sources. */
export function ensureBuilt() {
  const result = spawnSync(process.execPath, [path.join(SERVER, 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the server build failed');
}

export const urlOf = (database: string) => {
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

/** Work on the PostgreSQL server itself (create, rename, drop databases). */
export async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A hash of the migrations and of `files`: a template built from them is kept until one of them changes. Without
 * the migrations (`migrations: false`) a template outlives them: its copy is migrated forward by the server at start,
 * as a deployed database is — for a dataset that takes most of an hour to build.
 */
export function contentHash(files: string[], extra = '', { migrations = true } = {}): string {
  const hash = createHash('sha256');
  const drizzle = path.join(SERVER, 'drizzle');
  const all = [
    ...(migrations
      ? [
          ...fs
            .readdirSync(drizzle)
            .filter((f) => f.endsWith('.sql'))
            .map((f) => path.join(drizzle, f)),
          path.join(drizzle, 'meta/_journal.json'),
        ]
      : []),
    ...files,
  ].sort();
  for (const f of all) hash.update(path.relative(SERVER, f)).update(fs.readFileSync(f));
  return hash.update(extra).digest('hex').slice(0, 12);
}

/**
 * The template `<prefix>_<hash>_x<scale>`, built by `build` when missing (into a database of its own — empty, or a
 * copy of the template `base` — renamed when done, older templates of the prefix and scale dropped). Its name.
 */
export async function ensureTemplate(
  prefix: string,
  hash: string,
  build: (url: string) => Promise<void>,
  base?: string,
): Promise<string> {
  const template = `${prefix}_${hash}_x${String(SCALE).replace('.', '_')}`;
  const exists = await admin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount,
  );
  if (!exists) {
    process.stdout.write(`(building the template database ${template}, once for these migrations and scale)\n`);
    const building = `${template}_b${process.pid}`;
    await admin((c) => c.query(`CREATE DATABASE ${building}${base ? ` TEMPLATE ${base}` : ''}`));
    const started = Date.now();
    await build(urlOf(building));
    process.stdout.write(`(template built in ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    await admin(async (c) => {
      // Older templates of this scale (other scales are kept: a run at BENCH_SCALE=0.1 leaves the 10M one be).
      const old = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`, [
        `${prefix}\\_%\\_x${String(SCALE).replace('.', '\\_')}`,
        building,
      ]);
      for (const { datname } of old.rows)
        if (datname !== base) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await c.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    });
  }
  return template;
}

/** A fresh database for this run, cloned from the template `<prefix>_<hash>_x<scale>` (ensureTemplate). */
export async function fromTemplate(
  prefix: string,
  hash: string,
  build: (url: string) => Promise<void>,
  base?: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const template = await ensureTemplate(prefix, hash, build, base);
  const name = `${prefix}_run_${process.pid}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: urlOf(name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** The fixture, 1,000 households and 2,000 past matters per BENCH_SCALE, and intake limits lifted. */
async function seedTemplate(url: string) {
  const config = loadConfig({ NODE_ENV: 'test', JINGMIN_SWEEP_SECONDS: '0', LOG_LEVEL: 'silent', ...BENCH_KEYS }, []);
  const database = await openDatabase({ kind: 'server', url, poolSize: 2 }, quiet);
  try {
    const deps = await createDeps(config, quiet, database);
    const fx = await seedFixture(deps);
    const { db } = database;
    const grids = [fx.units.gridA1, fx.units.gridA2, fx.units.gridB1];
    const gridRows = await db.select({ id: units.id, path: units.path }).from(units).where(inArray(units.id, grids));
    const gridPaths = new Map(gridRows.map((r) => [r.id, r.path]));
    const homes = Array.from({ length: 1000 * SCALE }, (_, i) => {
      const unitId = grids[i % grids.length]!;
      return {
        unitId,
        unitPath: gridPaths.get(unitId)!,
        address: `压测村${Math.floor(i / 50) + 1}组${(i % 50) + 1}号`,
        doorplateCode: `BENCH-${i + 1}`,
        doorplateToken: createHash('sha256').update(`bench doorplate ${i}`).digest('base64url').slice(0, 22),
      };
    });
    for (let i = 0; i < homes.length; i += 1000) await db.insert(households).values(homes.slice(i, i + 1000));
    const all = await db.select({ id: households.id, unitPath: households.unitPath }).from(households);
    const people = await db.select({ id: staff.id, name: staff.username }).from(staff);
    const handlers = people.filter((p) => ['a.duty', 'a.officer', 'b.officer'].includes(p.name));
    const stations = [fx.units.stationA, fx.units.stationB].map((id, i) => ({
      id,
      households: all.filter((h) => h.unitPath.includes(i === 0 ? fx.units.villageA : fx.units.villageB)),
      handlers: handlers.filter((h) => h.name.startsWith(i === 0 ? 'a.' : 'b.')),
      departments: [],
    }));
    await db.transaction((tx) => seedMatterHistory(tx, rng(7), new Date(), stations, 2000 * SCALE));
    // The intake limits would stop a benchmark from a few addresses; the stations' own settings lift them here only.
    const lifted = {
      ...DEFAULT_MATTER_SETTINGS,
      limits: { perDoorplatePerHour: 1e6, perPhonePerHour: 1e6, perAddressPerHour: 1e6 },
    };
    for (const station of [fx.units.stationA, fx.units.stationB])
      await db.insert(settings).values({ key: matterSettingsKey(station), value: lifted });
  } finally {
    await database.close();
  }
}

/** A fresh database for this run, cloned from the template (built once per migrations' hash and scale). */
export function freshDatabase() {
  const files = ['src/test/fixture.ts', 'src/seed/matter-history.ts'].map((f) => path.join(SERVER, f));
  return fromTemplate('jm_bench_tpl', contentHash([...files, import.meta.filename]), seedTemplate);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface ServerProcess {
  base: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the compiled server as scripts/start.mjs does (with a raised file limit); waits until /readyz answers 200. */
export async function startServer(env: Record<string, string>, label: string): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `jm-bench-${label}-`));
  // exec: the shell becomes node, so the pid is the server's own.
  const child = spawn(
    'bash',
    [
      '-c',
      'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" --enable-source-maps --liftoff-only $2 "$1"',
      process.execPath,
      SERVER_ENTRY,
      // BENCH_PROFILE=<dir>: each server writes a V8 CPU profile there when it stops.
      process.env.BENCH_PROFILE ? `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` : '',
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JINGMIN_COOKIE_SECURE: '0',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        JINGMIN_DATA_DIR: dataDir,
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
    // Warnings and errors only (LOG_LEVEL=warn): a failing request shows why.
    process.stderr.write(d);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${label} not ready after 120 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { base, pid: child.pid!, child, stop };
}

/** Two processes of the compiled server on one fresh database, with the same keys and the bench's baseline route. */
export async function startPair(databaseUrl: string): Promise<[ServerProcess, ServerProcess]> {
  const env = {
    DATABASE_URL: databaseUrl,
    ...BENCH_KEYS,
    JINGMIN_DEMO: '0',
    JINGMIN_BENCH_ROUTES: '1',
    JINGMIN_TRUST_PROXY: '127.0.0.1',
  };
  const a = await startServer(env, 'a');
  return [a, await startServer(env, 'b')];
}
