/** What anyone holding a doorplate token may see: the address and who to reach. */
import { z } from 'zod';
import { EVALUATION_TYPES } from '../domain/evaluations.js';
import { Id, Shown, text } from './common.js';

/** Any string: a damaged, cut-off or made-up code gets the same plain "not valid" answer as an unknown one. */
export const DoorplateParams = z.object({ token: text(200, 1) }).strict();

export const DoorplateView = z.object({
  address: Shown,
  station: z.object({ name: Shown, phone: Shown.nullable(), address: Shown.nullable() }),
  community: Shown.nullable(),
  grid: Shown.nullable(),
  /** 责任民警 of the household's grid: the name on the doorplate, never a private number. */
  officer: z.object({ name: Shown }).nullable(),
});
export type DoorplateView = z.infer<typeof DoorplateView>;

/**
 * One evaluation still waiting for this household (its doorplate page) or this verified phone
 * ("my matters"), 待评价: what the work was and when — never a person's name, phone or notes.
 */
export const WaitingEvaluation = z.object({
  id: Id,
  type: z.enum(EVALUATION_TYPES),
  /** What it was, e.g. `走访入户 · 11-28` or `码上办 · JM20261201-002002`. */
  title: Shown,
  /** The matter's 回执号 when the work was a matter (its tracking page rates it with its own form). */
  matterNumber: Shown.nullable(),
  stationName: Shown,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type WaitingEvaluation = z.infer<typeof WaitingEvaluation>;
export const WaitingEvaluations = z.object({ items: z.array(WaitingEvaluation) });
export type WaitingEvaluations = z.infer<typeof WaitingEvaluations>;

export const DoorplateEvaluationParams = z.object({ token: text(200, 1), id: Id }).strict();

/** A fresh link to one evaluation (`/e/<token>`); earlier links to it stop working. */
export const EvaluationLink = z.object({ path: Shown, expiresAt: z.iso.datetime() });
export type EvaluationLink = z.infer<typeof EvaluationLink>;
