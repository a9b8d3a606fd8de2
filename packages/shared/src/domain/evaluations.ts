/**
 * 五必评 — the evaluations residents give after each piece of a station's work:
 * the five types, the kinds of question a template may ask, the two scale
 * presets (the three-level scale in use and the national 好差评 five levels),
 * and `validateAnswers`, the one check of an answer against its template.
 * The server validates with it; the resident's form may run it before sending.
 */
import type { Label, Locale } from '../i18n.js';

/** What is evaluated: 接处警/码上办, 接待来访, 召开会议, 走访入户, 意见反馈. */
export const EVALUATION_TYPES = ['matter', 'reception', 'meeting', 'visit', 'answer'] as const;
export type EvaluationType = (typeof EVALUATION_TYPES)[number];

export const EVALUATION_TYPE_LABELS: Record<EvaluationType, Label> = {
  matter: { zh: '接处警/码上办', en: 'Incidents and matters' },
  reception: { zh: '接待来访', en: 'Reception' },
  meeting: { zh: '召开会议', en: 'Meetings' },
  visit: { zh: '走访入户', en: 'Household visits' },
  answer: { zh: '意见反馈', en: 'Answers to suggestions' },
};

/** satisfaction scale, stars 1–5, yes/no, one choice, several choices, free text. */
export const QUESTION_KINDS = ['scale', 'stars', 'yes_no', 'one_choice', 'many_choices', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, Label> = {
  scale: { zh: '满意度', en: 'Satisfaction scale' },
  stars: { zh: '星级（1–5 星）', en: 'Stars (1–5)' },
  yes_no: { zh: '是/否', en: 'Yes / no' },
  one_choice: { zh: '单选', en: 'One choice' },
  many_choices: { zh: '多选', en: 'Several choices' },
  text: { zh: '文字', en: 'Free text' },
};

/** Kinds whose answers are picked from `options`. */
export const CHOICE_KINDS: readonly QuestionKind[] = ['scale', 'one_choice', 'many_choices'];

/** Longest free-text answer a template may allow, and the default. */
export const ANSWER_TEXT_MAX = 2000;
export const ANSWER_TEXT_DEFAULT = 500;

export interface QuestionOption {
  /** Stable value stored in the answer. */
  value: string;
  label: Label;
  /** On a scale: this option counts as satisfied in 满意率. */
  satisfied?: boolean;
}

/** The question is skipped (and must not be answered) when `question`'s answer is one of `in`. */
export interface SkipRule {
  question: string;
  in: (string | number | boolean)[];
}

export interface Question {
  id: string;
  kind: QuestionKind;
  label: Label;
  required: boolean;
  /** Scale and choice questions only. */
  options?: QuestionOption[];
  /** Text questions only; ANSWER_TEXT_DEFAULT when absent. */
  maxLength?: number;
  skipIf?: SkipRule;
}

export interface EvaluationTemplate {
  questions: Question[];
}

/** One answer per question id: an option value, several, a star count, yes/no, or text. */
export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

const opt = (value: string, zh: string, en: string, satisfied: boolean): QuestionOption => ({
  value,
  label: { zh, en },
  satisfied,
});

/** The scales a station starts from; each option says whether it counts as satisfied. */
export const SATISFACTION_SCALES = {
  /** In use now: 满意 and 基本满意 count as satisfied. */
  three: [
    opt('satisfied', '满意', 'Satisfied', true),
    opt('fairly_satisfied', '基本满意', 'Fairly satisfied', true),
    opt('unsatisfied', '不满意', 'Unsatisfied', false),
  ],
  /** National government-service 好差评: the first three count as satisfied. */
  five: [
    opt('very_satisfied', '非常满意', 'Very satisfied', true),
    opt('satisfied', '满意', 'Satisfied', true),
    opt('fairly_satisfied', '基本满意', 'Fairly satisfied', true),
    opt('unsatisfied', '不满意', 'Unsatisfied', false),
    opt('very_unsatisfied', '非常不满意', 'Very unsatisfied', false),
  ],
} as const satisfies Record<string, QuestionOption[]>;
export type SatisfactionScale = keyof typeof SATISFACTION_SCALES;

const WHAT_WENT_WRONG: QuestionOption[] = [
  opt('slow', '办理太慢', 'Too slow', false),
  opt('attitude', '态度不好', 'Unfriendly', false),
  opt('unresolved', '问题没解决', 'Not resolved', false),
  opt('unclear', '没说清楚', 'Not explained', false),
  opt('other', '其他', 'Other', false),
];

/** A preset template: the scale, "what went wrong" (skipped when satisfied) and an optional remark. */
export function presetTemplate(type: EvaluationType, scale: SatisfactionScale = 'three'): EvaluationTemplate {
  const options = SATISFACTION_SCALES[scale].map((o) => ({ ...o, label: { ...o.label } }));
  const what = EVALUATION_TYPE_LABELS[type];
  return {
    questions: [
      {
        id: 'overall',
        kind: 'scale',
        label: { zh: `您对这次${what.zh}满意吗？`, en: `How satisfied are you with this (${what.en})?` },
        required: true,
        options,
      },
      {
        id: 'wrong',
        kind: 'many_choices',
        label: { zh: '哪里做得不好？', en: 'What went wrong?' },
        required: true,
        options: WHAT_WENT_WRONG.map((o) => ({ value: o.value, label: { ...o.label } })),
        skipIf: { question: 'overall', in: options.filter((o) => o.satisfied).map((o) => o.value) },
      },
      {
        id: 'remark',
        kind: 'text',
        label: { zh: '还有什么想说的？', en: 'Anything else to tell us?' },
        required: false,
        maxLength: ANSWER_TEXT_DEFAULT,
      },
    ],
  };
}

/** What is wrong with an answer, naming its question. */
export type AnswerProblem =
  | { kind: 'required'; question: string }
  | { kind: 'not_an_option'; question: string }
  | { kind: 'too_long'; question: string; limit: number }
  | { kind: 'skipped'; question: string }
  | { kind: 'unknown_question'; question: string };

/** Whether `question` is skipped by the answers given to earlier questions. */
export function isSkipped(question: Question, answers: Answers): boolean {
  const rule = question.skipIf;
  if (!rule) return false;
  const given = answers[rule.question];
  if (given === undefined) return false;
  const values = Array.isArray(given) ? given : [given];
  return values.some((v) => rule.in.includes(v));
}

/** Whether `value` is a well-formed answer of the question's kind, within its options. */
function fits(q: Question, value: AnswerValue): boolean {
  const values = new Set((q.options ?? []).map((o) => o.value));
  switch (q.kind) {
    case 'scale':
    case 'one_choice':
      return typeof value === 'string' && values.has(value);
    case 'many_choices':
      return Array.isArray(value) && value.length > 0 && value.every((v) => values.has(v));
    case 'stars':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
    case 'yes_no':
      return typeof value === 'boolean';
    case 'text':
      return typeof value === 'string';
  }
}

const isEmpty = (value: AnswerValue | undefined) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && !value.length);

