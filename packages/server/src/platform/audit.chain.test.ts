/**
 * The audit chain against someone with write access to the database, and
 * auditing that fails closed: no audit entry, no action.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHead, readHeadFile } from '../modules/audit/head-file.js';
import { rowsOf } from '../modules/org/org.service.js';
import { buildTestApp, type TestApp } from '../test/harness.js';
import { type ChainHead, verifyChain } from './audit.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  const duty = await t.as('a.duty');
  for (let i = 0; i < 8; i++) await duty.get(`/api/v1/households?unitId=${t.fx.units.stationA}&page=${i + 1}`);
});
afterAll(() => t.close());

const db = () => t.deps.database.db;
const verify = async (exportedHead?: ChainHead) => {
  await t.app.sealer.flush();
  return verifyChain(db(), t.deps.keys.audit, { exportedHead, now: t.clock.now() });
};

/** Runs SQL around the append-only trigger, as a database superuser could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await db().execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
  try {
    await db().execute(statement);
  } finally {
    await db().execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  }
}

describe('sealing after commit', () => {
  it('chains every committed entry once, in one order, and lets nothing else change an entry', async () => {
    const duty = await t.as('a.duty');
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => duty.get(`/api/v1/households?unitId=${t.fx.units.stationA}&page=${i + 1}`)),
    );
    await t.app.sealer.flush();
    const [counts] = rowsOf<{ waiting: number; sealed: number; top: number }>(
      await db().execute(
        sql`SELECT count(*) FILTER (WHERE seq IS NULL)::int AS waiting, count(seq)::int AS sealed, max(seq)::int AS top FROM audit_log`,
      ),
    );
    expect(counts).toMatchObject({ waiting: 0 });
    expect(counts?.top).toBe(counts?.sealed);
    // Sealing is the one update the trail allows, and only once.
    await expect(db().execute(sql`UPDATE audit_log SET seq = seq + 100000 WHERE seq = 1`)).rejects.toThrow();
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('refuses to chain an entry the application did not write, and reports it', async () => {
    await db().execute(
      sql`INSERT INTO audit_log (at, actor_roles, action, result, details, entry_mac) VALUES (${t.clock.now()}, '{}', 'forged.entry', 'ok', '{}', ${'f'.repeat(64)})`,
    );
    await t.app.sealer.flush();
    const result = await verify();
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.reason).toMatch(/not written by the application/);
    await tamper(sql`DELETE FROM audit_log WHERE action = 'forged.entry'`);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('reports an entry left unsealed too long', async () => {
    await t.app.sealer.stop();
    try {
      const duty = await t.as('a.duty');
      await duty.get(`/api/v1/households?unitId=${t.fx.units.stationA}`);
      expect(await verifyChain(db(), t.deps.keys.audit, { now: t.clock.now() })).toMatchObject({ ok: true });
      const later = new Date(t.clock.now().getTime() + 120_000);
      const result = await verifyChain(db(), t.deps.keys.audit, { now: later, maxUnsealedSeconds: 60 });
      expect(result.ok ? '' : result.reason).toMatch(/waited too long to be sealed/);
    } finally {
      t.app.sealer.start();
    }
    expect(await verify()).toMatchObject({ ok: true });
  });
});

describe('audit chain', () => {
  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(db().execute(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(db().execute(sql`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow();
    await expect(db().execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('finds an altered, a removed and a reordered entry by position, and a cut-off tail against the exported head', async () => {
    const headFile = t.deps.config.audit.headFile;
    await exportHead(db(), headFile);
    const head = readHeadFile(headFile)!;
    const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(await db().execute(sql`SELECT max(seq)::int AS n FROM audit_log`));
    expect(n).toBeGreaterThan(8);

    // Cut off the last two entries: only the exported head can tell.
    await tamper(sql`DELETE FROM audit_log WHERE seq > ${n - 2}`);
    expect(await verify()).toMatchObject({ ok: true });
    expect(await verify(head)).toMatchObject({ ok: false, brokenAt: n - 1 });

    // Swap the contents of two entries.
    await tamper(sql`UPDATE audit_log SET seq = -1 WHERE seq = 3`);
    await tamper(sql`UPDATE audit_log SET seq = 3 WHERE seq = 4`);
    await tamper(sql`UPDATE audit_log SET seq = 4 WHERE seq = -1`);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 3 });
    await tamper(sql`UPDATE audit_log SET seq = -1 WHERE seq = 3`);
    await tamper(sql`UPDATE audit_log SET seq = 3 WHERE seq = 4`);
    await tamper(sql`UPDATE audit_log SET seq = 4 WHERE seq = -1`);

    // Remove one entry from the middle.
    await tamper(sql`DELETE FROM audit_log WHERE seq = 5`);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('reports an altered entry as the auditor sees it', async () => {
    await tamper(sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE seq = 2`);
    const auditor = await t.as('auditor');
    const res = await auditor.get('/api/v1/audit/verify');
    expect(res.body).toMatchObject({ ok: false, brokenAt: 2 });
    fs.rmSync(t.deps.config.audit.headFile, { force: true });
  });
});

describe('auditing fails closed', () => {
  it('commits no action whose audit entry cannot be written', async () => {
    await db().execute(
      sql`CREATE FUNCTION audit_log_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit storage unavailable'; END; $$`,
    );
    await db().execute(
      sql`CREATE TRIGGER audit_log_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_fail()`,
    );
    try {
      const officer = await t.as('a.officer').catch(() => null);
      // Signing in writes an audit entry too: with auditing down, nobody signs in.
      expect(officer).toBeNull();
    } finally {
      await db().execute(sql`DROP TRIGGER audit_log_fail ON audit_log`);
    }
    const officer = await t.as('a.officer');
    await db().execute(
      sql`CREATE TRIGGER audit_log_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_fail()`,
    );
    try {
      const res = await officer.post('/api/v1/households', {
        unitId: t.fx.units.gridA1,
        address: 'A村1组77号',
        doorplateCode: 'FAIL-77',
      });
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(res.body).toMatchObject({ error: { code: 'INTERNAL' } });
    } finally {
      await db().execute(sql`DROP TRIGGER audit_log_fail ON audit_log`);
    }
    const [row] = rowsOf<{ n: number }>(
      await db().execute(sql`SELECT count(*)::int AS n FROM households WHERE doorplate_code = 'FAIL-77'`),
    );
    expect(row!.n).toBe(0);
  });
});
