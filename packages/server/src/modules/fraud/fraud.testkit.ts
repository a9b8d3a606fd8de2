/** What the anti-fraud tests share: an upstream made through the API, the upstream's calls, an instruction, alerts. */
import { randomUUID } from 'node:crypto';
import type { FraudInstructionView, UpstreamInstructionAnswer, UpstreamSecrets } from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { expect } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { fraudInstructions } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import type { Client, TestApp } from '../../test/harness.js';

export const UPSTREAM_IP = '10.20.30.40';
export const silentCtx = (t: TestApp) => systemCtx(t.deps, pino({ level: 'silent' }));

export async function makeUpstream(t: TestApp, as: Client, over: Record<string, unknown> = {}) {
  const res = await as.post('/api/v1/fraud/upstreams', {
    name: '县反诈中心预警平台',
    unitId: t.fx.units.bureau,
    allowedIps: ['10.20.30.0/24', '2001:db8::/32'],
    feedback: 'pull',
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as UpstreamSecrets;
}

let serial = 0;
/** An instruction as the upstream posts it, for the fixture's household A-1 (grid A1, a.officer's beat). */
export function instruction(over: Record<string, unknown> = {}) {
  serial++;
  return {
    externalId: `FZZX-2026-${String(serial).padStart(5, '0')}-${randomUUID().slice(0, 4)}`,
    issuedAt: '2026-11-23T01:58:00.000Z',
    name: '王秀兰',
    phone: '13912345678',
    address: 'A村1组1号',
    doorplateCode: 'A-1',
    fraudType: 'rebate',
    level: 'high',
    detail: '疑似正在向刷单平台转账，涉案账户 6222****1234，已转 2 笔。',
    ...over,
  };
}

export async function upstreamPost(t: TestApp, key: string, body: unknown, ip = UPSTREAM_IP) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/upstream/fraud/instructions',
    payload: body as object,
    remoteAddress: ip,
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: res.statusCode, body: res.json() as UpstreamInstructionAnswer & { error?: { code: string } } };
}

export async function upstreamPull(t: TestApp, key: string, query = '', ip = UPSTREAM_IP) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/upstream/fraud/feedback${query}`,
    remoteAddress: ip,
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: res.statusCode, body: res.json() };
}

export async function received(t: TestApp, key: string, over: Record<string, unknown> = {}) {
  const res = await upstreamPost(t, key, instruction(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export const viewOf = (res: { body: unknown }) => res.body as FraudInstructionView;
export const codeOf = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;

export async function rowOf(t: TestApp, id: string) {
  const [row] = await t.deps.database.db.select().from(fraudInstructions).where(eq(fraudInstructions.id, id));
  if (!row) throw new Error(`no instruction ${id}`);
  return row;
}

/** The staff alerts queued for an instruction, as (username-free) staff id and reason. */
export async function alertsOf(t: TestApp, instructionId: string) {
  await t.app.sealer.flush();
  return rowsOf<{ staff_id: string; reason: string; channel: string }>(
    await t.deps.database.db.execute(sql`
      SELECT d.staff_id, d.reason::text AS reason, d.channel::text AS channel
        FROM notify_deliveries d JOIN outbox o ON o.seq = d.event_seq
       WHERE o.payload->>'instructionId' = ${instructionId}
       ORDER BY d.id`),
  );
}

export function verifyBody(version: number, over: Record<string, unknown> = {}) {
  return {
    version,
    method: 'phone',
    contactedAt: '2026-11-23T02:05:00.000Z',
    outcome: 'dissuaded',
    amountPrevented: 5000,
    followUps: ['app_installed'],
    note: '电话联系本人，已停止转账，安装国家反诈中心APP。',
    ...over,
  };
}
