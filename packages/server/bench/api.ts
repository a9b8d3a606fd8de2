/**
 * What the bench's lines share when they drive a server through the API: accounts with a second factor the
 * bench answers, signing in, and timing a call (a warm-up, then the median and p95 of `repeats` runs).
 */
import { generate, generateSecret } from 'otplib';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { staff } from '../src/db/schema/index.js';
import { createDeps } from '../src/platform/boot.js';
import { sealField } from '../src/platform/crypto.js';
import { hashPassword } from '../src/platform/passwords.js';
import { BENCH_KEYS } from './servers.js';

export const BENCH_PASSWORD = 'Bench#Disputes2026';
export const say = (line: string) => process.stdout.write(`${line}\n`);
export const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
export const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);

export interface Account {
  username: string;
  secret: string;
}

type Deps = Awaited<ReturnType<typeof createDeps>>;

/** A staff row that signs in with BENCH_PASSWORD (and `secret` as its second factor, when given). */
export async function accountRow(
  deps: Deps,
  username: string,
  roles: string[],
  scopeUnitId: string,
  secret: string | null,
) {
  return {
    username,
    displayName: username,
    passwordHash: await hashPassword(BENCH_PASSWORD, deps.config.security.argon2MemoryKib),
    mustChangePassword: false,
    roles: roles as (typeof staff.$inferInsert)['roles'],
    scopeUnitId,
    totpEnabled: secret !== null,
    totpSecretEnc: secret ? sealField(deps.keys.data, secret) : null,
  };
}

/** Signs in through the API, answering the second factor; returns the headers of the session. */
export async function signIn(base: string, account: Account) {
  const post = async (url: string, body: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`bench sign-in: ${url} answered ${res.status} ${await res.text()}`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.get('set-cookie')?.split(';')[0] ?? headers.cookie ?? '', 'x-csrf-token': csrfToken };
  };
  const first = await post('/api/v1/auth/login', { username: account.username, password: BENCH_PASSWORD });
  const code = await generate({ secret: account.secret });
  return post('/api/v1/auth/totp', { code }, first);
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** One warm-up run, then `repeats` timed runs: their median and 95th percentile in ms. */
export async function timed(repeats: number, run: () => Promise<void>) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

/** The chief of the first station and the bureau's supervisor, with second factors the bench answers. */
export async function benchAccounts(
  url: string,
  bureauId = '00000000-0000-4000-8000-000000000000',
): Promise<{ chief: Account; bureau: Account; station: string }> {
  const config = loadConfig({ NODE_ENV: 'test', JINGMIN_SWEEP_SECONDS: '0', LOG_LEVEL: 'silent', ...BENCH_KEYS }, []);
  const database = await openDatabase({ kind: 'server', url, poolSize: 1 }, quiet);
  try {
    const deps = await createDeps(config, quiet, database);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM units WHERE kind = 'station' ORDER BY name COLLATE "C" LIMIT 1`,
    );
    await pool.end();
    const station = rows[0]!.id;
    const chief = { username: 'bench.chief', secret: generateSecret() };
    const bureau = { username: 'bench.bureau', secret: generateSecret() };
    await database.db
      .insert(staff)
      .values([
        await accountRow(deps, chief.username, ['station_chief'], station, chief.secret),
        await accountRow(deps, bureau.username, ['bureau_supervisor'], bureauId, bureau.secret),
      ]);
    return { chief, bureau, station };
  } finally {
    await database.close();
  }
}
