/** 走访入户必评: a household visit logged by one of the three lines; each opens one evaluation the household answers. */
import { z } from 'zod';
import type { Label } from '../i18n.js';
import { Id, Page, Shown, text } from './common.js';
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
export const VISIT_PURPOSES = ['routine', 'care', 'follow_up', 'anti_fraud'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const VISIT_PURPOSE_LABELS: Record<VisitPurpose, Label> = {
  routine: { zh: '日常走访', en: 'Routine visit' },
  care: { zh: '关爱走访（住户申请）', en: 'Care visit (asked for)' },
  follow_up: { zh: '事项或纠纷回访', en: 'Follow-up of a matter or dispute' },
  anti_fraud: { zh: '反诈宣传', en: 'Anti-fraud talk' },
};

export const VisitInput = z
  .object({
    householdId: Id,
    line: z.enum(VISIT_LINES),
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
  line: z.enum(VISIT_LINES),
  staffId: Id,
  staffName: Shown,
  visitedAt: z.iso.datetime(),
  note: Shown.nullable(),
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
