/**
 * A hazard's life through the API: the fix reported by whoever follows it, verified by someone else (the
 * owner and the one who reported the fix are refused), a rejected fix back to 整改中 with its note, the
 * chief voiding one; a stale version is a conflict. Overdue hazards are escalated once however often the
 * sweep runs (two at once included): the chiefs and the responsible person are told, naming kind and place.
 * The figures equal counts over the table.
 */
import type { HazardFigures, HazardPage, HazardView } from '@jingmin/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { auditLog, hazards, notifyDeliveries } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { deliver } from '../../test/notify.js';
import { alertText } from '../notify/channels.js';
import { errorOf, inspection, ok, record } from './hazards.testkit.js';
import { sweepOverdueHazards } from './jobs.js';

let t: TestApp;
let officer: Client;
let aux: Client;
let chief: Client;
let A: string;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
  aux = await t.as('a.aux');
  chief = await t.as('a.chief');
  A = t.fx.units.stationA;
}, 60_000);
afterAll(() => t.close());

const act = (client: Client, h: HazardView, what: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/hazards/${h.id}/${what}`, { version: h.version, ...body });

describe('fix and verification', () => {
  it('refuses the fix to anyone but its owner or the chief, and its verification to the owner and the fixer', async () => {
    const h = await ok(record(officer, A, inspection(t)));
    expect(errorOf(await act(aux, h, 'rectify', { note: '已更换' })).code).toBe('FORBIDDEN');
    const fixed = await ok(act(officer, h, 'rectify', { note: '已更换灭火器，补足消防沙' }));
    expect(fixed).toMatchObject({ status: 'rectified', rectified: { by: { id: t.fx.staffIds['a.officer'] } } });
    expect(fixed.allowedActions).toEqual([]);
    const own = await act(officer, fixed, 'verify', { accepted: true });
    expect(own.status).toBe(409);
    expect(JSON.stringify(own.body)).toContain('责任人和整改上报人以外');
    const seen = await ok(aux.get(`/api/v1/hazards/${h.id}`));
    expect(seen.allowedActions).toEqual(['verify']);
    const verified = await ok(act(aux, fixed, 'verify', { accepted: true, note: '现场复核，已整改到位' }));
    expect(verified).toMatchObject({ status: 'verified', verified: { by: { id: t.fx.staffIds['a.aux'] } } });
    expect(verified.timeline.map((s) => s.what)).toEqual(['found', 'rectified', 'verified']);
    expect(errorOf(await act(chief, verified, 'void', { reason: '重复' })).code).toBe('INVALID_TRANSITION');
    const actions = await t.deps.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, h.id));
    expect(actions.map((a) => a.action)).toEqual(['hazard.record', 'hazard.rectify', 'hazard.verify']);
  });

  it('refuses the chief’s own fix to the chief, and returns a rejected fix to 整改中 with its note', async () => {
    const h = await ok(record(officer, A, inspection(t, { responsibleId: t.fx.staffIds['a.aux'] })));
    const fixed = await ok(act(chief, h, 'rectify', { note: '所长现场督促，已整改' }));
    const own = await act(chief, fixed, 'verify', { accepted: true });
    expect(own.status).toBe(409);
    expect(errorOf(own).message).toBe('整改须由责任人和整改上报人以外的人复核');
    expect((await act(aux, fixed, 'verify', { accepted: true })).status).toBe(409);
    const noNote = await act(officer, fixed, 'verify', { accepted: false });
    expect(errorOf(noNote).message).toContain('note');
    const back = await ok(act(officer, fixed, 'verify', { accepted: false, note: '沙池仍未补足' }));
    expect(back).toMatchObject({ status: 'open', verified: null });
    expect(back.timeline.map((s) => s.what)).toEqual(['found', 'rectified', 'rejected']);
    expect(back.timeline.at(-1)?.note).toBe('沙池仍未补足');
    // The owner fixes it again; the officer who returned it verifies.
    const again = await ok(act(aux, back, 'rectify', { note: '已补足消防沙' }));
    expect(again.timeline.map((s) => s.what)).toEqual(['found', 'rejected', 'rectified']);
    expect((await ok(act(officer, again, 'verify', { accepted: true }))).status).toBe('verified');
  });

  it('answers a stale version with a conflict, and lets only the chief void', async () => {
    const h = await ok(record(officer, A, inspection(t)));
    await ok(act(officer, h, 'rectify', { note: '已整改' }));
    expect(errorOf(await act(aux, h, 'verify', { accepted: true })).code).toBe('CONFLICT');
    const now = await ok(officer.get(`/api/v1/hazards/${h.id}`));
    expect((await act(officer, now, 'void', { reason: '误登' })).status).toBe(403);
    const voided = await ok(act(chief, now, 'void', { reason: '与另一条重复登记' }));
    expect(voided).toMatchObject({ status: 'voided', voidedReason: '与另一条重复登记', allowedActions: [] });
  });
});

describe('overdue escalation', () => {
  it('tells the chiefs and the responsible person once, naming kind and place', async () => {
    const sweep = () => sweepOverdueHazards(systemCtx(t.deps, pino({ level: 'silent' })));
    await sweep();
    await deliver(t);
    const h = await ok(
      record(officer, A, inspection(t, { place: '村东烟花爆竹零售点', responsibleId: t.fx.staffIds['a.aux'] })),
    );
    expect(h.deadlineOn).toBe('2026-11-26');
    t.clock.advance(3 * 86_400_000); // 11-26 in Beijing: due today, not yet overdue
    expect(await sweep()).toEqual({ escalated: 0 });
    t.clock.advance(86_400_000);
    // Four days on, the sessions have expired: sign in again.
    officer = await t.as('a.officer');
    chief = await t.as('a.chief');
    aux = await t.as('a.aux');
    const list = await ok<HazardPage>(officer.get(`/api/v1/stations/${A}/hazards?overdue=true`));
    expect(list.items.map((i) => i.id)).toContain(h.id);
    // Two sweeps at once (two processes ticking), then more: one escalation.
    const both = await Promise.all([sweep(), sweep()]);
    expect(both.reduce((n, s) => n + s.escalated, 0)).toBe(1);
    expect(await sweep()).toEqual({ escalated: 0 });
    await deliver(t);
    await deliver(t);
    const deliveries = await t.deps.database.db
      .select()
      .from(notifyDeliveries)
      .where(and(isNull(notifyDeliveries.matterId), isNull(notifyDeliveries.disputeId)));
    const told = deliveries.map((d) => d.staffId).sort();
    expect(told).toEqual([t.fx.staffIds['a.chief'], t.fx.staffIds['a.aux']].sort());
    expect(deliveries.every((d) => d.reason === 'breached' && d.status === 'sent')).toBe(true);
    const [row] = await t.deps.database.db.select().from(hazards).where(eq(hazards.id, h.id));
    expect(row?.escalatedAt).not.toBeNull();
    const text = alertText({
      reason: 'breached',
      matterId: null,
      number: null,
      kind: null,
      urgent: false,
      hazard: { id: h.id, kind: '消防安全', place: 'A村第1网格·村东烟花爆竹零售点' },
    });
    expect(text).toContain('消防安全');
    const escalations = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'hazard.escalate'), eq(auditLog.targetId, h.id)));
    expect(escalations).toHaveLength(1);
    const view = await ok(officer.get(`/api/v1/hazards/${h.id}`));
    expect(view.timeline.map((s) => s.what)).toEqual(['found', 'escalated']);
    expect(view.overdue).toBe(true);
  });
});

describe('figures', () => {
  it('equal counts over the table, in all, by kind and by village', async () => {
    await ok(record(officer, A, inspection(t, { kind: 'gas', unitId: t.fx.units.villageA })));
    const f = await ok<HazardFigures>(chief.get(`/api/v1/stations/${A}/hazard-figures?from=2026-11-01&to=2026-11-30`));
    const [sqlCounts] = rowsOf<{ found: number; fixed: number; open: number; overdue: number }>(
      await t.deps.database.db.execute(sql`
        SELECT count(*) FILTER (WHERE found_at >= '2026-10-31T16:00:00Z' AND found_at < '2026-11-30T16:00:00Z')::int AS found,
               count(*) FILTER (WHERE status = 'verified' AND verified_at >= '2026-10-31T16:00:00Z'
                                  AND verified_at < '2026-11-30T16:00:00Z')::int AS fixed,
               count(*) FILTER (WHERE status IN ('open', 'rectified'))::int AS open,
               count(*) FILTER (WHERE status = 'open' AND deadline_on < ${f.today}::date)::int AS overdue
          FROM hazards WHERE station_id = ${A}::uuid AND status <> 'voided'`),
    );
    expect({ found: f.found, fixed: f.fixed, open: f.open, overdue: f.overdue }).toEqual(sqlCounts);
    expect(f.found).toBe(4); // five recorded, one voided
    expect(f.fixed).toBe(2);
    expect(f.overdue).toBe(1);
    const byKind = rowsOf<{ kind: string; n: number }>(
      await t.deps.database.db.execute(
        sql`SELECT kind, count(*)::int AS n FROM hazards WHERE station_id = ${A}::uuid AND status <> 'voided' GROUP BY kind`,
      ),
    );
    for (const k of byKind) expect(f.byKind.find((b) => b.kind === k.kind)?.found, k.kind).toBe(k.n);
    expect(f.byKind.find((b) => b.kind === 'gas')?.name).toBe('燃气安全');
    expect(f.byVillage).toEqual([expect.objectContaining({ unitId: t.fx.units.villageA, found: f.found })]);
    const empty = await ok<HazardFigures>(
      chief.get(`/api/v1/stations/${A}/hazard-figures?from=2025-01-01&to=2025-12-31`),
    );
    expect({ found: empty.found, fixed: empty.fixed }).toEqual({ found: 0, fixed: 0 });
    expect(
      errorOf(await chief.get(`/api/v1/stations/${A}/hazard-figures?from=2026-12-01&to=2026-11-01`)).message,
    ).toContain('from');
    expect((await chief.get(`/api/v1/stations/${A}/hazard-figures?from=2026-13-01&to=2026-11-01`)).status).toBe(400);
  });

  it('filters the register by status, kind and place', async () => {
    const byStatus = await ok<HazardPage>(officer.get(`/api/v1/stations/${A}/hazards?status=verified`));
    expect(byStatus.total).toBe(2);
    const byKind = await ok<HazardPage>(officer.get(`/api/v1/stations/${A}/hazards?kind=gas`));
    expect(byKind.items.map((i) => i.kindName)).toEqual(['燃气安全']);
    const byGrid = await ok<HazardPage>(officer.get(`/api/v1/stations/${A}/hazards?unitId=${t.fx.units.gridA2}`));
    expect(byGrid.total).toBe(0);
    const byVillage = await ok<HazardPage>(officer.get(`/api/v1/stations/${A}/hazards?unitId=${t.fx.units.villageA}`));
    expect(byVillage.total).toBe((await ok<HazardPage>(officer.get(`/api/v1/stations/${A}/hazards`))).total);
  });
});
