/**
 * The edges of the HTTP surface a probe walks first: an oversized body, an
 * unknown API path, and the live stream opened from another site.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/harness.js';

let t: TestApp;
let base: string;
const web = fs.mkdtempSync(path.join(os.tmpdir(), 'jm-web-'));

beforeAll(async () => {
  // A built web app is present, as in production: its catch-all route must not swallow unknown API paths.
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>警民</title>');
  t = await buildTestApp({ JINGMIN_WEB_DIST: web });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(web, { recursive: true, force: true });
});

const TOO_BIG = 2 * 1024 * 1024;
/** Big enough that the client is still sending when the server has answered. */
const FAR_TOO_BIG = 32 * 1024 * 1024;

/**
 * Sends the whole body, as curl or a form post does, and reports what the client went through: a
 * server that stops reading and closes makes the kernel reset the connection under the writer.
 */
function postWholeBody(url: string, body: Buffer, chunked: boolean) {
  return new Promise<{ status?: number; body: string; error?: string }>((resolve) => {
    const out: { status?: number; body: string; error?: string } = { body: '' };
    const req = http.request(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': body.length }) },
    });
    let ended = false;
    let finished = false;
    const done = () => ended && finished && resolve(out);
    req.on('error', (err) => {
      out.error = err.message;
      resolve(out);
    });
    req.on('finish', () => {
      finished = true;
      done();
    });
    req.on('response', (res) => {
      out.status = res.statusCode;
      res.on('data', (c) => {
        out.body += c;
      });
      res.on('end', () => {
        ended = true;
        done();
      });
    });
    for (let sent = 0; sent < body.length; sent += 64 * 1024) req.write(body.subarray(sent, sent + 64 * 1024));
    req.end();
  });
}

describe('a body over the limit', () => {
  const url = () => `${base}/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}/matters`;

  it('answers 413 with the error shape through inject', async () => {
    const res = await t
      .anonymous({ locale: 'en' })
      .post(url().replace(base, ''), Buffer.alloc(TOO_BIG, 'a'), { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large (limit 1024 KiB)' },
    });
  });

  it('answers 413 on a real connection instead of resetting it, with or without a length', async () => {
    for (const chunked of [false, true]) {
      const res = await postWholeBody(url(), Buffer.alloc(FAR_TOO_BIG, 'a'), chunked);
      expect(res.error, `chunked=${chunked}`).toBeUndefined();
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toEqual({
        error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大（上限 1024 KiB）' },
      });
    }
    const res = await fetch(url(), {
      method: 'POST',
      body: Buffer.alloc(TOO_BIG, 'a'),
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});

describe('an unknown API path', () => {
  it('is a 404 with the error shape for anyone, never a demand to sign in', async () => {
    const anonymous = t.anonymous();
    for (const url of ['/api/v1/public/nothing', '/api/v1/nope', '/api/nope', '/api/v1/matters/x/y/z']) {
      for (const method of ['GET', 'POST', 'DELETE'] as const) {
        const res = await anonymous.request(method, url, method === 'POST' ? {} : undefined);
        expect(res.status, `${method} ${url}`).toBe(404);
        expect(res.body, `${method} ${url}`).toEqual({ error: { code: 'NOT_FOUND', message: '未找到该接口' } });
      }
    }
    expect((await t.anonymous({ locale: 'en' }).get('/api/v1/nope')).body).toEqual({
      error: { code: 'NOT_FOUND', message: 'API not found' },
    });
    // Pages of the web app are still served.
    expect((await anonymous.get('/desk/inbox')).status).toBe(200);
  });
});

describe('the staff live stream', () => {
  it('refuses a page of another site, and streams to our own', async () => {
    const desk = await t.as('a.duty');
    const cookie = Object.entries(desk.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const foreign = await fetch(`${base}/api/v1/events`, { headers: { cookie, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: { code: 'CSRF', message: '请求来源校验失败，请刷新页面后重试' } });

    const controller = new AbortController();
    const own = await fetch(`${base}/api/v1/events`, { headers: { cookie, origin: base }, signal: controller.signal });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toContain('text/event-stream');
    const first = await own.body!.getReader().read();
    expect(new TextDecoder().decode(first.value)).toContain('retry:');
    controller.abort();
  });
});
