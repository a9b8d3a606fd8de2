/**
 * Builds the app's dependencies from the configuration: keys, database
 * (locked, migrated), policies; and checks that the audit key still matches
 * the trail before anything is written with it.
 */
import { desc, isNotNull, lt } from 'drizzle-orm';
import type { Config } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import { entryMac, GENESIS_MAC } from './audit.js';
import type { AppDeps, Clock } from './context.js';
import { createPolicyStore } from './policies.js';
import { type Keys, loadKeys } from './secrets.js';
import { createSmsSender, type SmsSender } from './sms/sms.js';

interface BootLog {
  info(msg: string): void;
  warn(msg: string): void;
  error(obj: unknown, msg?: string): void;
}

export const systemClock: Clock = { now: () => new Date() };

export async function createDeps(
  config: Config,
  log: BootLog,
  database?: Database,
  clock: Clock = systemClock,
  sms?: SmsSender,
): Promise<AppDeps> {
  const keys = loadKeys(config, log);
  const db =
    database ??
    (await openDatabase(config.db, { error: (o, m) => log.error(o, m), warn: (_o, m) => log.warn(m ?? '') }));
  await db.migrate();
  await assertAuditKeyMatches(db, keys);
  const smsLog = {
    info: (obj: object, msg?: string) => log.info(`${msg ?? 'sms'} ${JSON.stringify(obj)}`),
    warn: (obj: object, msg?: string) => log.warn(`${msg ?? 'sms'} ${JSON.stringify(obj)}`),
  };
  return {
    config,
    database: db,
    keys,
    clock,
    policies: createPolicyStore(db.db),
    sms: sms ?? createSmsSender(config.sms, smsLog),
  };
}

/** A wrong key would start a second, unverifiable chain: refuse instead. */
async function assertAuditKeyMatches(database: Database, keys: Keys) {
  const { db } = database;
  const [last] = await db.select().from(auditLog).where(isNotNull(auditLog.seq)).orderBy(desc(auditLog.seq)).limit(1);
  if (!last?.seq) return;
  const [prev] = await db
    .select({ mac: auditLog.mac })
    .from(auditLog)
    .where(lt(auditLog.seq, last.seq))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  if (entryMac(keys.audit, prev?.mac ?? GENESIS_MAC, last) !== last.mac) {
    throw new Error(
      'The audit key does not match the audit trail in this database. Restore the key file (or JINGMIN_AUDIT_KEY) that belongs to this database; run `npm run audit:verify` for details.',
    );
  }
}
