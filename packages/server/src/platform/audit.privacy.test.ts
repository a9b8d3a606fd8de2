/**
 * The audit trail can never be edited, so it must never hold what a resident
 * may ask to have deleted: it names ids, statuses and the fields that changed,
 * never an address, a phone number (or its mask), or anyone's words.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/rows.js';
import { buildTestApp, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const PERSONAL = ['幸福路88号', '13912345678', '139****5678', '邻居家的狗整夜叫', '已联系物业上门', '请再核实一次'];

describe('audit details', () => {
  it('hold no personal values through a household, a phone, a matter and its handling', async () => {
    const officer = await t.as('a.officer');
    const created = await officer.post('/api/v1/households', {
      unitId: t.fx.units.gridA1,
      address: '幸福路88号',
      doorplateCode: 'PRIV-88',
    });
    expect(created.status).toBe(200);
    const resident = t.anonymous();
    await resident.post('/api/v1/public/phone/codes', { phone: '13912345678' });
    const code = t.sms.lastCode('13912345678');
    const session = (await resident.post('/api/v1/public/phone/verify', { phone: '13912345678', code })).body as {
      phoneToken: string;
    };
    const receipt = await resident.post(
      `/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}/matters`,
      { kind: 'dispute', body: '邻居家的狗整夜叫', noticeVersion: '2026-11', phoneToken: session.phoneToken },
      { 'idempotency-key': randomUUID() },
    );
    expect(receipt.status).toBe(200);
    const desk = await t.as('a.duty');
    const found = await desk.get(`/api/v1/matters?q=${encodeURIComponent('邻居家的狗整夜叫')}`);
    const id = (found.body as { items: { id: string }[] }).items[0]?.id;
    await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
    await desk.post(`/api/v1/matters/${id}/reply`, { text: '已联系物业上门' });
    await desk.post(`/api/v1/matters/${id}/note`, { text: '请再核实一次' });
    await desk.get(`/api/v1/households?unitId=${t.fx.units.gridA1}&q=${encodeURIComponent('幸福路88号')}`);
    await t.app.sealer.flush();

    const rows = rowsOf<{ action: string; details: unknown }>(
      await t.deps.database.db.execute(sql`SELECT action, details FROM audit_log ORDER BY id`),
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['household.create', 'resident.phone_verify', 'matter.submitted', 'matter.reply']),
    );
    for (const row of rows) {
      const text = JSON.stringify(row.details);
      for (const value of PERSONAL) expect(text, `${row.action} carries “${value}”`).not.toContain(value);
    }
    const household = rows.find((r) => r.action === 'household.create');
    expect(household?.details).toMatchObject({ fields: ['address', 'doorplateCode', 'kind', 'unitId'] });
  });
});
