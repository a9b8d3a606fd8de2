/**
 * The contract of 评价统计: the query (a month range and a type) and the
 * figures of one station, or of the stations under a bureau side by side.
 * What each count means is written once in domain/evaluation-figures.ts.
 */
import { z } from 'zod';
import { FIGURES_MAX_MONTHS, MONTH_PATTERN, monthsBetween } from '../domain/evaluation-figures.js';
import { REVIEW_STATUSES } from '../domain/evaluation-reviews.js';
import { EVALUATION_TYPES } from '../domain/evaluations.js';
import { Id, Shown, text } from './common.js';
import { Day, periodRules } from './dashboards.js';

const Month = text(7).regex(MONTH_PATTERN, 'must be a month as YYYY-MM');

export const EvaluationFiguresQuery = z
  .object({
    /** First month (Beijing time), `YYYY-MM`; by default five months before `to`. */ from: Month.optional(),
    /** Last month included, `YYYY-MM`; by default this month. */ to: Month.optional(),
    /** Only this type of evaluation; every type by default. */ type: z.enum(EVALUATION_TYPES).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || monthsBetween(q.from, q.to).length <= FIGURES_MAX_MONTHS, {
    message: `at most ${FIGURES_MAX_MONTHS} months`,
    path: ['to'],
  });
export type EvaluationFiguresQuery = z.infer<typeof EvaluationFiguresQuery>;

const Count = z.number().int();

/** The counts of one group; every rate is null when its denominator is 0. */
export const FigureCounts = z.object({
  /** 发出评价 */ requests: Count,
  /** 已评价 (leaving out 待确认) */ answered: Count,
  /** 有满意度: the denominator of 满意率 */ rated: Count,
  /** 满意（含基本满意） */ satisfied: Count,
  /** 不满意 */ unsatisfied: Count,
  /** 已评价 without a satisfaction answer: shown apart */ unrated: Count,
  /** 过期未评价 */ expired: Count,
  /** 待评价: still open, in no rate */ open: Count,
  /** 待确认: flagged, not accepted yet, in no rate */ flagged: Count,
  /** 满意率 = satisfied ÷ rated */ satisfactionRate: z.number().nullable(),
  /** 参评率 = answered ÷ (answered + expired) */ responseRate: z.number().nullable(),
});
export type FigureCounts = z.infer<typeof FigureCounts>;

export const FiguresByType = FigureCounts.extend({ type: z.enum(EVALUATION_TYPES) });
export const FiguresByMonth = FigureCounts.extend({ /** `YYYY-MM`, Beijing time */ month: Shown });

/** One officer: counts only from MIN_ANSWERS_PER_OFFICER rated answers up. */
export const FiguresByOfficer = z.object({
  staffId: Id,
  name: Shown,
  team: Shown.nullable(),
  /** Fewer rated answers than MIN_ANSWERS_PER_OFFICER: no counts are shown (样本不足). */
  sampleTooSmall: z.boolean(),
  counts: FigureCounts.nullable(),
});

/** A team (null: evaluations with no officer or an officer in no team). */
export const FiguresByTeam = FigureCounts.extend({ teamId: Id.nullable(), name: Shown.nullable() });

/** A village (null: work at the station level or above any village). */
export const FiguresByVillage = FigureCounts.extend({ unitId: Id.nullable(), name: Shown.nullable() });

/** 不满意 → 复核 → 回访 for the requests in the range. */
export const ReviewFigures = z.object({
  /** 复核发起 */ opened: Count,
  /** 已回访（复核关闭） */ closed: Count,
  /** closed with closed_at ≤ due_at */ closedOnTime: Count,
  /** not closed, due time passed */ overdueOpen: Count,
  /** not closed yet, due time not passed */ pending: Count,
  /** a callback assigned (closed or not) */ callbacksAssigned: Count,
  /** callback outcome recorded */ callbacksDone: Count,
  /** 按时率 = closedOnTime ÷ opened */ onTimeRate: z.number().nullable(),
  /** callbacks done by outcome (CALLBACK_OUTCOMES) */
  byOutcome: z.object({ explained: Count, still_unsatisfied: Count, rectification: Count }),
});
export type ReviewFigures = z.infer<typeof ReviewFigures>;

export const EvaluationFigures = z.object({
  stationId: Id,
  stationName: Shown,
  from: Shown,
  to: Shown,
  type: z.enum(EVALUATION_TYPES).nullable(),
  /** The instant "expired" and "overdue" were judged at. */
  asOf: z.iso.datetime(),
  minAnswersPerOfficer: Count,
  totals: FigureCounts,
  byType: z.array(FiguresByType),
  byMonth: z.array(FiguresByMonth),
  byOfficer: z.array(FiguresByOfficer),
  byTeam: z.array(FiguresByTeam),
  byVillage: z.array(FiguresByVillage),
  reviews: ReviewFigures,
});
export type EvaluationFigures = z.infer<typeof EvaluationFigures>;

/** A bureau's stations side by side: each station's totals and reviews. */
export const UnitEvaluationFigures = z.object({
  unitId: Id,
  unitName: Shown,
  from: Shown,
  to: Shown,
  type: z.enum(EVALUATION_TYPES).nullable(),
  asOf: z.iso.datetime(),
  stations: z.array(
    FigureCounts.extend({ stationId: Id, name: Shown, reviews: ReviewFigures.omit({ byOutcome: true }) }),
  ),
});
export type UnitEvaluationFigures = z.infer<typeof UnitEvaluationFigures>;

/**
 * 我的评价: an officer's own rated work — counts, never the answers. Shown to the officer even below
 * MIN_ANSWERS_PER_OFFICER (`sampleTooSmall` says so); others see an officer's figures only from there up.
 */
export const MyEvaluationFigures = z.object({
  from: Shown,
  to: Shown,
  asOf: z.iso.datetime(),
  minAnswersPerOfficer: Count,
  sampleTooSmall: z.boolean(),
  totals: FigureCounts,
  byType: z.array(FiguresByType),
  byMonth: z.array(FiguresByMonth),
});
export type MyEvaluationFigures = z.infer<typeof MyEvaluationFigures>;

/**
 * What the evaluations list (`GET /evaluations`) keeps of the period's requests, each the rule a figure counts by:
 * `answered` 已评价 (not 待确认), `rated` 有满意度, `satisfied`, `unsatisfied`, `expired` 过期未评价, `open` 待评价,
 * `flagged` 待确认.
 */
export const EVALUATION_RESULTS = [
  'answered',
  'rated',
  'satisfied',
  'unsatisfied',
  'expired',
  'open',
  'flagged',
] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];
/** 复核: the request's review was opened (not on a 待确认 answer), closed (回访完成), or its callback recorded. */
export const EVALUATION_REVIEW_STATES = ['opened', 'closed', 'called_back'] as const;
export type EvaluationReviewState = (typeof EVALUATION_REVIEW_STATES)[number];

