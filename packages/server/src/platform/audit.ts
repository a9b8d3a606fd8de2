/**
 * Appends to the audit trail inside the caller's transaction, so the action
 * and its entry commit together or not at all (auditing fails closed).
 *
 * An entry is written with its own MAC and no place in line: writers never
 * wait on one another. After commit the sealer (audit-seal.ts) gives it the
 * next `seq` and the chain MAC, mac_n = HMAC-SM3(key, mac_{n-1} ‖ canonical(entry_n)).
 */
import type { AuditResult } from '@jingmin/shared';
import { asc, desc, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import { hmacSm3 } from './crypto.js';

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
  /** Ids, counts and the names of changed fields; never personal values (the trail is immutable). */
  details?: Record<string, unknown>;
  at: Date;
}

export type AuditRow = typeof auditLog.$inferSelect;
type Entry = Pick<
  AuditRow,
  | 'seq'
  | 'at'
  | 'actorId'
  | 'actorName'
  | 'actorRoles'
  | 'action'
  | 'targetType'
  | 'targetId'
  | 'result'
  | 'ip'
  | 'requestId'
  | 'details'
>;

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

/** The exact bytes a MAC covers; jsonb reorders keys, so details are key-sorted. */
export function canonicalEntry(row: Entry): string {
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

/** The chain MAC of a sealed entry. */
export function entryMac(key: Buffer, prevMac: string, row: Entry): string {
  return hmacSm3(key, `${prevMac}\n${canonicalEntry(row)}`).toString('hex');
}

/** The MAC an entry carries from its own transaction: the sealer chains only entries the application wrote. */
export function ownMac(key: Buffer, row: Entry): string {
  return hmacSm3(key, `entry\n${canonicalEntry({ ...row, seq: null })}`).toString('hex');
}

/** The entry as it is written: no place yet, and its own MAC. */
export function auditRow(key: Buffer, input: AuditInput): Entry & { entryMac: string } {
  const row: Entry = {
    seq: null,
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
  return { ...row, entryMac: ownMac(key, row) };
}

export async function recordAudit(tx: Tx, key: Buffer, input: AuditInput): Promise<number> {
  const [inserted] = await tx.insert(auditLog).values(auditRow(key, input)).returning({ id: auditLog.id });
  return inserted?.id ?? 0;
}

/**
 * What an audit entry may say about a change: the names of the fields it
 * touched, never their values (an address, a name, a phone is personal data,
 * and the trail can never be edited to honour a deletion request).
 */
export function changedFields(input: Record<string, unknown>): { fields: string[] } {
  return { fields: Object.keys(input).sort() };
}

export interface ChainHead {
  seq: number;
  mac: string;
  at: string | null;
}

/** The last sealed entry. */
export async function chainHead(db: Queryable): Promise<ChainHead> {
  const [last] = await db
    .select({ seq: auditLog.seq, mac: auditLog.mac, at: auditLog.at })
    .from(auditLog)
    .where(isNotNull(auditLog.seq))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last?.seq && last.mac
    ? { seq: last.seq, mac: last.mac, at: last.at.toISOString() }
    : { seq: 0, mac: GENESIS_MAC, at: null };
}

export type VerifyResult =
  | { ok: true; checked: number; head: ChainHead }
  | { ok: false; checked: number; brokenAt: number; reason: string };

export interface VerifyOptions {
  /** A head exported earlier: finds a cut-off tail. */
  exportedHead?: ChainHead;
  /** Now, and how long an entry may wait to be sealed before that is itself a finding. */
  now?: Date;
  maxUnsealedSeconds?: number;
}

/**
 * Walks the whole chain. An altered entry breaks its own MAC, a removed or
 * reordered one breaks the sequence or the next MAC, a cut-off tail is found
 * against a head exported earlier, and an entry left unsealed too long (or one
 * the application never wrote) is reported by its id.
 */
export async function verifyChain(db: Queryable, key: Buffer, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const walked = await walkSealed(db, key, opts.exportedHead);
  if (!walked.ok) return walked;
  const stale = await staleUnsealed(db, key, opts);
  if (stale) return { ok: false, checked: walked.checked, brokenAt: walked.checked + 1, reason: stale };
  return walked;
}

async function walkSealed(db: Queryable, key: Buffer, exportedHead?: ChainHead): Promise<VerifyResult> {
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
      const ownOk = row.entryMac === null || row.entryMac === ownMac(key, row);
      if (!ownOk || entryMac(key, prevMac, row) !== row.mac) {
        return { ok: false, checked, brokenAt: expected, reason: `entry ${expected} was altered or moved` };
      }
      if (exportedHead && row.seq === exportedHead.seq) {
        if (row.mac !== exportedHead.mac) {
          return { ok: false, checked, brokenAt: expected, reason: `entry ${expected} differs from the exported head` };
        }
        headSeen = true;
      }
      prevMac = row.mac ?? '';
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

/** An unsealed entry is normal for a moment after its commit; older, or not written by us, it is a finding. */
async function staleUnsealed(db: Queryable, key: Buffer, opts: VerifyOptions): Promise<string | null> {
  const now = opts.now ?? new Date();
  const limit = now.getTime() - (opts.maxUnsealedSeconds ?? 60) * 1000;
  // Few by design: the sealer runs right after each commit.
  const waiting = await db.select().from(auditLog).where(isNull(auditLog.seq)).orderBy(asc(auditLog.id)).limit(5000);
  for (const row of waiting) {
    if (row.entryMac !== ownMac(key, row))
      return `entry id ${row.id} was not written by the application (its own MAC does not match)`;
    if (row.at.getTime() < limit)
      return `entry id ${row.id} (${row.action}, ${row.at.toISOString()}) has waited too long to be sealed`;
  }
  return null;
}
