/**
 * The demo notices' reach (seed/warnings-demo.ts), set-based: delivered households and SMS phones at sending, the
 * per-grid counters from the households scanned before each notice went out (an urgent notice opened by more of
 * them than a campaign), a few openings from pages of unknown area on the station's own row, and — for the notices
 * whose receipts are still kept — one receipt row per counted device, so the counters equal the rows.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { insertJson } from './room-extras-rows.js';

export type Row = Record<string, unknown>;

/** Shares of the scanned households' devices that open, acknowledge (of openers), thank and like, per priority. */
const RATES = {
  urgent: { open: 0.9, ack: 0.72 },
  advisory: { open: 0.83, ack: 0.64 },
  community: { open: 0.79, ack: 0.58 },
} as const;

type Home = { unit_path: string; kind: string; first_scanned_at: string | null };

/** Fills each sent notice's delivered households and SMS phones (before the notices are inserted). */
export async function deliveredFigures(tx: Tx, stationPath: string, rows: Row[], subs: Row[]): Promise<Home[]> {
  const homes = rowsOf<Home>(
    await tx.execute(sql`
      SELECT unit_path, kind, first_scanned_at FROM households WHERE unit_path LIKE ${`${stationPath}%`}`),
  );
  for (const r of rows) {
    if (!r.sent_at) continue;
    const sent = (r.sent_at as Date).getTime();
    const within = (path: string) => (r.target_paths as string[]).some((p) => path.startsWith(p));
    r.delivered_households = homes.filter((h) => within(h.unit_path)).length;
    r.sms_sent = r.sms
      ? subs.filter(
          (x) =>
            x.sms_opted_at &&
            (x.sms_opted_at as Date).getTime() <= sent &&
            (!x.sms_stopped_at || (x.sms_stopped_at as Date).getTime() > sent) &&
            within(x.unit_path as string),
        ).length
      : 0;
  }
  return homes;
}

/** The per-grid counters of the sent notices, and the receipts of those whose receipts are kept. */
export async function seedReach(
  tx: Tx,
  s: { station: { id: string; path: string }; rand: () => number; now: Date },
  rows: Row[],
  homes: Home[],
) {
  const grids = rowsOf<{ id: string; path: string }>(
    await tx.execute(sql`SELECT id, path FROM units WHERE kind = 'grid' AND path LIKE ${`${s.station.path}%`}`),
  );
  const scans = new Map(
    grids.map((g) => [
      g.id,
      homes
        .filter((h) => h.kind === 'household' && h.first_scanned_at && h.unit_path.startsWith(g.path))
        .map((h) => new Date(h.first_scanned_at as string).getTime()),
    ]),
  );
  const counters: Row[] = [];
  const count = (warningId: unknown, unitId: string, opened: number, ack: number) =>
    counters.push({
      warning_id: warningId,
      unit_id: unitId,
      opened,
      acknowledged: Math.floor(opened * ack * (0.9 + 0.2 * s.rand())),
      thanks: Math.floor(opened * (0.03 + 0.05 * s.rand())),
      likes: Math.floor(opened * (0.05 + 0.07 * s.rand())),
    });
  for (const r of rows) {
    if (!r.sent_at) continue;
    const rate = RATES[r.priority as keyof typeof RATES];
    // A withdrawn notice was up for an hour or two: few saw it.
    const open = rate.open * (r.status === 'withdrawn' ? 0.18 : 1);
    const ack = r.ack_required ? rate.ack : 0;
    const sent = (r.sent_at as Date).getTime();
    for (const g of grids) {
      if (!(r.target_paths as string[]).some((p) => g.path.startsWith(p))) continue;
      const scanned = (scans.get(g.id) ?? []).filter((at) => at < sent).length;
      count(r.id, g.id, Math.floor(scanned * open * (0.94 + 0.12 * s.rand())), ack);
    }
    // Opened from a shared link, the area unknown: the station's own row.
    count(r.id, s.station.id, 12 + Math.floor(s.rand() * 50 * open), ack);
  }
  await insertJson(tx, 'warning_reach', counters);
  const live = rows.filter((r) => r.status === 'sent' && r.sent_at && !r.receipts_purged_at).map((r) => r.id);
  // The kept receipts: device k of a (notice, unit) opened it; the first `acknowledged` of them also acknowledged …
  await tx.execute(sql`SELECT setseed(0.13)`);
  await tx.execute(sql`
    INSERT INTO warning_receipts (warning_id, device_hash, unit_id, opened_at, acked_at, thanked_at, liked_at)
    SELECT r.warning_id, md5(r.warning_id::text || k) || md5(r.unit_id::text || k), r.unit_id, t.at,
           CASE WHEN k <= r.acknowledged THEN t.at + interval '40 seconds' END,
           CASE WHEN k <= r.thanks THEN t.at + interval '1 minute' END,
           CASE WHEN k > r.opened - r.likes THEN t.at + interval '2 minutes' END
      FROM warning_reach r JOIN warnings w ON w.id = r.warning_id,
           generate_series(1, r.opened) k,
           LATERAL (SELECT least(w.sent_at + power(random(), 3) * interval '3 days',
                                 ${s.now.toISOString()}::timestamptz - interval '3 minutes') AS at) t
     WHERE r.warning_id = ANY(${`{${live.join(',')}}`}::uuid[])`);
  return {
    openings: counters.reduce((n, c) => n + (c.opened as number), 0),
    receipts: counters.filter((c) => live.includes(c.warning_id)).reduce((n, c) => n + (c.opened as number), 0),
  };
}
