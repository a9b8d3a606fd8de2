/**
 * The evaluations list's filters from the page address — a dashboard's drill-down (`?from=&to=&unitId=&type=&result=
 * &review=`): each part kept only when sound; together they are the list's query (GET /evaluations) and its export's,
 * and the words of the tag that says what the list shows.
 */
import {
  DAY_PATTERN,
  EVALUATION_RESULTS,
  EVALUATION_REVIEW_STATES,
  EVALUATION_TYPE_LABELS,
  EVALUATION_TYPES,
  type EvaluationResult,
  type EvaluationReviewState,
  type EvaluationType,
  isCalendarDay,
} from '@jingmin/shared';

export interface EvaluationDrill {
  period: { from: string; to: string } | null;
  unitId: string | null;
  type: EvaluationType | null;
  result: EvaluationResult | null;
  review: EvaluationReviewState | null;
}

export const EVALUATION_DRILL_KEYS = ['from', 'to', 'unitId', 'type', 'result', 'review'] as const;

export const RESULT_WORDS: Record<EvaluationResult, { zh: string; en: string }> = {
  answered: { zh: '已评价', en: 'Answered' },
  rated: { zh: '有满意度', en: 'Rated' },
  satisfied: { zh: '满意（含基本满意）', en: 'Satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
  expired: { zh: '过期未评价', en: 'Expired' },
  open: { zh: '待评价', en: 'Awaiting answer' },
  flagged: { zh: '待确认', en: 'To confirm' },
};

export const REVIEW_WORDS: Record<EvaluationReviewState, { zh: string; en: string }> = {
  opened: { zh: '已发起复核', en: 'Review opened' },
  closed: { zh: '复核已办结', en: 'Review closed' },
  called_back: { zh: '已回访', en: 'Called back' },
};

const day = (v: string | null) => (v && DAY_PATTERN.test(v) && isCalendarDay(v) ? v : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readEvaluationDrill(get: (key: string) => string | null): EvaluationDrill {
  const from = day(get('from'));
  const to = day(get('to'));
  const unitId = get('unitId');
  return {
    period: from && to && from <= to ? { from, to } : null,
    unitId: unitId && UUID.test(unitId) ? unitId : null,
    type: EVALUATION_TYPES.find((x) => x === get('type')) ?? null,
    result: EVALUATION_RESULTS.find((x) => x === get('result')) ?? null,
    review: EVALUATION_REVIEW_STATES.find((x) => x === get('review')) ?? null,
  };
}

export const hasEvaluationDrill = (d: EvaluationDrill) =>
  Boolean(d.period || d.unitId || d.type || d.result || d.review);

export function evaluationDrillQuery(d: EvaluationDrill): Record<string, string> {
  return {
    ...(d.period ?? {}),
    ...(d.unitId ? { unitId: d.unitId } : {}),
    ...(d.type ? { type: d.type } : {}),
    ...(d.result ? { result: d.result } : {}),
    ...(d.review ? { review: d.review } : {}),
  };
}

/** 评价：2026-11-01 至 2026-11-30 · 接处警/码上办 · 不满意 · 所选单位及其下级 */
export function evaluationDrillWords(d: EvaluationDrill): { zh: string; en: string } {
  const parts: { zh: string; en: string }[] = [];
  if (d.period) parts.push({ zh: `${d.period.from} 至 ${d.period.to}`, en: `${d.period.from} to ${d.period.to}` });
  if (d.type) parts.push(EVALUATION_TYPE_LABELS[d.type]);
  if (d.result) parts.push(RESULT_WORDS[d.result]);
  if (d.review) parts.push(REVIEW_WORDS[d.review]);
  if (d.unitId) parts.push({ zh: '所选单位及其下级', en: 'The chosen unit and below' });
  return {
    zh: `评价清单：${parts.map((p) => p.zh).join(' · ')}`,
    en: `Evaluations: ${parts.map((p) => p.en).join(' · ')}`,
  };
}
