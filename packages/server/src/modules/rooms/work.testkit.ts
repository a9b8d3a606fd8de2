/** What the hosts' work tests share: rooms made by the chief, residents who verify a phone, join and post. */
import { randomUUID } from 'node:crypto';
import type { RoomPostView, RoomView } from '@jingmin/shared';
import { and, asc, eq, gte } from 'drizzle-orm';
import { pino } from 'pino';
import { expect } from 'vitest';
import { auditLog, outbox } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import type { Client, TestApp } from '../../test/harness.js';

export const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

export async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

export const quietCtx = (t: TestApp) => systemCtx(t.deps, pino({ level: 'silent' }));

export const staffId = (t: TestApp, username: string) => {
  const id = t.fx.staffIds[username];
  if (!id) throw new Error(`test: no ${username} in the fixture`);
  return id;
};

/** A room of station A made by its chief: `unit` is covered, `owner` hosts it. */
export async function roomOf(t: TestApp, chief: Client, name: string, unit: string, owner: string) {
  return ok<RoomView>(
    chief.post(`/api/v1/stations/${t.fx.units.stationA}/rooms`, {
      name,
      kind: 'area',
      unitId: unit,
      ownerId: staffId(t, owner),
    }),
  );
}

/** A resident with a verified phone, joined to `roomId` from the first doorplate of station A. */
export class Resident {
  memberId = '';
  constructor(
    private t: TestApp,
    readonly phoneToken: string,
  ) {}

  static async verify(t: TestApp, phone: string) {
    const c = t.anonymous();
    expect((await c.post('/api/v1/public/phone/codes', { phone })).status).toBe(200);
    const verified = await c.post('/api/v1/public/phone/verify', { phone, code: t.sms.lastCode(phone) });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    return new Resident(t, (verified.body as { phoneToken: string }).phoneToken);
  }

  request(method: 'GET' | 'POST' | 'DELETE', url: string, body?: object, key?: string) {
    const headers: Record<string, string> = { 'x-phone-token': this.phoneToken };
    if (key) headers['idempotency-key'] = key;
    return this.t.anonymous().request(method, `/api/v1${url}`, body, headers);
  }

  async join(roomId: string, nickname: string) {
    const plate = this.t.fx.doorplateTokens.a[0] ?? '';
    const res = await ok<{ memberId: string }>(
      this.request('POST', `/public/rooms/${roomId}/join`, { nickname, doorplateToken: plate }),
    );
    this.memberId = res.memberId;
    return this;
  }

  say(roomId: string, body: string, mentions: string[] = []) {
    return this.request('POST', `/public/rooms/${roomId}/posts`, { body, mentions }, randomUUID());
  }

  async posts(roomId: string) {
    return (await ok<{ items: RoomPostView[] }>(this.request('GET', `/public/rooms/${roomId}/posts`))).items;
  }
}

/** Audit entries of `action` on `targetId`, oldest first. */
export function auditOf(t: TestApp, action: string, targetId: string) {
  return t.deps.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
    .orderBy(asc(auditLog.id));
}

/** Outbox rows of `type` written at or after `since`. */
export function outboxOf(t: TestApp, type: string, since: Date) {
  return t.deps.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.type, type), gte(outbox.createdAt, since)))
    .orderBy(asc(outbox.id));
}
