/**
 * The resident's side after submitting: the tracking link opens its matter
 * (and only it), shows the public timeline, and takes the rating (评单).
 * A matter never rated stays unrated: no default satisfaction.
 */
import {
  isFinished,
  type RateMatterInput,
  type ResidentMatterView,
  type ResidentMessageInput,
  shownBody,
} from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { departments, type matters, teams } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { claimKey, replayOf, requireKey, storeAnswer } from '../../platform/idempotency.js';
import { consume } from '../../platform/ratelimit.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import type { AnsweringDevice } from '../evaluations/flood.js';
import { attachPhotos } from '../media/photos.service.js';
import { matterByTracking } from '../residents/links.js';
import { matterSettings } from '../settings/settings.service.js';
import { answerRoundEvaluation, applyRating, roundEvaluation } from './evaluation.js';
import { timeline } from './matters.queries.js';
import { residentRounds } from './rounds.js';

/** "Transferred to 城关司法所" is what a resident needs; an officer's name is not. */
async function handledBy(ctx: Ctx, m: typeof matters.$inferSelect) {
  if (m.assigneeDepartmentId) {
    const [d] = await ctx.db
      .select({ name: departments.name })
      .from(departments)
      .where(eq(departments.id, m.assigneeDepartmentId));
    return d ? (ctx.locale === 'en' ? `Transferred to ${d.name}` : `已转交${d.name}`) : null;
  }
  if (m.assigneeTeamId) {
    const [t] = await ctx.db.select({ name: teams.name }).from(teams).where(eq(teams.id, m.assigneeTeamId));
    return t?.name ?? null;
  }
  return m.assigneeStaffId ? (ctx.locale === 'en' ? 'The responsible officer' : '责任民警') : null;
}

export async function residentView(ctx: Ctx, tracking: string): Promise<ResidentMatterView> {
  const { matter: m, address, stationName } = await matterByTracking(ctx, tracking);
  const events = await timeline(ctx, m.id, false);
  const rounds = await residentRounds(ctx, m);
  return {
    number: m.number,
    kind: m.kind,
    status: m.status,
    body: shownBody(m, ctx.locale),
    address,
    stationName,
    handledBy: await handledBy(ctx, m),
    outcome: rounds.current.outcome,
    rating: rounds.current.rating,
    round: rounds.current,
    earlierRounds: rounds.earlier,
    submittedAt: m.createdAt.toISOString(),
    photoIds: events.find((e) => e.type === 'matter.submitted')?.photoIds ?? [],
    location: m.location ?? null,
    contactPhone: m.contactPhoneMasked,
    timeline: events.map((e) => ({ ...e, round: rounds.roundOf(e.id) })),
    canRate: m.status === 'resolved',
    // Once finished, the chat is over: a new matter is the way to say something new.
    canChat: !isFinished(m.status),
  };
}

/**
 * 评单, once per round: the status flow refuses a second rating until the chief
 * reopens the matter (which clears the round's rating) and it is resolved again.
 */
export async function rateMatter(ctx: Ctx, tracking: string, input: RateMatterInput, device: AnsweringDevice) {
  const { matter } = await matterByTracking(ctx, tracking);
  const { review } = await matterSettings(ctx.db, matter.stationId);
  // The round's evaluation request (none for matters resolved before 五必评): the rating is its answer too.
  const evaluation = await roundEvaluation(ctx.db, matter);
  await ctx.db.transaction(async (tx) => {
    await applyRating(tx, ctx, matter, input, review.callbackHours);
    if (evaluation)
      await answerRoundEvaluation(tx, ctx, evaluation, input, {
        device,
        callbackHours: review.callbackHours,
      });
  });
  return residentView(ctx, tracking);
}

/**
 * The resident writes to the handling staff: a public timeline entry, live on
 * the desk's and the assignee's screens. Idempotent like the submission: a
 * resend after a lost answer posts nothing twice.
 */
export async function postResidentMessage(
  ctx: Ctx,
  tracking: string,
  key: string | undefined,
  input: ResidentMessageInput,
) {
  const idempotencyKey = requireKey(key);
  const { matter } = await matterByTracking(ctx, tracking);
  const requestHash = sm3(JSON.stringify([matter.id, input.text, input.photoIds]));
  if (await replayOf(ctx.db, idempotencyKey, requestHash)) return residentView(ctx, tracking);
  if (isFinished(matter.status)) throw new AppError('MATTER_CLOSED');
  await consume(ctx.db, ctx.now(), [{ key: `message:matter:${matter.id}`, max: 60, windowSeconds: 3600 }]);
  await ctx.db.transaction(async (tx) => {
    if (!(await claimKey(tx, idempotencyKey, 'matter.message', requestHash, ctx.now()))) return;
    const eventId = await recordEvent(tx, ctx, matterSubject(matter), {
      type: 'matter.message',
      note: input.text || null,
    });
    const owner = { type: 'matter' as const, id: matter.id };
    await attachPhotos(tx, { owner, staffId: null }, input.photoIds, { owner, eventId });
    await storeAnswer(tx, idempotencyKey, { eventId });
  });
  return residentView(ctx, tracking);
}
