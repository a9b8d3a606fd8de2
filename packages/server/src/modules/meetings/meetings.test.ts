/**
 * 召开会议必评 through the API: the desk records a meeting; each scan of its
 * attendance QR counts one attendee (no names) and opens one evaluation; the
 * meeting shows how many came and how many answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let duty: Client;
beforeAll(async () => {
  t = await buildTestApp();
  duty = await t.as('a.duty');
}, 60_000);
afterAll(() => t.close());

const meetingsUrl = (station = t.fx.units.stationA) => `/api/v1/stations/${station}/meetings`;
const meetingInput = () => ({
  type: 'landlords',
  place: '东关村村委会二楼会议室',
  heldAt: '2026-11-20T14:30:00+08:00',
  hostStaffId: t.fx.staffIds['a.officer']!,
});
type Meeting = { id: string; attendance: number; answers: number; hostName: string; type: string };

/** A phone scanning the attendance QR: where it is sent, as the evaluation's API path. */
async function scan(url: string) {
  const res = await t.anonymous().get(url.slice(url.indexOf('/api/v1/')));
  expect(res.status, JSON.stringify(res.body)).toBe(303);
  const location = String(res.headers.location);
  expect(location).toMatch(/^\/e\/[A-Za-z0-9_-]{20,}$/);
  return `/api/v1/public/evaluations/${location.slice(3)}`;
}

describe('a meeting and its attendance QR', () => {
  it('is recorded by the desk; two scans count two attendees and open two evaluations; an attendee answers', async () => {
    const created = await duty.post(meetingsUrl(), meetingInput());
    expect(created.status).toBe(200);
    const meeting = created.body as Meeting;
    expect(meeting).toMatchObject({ type: 'landlords', attendance: 0, answers: 0 });
    const qr = await duty.get(`${meetingsUrl()}/${meeting.id}/qr`);
    expect(qr.status).toBe(200);
    const { url, svg } = qr.body as { url: string; svg: string };
    expect(svg).toContain('<svg');
    const first = await scan(url);
    const second = await scan(url);
    expect(first).not.toBe(second);
    const attendee = t.anonymous();
    const opened = await attendee.get(first);
    expect(opened.body).toMatchObject({ type: 'meeting', stationName: 'A派出所' });
    const answer = await attendee.post(first, { version: 0, answers: { overall: 'satisfied', remark: '讲得很清楚' } });
    expect(answer.status).toBe(200);
    expect((await attendee.post(first, { version: 0, answers: { overall: 'satisfied' } })).status).toBe(409);
    const shown = (await duty.get(`${meetingsUrl()}/${meeting.id}`)).body as Meeting;
    expect(shown).toMatchObject({ attendance: 2, answers: 1 });
    const list = (await duty.get(meetingsUrl())).body as { items: Meeting[] };
    expect(list.items.find((m) => m.id === meeting.id)).toMatchObject({ attendance: 2, answers: 1 });
  });

  it('does not let a staff session answer an attendee’s evaluation', async () => {
    const meeting = (await duty.post(meetingsUrl(), meetingInput())).body as Meeting;
    const { url } = (await duty.get(`${meetingsUrl()}/${meeting.id}/qr`)).body as { url: string };
    const evaluation = await scan(url);
    const refused = await duty.post(evaluation, { version: 0, answers: { overall: 'satisfied' } });
    expect(refused.status).toBe(403);
  });

  it('refuses another station, an officer without the desk, a host from elsewhere, and a wrong code', async () => {
    const other = await t.as('b.chief');
    expect(
      (await other.post(meetingsUrl(), { ...meetingInput(), hostStaffId: t.fx.staffIds['b.chief']! })).status,
    ).toBe(403);
    expect((await other.get(meetingsUrl())).status).toBe(403);
    const officer = await t.as('a.officer');
    expect((await officer.post(meetingsUrl(), meetingInput())).status).toBe(403);
    const stranger = await duty.post(meetingsUrl(), { ...meetingInput(), hostStaffId: t.fx.staffIds['b.chief']! });
    expect(stranger.status).toBe(400);
    const meeting = (await duty.post(meetingsUrl(), meetingInput())).body as Meeting;
    const wrong = await t.anonymous().get(`/api/v1/public/meetings/${meeting.id}/attend?code=${'x'.repeat(32)}`);
    expect(wrong.status).toBe(404);
    expect(((await duty.get(`${meetingsUrl()}/${meeting.id}`)).body as Meeting).attendance).toBe(0);
  });
});
