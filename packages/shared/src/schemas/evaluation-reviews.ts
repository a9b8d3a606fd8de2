/** 不满意不放过: the chief's review queue, the callback (回访) assignment and its outcome. */
import { z } from 'zod';
import { CALLBACK_OUTCOMES, REVIEW_STATUSES } from '../domain/evaluation-reviews.js';
import { EVALUATION_TYPES } from '../domain/evaluations.js';
import { Id, Shown, text } from './common.js';

export const ReviewListQuery = z.object({ status: z.enum(REVIEW_STATUSES).optional() }).strict();
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;

/** The chief names who calls the resident back: a staff member of the station, not the person rated. */
export const AssignCallbackInput = z.object({ staffId: Id }).strict();
export type AssignCallbackInput = z.infer<typeof AssignCallbackInput>;

/** What the callback found; "still unsatisfied" needs the reason, a rectification its working days (15 if absent). */
export const CallbackOutcomeInput = z
  .object({
    outcome: z.enum(CALLBACK_OUTCOMES),
    note: text(1000).optional(),
    /** Rectification only: working days to put it right. */
    workingDays: z.number().int().min(1).max(60).optional(),
  })
  .strict()
  .superRefine((v, c) => {
    if (v.outcome === 'still_unsatisfied' && !v.note)
      c.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'the reason the resident is still unsatisfied is required',
      });
    if (v.outcome !== 'rectification' && v.workingDays !== undefined)
      c.addIssue({ code: 'custom', path: ['workingDays'], message: 'only a rectification takes working days' });
  });
export type CallbackOutcomeInput = z.infer<typeof CallbackOutcomeInput>;

export const ReviewView = z.object({
  id: Id,
  type: z.enum(EVALUATION_TYPES),
  status: z.enum(REVIEW_STATUSES),
  subjectType: Shown,
  subjectId: Id,
  /** The matter's 回执号 for a matter review. */
  matterNumber: Shown.nullable(),
  round: z.number().int().nullable(),
  /** The resident's answer as given (question id → value). */
  answers: z.record(z.string(), z.unknown()),
  answeredAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  overdue: z.boolean(),
  ratedStaffId: Id.nullable(),
  ratedStaffName: Shown.nullable(),
  callbackStaffId: Id.nullable(),
  callbackStaffName: Shown.nullable(),
  assignedAt: z.iso.datetime().nullable(),
  outcome: z.enum(CALLBACK_OUTCOMES).nullable(),
  outcomeNote: Shown.nullable(),
  rectificationDueAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
});
export type ReviewView = z.infer<typeof ReviewView>;

export const ReviewList = z.object({ items: z.array(ReviewView) });
export type ReviewList = z.infer<typeof ReviewList>;

/**
 * 待确认评价: an answer held out of the figures because it followed too many from the same device.
 * Never the device's hashes, never the resident's words: what it rated, when, and how it answered.
 */
export const FlaggedAnswerView = z.object({
  id: Id,
  type: z.enum(EVALUATION_TYPES),
  subjectType: Shown,
  subjectId: Id,
  /** The matter's 回执号 for a matter's answer. */
  matterNumber: Shown.nullable(),
  round: z.number().int().nullable(),
  answeredAt: z.iso.datetime(),
  /** By the options its scale marks as satisfied; null when the scale was not answered. */
  satisfied: z.boolean().nullable(),
  /** Answers from the same device to this station within the flood window ending at this one, this one included. */
  fromSameDevice: z.number().int(),
  acceptedAt: z.iso.datetime().nullable(),
  acceptedByName: Shown.nullable(),
});
export type FlaggedAnswerView = z.infer<typeof FlaggedAnswerView>;

export const FlaggedAnswerList = z.object({
  /** The station's flood window (minutes) the counts were made with. */
  windowMinutes: z.number().int(),
  items: z.array(FlaggedAnswerView),
});
export type FlaggedAnswerList = z.infer<typeof FlaggedAnswerList>;
