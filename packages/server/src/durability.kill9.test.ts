/**
 * kill -9 under load, on PostgreSQL (runs with TEST_DATABASE_URL only): the
 * compiled server takes resident submissions from several senders, is killed
 * without warning, and started again; the senders retry every key that got no
 * answer until it gets one. Every acknowledged submission must then be stored
 * exactly once with its first event and its audit entry, and the audit chain
 * must verify.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MATTER_SETTINGS } from '@jingmin/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { settings } from './db/schema/index.js';
import { matterSettingsKey } from './modules/settings/settings.service.js';
import { createDeps } from './platform/boot.js';
import { onServer } from './test/database.js';
import { seedFixture } from './test/fixture.js';

const SERVER = path.resolve(import.meta.dirname, '..');
const SENDERS = 8;
const keys = { JINGMIN_AUDIT_KEY: randomBytes(32).toString('hex'), JINGMIN_DATA_KEY: randomBytes(32).toString('hex') };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dbName = '';
let dbUrl = '';
let dataDir = '';
let tokens: string[] = [];

async function admin(query: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  await client.query(query).finally(() => client.end());
}

/** A fresh database with the fixture, and the intake limits lifted: one test address sends everything. */
async function seed() {
  dbName = `jingmin_kill9_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...keys }, []);
  const database = await openDatabase({ kind: 'server', url: dbUrl, poolSize: 2 }, quiet);
  try {
    const deps = await createDeps(config, quiet, database);
    const fx = await seedFixture(deps);
    tokens = [...fx.doorplateTokens.a, ...fx.doorplateTokens.b];
    const limits = { perDoorplatePerHour: 1e6, perPhonePerHour: 1e6, perAddressPerHour: 1e6 };
    for (const station of [fx.units.stationA, fx.units.stationB])
      await database.db
        .insert(settings)
        .values({ key: matterSettingsKey(station), value: { ...DEFAULT_MATTER_SETTINGS, limits } });
  } finally {
    await database.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const serverEnv = (port: number) => ({
  ...process.env,
  ...keys,
  NODE_ENV: 'production',
  DATABASE_URL: dbUrl,
  JINGMIN_DATA_DIR: dataDir,
  JINGMIN_DEMO: '0',
  JINGMIN_COOKIE_SECURE: '0',
  PORT: String(port),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
});

/** The compiled server, as `npm start` runs it; resolves once it answers /readyz. */
async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(SERVER, 'dist/main.js')], {
    env: serverEnv(port),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(100)) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
  }
  throw new Error('server not ready after 30 s');
}

interface Senders {
  /** Key → receipt number, for every submission the server acknowledged. */
  acked: Map<string, string>;
  /** Keys sent that have no answer yet. */
  pending: Set<string>;
  /** Stop making new keys; keep retrying the unanswered ones. */
  stopNew(): void;
  done: Promise<void>;
}

/** Each sender sends new submissions until told to stop, and retries its unanswered key until it is answered. */
function startSenders(port: number): Senders {
  const acked = new Map<string, string>();
  const pending = new Set<string>();
  let makingNew = true;
  const send = async (key: string, token: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/public/doorplates/${token}/matters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ kind: 'help', body: '楼道的灯坏了，麻烦来看看。', noticeVersion: '2026-11' }),
      signal: AbortSignal.timeout(5_000),
    });
    return res.status === 200 ? ((await res.json()) as { number: string }).number : null;
  };
  const sender = async (i: number) => {
    while (makingNew) {
      const key = randomUUID();
      const token = tokens[i % tokens.length]!;
      pending.add(key);
      for (let number: string | null = null; !number; ) {
        number = await send(key, token).catch(() => null);
        if (number) acked.set(key, number);
        else await sleep(100);
      }
      pending.delete(key);
    }
  };
  const done = Promise.all(Array.from({ length: SENDERS }, (_, i) => sender(i))).then(() => undefined);
  return { acked, pending, stopNew: () => (makingNew = false), done };
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!onServer)('kill -9 under load (PostgreSQL)', () => {
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [path.join(SERVER, 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('server build failed');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jm-kill9-'));
    await seed();
  }, 60_000);

  afterAll(async () => {
    server?.kill('SIGKILL');
    if (dbName) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged submission once, with its event and audit entry, and a chain that verifies', async () => {
    const port = await freePort();
    server = await startServer(port);
    const senders = startSenders(port);
    for (const until = Date.now() + 10_000; senders.acked.size < 60 && Date.now() < until; ) await sleep(20);
    server.kill('SIGKILL'); // mid-load: requests in flight lose their answers, some after their commit
    senders.stopNew();
    const inFlight = senders.pending.size;
    await new Promise((r) => server!.once('exit', r));
    server = await startServer(port);
    const upAt = Date.now();
    await senders.done;
    expect(inFlight).toBeGreaterThan(0);
    expect(senders.pending.size).toBe(0);

    const numbers = [...senders.acked.values()];
    const stored = await query<{ number: string; events: string; audits: string }>(
      `SELECT m.number,
              (SELECT count(*) FROM matter_events e WHERE e.matter_id = m.id AND e.type = 'matter.submitted') AS events,
              (SELECT count(*) FROM audit_log a WHERE a.target_id = m.id::text AND a.action = 'matter.submitted') AS audits
         FROM matters m`,
    );
    // Exactly once: one matter per acknowledged key, and no matter that nobody was told about.
    expect(new Set(numbers).size).toBe(senders.acked.size);
    expect(stored.map((s) => s.number).sort()).toEqual([...numbers].sort());
    expect(stored.filter((s) => s.events !== '1' || s.audits !== '1')).toEqual([]);

    // Let the restarted server seal what the killed one left, then verify the chain as an operator would.
    await sleep(Math.max(0, 2_000 - (Date.now() - upAt)));
    const verify = spawnSync(process.execPath, ['--import', 'tsx', path.join(SERVER, 'src/cli/audit-verify.ts')], {
      env: serverEnv(port),
      encoding: 'utf8',
    });
    expect(verify.stdout + verify.stderr).toMatch(/intact/);
    expect(verify.status).toBe(0);
  }, 60_000);
});
