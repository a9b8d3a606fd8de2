/**
 * 接待来访必评 through the API: the chief prints a window QR; every scan opens
 * a fresh single-use evaluation that asks first which service, and rates the
 * window and the staff on duty. Scans are limited per address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let chief: Client;
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
}, 60_000);
afterAll(() => t.close());

const error = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;
const servicesUrl = (station = t.fx.units.stationA) => `/api/v1/stations/${station}/window-services`;
const qrUrl = (station = t.fx.units.stationA) => `/api/v1/stations/${station}/window-qr`;

/** Scans the printed QR as a resident's phone would: the address it is sent to, and the evaluation's API path. */
async function scan(printed: string, resident = t.anonymous()) {
  const res = await resident.get(printed.slice(printed.indexOf('/api/v1/')));
  expect(res.status, JSON.stringify(res.body)).toBe(303);
  const location = String(res.headers.location);
  expect(location).toMatch(/^\/e\/[A-Za-z0-9_-]{20,}$/);
  return `/api/v1/public/evaluations/${location.slice(3)}`;
}

describe('the window QR of a station', () => {
  let printed: string;
  it('is made by the chief as an SVG and starts from the realistic list of window services', async () => {
    const services = await chief.get(servicesUrl());
    expect(services.body).toMatchObject({ services: ['户籍办理', '居住证', '身份证', '出入境咨询', '开具证明'] });
    const made = await chief.post(qrUrl());
    expect(made.status).toBe(200);
    const body = made.body as { url: string; svg: string };
    expect(body.svg).toContain('<svg');
    expect(body.url).toMatch(/\/api\/v1\/public\/stations\/[0-9a-f-]+\/window-qr\?code=[A-Za-z0-9_-]{20,}$/);
    printed = body.url;
  });

  it('opens a fresh evaluation at each scan, each answered once, asking first which service', async () => {
    const first = await scan(printed);
    const second = await scan(printed);
    expect(first).not.toBe(second);
    const resident = t.anonymous();
    const opened = await resident.get(first);
    expect(opened.status).toBe(200);
    const view = opened.body as {
      type: string;
      stationName: string;
      template: { version: number; questions: { id: string; options?: { value: string; label: { zh: string } }[] }[] };
    };
    expect(view).toMatchObject({ type: 'reception', stationName: 'A派出所' });
    expect(view.template.questions.map((q) => q.id)).toEqual(['service', 'overall', 'staff', 'wrong', 'remark']);
    expect(view.template.questions[0]!.options!.map((o) => o.label.zh)).toEqual([
      '户籍办理',
      '居住证',
      '身份证',
      '出入境咨询',
      '开具证明',
      '其他',
    ]);
    const version = view.template.version;
    const answer = { version, answers: { service: 's2', overall: 'satisfied', staff: 5 } };
    expect((await resident.post(first, answer)).status).toBe(200);
    const again = await resident.post(first, answer);
    expect(again.status).toBe(409);
    expect(error(again).code).toBe('EVALUATION_ANSWERED');
    // The other scan is its own evaluation, still open.
    expect(
      (
        await t
          .anonymous()
          .post(second, { version, answers: { service: 'other', overall: 'fairly_satisfied', staff: 4 } })
      ).status,
    ).toBe(200);
  });

  it('refuses an answer without the service or with a service not in the list, naming the question', async () => {
    const url = await scan(printed);
    const resident = t.anonymous();
    const v = ((await resident.get(url)).body as { template: { version: number } }).template.version;
    const missing = await resident.post(url, { version: v, answers: { overall: 'satisfied', staff: 5 } });
    expect(missing.status).toBe(400);
    expect(error(missing).message).toContain('第 1 题“您这次办理的是什么业务？”必须回答');
    const stranger = await resident.post(url, {
      version: v,
      answers: { service: 's99', overall: 'satisfied', staff: 5 },
    });
    expect(stranger.status).toBe(400);
    expect(error(stranger).message).toContain('不在选项之内');
  });

  it('takes the station’s own list into a new template version; the old printed code stops when a new one is made', async () => {
    const saved = await chief.put(servicesUrl(), { services: ['户籍办理', '车辆登记'] });
    expect(saved.status).toBe(200);
    const url = await scan(printed);
    const view = (await t.anonymous().get(url)).body as {
      template: { questions: { options?: { label: { zh: string } }[] }[] };
    };
    expect(view.template.questions[0]!.options!.map((o) => o.label.zh)).toEqual(['户籍办理', '车辆登记', '其他']);
    const remade = (await chief.post(qrUrl())).body as { url: string };
    const old = await t.anonymous().get(printed.slice(printed.indexOf('/api/v1/')));
    expect(old.status).toBe(404);
    await scan(remade.url);
  });

  it('lets neither another station nor a desk officer change the window, nor a staff session answer', async () => {
    const other = await t.as('b.chief');
    expect((await other.post(qrUrl())).status).toBe(403);
    expect((await other.put(servicesUrl(), { services: ['户籍办理'] })).status).toBe(403);
    const duty = await t.as('a.duty');
    expect((await duty.post(qrUrl())).status).toBe(403);
    const { url } = (await chief.post(qrUrl())).body as { url: string };
    const evaluation = await scan(url);
    const refused = await duty.post(evaluation, { version: 1, answers: {} });
    expect(refused.status).toBe(403);
    expect(error(refused).code).toBe('EVALUATION_BY_STAFF');
  });

  it('stops a flood of scans from one address', async () => {
    const { url } = (await chief.post(qrUrl())).body as { url: string };
    const path = url.slice(url.indexOf('/api/v1/'));
    const resident = t.anonymous();
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) codes.push((await resident.get(path)).status);
    expect(codes.filter((c) => c === 303).length).toBeLessThanOrEqual(30);
    expect(codes.at(-1)).toBe(429);
  });

  it('says a wrong code is not found once the address may scan again', async () => {
    t.clock.advance(600_000);
    const res = await t
      .anonymous()
      .get(`/api/v1/public/stations/${t.fx.units.stationA}/window-qr?code=${'x'.repeat(32)}`);
    expect(res.status).toBe(404);
  });

  it('sends a phone that scans a replaced code to a page that says so, not to a JSON error', async () => {
    const res = await t
      .anonymous()
      .request('GET', `/api/v1/public/stations/${t.fx.units.stationA}/window-qr?code=${'y'.repeat(32)}`, undefined, {
        accept: 'text/html,application/xhtml+xml',
      });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/e/-?problem=NOT_FOUND');
  });
});

