/**
 * A fresh database per test file: in-memory PGlite by default; with
 * JM_TEST_DB=pg, a uniquely named database on the TEST_DATABASE_URL server,
 * dropped again at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client.js';

export const onServer = process.env.JM_TEST_DB === 'pg';

export async function openTestDatabase(): Promise<Database> {
  if (!onServer) return openDatabase({ kind: 'memory' });
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('JM_TEST_DB=pg needs TEST_DATABASE_URL');
  const name = `jingmin_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'server', url: url.toString(), poolSize: 5 });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      // pg-pool's end() resolves before the sockets it ended have closed; dropping at once would
      // terminate them mid-goodbye and log "idle database connection failed". Wait (briefly) for them.
      for (let i = 0; i < 40; i++) {
        const open = await cleanup.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (open.rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
