import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, totpCode } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, locale?: string) =>
  t.anonymous({ locale }).post('/api/v1/auth/login', { username, password });

describe('sign-in', () => {
  it('refuses a wrong password with the same answer as an unknown user, and audits both', async () => {
    const wrong = await login('a.duty', 'not-the-password');
    const unknown = await login('nobody.here', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
    const auditor = await t.as('auditor');
    const trail = await auditor.get('/api/v1/audit?action=auth.login&result=failed');
    expect((trail.body as { total: number }).total).toBeGreaterThanOrEqual(2);
  });

  it('answers in English when the caller prefers it', async () => {
    const res = await login('a.duty', 'nope', 'en-US,en;q=0.9');
    expect(res.body).toMatchObject({ error: { message: 'Wrong username or password' } });
  });

  it('locks an account after 5 failures for 15 minutes without saying so, then lets it in', async () => {
    const refused = { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } };
    for (let i = 0; i < 5; i++) expect((await login('a.aux', 'wrong-password')).body).toEqual(refused);
    // Locked: even the right password gets the answer a wrong one gets.
    const locked = await login('a.aux', t.fx.password);
    expect([locked.status, locked.body]).toEqual([401, refused]);
    t.clock.advance(14 * 60_000);
    expect((await login('a.aux', t.fx.password)).status).toBe(401);
    t.clock.advance(61_000);
    expect((await login('a.aux', t.fx.password)).status).toBe(200);
    const auditor = await t.as('auditor');
    const locks = await auditor.get('/api/v1/audit?action=auth.lock');
    expect(
      (locks.body as { items: { targetId: string }[] }).items.some((e) => e.targetId === t.fx.staffIds['a.aux']),
    ).toBe(true);
    // The trail keeps the real reason the caller never saw.
    const denied = (await auditor.get('/api/v1/audit?action=auth.login&result=denied')).body as {
      items: { targetId: string; details: { reason: string } }[];
    };
    expect(denied.items.find((e) => e.targetId === t.fx.staffIds['a.aux'])?.details.reason).toBe('locked');
  });

  it('rotates the session at sign-in: a cookie from before never becomes a signed-in one', async () => {
    const a = await t.as('a.duty');
    const b = await t.as('a.duty');
    expect(Object.values(a.cookies)[0]).not.toEqual(Object.values(b.cookies)[0]);
  });
});

describe('second factor (TOTP)', () => {
  it('gives an administrator no working session until the code is entered, and refuses a replayed code', async () => {
    const client = t.anonymous();
    const res = await client.post('/api/v1/auth/login', { username: 'secadmin', password: t.fx.password });
    expect(res.body).toMatchObject({ stage: 'totp', capabilities: [] });
    expect((await client.get('/api/v1/policies/security')).status).toBe(403);
    t.clock.advance(30_000);
    const code = await totpCode(t, 'secadmin');
    expect((await client.post('/api/v1/auth/totp', { code: code === '000000' ? '111111' : '000000' })).status).toBe(
      401,
    );
    const ok = await client.post('/api/v1/auth/totp', { code });
    expect(ok.body).toMatchObject({ stage: 'full' });
    expect((await client.get('/api/v1/policies/security')).status).toBe(200);
    // The same code in a new sign-in is a replay.
    const again = t.anonymous();
    await again.post('/api/v1/auth/login', { username: 'secadmin', password: t.fx.password });
    expect((await again.post('/api/v1/auth/totp', { code })).status).toBe(401);
  });

  it('makes a chief without a second factor enrol one, with a QR code, before anything else', async () => {
    const sys = await t.as('sysadmin');
    const created = await sys.post('/api/v1/staff', {
      username: 'a.chief2',
      displayName: '新所长',
      scopeUnitId: t.fx.units.stationA,
    });
    expect(created.status).toBe(200);
    const { initialPassword, staff } = created.body as { initialPassword: string; staff: { id: string } };
    const sec = await t.as('secadmin');
    expect((await sec.put(`/api/v1/staff/${staff.id}/roles`, { roles: ['station_chief'] })).status).toBe(200);

    const chief = t.anonymous();
    const first = await chief.post('/api/v1/auth/login', { username: 'a.chief2', password: initialPassword });
    expect(first.body).toMatchObject({ stage: 'totp_enrol' });
    const enrol = await chief.post('/api/v1/auth/totp/enrolment/start');
    const { secret, uri, qrSvg } = enrol.body as { secret: string; uri: string; qrSvg: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toContain('<svg');
    const code = await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
    const enrolled = await chief.post('/api/v1/auth/totp/enrolment', { code });
    // Initial password: the next step is choosing a new one.
    expect(enrolled.body).toMatchObject({ stage: 'password_change' });
    expect((await chief.get('/api/v1/units/roots')).status).toBe(403);
    const weak = await chief.post('/api/v1/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'password123',
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ error: { code: 'PASSWORD_POLICY' } });
    const changed = await chief.post('/api/v1/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Liutang#Chief7',
    });
    expect(changed.body).toMatchObject({ stage: 'full' });
    expect((await chief.get('/api/v1/units/roots')).status).toBe(200);
  });
});

