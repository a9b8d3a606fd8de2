/**
 * `npm run audit:verify` as an operator runs it: against a data folder,
 * passing on an intact trail and naming the entry someone altered directly
 * in the database.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { recordAudit } from '../platform/audit.js';
import { sealPending } from '../platform/audit-seal.js';
import { createDeps } from '../platform/boot.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jm-verify-'));
const env = {
  JINGMIN_DATA_DIR: dataDir,
  JINGMIN_AUDIT_KEY: randomBytes(32).toString('hex'),
  JINGMIN_DATA_KEY: randomBytes(32).toString('hex'),
  JINGMIN_DEMO: '0',
};
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function withDatabase(task: (deps: Awaited<ReturnType<typeof createDeps>>) => Promise<void>) {
  const deps = await createDeps(loadConfig({ ...env, LOG_LEVEL: 'silent' }, []), quiet);
  try {
    await task(deps);
  } finally {
    await deps.database.close();
  }
}

function verify() {
  const { DATABASE_URL: _omit, ...inherited } = process.env;
  const result = spawnSync('npm', ['run', '--silent', 'audit:verify'], {
    cwd: root,
    env: { ...inherited, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('npm run audit:verify', () => {
  it('passes on an intact trail and points at the entry altered in the database', async () => {
    await withDatabase(async (deps) => {
      for (let i = 1; i <= 5; i++) {
        await deps.database.db.transaction((tx) =>
          recordAudit(tx, deps.keys.audit, {
            actor: null,
            action: `test.entry${i}`,
            result: 'ok',
            at: new Date(),
            details: { i },
          }),
        );
      }
      // What a running server's sealer does right after each commit.
      await sealPending(deps.database, deps.keys.audit, new Date(), quiet);
    });
    const intact = verify();
    expect(intact.out).toContain('audit trail intact: 5 entries');
    expect(intact.code).toBe(0);

    await withDatabase(async (deps) => {
      // Someone with write access to the database goes around the append-only trigger.
      await deps.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await deps.database.db.execute(sql`UPDATE audit_log SET details = '{"i": 99}' WHERE seq = 3`);
      await deps.database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    });
    const broken = verify();
    expect(broken.code).toBe(2);
    expect(broken.out).toContain('BROKEN at entry #3');
  }, 90_000);

  it('reports an entry that was never sealed', async () => {
    await withDatabase(async (deps) => {
      await deps.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await deps.database.db.execute(sql`UPDATE audit_log SET details = '{"i": 3}' WHERE seq = 3`);
      await deps.database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      await deps.database.db.transaction((tx) =>
        recordAudit(tx, deps.keys.audit, {
          actor: null,
          action: 'test.unsealed',
          result: 'ok',
          at: new Date(Date.now() - 10 * 60_000),
        }),
      );
    });
    const stale = verify();
    expect(stale.code).toBe(2);
    expect(stale.out).toMatch(/test\.unsealed.*waited too long to be sealed/);
  }, 90_000);
});
