/** 走访入户必评: a household visit logged by one of the three lines; each opens one evaluation the household answers. */
import { z } from 'zod';
import { MATTER_KINDS, URGENCIES } from '../domain/matters.js';
import { ADDRESS_KINDS } from '../domain/org.js';
import type { Label } from '../i18n.js';
import { CalendarDate } from './calendar.js';
import { Id, Page, paged, Shown, text } from './common.js';
import { Day, periodRules } from './dashboards.js';
import { DisputeFields } from './disputes.js';
import { EvaluationLink } from './public.js';

/** 三线合一: 公安警力线, 干部职工线, 社区网格线. */
export const VISIT_LINES = ['police', 'cadre', 'grid'] as const;
export type VisitLine = (typeof VISIT_LINES)[number];

export const VISIT_LINE_LABELS: Record<VisitLine, Label> = {
  police: { zh: '公安警力线', en: 'Police line' },
  cadre: { zh: '干部职工线', en: 'Cadres’ line' },
  grid: { zh: '社区网格线', en: 'Community grid line' },
};

/** Why the household was visited. A care visit exists only because the household asked for it. */
export const VISIT_PURPOSES = ['routine', 'care', 'follow_up', 'anti_fraud', 'inspection'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const VISIT_PURPOSE_LABELS: Record<VisitPurpose, Label> = {
  routine: { zh: '日常走访', en: 'Routine visit' },
  care: { zh: '关爱走访（住户申请）', en: 'Care visit (asked for)' },
  follow_up: { zh: '事项或纠纷回访', en: 'Follow-up of a matter or dispute' },
  anti_fraud: { zh: '反诈宣传', en: 'Anti-fraud talk' },
  inspection: { zh: '安全检查（企业/单位）', en: 'Safety inspection (enterprise)' },
};

export const VisitInput = z
  .object({
    householdId: Id,
    line: z.enum(VISIT_LINES),
    purpose: z.enum(VISIT_PURPOSES).default('routine'),
    /** Other staff of the station who went along. */
    companionIds: z.array(Id).max(10).default([]),
    /** Others who went along, in words (村干部王某、网格员). */
    otherVisitors: text(100).optional(),
    /** When the visit took place; now when absent. Not in the future. */
    visitedAt: z.iso.datetime({ offset: true }).optional(),
    /** What was talked about (internal). */
    note: text(500).optional(),
  })
  .strict();
export type VisitInput = z.infer<typeof VisitInput>;

export const VisitView = z.object({
  id: Id,
  stationId: Id,
  householdId: Id,
  address: Shown,
  /** A household, or an enterprise/unit with its name. */
  householdKind: z.enum(ADDRESS_KINDS),
  householdName: Shown.nullable(),
  line: z.enum(VISIT_LINES),
  purpose: z.enum(VISIT_PURPOSES),
  staffId: Id,
  staffName: Shown,
  companions: z.array(z.object({ id: Id, name: Shown })),
  otherVisitors: Shown.nullable(),
  visitedAt: z.iso.datetime(),
  note: Shown.nullable(),
  /** The matter the household's need became (走访发现), and the dispute case a dispute found became. */
  raisedMatterId: Id.nullable(),
  raisedDisputeId: Id.nullable(),
  /** Whether the household has answered the visit's evaluation. */
  evaluated: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type VisitView = z.infer<typeof VisitView>;

/** A visit just logged, with the link of its evaluation: the officer shows its QR on the phone right there. */
export const VisitLogged = VisitView.extend({ evaluation: EvaluationLink });
export type VisitLogged = z.infer<typeof VisitLogged>;

export const VisitQuery = Page;
export type VisitQuery = z.infer<typeof VisitQuery>;

/** The station's visit list's filters, shared by the list, its export and the dashboard's drill-down (社区警务). */
const VisitFilters = {
  /** Visited from this Beijing day; with `to`. */ from: Day.optional(),
  /** Visited up to this Beijing day, included; with `from`. */ to: Day.optional(),
  /** That unit's subtree (a village, a grid; a station or bureau from the dashboard) instead of the station; in sight. */
  unitId: Id.optional(),
  /** One line of the three (三线合一). */ line: z.enum(VISIT_LINES).optional(),
  /** Visits to households only, or to enterprises and units only. */ kind: z.enum(ADDRESS_KINDS).optional(),
  /** `1`: each household once, by its first visit among those the other filters keep (走访户数, not 走访次数). */
  first: z.enum(['1', 'true']).optional(),
};

/** A period is given whole: `from` and `to` together. */
const bothEnds = (q: { from?: string | undefined; to?: string | undefined }) => !q.from === !q.to;
const BOTH_ENDS = { message: 'from and to go together', path: ['from'] };

export const VisitListQuery = periodRules(Page.extend(VisitFilters).strict().refine(bothEnds, BOTH_ENDS));
export type VisitListQuery = z.infer<typeof VisitListQuery>;

/** `GET /stations/:id/visits/export`: the list's filters and why (导出事由, audited). */
export const VisitExportQuery = periodRules(
  z
    .object({ ...VisitFilters, /** 导出事由 */ reason: text(200, 2) })
    .strict()
    .refine(bothEnds, BOTH_ENDS),
);
export type VisitExportQuery = z.infer<typeof VisitExportQuery>;

/** An address to visit in one's own area: the address and an enterprise's name, nobody's personal data. */
export const VisitAddressQuery = z.object({ q: text(100).optional() }).strict();
export type VisitAddressQuery = z.infer<typeof VisitAddressQuery>;
export const VisitAddress = z.object({
  householdId: Id,
  address: Shown,
  kind: z.enum(ADDRESS_KINDS),
  name: Shown.nullable(),
  unitName: Shown,
});
export type VisitAddress = z.infer<typeof VisitAddress>;

/** A need the household raised, made a matter in one action: kind, urgency and what was asked, in the visitor's words. */
export const VisitMatterInput = z
  .object({
    kind: z.enum(MATTER_KINDS),
    urgency: z.enum(URGENCIES).default('normal'),
    body: text(2000, 2),
  })
  .strict();
export type VisitMatterInput = z.infer<typeof VisitMatterInput>;

/** A dispute the visit found, made a case (source 摸排) at the household in one action. */
export const VisitDisputeInput = DisputeFields.omit({ source: true, householdId: true, unitId: true }).strict();
export type VisitDisputeInput = z.infer<typeof VisitDisputeInput>;

/** A station's visit plan: every household at least once in `everyMonths` months (走访全覆盖). */
export const VisitSettings = z
  .object({
    everyMonths: z.number().int().min(1).max(36),
    /** Enterprises and units (企业、商铺、学校) are inspected more often: every so many months. */
    enterpriseEveryMonths: z.number().int().min(1).max(36).default(3),
  })
  .strict();
export type VisitSettings = z.infer<typeof VisitSettings>;
export const DEFAULT_VISIT_SETTINGS: VisitSettings = { everyMonths: 12, enterpriseEveryMonths: 3 };

/** 关爱走访: the household asked to be visited every `everyDays` days. */
export const CareRequestInput = z
  .object({
    everyDays: z.number().int().min(7).max(365),
    /** What the household asked for (独居老人，希望每月来看看). */
    reason: text(200).optional(),
  })
  .strict();
export type CareRequestInput = z.infer<typeof CareRequestInput>;

export const CareRequestView = z.object({
  id: Id,
  householdId: Id,
  address: Shown,
  everyDays: z.number().int(),
  reason: Shown.nullable(),
  requestedAt: z.iso.datetime(),
  /** Who wrote it down; null when the household asked on its doorplate page. */
  recordedByName: Shown.nullable(),
});
export type CareRequestView = z.infer<typeof CareRequestView>;

/** Whose list: `mine` (the areas of my beats and duties), or the whole station (or one village or grid of it). */
export const VisitPlanQuery = Page.extend({
  unitId: Id.optional(),
  mine: z.enum(['1', '0']).default('0'),
  /** Only households, or only enterprises and units; both when absent. */
  kind: z.enum(ADDRESS_KINDS).optional(),
  /** Only households due within this many days (0: due today or overdue). */
  withinDays: z.coerce.number().int().min(0).max(366).default(30),
}).strict();
export type VisitPlanQuery = z.infer<typeof VisitPlanQuery>;

/** A household due a visit: never visited, past the station's interval, or past its care interval. */
export const VisitDue = z.object({
  householdId: Id,
  address: Shown,
  kind: z.enum(ADDRESS_KINDS),
  /** An enterprise's or unit's name. */
  name: Shown.nullable(),
  unitName: Shown,
  lastVisitedAt: z.iso.datetime().nullable(),
  /** The Beijing date it is due by; the oldest first. */
  dueOn: CalendarDate,
  /** Days past its due date (0: due today; negative: due in so many days). */
  overdueDays: z.number().int(),
  /** Set when the household asked for care visits. */
  careEveryDays: z.number().int().nullable(),
});
export type VisitDue = z.infer<typeof VisitDue>;
export const VisitPlan = paged(VisitDue).extend({
  everyMonths: z.number().int(),
  enterpriseEveryMonths: z.number().int(),
});
export type VisitPlan = z.infer<typeof VisitPlan>;

/** Coverage over a period, for the station (by village) or one village or grid (by grid). */
export const CoverageQuery = z
  .object({
    from: CalendarDate,
    to: CalendarDate,
    unitId: Id.optional(),
    /** Households (the default) or enterprises and units: each is its own coverage. */
    kind: z.enum(ADDRESS_KINDS).default('household'),
  })
  .strict();
export type CoverageQuery = z.infer<typeof CoverageQuery>;

const CoverageCount = z.object({ households: z.number().int(), visited: z.number().int() });

/** 走访覆盖率: households visited in the period over all households, with the breakdowns the chief reads. */
export const VisitCoverage = CoverageCount.extend({
  from: CalendarDate,
  to: CalendarDate,
  visits: z.number().int(),
  /** Villages of the station, or grids of the village asked for. */
  byUnit: z.array(CoverageCount.extend({ unitId: Id, name: Shown, kind: Shown })),
  /** Per line: its visits, and the households it reached. */
  byLine: z.array(z.object({ line: z.enum(VISIT_LINES), visits: z.number().int(), visited: z.number().int() })),
  /** Per visitor (who logged it): visits, and households reached. */
  byStaff: z.array(z.object({ staffId: Id, name: Shown, visits: z.number().int(), visited: z.number().int() })),
});
export type VisitCoverage = z.infer<typeof VisitCoverage>;

export const UnvisitedQuery = CoverageQuery.merge(Page).strict();
export type UnvisitedQuery = z.infer<typeof UnvisitedQuery>;
export const UnvisitedHousehold = z.object({
  householdId: Id,
  address: Shown,
  kind: z.enum(ADDRESS_KINDS),
  name: Shown.nullable(),
  unitName: Shown,
  lastVisitedAt: z.iso.datetime().nullable(),
});
export type UnvisitedHousehold = z.infer<typeof UnvisitedHousehold>;
