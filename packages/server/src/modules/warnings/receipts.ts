/**
 * Receipts (查看, 已知晓, 谢谢, 点赞) ingested with group commit: the requests of a process are gathered for a few
 * milliseconds (or up to MAX_ROWS) and written by ONE statement per batch — the receipts upserted by the keyed hash of
 * device and notice, and the per-grid counters raised by exactly the kinds that statement newly set, so the figures
 * and the rows commit together. Each request is answered after its batch commits: nothing acknowledged is lost.
 *
 * Why the counts are exact under concurrency (many clients, several processes): within one statement a receipt row
 * carries one kind only (a second kind from the same device waits for the next batch), so the upsert's
 * `DO UPDATE … WHERE <that kind> IS NULL` — judged by PostgreSQL on the row's latest committed version, after waiting
 * for any other writer of it — returns the row exactly when this statement set the kind. Only returned rows are counted.
 * The doorplate token is resolved inside the statement (households by their unique token), so a receipt costs no
 * query of its own. Receipts are counted, not audited one by one.
 */
import type { WarningReceiptKind } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { executeNamed } from '../../db/prepared.js';
import type { Clock } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/** How long the first receipt of a batch waits for company, and how many rows a statement writes at most. */
export const BATCH_WAIT_MS = 2;
export const MAX_ROWS = 500;
/**
 * Statements a process has in flight at once; the rest gather meanwhile (group commit). One: the next batch gathers
 * for as long as the last one writes, so batches grow with the load and the database's cost per receipt falls
 * (about 120 µs a row in batches of 50, 60 µs in batches of 500, measured on the bench's million households).
 */
const MAX_IN_FLIGHT = 1;
const DEADLOCK_RETRIES = 5;
/** Receipts a process holds waiting at most; beyond, a receipt is refused with 503 and the page retries it later. */
const MAX_WAITING = 20 * MAX_ROWS;

export interface ReceiptItem {
  warningId: string;
  deviceHash: string;
  kind: WarningReceiptKind;
  /** The doorplate the page was opened from; null when the area is unknown (counted to the station). */
  doorplate: string | null;
}

/** What the batch found: the notice takes receipts (`live`), and whether this one was newly counted. */
export type ReceiptOutcome = { state: 'live'; counted: boolean } | { state: 'closed' | 'unknown' };

interface Pending extends ReceiptItem {
  resolve(o: ReceiptOutcome): void;
  reject(e: unknown): void;
}

const COLUMN: Record<WarningReceiptKind, string> = {
  open: 'opened_at',
  ack: 'acked_at',
  thanks: 'thanked_at',
  like: 'liked_at',
};

type Row = { i: number; state: 'live' | 'closed' | 'unknown'; counted: boolean };

/**
 * The batch statement. `input` rows are distinct by (notice, device). A notice takes receipts while sent, not
 * expired, and its receipts not purged; `closed` is a notice residents saw once (withdrawn, expired, purged).
 */
function batchStatement(json: string, now: string) {
  const at = (k: WarningReceiptKind) => sql.raw(`CASE WHEN k = '${k}' THEN n.at END`);
  const fresh = (Object.values(COLUMN) as string[])
    .map((c) => `(EXCLUDED.${c} IS NOT NULL AND r.${c} IS NULL)`)
    .join(' OR ');
  const keep = (Object.values(COLUMN) as string[]).map((c) => `${c} = COALESCE(r.${c}, EXCLUDED.${c})`).join(', ');
  return sql`
WITH n AS (SELECT ${now}::timestamptz AS at),
input AS (SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS x(i int, w uuid, d text, k text, t text)),
notice AS (
  SELECT w.id, w.station_id, w.station_path,
         (w.status = 'sent' AND (w.expires_at IS NULL OR w.expires_at > n.at) AND w.receipts_purged_at IS NULL) AS live
    FROM warnings w, n
   WHERE w.id IN (SELECT DISTINCT input.w FROM input) AND w.status IN ('sent', 'withdrawn')
),
todo AS (
  SELECT input.i, input.w, input.d, input.k, COALESCE(h.unit_id, notice.station_id) AS unit
    FROM input
    JOIN notice ON notice.id = input.w AND notice.live
    LEFT JOIN households h ON h.doorplate_token = input.t AND h.unit_path LIKE notice.station_path || '%'
),
up AS (
  INSERT INTO warning_receipts AS r (warning_id, device_hash, unit_id, opened_at, acked_at, thanked_at, liked_at)
  SELECT todo.w, todo.d, todo.unit, ${at('open')}, ${at('ack')}, ${at('thanks')}, ${at('like')}
    FROM todo, n ORDER BY todo.w, todo.d
  ON CONFLICT (warning_id, device_hash) DO UPDATE SET ${sql.raw(keep)}
   WHERE ${sql.raw(fresh)}
  RETURNING r.warning_id, r.device_hash, r.unit_id
),
counted AS (
  SELECT todo.i, todo.k, up.warning_id, up.unit_id
    FROM up JOIN todo ON todo.w = up.warning_id AND todo.d = up.device_hash
),
bump AS (
  INSERT INTO warning_reach AS c (warning_id, unit_id, opened, acknowledged, thanks, likes)
  SELECT warning_id, unit_id,
         count(*) FILTER (WHERE k = 'open'), count(*) FILTER (WHERE k = 'ack'),
         count(*) FILTER (WHERE k = 'thanks'), count(*) FILTER (WHERE k = 'like')
    FROM counted GROUP BY warning_id, unit_id ORDER BY warning_id, unit_id
  ON CONFLICT (warning_id, unit_id) DO UPDATE SET
    opened = c.opened + EXCLUDED.opened, acknowledged = c.acknowledged + EXCLUDED.acknowledged,
    thanks = c.thanks + EXCLUDED.thanks, likes = c.likes + EXCLUDED.likes
  RETURNING 1
)
SELECT input.i,
       CASE WHEN notice.live THEN 'live' WHEN notice.id IS NOT NULL THEN 'closed' ELSE 'unknown' END AS state,
       counted.i IS NOT NULL AS counted
  FROM input LEFT JOIN notice ON notice.id = input.w LEFT JOIN counted ON counted.i = input.i`;
}

