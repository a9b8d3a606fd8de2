/**
 * 双率抽查 — sample checks of 熟悉率 and 知晓率: the chief or the bureau draws
 * households at random from an officer's area, an inspector (by default from
 * another station: 交叉互评) visits or phones each and records two yes/no
 * answers, and the rates are shown with their sample size and a 95% interval.
 */
import { z } from 'zod';
import { Id, Shown, text } from './common.js';
import { MAX_GRANT_DAYS } from './scope.js';

/** The largest sample one draw takes. */
export const MAX_CHECK_SAMPLE = 50;

/** How the inspector reached the household: a visit, or a call to a number the household left on record. */
export const CHECK_METHODS = ['visit', 'phone'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

export const DrawCheckInput = z
  .object({
    /** The officer whose area (the units where they are 责任民警, inherited below) is sampled. */ officerId: Id,
    /** How many households to draw, without replacement. */
    size: z.number().int().min(1).max(MAX_CHECK_SAMPLE),
    /** The inspector; by default someone from another station (交叉互评). */ inspectorId: Id.optional(),
    /** A seed to draw again an earlier sample; by default a fresh random one, stored with the sample. */
    seed: text(64, 1)
      .regex(/^[A-Za-z0-9_-]+$/, { message: 'letters, digits, - and _ only' })
      .optional(),
    /** Days the inspector may read the sampled households (the scope grant's life). */
    days: z.number().int().min(1).max(MAX_GRANT_DAYS).default(7),
  })
  .strict();
export type DrawCheckInput = z.infer<typeof DrawCheckInput>;

export const CheckItemView = z.object({
  id: Id,
  householdId: Id,
  address: Shown,
  doorplateCode: Shown,
  unitName: Shown,
  /** The household left a phone number on record (so it may be phoned); the number itself is not shown here. */
  phoneOnRecord: z.boolean(),
  /** 知晓: the household knows its officer. */
  knowsOfficer: z.boolean().nullable(),
  /** 熟悉: the officer knows the household. */
  officerKnows: z.boolean().nullable(),
  method: z.enum(CHECK_METHODS).nullable(),
  answeredAt: z.iso.datetime().nullable(),
});
export type CheckItemView = z.infer<typeof CheckItemView>;

export const CheckSampleView = z.object({
  id: Id,
  stationId: Id,
  stationName: Shown,
  officerId: Id,
  officerName: Shown,
  inspectorId: Id,
  inspectorName: Shown,
  /** The inspector belongs to another station than the officer (交叉互评). */
  crossStation: z.boolean(),
  /** The seed the sample was drawn with: the same seed over the same area draws the same households. */
  seed: Shown,
  /** Households in the officer's area when drawn. */
  population: z.number().int(),
  size: z.number().int(),
  answered: z.number().int(),
  drawnBy: Id,
  createdAt: z.iso.datetime(),
  /** The inspector's read of the sampled households ends then. */
  expiresAt: z.iso.datetime(),
  items: z.array(CheckItemView),
});
export type CheckSampleView = z.infer<typeof CheckSampleView>;

export const CheckAnswerInput = z
  .object({
    knowsOfficer: z.boolean(),
    officerKnows: z.boolean(),
    method: z.enum(CHECK_METHODS),
  })
  .strict();
export type CheckAnswerInput = z.infer<typeof CheckAnswerInput>;

export const CheckItemParams = z.object({ id: Id, itemId: Id }).strict();

export const CheckRatesQuery = z
  .object({
    /** Only this station (in the caller's scope); by default every station in it. */ stationId: Id.optional(),
  })
  .strict();
export type CheckRatesQuery = z.infer<typeof CheckRatesQuery>;

/** yes / answered with its 95% Wilson interval; null rates when nothing was answered. */
export const Rate = z.object({
  yes: z.number().int(),
  answered: z.number().int(),
  rate: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

export const CheckRateRow = z.object({
  stationId: Id,
  stationName: Shown,
  /** Null on a station's total row. */
  officerId: Id.nullable(),
  officerName: Shown.nullable(),
  /** 知晓率: households that know their officer. */
  knowsOfficer: Rate,
  /** 熟悉率: households the officer knows. */
  officerKnows: Rate,
});
export type CheckRateRow = z.infer<typeof CheckRateRow>;

export const CheckRates = z.object({ officers: z.array(CheckRateRow), stations: z.array(CheckRateRow) });
export type CheckRates = z.infer<typeof CheckRates>;

export const CheckOfficersQuery = z.object({ /** A station in the caller's scope. */ stationId: Id }).strict();
export type CheckOfficersQuery = z.infer<typeof CheckOfficersQuery>;

/** An officer a sample may be drawn for, with the size of their area. */
export const CheckOfficer = z.object({
  id: Id,
  name: Shown,
  /** Where the account works (the station, or a police office below it). */ unitName: Shown,
  /** Households whose nearest responsible officer (责任民警) is this officer: the population a draw samples. */
  households: z.number().int(),
});
export type CheckOfficer = z.infer<typeof CheckOfficer>;

/** Someone who may inspect: the community officers of the bureau, those of other stations first (交叉互评). */
export const CheckInspector = z.object({
  id: Id,
  name: Shown,
  stationId: Id,
  stationName: Shown,
  /** Belongs to another station than the one sampled. */ crossStation: z.boolean(),
});
export type CheckInspector = z.infer<typeof CheckInspector>;

export const CheckOfficers = z.object({
  stationId: Id,
  stationName: Shown,
  officers: z.array(CheckOfficer),
  inspectors: z.array(CheckInspector),
});
export type CheckOfficers = z.infer<typeof CheckOfficers>;