describe('password policy', () => {
  const cases: [string, string][] = [
    ['Short1!', '长度不足 10 位'],
    ['alllowercaseletters', '至少 3 类'],
    ['a.officer#Pass2026', '不能包含用户名'],
    ['Password123!', '常见弱密码'],
  ];
  it.each(cases)('refuses %s with a reason the user can act on', async (newPassword, reason) => {
    const officer = await t.as('a.officer');
    const res = await officer.post('/api/v1/auth/password', { currentPassword: t.fx.password, newPassword });
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toContain(reason);
  });

  it('accepts a long passphrase and refuses reusing the previous password', async () => {
    const officer = await t.as('a.mediator');
    const phrase = '調解 is patient work, 2026 and beyond — 慢慢来';
    expect(
      (await officer.post('/api/v1/auth/password', { currentPassword: t.fx.password, newPassword: phrase })).status,
    ).toBe(200);
    const back = await officer.post('/api/v1/auth/password', { currentPassword: phrase, newPassword: t.fx.password });
    expect(back.status).toBe(400);
    expect((back.body as { error: { message: string } }).error.message).toContain('最近使用过');
  });

  it('sends an administrator whose password is older than 90 days to change it', async () => {
    t.clock.advance(91 * 86_400_000);
    const client = t.anonymous();
    await client.signIn(t, 'sysadmin').catch(() => undefined);
    const session = await client.get('/api/v1/auth/session');
    expect(session.body).toMatchObject({ stage: 'password_change' });
    // A community officer has no rotation rule.
    const officer = await t.as('a.duty');
    expect((await officer.get('/api/v1/auth/session')).body).toMatchObject({ stage: 'full' });
  });
});

describe('sessions', () => {
  it('ends a session after 30 idle minutes', async () => {
    const duty = await t.as('a.duty');
    t.clock.advance(29 * 60_000);
    expect((await duty.get('/api/v1/units/roots')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await duty.get('/api/v1/units/roots');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const duty = await t.as('a.duty');
    const step = 25 * 60_000;
    let elapsed = 0;
    while (elapsed + step < 12 * 3_600_000) {
      t.clock.advance(step);
      elapsed += step;
      expect((await duty.get('/api/v1/units/roots')).status).toBe(200);
    }
    t.clock.advance(step);
    expect((await duty.get('/api/v1/units/roots')).status).toBe(401);
  });

  it('signs out one session, or all of them', async () => {
    const one = await t.as('a.duty');
    const two = await t.as('a.duty');
    expect((await one.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await one.get('/api/v1/units/roots')).status).toBe(401);
    expect((await two.get('/api/v1/units/roots')).status).toBe(200);
    const three = await t.as('a.duty');
    expect((await three.post('/api/v1/auth/logout-all')).status).toBe(200);
    expect((await two.get('/api/v1/units/roots')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state change without the session token, or from another origin', async () => {
    const chief = await t.as('a.officer');
    const body = { unitId: t.fx.units.gridA1, address: 'A村1组99号', doorplateCode: 'A-99' };
    const token = chief.csrf;
    chief.csrf = '';
    const missing = await chief.post('/api/v1/households', body);
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ error: { code: 'CSRF' } });
    chief.csrf = token;
    const foreign = await chief.post('/api/v1/households', body, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const ok = await chief.post('/api/v1/households', body);
    expect(ok.status).toBe(200);
  });

  it('refuses a cross-origin sign-in attempt', async () => {
    const res = await t
      .anonymous()
      .post('/api/v1/auth/login', { username: 'a.duty', password: t.fx.password }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});
