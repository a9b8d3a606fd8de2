/** A resident's submission and the desk's lookup by 回执号, as module tests need them again and again. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Client, TestApp } from './harness.js';

/** Submits from a doorplate as a resident would (its own Idempotency-Key); expects the receipt. */
export async function submitAt(t: TestApp, plate: string, kind = 'consult', body = '想问问办居住证要带什么') {
  const res = await t
    .anonymous()
    .post(
      `/api/v1/public/doorplates/${plate}/matters`,
      { kind, body, noticeVersion: '2026-11' },
      { 'idempotency-key': randomUUID() },
    );
  expect(res.status).toBe(200);
  return res.body as { number: string; trackingToken: string };
}

/** The id of the matter with this 回执号, as the desk finds it. */
export async function matterIdOf(desk: Client, number: string): Promise<string> {
  const items = ((await desk.get(`/api/v1/matters?q=${number}`)).body as { items: { id: string }[] }).items;
  expect(items).toHaveLength(1);
  return items[0]?.id ?? '';
}
