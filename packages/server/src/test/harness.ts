/**
 * buildTestApp(): the real app on a real database with a small fixture
 * county, a clock the test moves, and `as(username)` clients that sign in
 * through the API (second factor included) and send the CSRF header.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@jingmin/shared';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { generate, generateSecret } from 'otplib';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { staff } from '../db/schema/index.js';
import { createDeps } from '../platform/boot.js';
import type { AppDeps, Clock } from '../platform/context.js';
import { sealField } from '../platform/crypto.js';
import { hashPassword } from '../platform/passwords.js';
import type { SmsMessage, SmsSender } from '../platform/sms/sms.js';
import { openMigratedTestDatabase } from './database.js';
import { type Fixture, seedFixture } from './fixture.js';

export class TestClock implements Clock {
  private t = Date.parse('2026-11-23T02:00:00.000Z');
  now() {
    return new Date(this.t);
  }
  advance(ms: number) {
    this.t += ms;
  }
}

/** Keeps every text message "sent", so a test reads it like a resident reads it on the phone. */
export class CapturingSms implements SmsSender {
  readonly name = 'capture';
  sent: SmsMessage[] = [];
  failing = false;
  async send(msg: SmsMessage) {
    if (this.failing) throw new Error('gateway down');
    this.sent.push(msg);
  }
  lastCode(phone: string) {
    const last = this.sent.findLast((m) => m.phone === phone && m.kind === 'otp');
    return last?.kind === 'otp' ? last.code : undefined;
  }
}

export interface TestApp {
  app: FastifyInstance;
  sms: CapturingSms;
  deps: AppDeps;
  clock: TestClock;
  fx: Fixture;
  /** A client signed in as `username` (fixture password, TOTP computed here). */
  as(username: string, opts?: { locale?: string }): Promise<Client>;
  anonymous(opts?: { locale?: string }): Client;
  close(): Promise<void>;
}

/** An account made in the database, with a second factor `as()` can answer; returns its id. */
export async function addStaff(t: TestApp, username: string, roles: Role[], scopeUnitId: string) {
  const secret = generateSecret();
  t.fx.totpSecrets[username] = secret;
  const [row] = await t.deps.database.db
    .insert(staff)
    .values({
      username,
      displayName: username,
      passwordHash: await hashPassword(t.fx.password, t.deps.config.security.argon2MemoryKib),
      mustChangePassword: false,
      roles,
      scopeUnitId,
      totpEnabled: true,
      totpSecretEnc: sealField(t.deps.keys.data, secret),
      passwordChangedAt: t.clock.now(),
    })
    .returning({ id: staff.id });
  if (!row) throw new Error(`test: ${username} was not created`);
  return row.id;
}

/** A test's configuration: fresh keys, fast password hashing, no web files, no sweeps, silent logs. */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig(
    {
      NODE_ENV: 'test',
      JINGMIN_AUDIT_KEY: randomBytes(32).toString('hex'),
      JINGMIN_DATA_KEY: randomBytes(32).toString('hex'),
      JINGMIN_ARGON2_MEMORY_KIB: '1024',
      JINGMIN_AUDIT_HEAD_FILE: path.join(os.tmpdir(), `jm-head-${randomBytes(6).toString('hex')}.json`),
      JINGMIN_WEB_DIST: '/nonexistent',
      JINGMIN_SWEEP_SECONDS: '0',
      LOG_LEVEL: 'silent',
      ...env,
    },
    [],
  );
}

/** A logger that says nothing. */
export const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(env);
  const clock = new TestClock();
  const database = await openMigratedTestDatabase();
  const sms = new CapturingSms();
  const deps = await createDeps(config, quiet, database, clock, sms);
  const fx = await seedFixture(deps);
  const app = await buildApp(deps);
  await app.ready();
  const t: TestApp = {
    app,
    sms,
    deps,
    clock,
    fx,
    anonymous: (opts) => new Client(app, opts?.locale, clock),
    async as(username, opts) {
      const client = new Client(app, opts?.locale, clock);
      await client.signIn(t, username);
      return client;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return t;
}

type Body = InjectOptions['payload'];

/** An HTTP client over `app.inject` that keeps its cookies and CSRF token, like a browser tab. */
export class Client {
  cookies: Record<string, string> = {};
  csrf = '';
  constructor(
    private app: FastifyInstance,
    private locale = 'zh-CN',
    /** Cookies expire by the server's clock (the test's), not by the wall clock. */
    private clock: Clock = { now: () => new Date() },
  ) {}

  async request(method: InjectOptions['method'], url: string, payload?: Body, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method,
      url,
      payload,
      cookies: this.cookies,
      headers: { 'accept-language': this.locale, ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...headers },
    });
    for (const c of res.cookies as { name: string; value: string; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < this.clock.now().getTime()))
        delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    const type = String(res.headers['content-type'] ?? '');
    const body = type.includes('json') && res.body ? res.json() : res.body;
    if (body && typeof body === 'object' && 'csrfToken' in body) this.csrf = String(body.csrfToken);
    return { status: res.statusCode, body, headers: res.headers, raw: res };
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload: Body = {}, headers?: Record<string, string>) {
    return this.request('POST', url, payload, headers);
  }
  put(url: string, payload: Body = {}) {
    return this.request('PUT', url, payload);
  }
  patch(url: string, payload: Body = {}) {
    return this.request('PATCH', url, payload);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  /** Signs in through the API and walks the second-factor step the fixture prepared. */
  async signIn(t: TestApp, username: string, password = t.fx.password) {
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    if ((res.body as { stage: string }).stage === 'totp') {
      t.clock.advance(30_000); // each TOTP step works once
      const code = await totpCode(t, username);
      const done = await this.post('/api/v1/auth/totp', { code });
      if (done.status !== 200) throw new Error(`TOTP of ${username} failed: ${JSON.stringify(done.body)}`);
    }
    return this;
  }
}

export function totpCode(t: TestApp, username: string) {
  const secret = t.fx.totpSecrets[username];
  if (!secret) throw new Error(`${username} has no TOTP secret in the fixture`);
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
}
