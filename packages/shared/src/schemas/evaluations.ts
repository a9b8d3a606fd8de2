/** 五必评: evaluation templates a station sets, and the resident's answer through a single-use link. */
import { z } from 'zod';
import {
  ANSWER_TEXT_MAX,
  EVALUATION_TYPES,
  type EvaluationTemplate,
  QUESTION_KINDS,
  templateProblem,
} from '../domain/evaluations.js';
import { Id, Shown, text } from './common.js';

const QuestionId = text(40, 1).regex(/^[a-z][a-z0-9_]*$/, { message: 'must be lower-case letters, digits or _' });
const OptionValue = text(40, 1).regex(/^[a-z0-9_]+$/, { message: 'must be lower-case letters, digits or _' });
const QuestionLabel = z.object({ /** 中文 */ zh: text(200, 1), /** English */ en: text(200, 1) }).strict();

export const QuestionOptionInput = z
  .object({
    /** Stored in the answer. */ value: OptionValue,
    label: QuestionLabel,
    /** On a scale: counts as satisfied in 满意率. */ satisfied: z.boolean().optional(),
  })
  .strict();

export const QuestionInput = z
  .object({
    /** Stable id the answers are keyed by. */ id: QuestionId,
    kind: z.enum(QUESTION_KINDS),
    label: QuestionLabel,
    required: z.boolean(),
    /** Scale and choice questions: 2–10 options. */ options: z.array(QuestionOptionInput).max(10).optional(),
    /** Text questions: the longest answer. */ maxLength: z.number().int().min(1).max(ANSWER_TEXT_MAX).optional(),
    /** Skip this question when an earlier question's answer is one of `in`. */
    skipIf: z
      .object({
        question: QuestionId,
        in: z
          .array(z.union([OptionValue, z.number(), z.boolean()]))
          .min(1)
          .max(10),
      })
      .strict()
      .optional(),
  })
  .strict();
export type QuestionInput = z.infer<typeof QuestionInput>;

/** A station's new template version for one evaluation type (所长设置). */
export const EvaluationTemplateInput = z
  .object({ questions: z.array(QuestionInput).min(1).max(20) })
  .strict()
  .superRefine((t, c) => {
    const problem = templateProblem(t as EvaluationTemplate);
    if (problem) c.addIssue({ code: 'custom', message: problem, path: ['questions'] });
  });
export type EvaluationTemplateInput = z.infer<typeof EvaluationTemplateInput>;

export const EvaluationTypeParams = z.object({ id: Id, type: z.enum(EVALUATION_TYPES) }).strict();
export type EvaluationTypeParams = z.infer<typeof EvaluationTypeParams>;

/** The secret of one evaluation request, taken exactly as sent. */
export const EvaluationTokenParams = z
  .object({ token: text(64, 20, { trim: false }).regex(/^[A-Za-z0-9_-]{20,64}$/) })
  .strict();
export type EvaluationTokenParams = z.infer<typeof EvaluationTokenParams>;

const AnswerValueInput = z.union([
  text(ANSWER_TEXT_MAX, 0),
  z.number().int().min(0).max(10),
  z.boolean(),
  z.array(OptionValue).max(10),
]);

/** A resident's answer, against the template version the resident was shown. */
export const EvaluationAnswerInput = z
  .object({
    /** The version shown with the request (0 = the preset). */ version: z.number().int().min(0).max(100_000),
    /** One answer per question id. */ answers: z.record(QuestionId, AnswerValueInput),
  })
  .strict();
export type EvaluationAnswerInput = z.infer<typeof EvaluationAnswerInput>;

const LabelView = z.object({ zh: Shown, en: Shown });
const QuestionView = z.object({
  id: Shown,
  kind: z.enum(QUESTION_KINDS),
  label: LabelView,
  required: z.boolean(),
  options: z.array(z.object({ value: Shown, label: LabelView, satisfied: z.boolean().optional() })).optional(),
  maxLength: z.number().int().optional(),
  skipIf: z.object({ question: Shown, in: z.array(z.union([Shown, z.number(), z.boolean()])) }).optional(),
});

/** A station's template in force for one type; `version` 0 is the preset, used until the station sets its own. */
export const EvaluationTemplateView = z.object({
  stationId: Id,
  type: z.enum(EVALUATION_TYPES),
  version: z.number().int(),
  isPreset: z.boolean(),
  questions: z.array(QuestionView),
  createdAt: z.iso.datetime().nullable(),
});
export type EvaluationTemplateView = z.infer<typeof EvaluationTemplateView>;

/** What a resident opening an evaluation link sees. */
export const PublicEvaluationView = z.object({
  type: z.enum(EVALUATION_TYPES),
  stationName: Shown,
  expiresAt: z.iso.datetime(),
  template: z.object({ version: z.number().int(), questions: z.array(QuestionView) }),
});
export type PublicEvaluationView = z.infer<typeof PublicEvaluationView>;

export const EvaluationAnswered = z.object({ answeredAt: z.iso.datetime(), version: z.number().int() });
export type EvaluationAnswered = z.infer<typeof EvaluationAnswered>;
