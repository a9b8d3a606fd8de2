/** What the rooms tests share: a room made through the API, a verified phone, a member joined, a post sent. */
import { randomUUID } from 'node:crypto';
import type { RoomPostView, RoomView } from '@jingmin/shared';
import { expect } from 'vitest';
import type { Client, TestApp } from '../../test/harness.js';

export async function makeRoom(t: TestApp, chief: Client, over: Record<string, unknown> = {}): Promise<RoomView> {
  const res = await chief.post(`/api/v1/stations/${t.fx.units.stationA}/rooms`, {
    name: `平安A村${randomUUID().slice(0, 6)}`,
    kind: 'area',
    unitId: t.fx.units.villageA,
    about: '一警一群',
    ownerId: t.fx.staffIds['a.officer'],
    cohostIds: [t.fx.staffIds['a.aux']],
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as RoomView;
}

/** Proves a phone by one-time code as a resident does; answers the device's phone token. */
export async function verifiedPhone(t: TestApp, phone: string) {
  const resident = t.anonymous();
  expect((await resident.post('/api/v1/public/phone/codes', { phone })).status).toBe(200);
  const res = await resident.post('/api/v1/public/phone/verify', { phone, code: t.sms.lastCode(phone) });
  expect(res.status).toBe(200);
  return (res.body as { phoneToken: string }).phoneToken;
}

let phones = 0;
/** A fresh verified phone each call (13800000001, …). */
export const newPhone = (t: TestApp) => verifiedPhone(t, `1380000${String(++phones).padStart(4, '0')}`);

export function joinRoom(t: TestApp, roomId: string, phoneToken: string, nickname: string, via?: object) {
  return t
    .anonymous()
    .post(
      `/api/v1/public/rooms/${roomId}/join`,
      { nickname, ...(via ?? { doorplateToken: t.fx.doorplateTokens.a[0] }) },
      { 'x-phone-token': phoneToken },
    );
}

/** Joins as a new member; answers its phone token and member id. */
export async function member(t: TestApp, roomId: string, nickname: string) {
  const phoneToken = await newPhone(t);
  const res = await joinRoom(t, roomId, phoneToken, nickname);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { phoneToken, memberId: (res.body as { memberId: string }).memberId };
}

export function memberPost(t: TestApp, roomId: string, phoneToken: string, body: object, key = randomUUID()) {
  return t
    .anonymous()
    .post(`/api/v1/public/rooms/${roomId}/posts`, body, { 'x-phone-token': phoneToken, 'idempotency-key': key });
}

export function staffPost(client: Client, roomId: string, body: object, key = randomUUID()) {
  return client.post(`/api/v1/rooms/${roomId}/posts`, body, { 'idempotency-key': key });
}

export const postOf = (res: { body: unknown }) => res.body as RoomPostView;
export const codeOf = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;
