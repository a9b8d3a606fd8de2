/**
 * What tests of 宣传与预警 share: a notice composed through the API, a step taken, and a notice sent to given
 * units in one call (a non-urgent one needs no review) — for the residents' pages, receipts and reach tests.
 */
import type { WarningView } from '@jingmin/shared';
import { expect } from 'vitest';
import type { Client, TestApp } from '../../test/harness.js';

/** A draft's content for station A: an advisory anti-fraud notice to village A, overridable field by field. */
export function noticeInput(t: TestApp, over: Record<string, unknown> = {}) {
  return {
    stationId: t.fx.units.stationA,
    category: 'antifraud',
    priority: 'advisory',
    title: '警惕冒充客服退款诈骗',
    body: '近期有骗子冒充电商客服，以“商品质量问题退款”为由诱导转账。凡是要求您下载会议软件、共享屏幕或转账的，都是诈骗。',
    target: { unitIds: [t.fx.units.villageA] },
    ...over,
  };
}

export async function composeWarning(t: TestApp, author: Client, over: Record<string, unknown> = {}) {
  const res = await author.post('/api/v1/warnings', noticeInput(t, over));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as WarningView;
}

/** POST /warnings/:id/:action at the notice's version. */
export function step(
  client: Client,
  w: Pick<WarningView, 'id' | 'version'>,
  action: string,
  body: Record<string, unknown> = {},
) {
  return client.post(`/api/v1/warnings/${w.id}/${action}`, { version: w.version, ...body });
}

export async function stepOk(
  client: Client,
  w: Pick<WarningView, 'id' | 'version'>,
  action: string,
  body: Record<string, unknown> = {},
) {
  const res = await step(client, w, action, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as WarningView;
}

/**
 * A notice of station A sent now to `unitIds` (non-urgent: no review), by `author` (default: a.officer signed in
 * here). `over` changes any field of the draft (category, ackRequired, expiresAt, target.roomIds …).
 */
export async function sendNotice(
  t: TestApp,
  unitIds: string[],
  over: Record<string, unknown> = {},
  author?: Client,
): Promise<WarningView> {
  const client = author ?? (await t.as('a.officer'));
  const draft = await composeWarning(t, client, { target: { unitIds }, ...over });
  return stepOk(client, draft, 'send');
}