describe('the window QR in force, shown again to print', () => {
  const current = (res: { body: unknown }) =>
    res.body as { stationName: string; qr: { url: string; svg: string } | null; madeAt: string | null };

  it('is empty until the station makes one', async () => {
    const res = await (await t.as('b.chief')).get(qrUrl(t.fx.units.stationB));
    expect(res.status).toBe(200);
    expect(current(res)).toMatchObject({ stationName: 'B派出所', qr: null, madeAt: null });
  });

  it('shows the desk the same code the chief made, which scans; a new one replaces it', async () => {
    t.clock.advance(600_000);
    const made = (await chief.post(qrUrl())).body as { url: string; svg: string };
    const duty = await t.as('a.duty');
    const shown = await duty.get(qrUrl());
    expect(shown.status).toBe(200);
    expect(current(shown)).toMatchObject({ stationName: 'A派出所', qr: made, madeAt: t.clock.now().toISOString() });
    expect(current(await chief.get(qrUrl())).qr).toEqual(made);
    await scan(made.url);

    const remade = (await chief.post(qrUrl())).body as { url: string };
    expect(current(await duty.get(qrUrl())).qr?.url).toBe(remade.url);
    const old = await t.anonymous().get(made.url.slice(made.url.indexOf('/api/v1/')));
    expect(old.status).toBe(404);
  });

  it('is not shown to another station, to an officer without the desk, nor without a session', async () => {
    expect((await (await t.as('b.chief')).get(qrUrl())).status).toBe(403);
    expect((await (await t.as('a.officer')).get(qrUrl())).status).toBe(403);
    expect((await t.anonymous().get(qrUrl())).status).toBe(401);
  });
});
