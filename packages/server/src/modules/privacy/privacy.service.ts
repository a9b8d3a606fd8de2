/**
 * 个人信息权利, the use cases. From the tracking link the resident corrects
 * the contact phone (with a number proved by one-time code), withdraws it, or
 * asks for deletion; the desk or the chief answers a deletion request within
 * the station's working-day limit. Each step is a typed event on the matter's
 * timeline, written with its audit entry in the change's transaction.
 */
import {
  type ApproveDeletionInput,
  addWorkingDays,
  type CorrectContactPhoneInput,
  DELETED_FIELDS,
  type RefuseDeletionInput,
  type ResidentPrivacyView,
} from '@jingmin/shared';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { idempotencyKeys, matterEvents, matters, privacyRequests } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { consume } from '../../platform/ratelimit.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import { workingDays } from '../calendar/calendar.service.js';
import { deleteOwnerPhotos } from '../media/photos.service.js';
import { matterByTracking } from '../residents/links.js';
import { phoneSessionOrThrow } from '../residents/phone.service.js';
import { matterSettings } from '../settings/settings.service.js';
import { assertCanAnswerFor, assertNotDeleted, residentActions, waitsForMatter } from './privacy.policy.js';
import { getRequestOrThrow, presentRequest, requestsOfMatter, viewRequest } from './privacy.queries.js';

type Matter = typeof matters.$inferSelect;

/** 我的信息: the masked phone, the requests and their answers, and what the resident may do now. */
export async function residentPrivacy(ctx: Ctx, tracking: string): Promise<ResidentPrivacyView> {
  const { matter } = await matterByTracking(ctx, tracking);
  const rows = await requestsOfMatter(ctx.db, matter.id);
  const { privacy } = await matterSettings(ctx.db, matter.stationId);
  return {
    contactPhone: matter.contactPhoneMasked,
    contentDeletedAt: matter.contentDeletedAt?.toISOString() ?? null,
    answerWorkingDays: privacy.answerWorkingDays,
    requests: rows.map((r) => presentRequest(r, ctx.now())),
    allowedActions: residentActions(
      matter,
      rows.some((r) => r.status === 'open'),
    ),
  };
}

/** A change the resident makes at once: registered as done, with no one to answer it. */
async function registerDone(tx: Tx, ctx: Ctx, matter: Matter, kind: 'correct_phone' | 'withdraw_phone') {
  const now = ctx.now();
  const [row] = await tx
    .insert(privacyRequests)
    .values({
      matterId: matter.id,
      stationId: matter.stationId,
      kind,
      status: 'done',
      answeredAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: privacyRequests.id });
  return row?.id ?? null;
}

/**
 * 更正联系电话. The new number must have been proved by one-time code (the
 * phone token), exactly as at submission: the number is what puts a matter in
 * someone's "my matters", so a typed, unproved number never lands there.
 */
export async function correctContactPhone(ctx: Ctx, tracking: string, input: CorrectContactPhoneInput) {
  const { matter } = await matterByTracking(ctx, tracking);
  assertNotDeleted(matter);
  const phone = await phoneSessionOrThrow(ctx, input.phoneToken);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(matters)
      .set({
        contactPhoneEnc: phone.phoneEnc,
        contactPhoneMasked: phone.phoneMasked,
        contactPhoneIndex: phone.phoneIndex,
        updatedAt: ctx.now(),
      })
      .where(and(eq(matters.id, matter.id), isNull(matters.contentDeletedAt)))
      .returning({ id: matters.id });
    if (!updated) throw new AppError('PRIVACY_DELETED');
    const requestId = await registerDone(tx, ctx, matter, 'correct_phone');
    await recordEvent(tx, ctx, matterSubject(matter), {
      type: 'matter.phone_corrected',
      payload: { requestId, fields: ['contactPhone'] },
      auditDetails: { replaced: matter.contactPhoneIndex !== null },
    });
  });
  return residentPrivacy(ctx, tracking);
}

/** 撤回手机号: the sealed number, its mask and its index go at once; staff can no longer reveal or find it. */
export async function withdrawContactPhone(ctx: Ctx, tracking: string) {
  const { matter } = await matterByTracking(ctx, tracking);
  assertNotDeleted(matter);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(matters)
      .set({ contactPhoneEnc: null, contactPhoneMasked: null, contactPhoneIndex: null, updatedAt: ctx.now() })
      .where(and(eq(matters.id, matter.id), isNotNull(matters.contactPhoneEnc)))
      .returning({ id: matters.id });
    if (!updated) throw new AppError('NOT_FOUND', { what: 'contact_phone' });
    const requestId = await registerDone(tx, ctx, matter, 'withdraw_phone');
    await recordEvent(tx, ctx, matterSubject(matter), {
      type: 'matter.phone_withdrawn',
      payload: { requestId, fields: ['contactPhone'] },
    });
  });
  return residentPrivacy(ctx, tracking);
}

/**
 * 申请删除: one open request per matter (a unique index, so two taps at once
 * make one), due N working days after today on the bureau's calendar.
 */
