/**
 * Opens the database: a PostgreSQL server through `pg`, or embedded PGlite
 * under the data folder. Both speak the same schema and migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction: what a query needs. */
export type Queryable = Db | Tx;

/** packages/server/drizzle: two folders up from src/db (tsx, tests), one up from dist/main.js (the built server). */
export const MIGRATIONS_DIR =
  ['../drizzle', '../../drizzle']
    .map((up) => path.join(import.meta.dirname, up))
    .find((dir) => fs.existsSync(path.join(dir, 'meta/_journal.json'))) ??
  path.join(import.meta.dirname, '../../drizzle');
const MIGRATION_LOCK = 7_262_000;

export type DbTarget =
  | { kind: 'embedded'; dir: string }
  /** In memory; `dump` (a `dumpDataDir()` tarball) starts it from that data instead of an empty cluster. */
  | { kind: 'memory'; dump?: Blob }
  | { kind: 'server'; url: string; poolSize?: number };

export interface Database {
  db: Db;
  kind: DbTarget['kind'];
  /** Applies the checked-in migrations; safe when several processes start at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance when embedded, for LISTEN/NOTIFY and raw exec. */
  pglite?: PGlite;
  /** The pool when on a server. */
  pool?: pg.Pool;
  /** Calls `listener` after every committed `db.transaction(…)`; returns the way to stop. */
  onCommit(listener: () => void): () => void;
  /** A transaction that does not call the commit listeners (the sealer's own, which they would wake). */
  quietTransaction: Db['transaction'];
  /** Calls the commit listeners after a write that was its own transaction (one statement, no `transaction()`). */
  notifyCommit(): void;
}

/**
 * Wraps `db.transaction` so that work which follows a commit (sealing the
 * audit trail and the outbox) starts at once instead of on a poll.
 */
function hookCommits(db: Db): Pick<Database, 'onCommit' | 'quietTransaction' | 'notifyCommit'> {
  const listeners = new Set<() => void>();
  const quietTransaction = db.transaction.bind(db) as Db['transaction'];
  const notifyCommit = () => {
    for (const listener of listeners) listener();
  };
  const hooked = (async (...args: Parameters<Db['transaction']>) => {
    const result = await quietTransaction(...args);
    notifyCommit();
    return result;
  }) as Db['transaction'];
  Object.defineProperty(db, 'transaction', { value: hooked, configurable: true, writable: true });
  return {
    quietTransaction,
    notifyCommit,
    onCommit: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

interface Logger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

export class DataDirLockedError extends Error {}

/** Refuses a data folder that another process holds: PGlite does not lock it, and two writers lose data. */
async function lockDataDir(dir: string, log: Logger): Promise<() => Promise<void>> {
  fs.mkdirSync(dir, { recursive: true });
  try {
    return await lockfile.lock(dir, {
      lockfilePath: `${dir}.lock`,
      stale: 30_000,
      update: 10_000,
      realpath: false,
      onCompromised: (err) => {
        log.error({ err }, 'lost the lock on the data folder; stopping to protect the data');
        process.exit(70);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataDirLockedError(
        `The data folder ${dir} is in use by another Jingmin process. ` +
          'The embedded database allows one process only: stop the other one, or set DATABASE_URL to use a PostgreSQL server for several processes.',
      );
    }
    throw err;
  }
}

/**
 * PGlite's defaults (128 MB shared buffers, 100 connections' shared memory) cost about 300 MB of a process
 * that serves one station; the data file stays in the OS page cache, so small buffers lose little. One
 * backend runs in the process: a few connection slots are plenty.
 */
const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  ...['shared_buffers=16MB', 'max_connections=4', 'wal_buffers=512kB'].flatMap((setting) => ['-c', setting]),
];

export async function openDatabase(target: DbTarget, log: Logger = console): Promise<Database> {
  if (target.kind === 'server') return openServer(target.url, target.poolSize ?? 10, log);
  const release = target.kind === 'embedded' ? await lockDataDir(target.dir, log) : undefined;
  // One options object: PGlite reads a second argument only after a data folder given as a string.
  const client = new PGlite({
    dataDir: target.kind === 'embedded' ? target.dir : undefined,
    startParams: PGLITE_START_PARAMS,
    loadDataDir: target.kind === 'memory' ? target.dump : undefined,
  });
  await client.waitReady;
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    ...hookCommits(db),
    kind: target.kind,
    pglite: client,
    migrate: () => migratePglite(drizzlePglite(client, { casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_DIR }),
    close: async () => {
      await client.close();
      await release?.();
    },
  };
}

async function openServer(url: string, poolSize: number, log: Logger): Promise<Database> {
  // JIT off: our statements are short and many; compiling a dashboard's statement (dozens of sub-plans) took
  // PostgreSQL 2.3 s of a 2.8 s answer in the dashboards bench, for nothing a request would ever get back.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    options: '-c jit=off',
  });
  // Without a listener an idle client's error kills the process (node-postgres docs).
  pool.on('error', (err) => log.error({ err }, 'idle database connection failed'));
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    ...hookCommits(db),
    kind: 'server',
    pool,
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg(client, { casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Number of migrations checked in, to tell readiness. */
export function expectedMigrationCount(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}
