/**
 * The product's report mechanism: one row per report kind, unit (a station or the bureau) and period. A durable
 * job generates the figures snapshot (or a person on demand for a past period); the chief adds commentary and
 * publishes; published reports stay in the archive and are exported as PDF and XLSX from the snapshot.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './org.js';
import { staff } from './staff.js';

export const reports = pgTable(
  'reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** `dispute_monthly` (矛盾纠纷每月综合分析); the dashboards issue adds `station_monthly`. */
    kind: text().notNull(),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    unitPath: text().notNull(),
    /** `YYYY-MM` for a month. */
    period: text().notNull(),
    /** `draft` until the chief publishes it; then `published` and unchanging. */
    status: text().notNull().default('draft'),
    /** The figures as generated (the kind's shared type); regenerating a draft replaces them. */
    figures: jsonb().notNull(),
    commentary: text().notNull().default(''),
    generatedAt: timestamp({ withTimezone: true }).notNull(),
    /** null: the monthly job. */
    generatedBy: uuid().references(() => staff.id),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: uuid().references(() => staff.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('reports_kind_unit_period_key').on(t.kind, t.unitId, t.period),
    index('reports_unit_idx').on(t.unitId, t.kind, t.period),
  ],
);
