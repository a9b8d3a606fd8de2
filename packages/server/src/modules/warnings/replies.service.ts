/**
 * Residents' replies to a notice and the staff's answers. A reply comes from a verified phone (kept by its keyed
 * index only, a few an hour) to a sent, unexpired notice; staff of the station see its text and the area of the
 * phone's subscription (village or grid), never the phone; the answer is audited without its text and reaches the
 * resident in the notice's `myReplies`.
 */
import {
  type AnswerReplyInput,
  staffNickname,
  type WarningReplyInput,
  type WarningReplyPage,
  type WarningReplyView,
} from '@jingmin/shared';
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import { firstOrThrow } from '../../db/rows.js';
import { staff, units, warningReplies, warningSubscriptions, warnings } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { consume } from '../../platform/ratelimit.js';
import { canSeePath, isUnder } from '../../platform/scope.js';
import { phoneSessionOrThrow } from '../residents/phone.service.js';
import { isCurrent, publicNotice } from './notices.queries.js';

/** Replies one phone may send in an hour, across notices. */
export const REPLIES_PER_HOUR = 5;
const RESIDENT_NICKNAME = '{station}·{surname}{title}';

const replyColumns = {
  id: warningReplies.id,
  warningId: warningReplies.warningId,
  body: warningReplies.body,
  area: units.name,
  at: warningReplies.createdAt,
  answer: warningReplies.answer,
  answeredAt: warningReplies.answeredAt,
  staffName: staff.displayName,
  staffRoles: staff.roles,
};
type ReplyRow = {
  id: string;
  warningId: string;
  body: string;
  area: string | null;
  at: Date;
  answer: string | null;
  answeredAt: Date | null;
  staffName: string | null;
  staffRoles: string[] | null;
};