const isDeadlock = (err: unknown): boolean => {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === '40P01') return true;
  return false;
};

/** One process's gatherer for one database. */
export class ReceiptBatcher {
  private waiting: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;

  constructor(
    private readonly database: Pick<Database, 'db' | 'pool'>,
    private readonly clock: Clock,
  ) {}

  add(item: ReceiptItem): Promise<ReceiptOutcome> {
    // The database is behind: refuse at once rather than hold requests in memory past their timeouts.
    if (this.waiting.length >= MAX_WAITING) return Promise.reject(new AppError('SERVICE_UNAVAILABLE'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...item, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Writes the waiting receipts now when they are a full batch, or have already waited for the statement before
   * (`gathered`); a first receipt on an idle process waits BATCH_WAIT_MS for company.
   */
  private schedule(gathered = false) {
    if (this.waiting.length === 0 || this.inFlight >= MAX_IN_FLIGHT) return;
    if (gathered || this.waiting.length >= MAX_ROWS) return void this.flush();
    this.timer ??= setTimeout(() => this.flush(), BATCH_WAIT_MS);
  }

  private flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.waiting.length === 0 || this.inFlight >= MAX_IN_FLIGHT) return;
    const { batch, later } = split(this.waiting);
    this.waiting = later;
    this.inFlight++;
    void this.write(batch).finally(() => {
      this.inFlight--;
      this.schedule(true);
    });
  }

  /** Writes one batch; each request hears its own outcome, or the batch's error. */
  private async write(batch: Map<string, Pending[]>) {
    const groups = [...batch.values()];
    const json = JSON.stringify(
      groups.flatMap((same, i) =>
        same.slice(0, 1).map((p) => ({ i, w: p.warningId, d: p.deviceHash, k: p.kind, t: p.doorplate || null })),
      ),
    );
    try {
      const rows = await this.run(json);
      const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
      for (const [i, same] of groups.entries()) {
        const row = byIndex.get(i);
        const state = row?.state ?? 'unknown';
        // The first of a repeated receipt is the one counted; its repeats are answered as already counted.
        for (const [n, p] of same.entries())
          p.resolve(state === 'live' ? { state, counted: n === 0 && Boolean(row?.counted) } : { state });
      }
    } catch (err) {
      for (const same of groups) for (const p of same) p.reject(err);
    }
  }

  private async run(json: string): Promise<Row[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await executeNamed<Row>(
          this.database,
          'warning-receipts-batch',
          batchStatement(json, this.clock.now().toISOString()),
        );
      } catch (err) {
        // Two batches locking the same counters in another order: PostgreSQL undid one; it is simply written again.
        if (!isDeadlock(err) || attempt >= DEADLOCK_RETRIES) throw err;
      }
    }
  }
}

const keyOf = (p: ReceiptItem) => `${p.warningId}:${p.deviceHash}:${p.kind}`;
const rowOf = (p: ReceiptItem) => `${p.warningId}:${p.deviceHash}`;

/**
 * The next batch, up to MAX_ROWS distinct rows: the same receipt repeated rides with its first (answered as already
 * counted); another kind from the same device and notice waits for the next batch (one kind per row and statement).
 */
function split(waiting: Pending[]) {
  const batch = new Map<string, Pending[]>();
  const rows = new Set<string>();
  const later: Pending[] = [];
  for (const p of waiting) {
    const same = batch.get(keyOf(p));
    if (same) same.push(p);
    else if (rows.has(rowOf(p)) || batch.size >= MAX_ROWS) later.push(p);
    else {
      batch.set(keyOf(p), [p]);
      rows.add(rowOf(p));
    }
  }
  return { batch, later };
}

const batchers = new WeakMap<Pick<Database, 'db' | 'pool'>, ReceiptBatcher>();

/** This process's batcher for the database (a process may open several, as the tests do). */
export function receiptBatcher(database: Pick<Database, 'db' | 'pool'>, clock: Clock): ReceiptBatcher {
  let b = batchers.get(database);
  if (!b) {
    b = new ReceiptBatcher(database, clock);
    batchers.set(database, b);
  }
  return b;
}
