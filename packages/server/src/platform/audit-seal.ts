/**
 * The sealer: after commit, one process at a time gives waiting audit entries
 * their place and chain MAC, and waiting outbox rows their delivery order.
 * Writers never queue on it; it runs right after each local commit (the
 * database's commit hook) and on a slow poll for entries another process left.
 *
 * One sealer at a time (a transaction advisory lock), each committing before
 * the next starts: once outbox `seq` n is visible, every smaller one is too,
 * which is what makes live delivery exact.
 */
import { asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { auditLog } from '../db/schema/index.js';
import { entryMac, GENESIS_MAC, ownMac } from './audit.js';
import type { Clock } from './context.js';
import { OUTBOX_CHANNEL } from './outbox.js';

const SEAL_LOCK = 7_262_001;
const BATCH = 2000;
/** How long a busy sealer waits for more commits before its next pass. */
const GATHER_MS = 10;

export interface SealResult {
  audit: number;
  outbox: number;
  /** An entry whose own MAC is wrong: left unsealed, so `audit:verify` reports it. */
  refused: number;
  /** More may be waiting. */
  full: boolean;
}

interface Log {
  error(obj: unknown, msg?: string): void;
}

/** One sealing pass, in a transaction of its own that does not wake the sealer again. */
export async function sealPending(database: Database, key: Buffer, now: Date, log: Log): Promise<SealResult> {
  // One cheap look first: another process's sealer has often taken everything already.
  const [waiting] = rowsOf<{ any: boolean }>(
    await database.db.execute(sql`SELECT EXISTS (SELECT 1 FROM audit_log WHERE seq IS NULL)
      OR EXISTS (SELECT 1 FROM outbox WHERE seq IS NULL) AS "any"`),
  );
  if (!waiting?.any) return { audit: 0, outbox: 0, refused: 0, full: false };
  return database.quietTransaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK})`);
    const waiting = await tx.select().from(auditLog).where(isNull(auditLog.seq)).orderBy(asc(auditLog.id)).limit(BATCH);
    let refused = 0;
    const values: ReturnType<typeof sql>[] = [];
    if (waiting.length > 0) {
      const [last] = await tx
        .select({ seq: auditLog.seq, mac: auditLog.mac })
        .from(auditLog)
        .where(isNotNull(auditLog.seq))
        .orderBy(desc(auditLog.seq))
        .limit(1);
      let seq = last?.seq ?? 0;
      let prev = last?.mac ?? GENESIS_MAC;
      for (const row of waiting) {
        if (row.entryMac !== ownMac(key, row)) {
          refused += 1;
          log.error({ id: row.id, action: row.action }, 'audit entry not written by the application: left unsealed');
          continue;
        }
        seq += 1;
        prev = entryMac(key, prev, { ...row, seq });
        values.push(sql`(${row.id}::bigint, ${seq}::bigint, ${prev})`);
      }
    }
    if (values.length > 0) {
      await tx.execute(sql`UPDATE audit_log AS a SET seq = v.seq, mac = v.mac, sealed_at = ${now}
        FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, seq, mac) WHERE a.id = v.id`);
    }
    const sequenced = rowsOf<{ seq: string }>(
      await tx.execute(sql`WITH base AS (SELECT coalesce(max(seq), 0) AS b FROM outbox),
        next AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM outbox WHERE seq IS NULL ORDER BY id LIMIT ${BATCH})
        UPDATE outbox AS o SET seq = base.b + next.rn FROM next, base WHERE o.id = next.id RETURNING o.seq::text AS seq`),
    );
    if (sequenced.length > 0) {
      const top = sequenced.reduce((m, r) => Math.max(m, Number(r.seq)), 0);
      // The one notifying transaction: writers no longer serialise their commits on NOTIFY.
      await tx.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, ${String(top)})`);
    }
    return {
      audit: values.length,
      outbox: sequenced.length,
      refused,
      full: waiting.length === BATCH || sequenced.length === BATCH,
    };
  });
}

/** Runs sealing passes when woken, one at a time per process, until nothing waits. */
export class Sealer {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private poll?: NodeJS.Timeout;
  private unhook?: () => void;

  constructor(
    private database: Database,
    private key: Buffer,
    private clock: Clock,
    private log: Log,
    private pollMs = 1000,
  ) {}

  start() {
    this.stopped = false;
    this.unhook = this.database.onCommit(() => this.wake());
    this.poll = setInterval(() => this.wake(), this.pollMs);
    this.poll.unref();
    this.wake();
  }

  async stop() {
    this.stopped = true;
    this.unhook?.();
    if (this.poll) clearInterval(this.poll);
    await this.running;
  }

  wake() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Seals everything committed so far (tests, shutdown, `audit:verify`). */
  async flush() {
    await this.running;
    for (;;) {
      const r = await sealPending(this.database, this.key, this.clock.now(), this.log);
      if (!r.full) return;
    }
  }

  private async loop() {
    do {
      // Commits arriving meanwhile are sealed together: one pass per few milliseconds, not one per commit.
      if (this.again) await new Promise((r) => setTimeout(r, GATHER_MS));
      this.again = false;
      try {
        const r = await sealPending(this.database, this.key, this.clock.now(), this.log);
        if (r.full) this.again = true;
      } catch (err) {
        this.log.error({ err }, 'audit sealing failed; retrying on the next commit or poll');
      }
    } while (this.again && !this.stopped);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    sealer: Sealer;
  }
}
