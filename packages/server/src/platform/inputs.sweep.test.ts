/**
 * Bad input on every endpoint gets a 4xx with a clear message, never a 5xx.
 * The routes come from the OpenAPI document, so a new route is swept too.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, buildTestApp, type Client, type TestApp } from '../test/harness.js';

let t: TestApp;
let clients: Record<string, Client>;
let routes: { method: string; path: string }[];
let operations: { method: string; path: string; op: Operation }[];
/** The anti-fraud centre's API signs in with its own key: the sweep holds one, so the input is what gets judged. */
let upstreamKey: Record<string, string> = {};
const keyFor = (path: string) => (path.startsWith('/api/v1/upstream') ? upstreamKey : {});

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
}
interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

beforeAll(async () => {
  t = await buildTestApp();
  clients = {
    sysadmin: await t.as('sysadmin'),
    secadmin: await t.as('secadmin'),
    auditor: await t.as('auditor'),
    desk: await t.as('a.duty'),
    chief: await t.as('a.chief'),
    officer: await t.as('a.officer'),
    anonymous: t.anonymous(),
    // A safety-alliance volunteer of grid A1 (民情上报 is its one right).
    volunteer: await addStaff(t, 'a.volunteer', ['volunteer'], t.fx.units.gridA1).then(() => t.as('a.volunteer')),
  };
  const upstream = await clients.chief!.post('/api/v1/fraud/upstreams', {
    name: '输入检查用接入方',
    unitId: t.fx.units.stationA,
    allowedIps: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
    feedback: 'pull',
  });
  upstreamKey = { authorization: `Bearer ${(upstream.body as { apiKey: string }).apiKey}` };
  const doc = (await t.anonymous().get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, Operation>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
  routes = operations.map(({ method, path }) => ({ method, path }));
}, 60_000);
afterAll(() => t.close());

/** Someone allowed to call the route, so the input is what gets judged. */
function callerFor(path: string): Client {
  if (
    path.startsWith('/api/v1/public') ||
    path.includes('/auth/login') ||
    path.includes('/auth/volunteer/') ||
    path.endsWith('/meta') ||
    // The anti-fraud centre's API signs in with its own key, not a session.
    path.startsWith('/api/v1/upstream')
  )
    return clients.anonymous!;
  if (path.startsWith('/api/v1/alliance')) return clients.volunteer!;
  if (path.startsWith('/api/v1/audit')) return clients.auditor!;
  if (
    path.startsWith('/api/v1/policies') ||
    path.endsWith('/roles') ||
    path.endsWith('/unlock') ||
    path.endsWith('/totp-reset')
  )
    return clients.secadmin!;
  if (path.startsWith('/api/v1/matters') || path === '/api/v1/events') return clients.desk!;
  if (path.includes('/evaluation-figures')) return clients.chief!;
  if (path.startsWith('/api/v1/dashboards')) return clients.chief!;
  if (path.includes('/dispute-settings')) return clients.chief!;
  if (path.startsWith('/api/v1/disputes') || /\/stations\/[^/]+\/disputes/.test(path)) return clients.desk!;
  if (path.includes('/evaluation-reviews') || path.includes('/evaluation-answers')) return clients.chief!;
  if (path.includes('/reports')) return clients.chief!;
  if (path.includes('/beats')) return clients.chief!;
  // Field set-up (patrol teams, points, routes; hazard kinds) is the chief's; field work is the officer's.
  if (/\/patrol-(teams|points|routes)|\/hazard-settings|\/visit-settings|\/responsibility-settings/.test(path))
    return clients.chief!;
  if (
    path.startsWith('/api/v1/staff') ||
    path.startsWith('/api/v1/units') ||
    path.startsWith('/api/v1/teams') ||
    path.startsWith('/api/v1/departments')
  )
    return clients.sysadmin!;
  // Tasks for volunteers are sent and withdrawn by the desk.
  if (path.includes('/volunteer-tasks')) return clients.desk!;
  // The room rules are the chief's.
  if (path.includes('/room-settings')) return clients.chief!;
  // The warning and anti-fraud rules and the upstream systems are the chief's; instructions are the desk's.
  if (/\/warning-settings|\/fraud-settings|\/fraud\/upstreams/.test(path)) return clients.chief!;
  if (path.startsWith('/api/v1/fraud')) return clients.desk!;
  return clients.officer!;
}

const BAD_VALUES: unknown[] = [
  'a\u0000b',
  '\uD800',
  'x'.repeat(10_000),
  12345,
  null,
  { nested: true },
  ['a'],
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
];
const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value).replace(/:([a-z]+)/gi, value);

