/**
 * 矛盾纠纷 cases: the case (from a matter, the desk or 摸排), its parties (particulars sealed, masks for
 * lists), its assessments (分级评估: each kept with its factors) and its colour changes (三色: each with its
 * reason). The case's own history is read from these rows.
 */
import {
  DISPUTE_CATEGORIES,
  DISPUTE_LEVELS,
  DISPUTE_SOURCES,
  DISPUTE_STATUSES,
  PARTY_KINDS,
  PARTY_ROLES,
} from '@jingmin/shared';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { matters } from './matters.js';
import { households, units } from './org.js';
import { staff } from './staff.js';

export const disputeCategory = pgEnum('dispute_category', DISPUTE_CATEGORIES);
export const disputeLevel = pgEnum('dispute_level', DISPUTE_LEVELS);
export const disputeSource = pgEnum('dispute_source', DISPUTE_SOURCES);
export const disputeStatus = pgEnum('dispute_status', DISPUTE_STATUSES);
export const partyKind = pgEnum('dispute_party_kind', PARTY_KINDS);
export const partyRole = pgEnum('dispute_party_role', PARTY_ROLES);

export const disputeCases = pgTable(
  'dispute_cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** 案件编号 MD20261130-000001, from `dispute_number_seq`. */
    number: text().notNull(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** Where the dispute is (its household's unit, or the village/grid the desk named): scopes who sees it. */
    unitPath: text().notNull(),
    householdId: uuid().references(() => households.id),
    /** The resident's 矛盾纠纷 matter it came from: one case per matter. */
    matterId: uuid().references(() => matters.id),
    source: disputeSource().notNull(),
    category: disputeCategory().notNull(),
    subcategory: text(),
    title: text().notNull(),
    facts: text().notNull(),
    /** The latest assessment's level; null until assessed. */
    level: disputeLevel(),
    /** The station's scheme when the case was coloured, and the colour's key in it. */
    colourScheme: text().notNull(),
    colour: text(),
    status: disputeStatus().notNull().default('accepted'),
    collective: boolean().notNull().default(false),
    acceptedAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('dispute_cases_number_key').on(t.number),
    uniqueIndex('dispute_cases_matter_key').on(t.matterId),
    index('dispute_cases_station_idx').on(t.stationId, t.status, t.acceptedAt),
  ],
);

export const disputeParties = pgTable(
  'dispute_parties',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    kind: partyKind().notNull(),
    role: partyRole().notNull(),
    /** SM4-sealed name, and its mask for lists. */
    nameEnc: text().notNull(),
    nameMasked: text().notNull(),
    relation: text(),
    phoneEnc: text(),
    phoneMasked: text(),
    idNumberEnc: text(),
    idNumberMasked: text(),
    /** From the ID number: the guardian rule reads it without opening the number. */
    birthDate: text(),
    householdId: uuid().references(() => households.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispute_parties_case_idx').on(t.caseId)],
);

export const disputeAssessments = pgTable(
  'dispute_assessments',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    level: disputeLevel().notNull(),
    /** shared `AssessmentFactors`. */
    factors: jsonb().notNull(),
    note: text(),
    assessedBy: uuid()
      .notNull()
      .references(() => staff.id),
    assessedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('dispute_assessments_case_idx').on(t.caseId, t.assessedAt)],
);

export const disputeColourChanges = pgTable(
  'dispute_colour_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    scheme: text().notNull(),
    fromColour: text(),
    toColour: text().notNull(),
    reason: text().notNull(),
    changedBy: uuid()
      .notNull()
      .references(() => staff.id),
    changedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('dispute_colour_changes_case_idx').on(t.caseId, t.changedAt)],
);
