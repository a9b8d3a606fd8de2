import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the app surface', () => {
  it('publishes its OpenAPI document and browsable docs without a session', async () => {
    const doc = await t.anonymous().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys((doc.body as { paths: object }).paths)).toContain('/api/v1/auth/login');
    expect((await t.anonymous().get('/api/docs')).status).toBe(200);
  });

  it('tells a load balancer the process is up and the database migrated', async () => {
    expect((await t.anonymous().get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await t.anonymous().get('/readyz')).body).toMatchObject({ status: 'ready' });
  });

  it('sends security headers and no-store on API answers, errors included', async () => {
    for (const url of ['/api/v1/meta', '/api/v1/does-not-exist', '/api/v1/units/roots']) {
      const res = await t.anonymous().get(url);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers an unknown API route with the one error shape', async () => {
    const res = await t.anonymous().get('/api/v1/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('shows a doorplate to anyone with its token, and nothing for a wrong one', async () => {
    const ok = await t.anonymous().get(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ address: 'A村1组1号', station: { name: 'A派出所' }, grid: 'A村第1网格' });
    const wrong = await t.anonymous().get('/api/v1/public/doorplates/AAAAAAAAAAAAAAAAAAAAAA');
    const malformed = await t.anonymous().get('/api/v1/public/doorplates/../../etc');
    expect(wrong.status).toBe(404);
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
  });
});