function badBodies(): unknown[] {
  const keys = [
    'username',
    'password',
    'code',
    'name',
    'parentId',
    'kind',
    'unitId',
    'address',
    'doorplateCode',
    'roles',
    'reason',
    'text',
    'outcome',
    'urgency',
    'rating',
    'body',
    'noticeVersion',
    'extra',
  ];
  return BAD_VALUES.flatMap((v) => [Object.fromEntries(keys.map((k) => [k, v])), v]);
}

async function passwordOnly(username: string) {
  const client = t.anonymous();
  await client.post('/api/v1/auth/login', { username, password: t.fx.password });
  return client;
}

/** Path parameters that pass their own checks, so the body or the query is what gets judged. */
const VALID_PARAMS: Record<string, string> = {
  tracking: 'x'.repeat(24),
  format: 'svg',
  year: '2026',
  area: 'desk',
};
const fillValid = (path: string) =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => VALID_PARAMS[name] ?? '00000000-0000-0000-0000-000000000000');

const isStringSchema = (schema: JsonSchema | undefined): boolean =>
  Boolean(
    schema &&
      (schema.type === 'string' ||
        (Array.isArray(schema.type) && schema.type.includes('string')) ||
        schema.anyOf?.some(isStringSchema)),
  );

/** Dotted paths of every string in a JSON body schema, nested objects and arrays of strings included. */
function stringFields(schema: JsonSchema | undefined, prefix = ''): string[] {
  if (!schema) return [];
  const options = schema.anyOf ?? [schema];
  return options.flatMap((option) =>
    Object.entries(option.properties ?? {}).flatMap(([key, prop]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      if (isStringSchema(prop)) return [path];
      if (prop.items && isStringSchema(prop.items)) return [`${path}.0`];
      return stringFields(prop, path);
    }),
  );
}

const jsonBodyOf = (op: Operation) => op.requestBody?.content?.['application/json']?.schema;

/** A body with a NUL at one dotted path (`a.0` is the first item of array `a`). */
function withNul(field: string): unknown {
  const keys = field.split('.');
  const build = (i: number): unknown => {
    if (i === keys.length) return 'a\u0000b';
    return /^\d+$/.test(keys[i]!) ? [build(i + 1)] : { [keys[i]!]: build(i + 1) };
  };
  return build(0);
}