function present(r: ReplyRow, answeredBy: string | null): WarningReplyView {
  return {
    id: r.id,
    body: r.body,
    area: r.area,
    at: r.at.toISOString(),
    answer: r.answer,
    answeredBy: r.answer ? answeredBy : null,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}

const replyRows = (ctx: Ctx) =>
  ctx.db
    .select(replyColumns)
    .from(warningReplies)
    .leftJoin(units, eq(units.id, warningReplies.unitId))
    .leftJoin(staff, eq(staff.id, warningReplies.answeredBy));

/** A phone's own replies to these notices, oldest first; the answerer as residents see staff (石警官). */
export async function phoneReplies(ctx: Ctx, phoneIndex: string, warningIds: string[]) {
  const { area: _area, ...columns } = replyColumns;
  const rows = await ctx.db
    .select({ ...columns, stationName: units.name })
    .from(warningReplies)
    .innerJoin(warnings, eq(warnings.id, warningReplies.warningId))
    .innerJoin(units, eq(units.id, warnings.stationId))
    .leftJoin(staff, eq(staff.id, warningReplies.answeredBy))
    .where(and(eq(warningReplies.phoneIndex, phoneIndex), inArray(warningReplies.warningId, warningIds)))
    .orderBy(asc(warningReplies.createdAt));
  const byNotice = new Map<string, WarningReplyView[]>();
  for (const r of rows) {
    const by = r.staffName
      ? staffNickname(RESIDENT_NICKNAME, r.stationName, { displayName: r.staffName, roles: r.staffRoles ?? [] })
      : null;
    // A resident knows its own area: it is for staff.
    byNotice.set(r.warningId, [...(byNotice.get(r.warningId) ?? []), present({ ...r, area: null }, by)]);
  }
  return byNotice;
}

/** 留言: a verified phone replies to a sent, unexpired notice. */
export async function replyToWarning(
  ctx: Ctx,
  warningId: string,
  input: WarningReplyInput,
  token: string | undefined,
): Promise<WarningReplyView> {
  const session = await phoneSessionOrThrow(ctx, token);
  const notice = await publicNotice(ctx.db, warningId);
  if (notice?.status === 'withdrawn') {
    // WARNING_STATUS names a step by its label; a reply is not a staff step, so the word is given as read.
    throw new AppError('WARNING_STATUS', {
      status: 'withdrawn',
      action: ctx.locale === 'en' ? 'be replied to' : '留言',
    });
  }
  // An expired notice has left residents' pages: there is nothing to reply to.
  if (!notice || !isCurrent(notice, ctx.now())) throw new AppError('NOT_FOUND', { what: 'warning' });
  await consume(ctx.db, ctx.now(), [
    { key: `warning-reply:${session.phoneIndex}`, max: REPLIES_PER_HOUR, windowSeconds: 3600 },
  ]);
  const [sub] = await ctx.db
    .select({ unitPath: warningSubscriptions.unitPath })
    .from(warningSubscriptions)
    .where(
      and(
        eq(warningSubscriptions.stationId, notice.stationId),
        eq(warningSubscriptions.phoneIndex, session.phoneIndex),
      ),
    );
  const unitId = sub?.unitPath.split('/').filter(Boolean).at(-1) ?? null;
  const row = firstOrThrow(
    await ctx.db
      .insert(warningReplies)
      .values({ warningId, phoneIndex: session.phoneIndex, unitId, body: input.body, createdAt: ctx.now() })
      .returning({ id: warningReplies.id }),
  );
  return present(firstOrThrow(await replyRows(ctx).where(eq(warningReplies.id, row.id))), null);
}

/** The notice for staff: its station in the actor's sight (or the actor inside the station). */
async function stationNoticeOrThrow(ctx: Ctx, warningId: string) {
  const actor = actorOf(ctx);
  const [w] = await ctx.db
    .select({ id: warnings.id, stationPath: warnings.stationPath })
    .from(warnings)
    .where(eq(warnings.id, warningId));
  if (!w) throw new AppError('NOT_FOUND', { what: 'warning' });
  if (!canSeePath(actor, w.stationPath) && !isUnder(actor.scopePath, w.stationPath)) {
    throw new AppError('NOT_FOUND', { what: 'warning' });
  }
  return w;
}

/** A notice's replies for staff, newest first, with the area they came from; never the phone. */
export async function listReplies(
  ctx: Ctx,
  warningId: string,
  query: { before?: string | undefined; limit: number },
): Promise<WarningReplyPage> {
  await stationNoticeOrThrow(ctx, warningId);
  const rows = await replyRows(ctx)
    .where(
      and(
        eq(warningReplies.warningId, warningId),
        query.before ? lt(warningReplies.createdAt, new Date(query.before)) : undefined,
      ),
    )
    .orderBy(desc(warningReplies.createdAt), desc(warningReplies.id))
    .limit(query.limit + 1);
  return { items: rows.slice(0, query.limit).map((r) => present(r, r.staffName)), hasMore: rows.length > query.limit };
}

/** 答复: staff of the station answer a reply (again, to correct it); audited without the text. */
export async function answerReply(ctx: Ctx, replyId: string, input: AnswerReplyInput): Promise<WarningReplyView> {
  const actor = actorOf(ctx);
  const [found] = await ctx.db
    .select({ warningId: warningReplies.warningId })
    .from(warningReplies)
    .where(eq(warningReplies.id, replyId));
  if (!found) throw new AppError('NOT_FOUND', { what: 'warning_reply' });
  await stationNoticeOrThrow(ctx, found.warningId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(warningReplies)
      .set({ answer: input.answer, answeredBy: actor.id, answeredAt: ctx.now() })
      .where(eq(warningReplies.id, replyId));
    await audit(ctx, tx, {
      action: 'warning_reply.answer',
      targetType: 'warning_reply',
      targetId: replyId,
      result: 'ok',
      details: { warningId: found.warningId, fields: ['answer'] },
    });
  });
  const reply = firstOrThrow(await replyRows(ctx).where(eq(warningReplies.id, replyId)));
  return present(reply, reply.staffName);
}
