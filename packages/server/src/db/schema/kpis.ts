/**
 * 考核指标 rollups (modules/dashboards/kpi-rollup.ts): what each matter (and each evaluation request, for the 评价
 * tab) adds to the KPI sets, kept per station and Beijing day by a job from the committed events, so a figure over a
 * province's history reads a few thousand rows.
 *
 * A part counts for a period of whole days [d1, d2] when a ≤ d1 ≤ b and c ≤ d2 ≤ e (days as numbers since
 * 2000-01-01, ±1,000,000 for unbounded): "an event on day b, not counted again since a, and judged on or after c".
 */
import { bigint, boolean, integer, pgTable, primaryKey, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';

export const kpiRollup = pgTable(
  'kpi_rollup',
  {
    stationId: uuid().notNull(),
    /** The part's grain: 0 a day, 1 the month of the days (both for parts bounded by nothing but b and c in one
     * month), 2 any other part as it is, 3 and 4 the changes of a stock by day and by month. */
    grain: smallint().notNull(),
    b: integer().notNull(),
    /** Which part (kpi-rollup.ts PART). */
    key: smallint().notNull(),
    a: integer().notNull(),
    c: integer().notNull(),
    e: integer().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.grain, t.b, t.key, t.a, t.c, t.e] })],
);

/** Each matter's parts as last added to kpi_rollup ([key, a, b, c, e, n] rows), so a recount subtracts exactly them. */
export const kpiMatters = pgTable('kpi_matters', {
  matterId: uuid().primaryKey(),
  stationId: uuid().notNull(),
  parts: integer().array().notNull(),
});

/** Each evaluation request's parts (the 评价 tab's, kpi-rollup.ts EVAL_BIN) as last added to kpi_rollup. */
export const kpiRequests = pgTable('kpi_requests', {
  requestId: uuid().primaryKey(),
  stationId: uuid().notNull(),
  parts: integer().array().notNull(),
});

/** One row: how far the rollups have read the outbox, and whether they hold every matter yet. */
export const kpiState = pgTable('kpi_state', {
  id: smallint().primaryKey().default(1),
  seq: bigint({ mode: 'number' }).notNull().default(0),
  ready: boolean().notNull().default(false),
  /** While the first count runs, station by station: the last station counted. */
  backfillAfter: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
