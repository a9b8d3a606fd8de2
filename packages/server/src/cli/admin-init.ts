/**
 * npm run admin:init -- --bureau "某某县公安局" — for a real installation
 * (demo off): creates the root bureau and the three administrators
 * (三员: system, security, audit), each with a one-time password printed once.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '@jingmin/shared';
import { count } from 'drizzle-orm';
import { staff, units } from '../db/schema/index.js';
import { recordAudit } from '../platform/audit.js';
import { generateInitialPassword, hashPassword } from '../platform/passwords.js';
import { run, withDeps } from './shared.js';

run(() =>
  withDeps(async (deps) => {
    const flag = process.argv.indexOf('--bureau');
    const bureauName = flag > 0 ? process.argv[flag + 1]?.trim() : undefined;
    const { db } = deps.database;
    const [n] = await db.select({ n: count() }).from(staff);
    if (n && n.n > 0) {
      process.stderr.write('accounts already exist; manage them in the console\n');
      return 1;
    }
    if (!bureauName) {
      process.stderr.write('usage: npm run admin:init -- --bureau "某某县公安局"\n');
      return 1;
    }
    const admins: [string, Role][] = [
      ['sysadmin', 'system_admin'],
      ['secadmin', 'security_admin'],
      ['auditor', 'auditor'],
    ];
    const created: string[] = [];
    await db.transaction(async (tx) => {
      const id = randomUUID();
      await tx.insert(units).values({ id, kind: 'bureau', name: bureauName, path: `/${id}/` });
      for (const [username, role] of admins) {
        const password = generateInitialPassword();
        await tx.insert(staff).values({
          username,
          displayName: username,
          passwordHash: await hashPassword(password, deps.config.security.argon2MemoryKib),
          roles: [role],
          scopeUnitId: id,
          mustChangePassword: true,
        });
        created.push(`  ${username.padEnd(10)} ${role.padEnd(15)} one-time password: ${password}`);
      }
      await recordAudit(tx, deps.keys.audit, {
        actor: null,
        action: 'admin.init',
        result: 'ok',
        at: deps.clock.now(),
        details: { bureau: bureauName },
      });
    });
    process.stdout.write(
      `created ${bureauName} and its three administrators (change each password and enrol TOTP at first sign-in):\n${created.join('\n')}\n`,
    );
  }),
);
