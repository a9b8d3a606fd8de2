/** 隐患台账: hazards found in the field, each with a rectification deadline and a fix verified by someone else. */
import { z } from 'zod';
import type { Label } from '../i18n.js';
import { Id, Name, Page, paged, Shown, text } from './common.js';
import { Day, periodRules } from './dashboards.js';

/** Where a hazard was found: a household visit, a patrol, a matter, an inspection of an enterprise, a volunteer's report. */
export const HAZARD_SOURCES = ['visit', 'patrol', 'matter', 'inspection', 'report'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_SOURCE_LABELS: Record<HazardSource, Label> = {
  visit: { zh: '走访发现', en: 'Household visit' },
  patrol: { zh: '巡逻发现', en: 'Patrol' },
  matter: { zh: '群众反映', en: 'From a matter' },
  inspection: { zh: '检查发现', en: 'Inspection' },
  report: { zh: '群防上报', en: 'Volunteer report' },
};

/** open → rectified (the fix reported) → verified (checked by someone other than its owner); voided when entered by mistake. */
export const HAZARD_STATUSES = ['open', 'rectified', 'verified', 'voided'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_STATUS_LABELS: Record<HazardStatus, Label> = {
  open: { zh: '整改中', en: 'Being fixed' },
  rectified: { zh: '待复核', en: 'Awaiting verification' },
  verified: { zh: '已销号', en: 'Fixed and verified' },
  voided: { zh: '已作废', en: 'Voided' },
};

/** The actions a session may take on a hazard: 整改上报, 复核 (accept or return), 作废. */
export const HAZARD_ACTIONS = ['rectify', 'verify', 'void'] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

/** A station's hazard kinds when it has not set its own: `key` is stored on each hazard, `name` shown. */
export const DEFAULT_HAZARD_KINDS: readonly { key: string; name: string; periodDays: number | null }[] = [
  { key: 'fire', name: '消防安全', periodDays: 3 },
  { key: 'traffic', name: '交通安全', periodDays: null },
  { key: 'structure', name: '房屋结构', periodDays: null },
  { key: 'electrical', name: '用电安全', periodDays: null },
  { key: 'gas', name: '燃气安全', periodDays: null },
  { key: 'enterprise', name: '企业安全生产', periodDays: null },
  { key: 'chemicals', name: '危险化学品', periodDays: null },
  { key: 'security', name: '治安防范', periodDays: null },
  { key: 'other', name: '其他', periodDays: null },
];

/** 整改期限 in days when neither the station nor the kind says otherwise. */
export const DEFAULT_HAZARD_PERIOD_DAYS = 7;

const Days = z.number().int().min(1).max(365);

/** One hazard kind of a station. */
export const HazardKind = z
  .object({
    /** Stored on each hazard: letters, digits, `_` or `-` (e.g. `fire`); never changes once used. */
    key: text(40, 1).regex(/^[a-z0-9_-]+$/i, { message: 'must be letters, digits, _ or -' }),
    /** What people read: 消防安全 … */
    name: Name.pipe(text(20, 1)),
    /** 整改期限 of this kind in days; null: the station's default. */
    periodDays: Days.nullable(),
  })
  .strict();
export type HazardKind = z.infer<typeof HazardKind>;

/** 隐患设置 of a station: its kinds and its default rectification period. */
export const HazardSettings = z
  .object({
    kinds: z.array(HazardKind).min(1).max(40),
    /** 默认整改期限 (days). */
    defaultPeriodDays: Days,
  })
  .strict();
export type HazardSettings = z.infer<typeof HazardSettings>;

/**
 * The field phone's start: the station the session works for — its scope's station, also for a grid worker
 * whose sight stops at its village — and that station's kinds.
 */
export const MyHazardSettings = z.object({ stationId: Id, settings: HazardSettings });
export type MyHazardSettings = z.infer<typeof MyHazardSettings>;

/** 登记隐患. Where: a village or grid (`unitId`) or a household (`householdId`, its unit derived), one of them. */
export const RecordHazardInput = z
  .object({
    /** The village or grid it lies in. */ unitId: Id.optional(),
    /** The household or enterprise address it was found at. */ householdId: Id.optional(),
    /** Where, in words: an address, a road section, a shop. */ place: text(200, 1),
    /** One of the station's kinds (its `key`). */ kind: text(40, 1),
    /** What is wrong. */ description: text(2000, 1),
    source: z.enum(HAZARD_SOURCES),
    /** The visit it was found on (source `visit`). */ visitId: Id.optional(),
    /** The patrol it was found on (source `patrol`). */ patrolSessionId: Id.optional(),
    /** The matter it came from (source `matter`). */ matterId: Id.optional(),
    /** Who must fix it: the household, shop, enterprise or department (责任单位/责任人). */ rectifier:
      text(100).optional(),
    /** The staff member who follows it; default: whoever records it. */ responsibleId: Id.optional(),
    /** 整改期限 (Beijing date); default: the found date plus the kind's period. */ deadlineOn: z.iso.date().optional(),
    /** Photos uploaded first through /stations/:id/hazard-photos. */ photoIds: z.array(Id).max(9).default([]),
  })
  .strict();
export type RecordHazardInput = z.input<typeof RecordHazardInput>;

/**
 * The hazards the dashboard counts (社区警务), each one condition the figure and the list share: found in the period,
 * verified (销号) in it, and open past the deadline now. Voided hazards count in none.
 */
export const HAZARD_SETS = ['found', 'fixed', 'overdue'] as const;
export type HazardSet = (typeof HAZARD_SETS)[number];

export const HAZARD_SET_LABELS: Record<HazardSet, Label> = {
  found: { zh: '期间内发现', en: 'Found in the period' },
  fixed: { zh: '期间内销号', en: 'Fixed and verified in the period' },
  overdue: { zh: '当前逾期未整改', en: 'Overdue now' },
};

/** The register's filters, shared by the list, its export and the dashboard's drill-down. */
const HazardFilters = {
  status: z.enum(HAZARD_STATUSES).optional(),
  kind: text(40).optional(),
  /** That unit's subtree (a village, a grid; a station or bureau from the dashboard); in sight. */ unitId:
    Id.optional(),
  /** `true`: open hazards past their deadline only. */ overdue: z.enum(['true', '1']).optional(),
  /** `1`: the phone's list — the session's own open hazards (followed or found by it), soonest deadline first. */
  mine: z.enum(['true', '1']).optional(),
  /** Only the hazards a dashboard figure counted (found and fixed over `from`–`to`; overdue now). */
  set: z.enum(HAZARD_SETS).optional(),
  /** First Beijing day of the period of `set`. */ from: Day.optional(),
  /** Last Beijing day of it, included. */ to: Day.optional(),
};

/** `found` and `fixed` count over a period (`from` and `to`); `overdue` is now. */
const setHasPeriod = (q: { set?: string | undefined; from?: string | undefined; to?: string | undefined }) =>
  !q.set || q.set === 'overdue' || Boolean(q.from && q.to);
const SET_NEEDS_PERIOD = { message: 'found and fixed need from and to', path: ['from'] };

export const HazardListQuery = periodRules(Page.extend(HazardFilters).strict().refine(setHasPeriod, SET_NEEDS_PERIOD));
export type HazardListQuery = z.infer<typeof HazardListQuery>;

/** `GET /stations/:id/hazards/export`: the register's filters and why (导出事由, audited). */
export const HazardExportQuery = periodRules(
  z
    .object({ ...HazardFilters, /** 导出事由 */ reason: text(200, 2) })
    .strict()
    .refine(setHasPeriod, SET_NEEDS_PERIOD),
);
export type HazardExportQuery = z.infer<typeof HazardExportQuery>;

const Version = z.number().int().min(1);

/** 整改上报: the fix is reported, with a note and photos uploaded first through /hazards/:id/photos. */
export const RectifyHazardInput = z
  .object({ version: Version, note: text(1000, 1), photoIds: z.array(Id).max(9).default([]) })
  .strict();
export type RectifyHazardInput = z.input<typeof RectifyHazardInput>;

/** 复核: accepted → 已销号; not accepted → back to 整改中 with the note (then required). */
export const VerifyHazardInput = z
  .object({ version: Version, accepted: z.boolean(), note: text(1000).default('') })
  .strict();
export type VerifyHazardInput = z.input<typeof VerifyHazardInput>;

/** 作废: entered by mistake or twice; the reason is kept. */
export const VoidHazardInput = z.object({ version: Version, reason: text(500, 1) }).strict();
export type VoidHazardInput = z.infer<typeof VoidHazardInput>;

const Person = z.object({ id: Id, name: Shown });

export const HazardListItem = z.object({
  id: Id,
  stationId: Id,
  unit: z.object({ id: Id, name: Shown, kind: Shown }),
  /** The village the unit lies in (the unit itself when it is one). */
  village: z.object({ id: Id, name: Shown }).nullable(),
  place: Shown,
  kind: Shown,
  kindName: Shown,
  source: z.enum(HAZARD_SOURCES),
  status: z.enum(HAZARD_STATUSES),
  rectifier: Shown.nullable(),
  responsible: Person,
  foundAt: z.iso.datetime(),
  deadlineOn: z.iso.date(),
  /** Open past its deadline (Beijing date). */
  overdue: z.boolean(),
  escalatedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type HazardListItem = z.infer<typeof HazardListItem>;

export const HazardPage = paged(HazardListItem);
export type HazardPage = z.infer<typeof HazardPage>;

/** One step of a hazard's life: 发现, 整改上报, 复核退回, 复核销号, 逾期提醒, 作废. */
export const HazardStep = z.object({
  what: z.enum(['found', 'rectified', 'rejected', 'verified', 'escalated', 'voided']),
  at: z.iso.datetime(),
  by: Person.nullable(),
  note: Shown.nullable(),
});
export type HazardStep = z.infer<typeof HazardStep>;

export const HazardView = HazardListItem.extend({
  description: Shown,
  householdId: Id.nullable(),
  /** What it was found by, when linked: a visit, a patrol, a matter. */
  link: z
    .object({ type: z.enum(['visit', 'patrol', 'matter']), id: Id, label: Shown, at: z.iso.datetime().nullable() })
    .nullable(),
  foundBy: Person,
  rectified: z.object({ at: z.iso.datetime(), by: Person, note: Shown.nullable() }).nullable(),
  verified: z.object({ at: z.iso.datetime(), by: Person, note: Shown.nullable() }).nullable(),
  voidedReason: Shown.nullable(),
  /** Photos of the place when found, and of the latest fix. */
  photos: z.object({ found: z.array(Id), fixed: z.array(Id) }),
  timeline: z.array(HazardStep),
  allowedActions: z.array(z.enum(HAZARD_ACTIONS)),
});
export type HazardView = z.infer<typeof HazardView>;

export const HazardFiguresQuery = z.object({ from: z.iso.date(), to: z.iso.date() }).strict();
export type HazardFiguresQuery = z.infer<typeof HazardFiguresQuery>;

const Counts = {
  /** Found in the period. */ found: z.number().int(),
  /** Verified (销号) in the period. */ fixed: z.number().int(),
  /** Open now (整改中 or 待复核). */ open: z.number().int(),
  /** Open now and past the deadline. */ overdue: z.number().int(),
};

/** 隐患统计: found and fixed in a period; open and overdue now; by kind and by village. */
export const HazardFigures = z.object({
  stationId: Id,
  from: z.iso.date(),
  to: z.iso.date(),
  today: z.iso.date(),
  ...Counts,
  byKind: z.array(z.object({ kind: Shown, name: Shown, ...Counts })),
  byVillage: z.array(z.object({ unitId: Id, name: Shown, ...Counts })),
});
export type HazardFigures = z.infer<typeof HazardFigures>;
