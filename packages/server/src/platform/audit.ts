/**
 * Appends to the audit trail inside the caller's transaction, so the action
 * and its entry commit together or not at all (auditing fails closed).
 * Entries are chained: mac_n = HMAC-SM3(key, mac_{n-1} ‖ canonical(entry_n)).
 */
import type { AuditResult } from '@jingmin/shared';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import { hmacSm3 } from './crypto.js';

/** Serialises every appender, across processes, so the chain has one order. */
const AUDIT_LOCK = 7_262_001;
export const GENESIS_MAC = '0'.repeat(64);

export interface AuditActor {
  id: string;
  username: string;
  roles: readonly string[];
}

export interface AuditInput {
  actor: AuditActor | null;
  /** Verb in `domain.action` form: `auth.login`, `unit.create`, `household.list` … */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  result: AuditResult;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
  at: Date;
}

type Row = typeof auditLog.$inferSelect;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The exact bytes the MAC covers; jsonb reorders keys, so details are key-sorted. */
export function canonicalEntry(row: Omit<Row, 'mac'>): string {
  return JSON.stringify([
    row.seq,
    row.at.toISOString(),
    row.actorId,
    row.actorName,
    row.actorRoles,
    row.action,
    row.targetType,
    row.targetId,
    row.result,
    row.ip,
    row.requestId,
    sortKeys(row.details),
  ]);
}

export function entryMac(key: Buffer, prevMac: string, row: Omit<Row, 'mac'>): string {
  return hmacSm3(key, `${prevMac}\n${canonicalEntry(row)}`).toString('hex');
}

export async function recordAudit(tx: Tx, key: Buffer, input: AuditInput): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, mac: auditLog.mac })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const row: Omit<Row, 'mac'> = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at,
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.username ?? null,
    actorRoles: [...(input.actor?.roles ?? [])],
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    result: input.result,
    ip: input.ip ?? null,
    requestId: input.requestId ?? null,
    details: sortKeys(input.details ?? {}) as Record<string, unknown>,
  };
  await tx.insert(auditLog).values({ ...row, mac: entryMac(key, last?.mac ?? GENESIS_MAC, row) });
  return row.seq;
}

export interface ChainHead {
  seq: number;
  mac: string;
  at: string | null;
}

export async function chainHead(db: Queryable): Promise<ChainHead> {
  const [last] = await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return last ? { seq: last.seq, mac: last.mac, at: last.at.toISOString() } : { seq: 0, mac: GENESIS_MAC, at: null };
}

export type VerifyResult =
  | { ok: true; checked: number; head: ChainHead }
  | { ok: false; checked: number; brokenAt: number; reason: string };

/**
 * Walks the whole chain. An altered entry breaks its own MAC, a removed or
 * reordered one breaks the sequence or the next MAC, and a cut-off tail is
 * found against a head exported earlier.
 */
export async function verifyChain(db: Queryable, key: Buffer, exportedHead?: ChainHead): Promise<VerifyResult> {
  let prevMac = GENESIS_MAC;
  let expected = 1;
  let checked = 0;
  let headSeen = !exportedHead || exportedHead.seq === 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expected - 1))
      .orderBy(asc(auditLog.seq))
      .limit(2000);
    if (batch.length === 0) break;
    for (const row of batch) {
      if (row.seq !== expected) {
        return { ok: false, checked, brokenAt: expected, reason: `entry ${expected} is missing (next is ${row.seq})` };
      }
      if (entryMac(key, prevMac, row) !== row.mac) {
        return { ok: false, checked, brokenAt: row.seq, reason: `entry ${row.seq} was altered or moved` };
      }
      if (exportedHead && row.seq === exportedHead.seq) {
        if (row.mac !== exportedHead.mac) {
          return { ok: false, checked, brokenAt: row.seq, reason: `entry ${row.seq} differs from the exported head` };
        }
        headSeen = true;
      }
      prevMac = row.mac;
      expected += 1;
      checked += 1;
    }
  }
  if (!headSeen && exportedHead) {
    return {
      ok: false,
      checked,
      brokenAt: checked + 1,
      reason: `the trail ends at entry ${checked}, but entry ${exportedHead.seq} was exported earlier: entries were cut off`,
    };
  }
  return { ok: true, checked, head: await chainHead(db) };
}
