/**
 * Probing sign-in: an unknown username, a wrong password and a locked account
 * read alike, and one address cannot keep guessing across usernames.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { ADDRESS_FAILURE_LIMIT } from './login.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A sign-in from `address`, as a browser on that network would send it. */
async function signIn(address: string, username: string, password: string, locale = 'zh-CN') {
  const options: InjectOptions = {
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: address,
    headers: { 'accept-language': locale },
    payload: { username, password },
  };
  return t.app.inject(options);
}

/** What a caller can see of an answer; the request id and date differ by nature. */
const seen = (res: Awaited<ReturnType<typeof signIn>>) => ({
  status: res.statusCode,
  body: res.body,
  type: res.headers['content-type'],
  cache: res.headers['cache-control'],
  cookie: res.headers['set-cookie'],
});

describe('sign-in tells nobody which usernames exist', () => {
  it('answers an unknown username and a locked real account byte for byte alike', async () => {
    const address = '198.51.100.10';
    for (let i = 0; i < 5; i++) await signIn(address, 'a.mediator', 'wrong-password');
    const locked = await signIn(address, 'a.mediator', t.fx.password);
    const wrong = await signIn(address, 'a.officer', 'wrong-password');
    const unknown = await signIn(address, 'nobody.here', 'wrong-password');
    expect(seen(locked)).toEqual(seen(unknown));
    expect(seen(wrong)).toEqual(seen(unknown));
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
    const en = await signIn(address, 'a.mediator', t.fx.password, 'en');
    expect(en.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' } });
  });
});

describe('sign-in failures are limited per address', () => {
  it('throttles an address after its failures, whatever usernames it tries, and lets others in', async () => {
    const address = '203.0.113.7';
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT.maxFailures; i++) {
      const username = ['a.duty', 'nobody.here', `guess.${i}`][i % 3]!;
      expect((await signIn(address, username, 'wrong-password')).statusCode).toBe(401);
    }
    // Even the right password, for an account never tried, waits out the window.
    const throttled = await signIn(address, 'a.liaison', t.fx.password);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();
    expect(throttled.json()).toMatchObject({ error: { code: 'SIGN_IN_THROTTLED' } });
    expect(throttled.json().error.message).toContain('登录失败次数过多');
    const en = await signIn(address, 'a.liaison', t.fx.password, 'en');
    expect(en.json().error.message).toContain('Too many failed sign-ins');
    // Another address is not held up.
    expect((await signIn('203.0.113.8', 'a.liaison', t.fx.password)).statusCode).toBe(200);
    t.clock.advance(ADDRESS_FAILURE_LIMIT.windowSeconds * 1000);
    expect((await signIn(address, 'a.liaison', t.fx.password)).statusCode).toBe(200);
  });
});