const EvaluationFilters = {
  /** First and last Beijing day of the requests (when the work was done); both or neither. */
  from: Day.optional(),
  to: Day.optional(),
  /** A station or a bureau in the caller's sight; by default the caller's own scope. */
  unitId: Id.optional(),
  type: z.enum(EVALUATION_TYPES).optional(),
  result: z.enum(EVALUATION_RESULTS).optional(),
  review: z.enum(EVALUATION_REVIEW_STATES).optional(),
};
const bothEnds = (q: { from?: string | undefined; to?: string | undefined }) => !q.from === !q.to;
const BOTH_ENDS = { message: 'from and to go together', path: ['from'] };

export const EvaluationListQuery = periodRules(
  z
    .object({
      ...EvaluationFilters,
      page: z.coerce.number().int().min(1).max(100000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(20),
    })
    .strict()
    .refine(bothEnds, BOTH_ENDS),
);
export type EvaluationListQuery = z.infer<typeof EvaluationListQuery>;

/** `GET /evaluations/export`: the list's filters and why (导出事由, audited). */
export const EvaluationExportQuery = periodRules(
  z
    .object({ ...EvaluationFilters, /** 导出事由 */ reason: text(200, 2) })
    .strict()
    .refine(bothEnds, BOTH_ENDS),
);
export type EvaluationExportQuery = z.infer<typeof EvaluationExportQuery>;

/** One evaluation request as the list shows it: what was evaluated, whose work, and how it stands — never the answer. */
export const EvaluationListItem = z.object({
  id: Id,
  type: z.enum(EVALUATION_TYPES),
  stationName: Shown,
  officerName: Shown.nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  /** counted 已评价, flagged 待确认, expired 过期未评价, open 待评价. */
  state: z.enum(['counted', 'flagged', 'expired', 'open']),
  /** The satisfaction given (null: none given, or not counted). */
  satisfied: z.boolean().nullable(),
  /** The review's status, when one was opened. */
  reviewStatus: z.enum(REVIEW_STATUSES).nullable(),
});
export type EvaluationListItem = z.infer<typeof EvaluationListItem>;