export async function requestDeletion(ctx: Ctx, tracking: string) {
  const { matter } = await matterByTracking(ctx, tracking);
  assertNotDeleted(matter);
  const { privacy } = await matterSettings(ctx.db, matter.stationId);
  const now = ctx.now();
  const dueOn = addWorkingDays(await workingDays(ctx), now, privacy.answerWorkingDays);
  // Each request waits on a person at the station: a few a day is plenty, refusals included.
  await consume(ctx.db, now, [{ key: `privacy:matter:${matter.id}`, max: 5, windowSeconds: 86_400 }]);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(privacyRequests)
      .values({
        matterId: matter.id,
        stationId: matter.stationId,
        kind: 'delete',
        dueOn,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: privacyRequests.id });
    if (!row) throw new AppError('PRIVACY_REQUEST_OPEN');
    await recordEvent(tx, ctx, matterSubject(matter), {
      type: 'matter.deletion_requested',
      payload: { requestId: row.id, dueOn, answerWorkingDays: privacy.answerWorkingDays },
    });
  });
  return residentPrivacy(ctx, tracking);
}

/** Loads an open request the actor may answer, with its matter. */
async function openRequestFor(ctx: Ctx, id: string) {
  const row = await getRequestOrThrow(ctx, id);
  assertCanAnswerFor(actorOf(ctx), row.matter);
  if (row.request.status !== 'open') throw new AppError('PRIVACY_ANSWERED');
  return row;
}

/** Marks the request answered, guarded on it still being open: two desks answering at once get one success. */
async function markAnswered(tx: Tx, ctx: Ctx, id: string, status: 'done' | 'refused', answer: string | null) {
  const now = ctx.now();
  const [answered] = await tx
    .update(privacyRequests)
    .set({ status, answer, answeredBy: actorOf(ctx).id, answeredAt: now, updatedAt: now })
    .where(and(eq(privacyRequests.id, id), eq(privacyRequests.status, 'open')))
    .returning({ id: privacyRequests.id });
  if (!answered) throw new AppError('PRIVACY_ANSWERED');
}

/**
 * Removes what the resident gave and what was written about them, keeping the
 * record that the matter existed (number, kind, station, unit, dates, status,
 * rating, who handled it), the timeline's steps and the audit trail.
 */
async function eraseMatterContent(tx: Tx, ctx: Ctx, matter: Matter) {
  const matterId = matter.id;
  const now = ctx.now();
  const [erased] = await tx
    .update(matters)
    .set({
      body: '',
      location: null,
      // The desk's words on where it happened may name the resident's home; the 110/12345 number is the other agency's record and stays.
      placeNote: null,
      contactPhoneEnc: null,
      contactPhoneMasked: null,
      contactPhoneIndex: null,
      outcome: null,
      ratingComment: null,
      contentDeletedAt: now,
      updatedAt: now,
    })
    .where(and(eq(matters.id, matterId), isNull(matters.contentDeletedAt)))
    .returning({ id: matters.id });
  if (!erased) throw new AppError('PRIVACY_DELETED');
  const notes = await tx
    .update(matterEvents)
    .set({ note: null })
    .where(and(eq(matterEvents.matterId, matterId), isNotNull(matterEvents.note)))
    .returning({ id: matterEvents.id });
  // The submission's and the messages' retry keys: their request hashes digest the resident's words.
  await tx.execute(sql`DELETE FROM ${idempotencyKeys} WHERE ${idempotencyKeys.key} = ${matter.intakeKey}::uuid
    OR (${idempotencyKeys.scope} = 'matter.message' AND (${idempotencyKeys.response}->>'eventId')::bigint IN
      (SELECT ${matterEvents.id} FROM ${matterEvents} WHERE ${matterEvents.matterId} = ${matterId}))`);
  const photos = await deleteOwnerPhotos(tx, { type: 'matter', id: matterId });
  return { notesCleared: notes.length, photosDeleted: photos };
}

/** 同意删除: carried out at once, in the answer's transaction; the resident reads it on the timeline. */
export async function approveDeletion(ctx: Ctx, id: string, input: ApproveDeletionInput) {
  const { matter } = await openRequestFor(ctx, id);
  if (waitsForMatter(matter)) throw new AppError('PRIVACY_MATTER_OPEN');
  const answer = input.answer || null;
  await ctx.db.transaction(async (tx) => {
    await markAnswered(tx, ctx, id, 'done', answer);
    const counts = await eraseMatterContent(tx, ctx, matter);
    // After the erasure, so the station's answer stays on the timeline.
    await recordEvent(tx, ctx, matterSubject(matter), {
      type: 'matter.deletion_done',
      note: answer,
      payload: { requestId: id, fields: [...DELETED_FIELDS] },
      auditDetails: counts,
    });
  });
  return viewRequest(ctx, id);
}

/** 不予删除: the reason goes to the resident's timeline; nothing is deleted. */
export async function refuseDeletion(ctx: Ctx, id: string, input: RefuseDeletionInput) {
  const { matter } = await openRequestFor(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await markAnswered(tx, ctx, id, 'refused', input.reason);
    await recordEvent(tx, ctx, matterSubject(matter), {
      type: 'matter.deletion_refused',
      note: input.reason,
      payload: { requestId: id },
    });
  });
  return viewRequest(ctx, id);
}