/** The first problem of `answers` against `template`, in question order; null when the answer is acceptable. */
export function validateAnswers(template: EvaluationTemplate, answers: Answers): AnswerProblem | null {
  const known = new Set(template.questions.map((q) => q.id));
  const stranger = Object.keys(answers).find((id) => !known.has(id));
  if (stranger !== undefined) return { kind: 'unknown_question', question: stranger };
  for (const q of template.questions) {
    const value = answers[q.id];
    if (isSkipped(q, answers)) {
      if (value !== undefined) return { kind: 'skipped', question: q.id };
      continue;
    }
    if (isEmpty(value)) {
      if (q.required) return { kind: 'required', question: q.id };
      continue;
    }
    if (!fits(q, value as AnswerValue)) return { kind: 'not_an_option', question: q.id };
    const limit = q.maxLength ?? ANSWER_TEXT_DEFAULT;
    if (q.kind === 'text' && (value as string).length > limit) return { kind: 'too_long', question: q.id, limit };
  }
  return null;
}

/** The problem in plain words: "第 2 题“哪里做得不好？”必须回答". */
export function answerProblemText(template: EvaluationTemplate, problem: AnswerProblem, locale: Locale): string {
  const index = template.questions.findIndex((q) => q.id === problem.question);
  const q = template.questions[index];
  const en = locale === 'en';
  const name = q
    ? en
      ? `question ${index + 1} "${q.label.en}"`
      : `第 ${index + 1} 题“${q.label.zh}”`
    : en
      ? `question "${problem.question}"`
      : `题目“${problem.question}”`;
  switch (problem.kind) {
    case 'required':
      return en ? `${name} must be answered` : `${name}必须回答`;
    case 'not_an_option':
      return en ? `${name}: the answer is not one of its choices` : `${name}的回答不在选项之内`;
    case 'too_long':
      return en ? `${name}: at most ${problem.limit} characters` : `${name}最多 ${problem.limit} 个字`;
    case 'skipped':
      return en ? `${name} is skipped by an earlier answer and must stay empty` : `${name}按前面的回答应跳过，不需回答`;
    case 'unknown_question':
      return en ? `${name} is not in this evaluation` : `${name}不在本次评价中`;
  }
}

/**
 * Whether an answer counts as satisfied: the option picked on the first scale question.
 * Null when the template has no scale or it was left unanswered (not rated, never a default).
 */
export function isSatisfiedAnswer(template: EvaluationTemplate, answers: Answers): boolean | null {
  const scale = template.questions.find((q) => q.kind === 'scale');
  const value = scale ? answers[scale.id] : undefined;
  const picked = scale?.options?.find((o) => o.value === value);
  return picked ? Boolean(picked.satisfied) : null;
}

/** What is wrong with a template a station sets, in English for the VALIDATION detail; null when sound. */
export function templateProblem(template: EvaluationTemplate): string | null {
  const seen = new Set<string>();
  for (const q of template.questions) {
    if (seen.has(q.id)) return `question "${q.id}" appears twice`;
    const choices = CHOICE_KINDS.includes(q.kind);
    const options = q.options ?? [];
    if (choices && options.length < 2) return `question "${q.id}" needs at least two options`;
    if (!choices && options.length) return `question "${q.id}" of kind ${q.kind} takes no options`;
    if (new Set(options.map((o) => o.value)).size !== options.length) return `question "${q.id}" repeats an option`;
    if (q.kind === 'scale' && !options.some((o) => o.satisfied))
      return `question "${q.id}" must mark which options count as satisfied`;
    if (q.maxLength !== undefined && q.kind !== 'text') return `question "${q.id}" is not a text question`;
    if (q.skipIf && !seen.has(q.skipIf.question))
      return `question "${q.id}" may only be skipped by an earlier question`;
    seen.add(q.id);
  }
  return null;
}