describe('bad input on every endpoint', () => {
  it('never answers a 5xx, and every 4xx says what is wrong', async () => {
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    let judged = 0;
    for (const { method, path } of routes) {
      if (path.endsWith('/events')) continue; // streams: checked in events.test.ts
      if (path.includes('/auth/logout')) continue; // would sign the sweeping client out
      const client = callerFor(path);
      const ids = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'a\u0000b'];
      for (const id of ids) {
        const url = `${fill(path, encodeURIComponent(id))}?page=-1&pageSize=100000&unitId=${encodeURIComponent(id)}&q=${encodeURIComponent('\u0000')}&reason=`;
        const bodies = method === 'GET' || method === 'DELETE' ? [undefined] : badBodies();
        for (const body of bodies) {
          const res = await client.request(method as 'GET', url, body as never, {
            'idempotency-key': 'not-a-key',
            ...keyFor(path),
          });
          const error = (res.body as { error?: { code?: string; message?: string } }).error;
          if (res.status === 400) judged += 1;
          // The verified-phone list asks for its own credential; any other 401 means the sweep lost its session.
          if (res.status === 401 && error?.code !== 'PHONE_SESSION_REQUIRED')
            failures.push(`${method} ${url} → 401: the sweep lost its session`);
          if (res.status >= 500) failures.push(`${method} ${url} → ${res.status}`);
          else if (res.status >= 400 && !(error?.code && error.message))
            failures.push(`${method} ${url} → ${res.status} without a message`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The input itself was judged, not just the caller.
    expect(judged).toBeGreaterThan(routes.length * 3);
  }, 420_000);

  it('refuses a NUL in every string field of every body and query with a 4xx naming the field', async () => {
    // The second-factor steps answer only a session at that step: one signed in with the password alone,
    // and one of a chief whose factor is not enrolled yet.
    await t.deps.database.db.execute(sql`UPDATE staff SET totp_enabled = false WHERE username = 'b.chief'`);
    const atStep: Record<string, Client> = {
      '/api/v1/auth/totp': await passwordOnly('secadmin'),
      '/api/v1/auth/totp/enrolment': await passwordOnly('b.chief'),
    };
    const failures: string[] = [];
    let sent = 0;
    for (const { method, path, op } of operations) {
      if (path.endsWith('/events') || path.includes('/auth/logout')) continue;
      const url = fillValid(path);
      const cases: { where: string; field: string; body?: unknown; query?: string }[] = [
        ...stringFields(jsonBodyOf(op)).map((field) => ({ where: 'body', field, body: withNul(field) })),
        ...(op.parameters ?? [])
          .filter((p) => p.in === 'query' && isStringSchema(p.schema))
          .map((p) => ({ where: 'query', field: p.name, query: `${p.name}=%00` })),
      ];
      for (const c of cases) {
        const target = c.query ? `${url}?${c.query}` : url;
        // Routes without a rule in callerFor: the first account the guard lets through.
        const callers = atStep[path] ? [atStep[path]] : [callerFor(path), ...Object.values(clients)];
        let res = await callers[0]!.request(method as 'GET', target, c.body as never, {
          'idempotency-key': randomUUID(),
          ...keyFor(path),
        });
        for (const caller of callers.slice(1)) {
          if (res.status !== 403 || (res.body as { error?: { code?: string } }).error?.code !== 'FORBIDDEN') break;
          res = await caller.request(method as 'GET', target, c.body as never, { 'idempotency-key': randomUUID() });
        }
        sent += 1;
        const message = (res.body as { error?: { message?: string } }).error?.message ?? '';
        if (res.status < 400 || res.status >= 500 || !message.includes(c.field.split('.')[0]!))
          failures.push(`${method} ${path} ${c.where}.${c.field} → ${res.status} ${message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length);
  }, 420_000);

  it('answers malformed JSON, a wrong content type and an oversized body with 4xx', async () => {
    const officer = await t.as('a.officer');
    const cases: [string | Buffer, Record<string, string>, number][] = [
      ['{"unitId": ', { 'content-type': 'application/json' }, 400],
      ['unitId=1', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
      [Buffer.alloc(2 * 1024 * 1024, 'a'), { 'content-type': 'application/json' }, 413],
    ];
    for (const [body, headers, status] of cases) {
      const res = await officer.request('POST', '/api/v1/households', body, headers);
      expect(res.status).toBe(status);
      expect((res.body as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
    }
  });

  it('names the field in the caller’s language', async () => {
    const res = await clients.officer!.post('/api/v1/households', {
      unitId: t.fx.units.gridA1,
      address: 'a\u0000b',
      doorplateCode: 'OK-1',
    });
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toContain('address');
    expect((res.body as { error: { message: string } }).error.message).toContain('空字符');
  });

  it('guards every non-public route: anonymous callers get 401', async () => {
    const open = ['/api/v1/meta', '/api/v1/auth/login', '/api/v1/auth/volunteer/code', '/api/v1/auth/volunteer/login'];
    for (const { method, path } of routes) {
      if (path.startsWith('/api/v1/public') || open.includes(path)) continue;
      const res = await t
        .anonymous()
        .request(
          method as 'GET',
          fill(path, '00000000-0000-0000-0000-000000000000'),
          method === 'GET' ? undefined : {},
        );
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});
