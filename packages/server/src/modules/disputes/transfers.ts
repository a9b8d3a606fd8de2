/**
 * 移交: a case given to a partner department or committee of its station (司法所, 村委会, 医调委 …), as a matter is
 * transferred to a department: the department's liaison accepts it or returns it with a reason (the station
 * works it again), reports progress, and gives the result — resolved (the station's follow-ups begin) or not
 * (调解未成, with the next attempt planned). Every step changes the case through changeCase/stepCase.
 */
import {
  type DisputeListItem,
  type TransferAnswerInput,
  type TransferInput,
  type TransferProgressInput,
  type TransferResultInput,
  type TransferView,
  toCalendarDate,
} from '@jingmin/shared';
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { allOf } from '../../db/rows.js';
import {
  departments,
  disputeCases,
  disputeTransfers,
  disputeTransferUpdates,
  staff,
  units,
} from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isUnder } from '../../platform/scope.js';
import { queueDeliveries } from '../notify/deliver.js';
import { holderStaffIds, recipientsByIds } from '../notify/notify.queries.js';
import { type DisputeCase, getCaseOrThrow, presentItem, selectCases } from './disputes.queries.js';
import { changeCase, stepCase } from './disputes.service.js';
import { failCase, scheduleFollowUp } from './follow-ups.js';
import { disputeSettings } from './settings.js';
import { isAssignedOnly } from './visibility.js';

type Transfer = typeof disputeTransfers.$inferSelect;

/** A Beijing date `n` calendar days after `day`. */
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The department, attached to a unit inside the case's station (404 otherwise, as if it did not exist). */
async function departmentOfStation(db: Queryable, stationId: string, departmentId: string) {
  const [station] = await db.select({ path: units.path }).from(units).where(eq(units.id, stationId));
  const [d] = await db
    .select({ id: departments.id, name: departments.name, path: units.path })
    .from(departments)
    .innerJoin(units, eq(units.id, departments.unitId))
    .where(eq(departments.id, departmentId));
  if (!station || !d || !isUnder(d.path, station.path)) throw new AppError('NOT_FOUND', { what: 'department' });
  return d;
}

/** 移交: one open transfer at a time; the department's liaisons are told (the case's number, never a name). */
export async function transferCase(ctx: Ctx, id: string, input: TransferInput) {
  const c = await getCaseOrThrow(ctx, id);
  const department = await departmentOfStation(ctx.db, c.stationId, input.departmentId);
  const [open] = await ctx.db
    .select({ name: departments.name })
    .from(disputeTransfers)
    .innerJoin(departments, eq(departments.id, disputeTransfers.departmentId))
    .where(and(eq(disputeTransfers.caseId, id), inArray(disputeTransfers.status, ['pending', 'accepted'])));
  if (open) throw new AppError('DISPUTE_TRANSFER_OPEN', { department: open.name });
  const liaisons = await recipientsByIds(ctx.db, await holderStaffIds(ctx.db, { assigneeDepartmentId: department.id }));
  await ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .insert(disputeTransfers)
      .values({ caseId: id, departmentId: department.id, note: input.note, sentBy: actorOf(ctx).id, sentAt: ctx.now() })
      .returning({ id: disputeTransfers.id });
    // The station no longer holds the sessions: its 治安调解 clock stops until it takes the case back.
    const set = { sessionDueAt: null, sessionEscalatedAt: null };
    await stepCase(ctx, tx, c, 'transfer', set, 'dispute.transfer', { transferId: t?.id, departmentId: department.id });
    const alert = {
      reason: 'case_transferred',
      disputeId: c.id,
      number: c.number,
      matterId: null,
      kind: null,
    } as const;
    await queueDeliveries(tx, ctx, null, { ...alert, urgent: false }, liaisons);
  });
}

/**
 * The transfer and its case, for the liaison of its department. Station staff who see the case read the
 * transfer on the case page but do not answer for the department (403); anyone else does not learn of it (404).
 */
async function transferOfMyDepartment(ctx: Ctx, transferId: string): Promise<{ t: Transfer; c: DisputeCase }> {
  const actor = actorOf(ctx);
  const [row] = await ctx.db
    .select({ t: disputeTransfers, c: disputeCases })
    .from(disputeTransfers)
    .innerJoin(disputeCases, eq(disputeCases.id, disputeTransfers.caseId))
    .where(eq(disputeTransfers.id, transferId));
  if (row && actor.departmentId !== null && row.t.departmentId === actor.departmentId) return row;
  if (row && !isAssignedOnly(actor) && canSeePath(actor, row.c.unitPath)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND', { what: 'dispute_transfer' });
}

/** The transfer must be at `status` now: pending to be answered, accepted to report on. */
function assertStatus(t: Transfer, status: 'pending' | 'accepted') {
  if (t.status === status) return;
  throw new AppError(t.status === 'pending' ? 'DISPUTE_TRANSFER_NOT_ACCEPTED' : 'DISPUTE_TRANSFER_ANSWERED');
}

/** The transfer moves only from the status it was read at: a second liaison's answer is a 409, not a second one. */
async function moveTransfer(tx: Queryable, t: Transfer, set: Partial<typeof disputeTransfers.$inferInsert>) {
  const [moved] = await tx
    .update(disputeTransfers)
    .set(set)
    .where(and(eq(disputeTransfers.id, t.id), eq(disputeTransfers.status, t.status)))
    .returning({ id: disputeTransfers.id });
  if (!moved) throw new AppError('DISPUTE_TRANSFER_ANSWERED');
}

/** 接收 or 退回: a returned case goes back to the station (调解中) with the department's reason. */
export async function answerTransfer(ctx: Ctx, transferId: string, input: TransferAnswerInput) {
  const { t, c } = await transferOfMyDepartment(ctx, transferId);
  assertStatus(t, 'pending');
  const answered = { answeredBy: actorOf(ctx).id, answeredAt: ctx.now() };
  const details = { transferId: t.id, departmentId: t.departmentId };
  await ctx.db.transaction(async (tx) => {
    if (input.answer === 'accept') {
      await moveTransfer(tx, t, { status: 'accepted', ...answered });
      await changeCase(ctx, tx, c, {}, 'dispute.transfer_accept', details);
    } else {
      await moveTransfer(tx, t, { status: 'returned', returnReason: input.reason, ...answered });
      await stepCase(ctx, tx, c, 'take_back', {}, 'dispute.transfer_return', details);
    }
  });
  return c.id;
}

/** 进展: a note of the department's work on an accepted transfer. */
export async function reportProgress(ctx: Ctx, transferId: string, input: TransferProgressInput) {
  const { t, c } = await transferOfMyDepartment(ctx, transferId);
  assertStatus(t, 'accepted');
  await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .insert(disputeTransferUpdates)
      .values({ transferId: t.id, text: input.text, by: actorOf(ctx).id, at: ctx.now() })
      .returning({ id: disputeTransferUpdates.id });
    await changeCase(ctx, tx, c, {}, 'dispute.transfer_progress', { transferId: t.id, updateId: u?.id });
  });
  return c.id;
}

/**
 * 办结: resolved, the case is followed up on the station's `followUpDays` (by its handler, else by whoever sent
 * it); not resolved, it is 调解未成 with the next attempt `nextAttemptDays` from today.
 */
export async function reportResult(ctx: Ctx, transferId: string, input: TransferResultInput) {
  const { t, c } = await transferOfMyDepartment(ctx, transferId);
  assertStatus(t, 'accepted');
  const { rules } = await disputeSettings(ctx.db, c.stationId);
  const today = toCalendarDate(ctx.now());
  const action = 'dispute.transfer_done';
  await ctx.db.transaction(async (tx) => {
    await moveTransfer(tx, t, { status: 'done', resolved: input.resolved, result: input.result, doneAt: ctx.now() });
    if (!input.resolved) {
      const nextAttemptOn = plusDays(today, rules.nextAttemptDays);
      await failCase(tx, ctx, c, { reason: input.result, nextAttemptOn }, action);
      return;
    }
    await stepCase(ctx, tx, c, 'agree', {}, action, { transferId: t.id, departmentId: t.departmentId, resolved: true });
    const responsibleId = c.handlerId ?? t.sentBy;
    for (const days of rules.followUpDays)
      await scheduleFollowUp(tx, ctx, c, { kind: 'after_agreement', dueOn: plusDays(today, days), responsibleId });
  });
  return c.id;
}

/** Transfers as the case page shows them, in the order asked, each with its progress notes oldest first. */
async function presentTransfers(db: Queryable, where: SQL, order: SQL[]) {
  const rows = await db
    .select({ t: disputeTransfers, department: departments.name, sentBy: staff.displayName })
    .from(disputeTransfers)
    .innerJoin(departments, eq(departments.id, disputeTransfers.departmentId))
    .innerJoin(staff, eq(staff.id, disputeTransfers.sentBy))
    .where(where)
    .orderBy(...order)
    .limit(200);
  const ids = rows.map((r) => r.t.id);
  const updates = ids.length
    ? await db
        .select({ u: disputeTransferUpdates, by: staff.displayName })
        .from(disputeTransferUpdates)
        .innerJoin(staff, eq(staff.id, disputeTransferUpdates.by))
        .where(inArray(disputeTransferUpdates.transferId, ids))
        .orderBy(asc(disputeTransferUpdates.at))
    : [];
  return rows.map(({ t, department, sentBy }) => {
    const view: TransferView = {
      id: t.id,
      departmentId: t.departmentId,
      departmentName: department,
      note: t.note,
      status: t.status,
      sentBy,
      sentAt: t.sentAt.toISOString(),
      answeredAt: t.answeredAt?.toISOString() ?? null,
      returnReason: t.returnReason,
      updates: updates
        .filter(({ u }) => u.transferId === t.id)
        .map(({ u, by }) => ({ text: u.text, by, at: u.at.toISOString() })),
      resolved: t.resolved,
      result: t.result,
      doneAt: t.doneAt?.toISOString() ?? null,
    };
    return { caseId: t.caseId, view };
  });
}

/** A case's transfers, newest first, each with its progress notes. */
export async function transfersOf(db: Queryable, caseId: string): Promise<TransferView[]> {
  const rows = await presentTransfers(db, eq(disputeTransfers.caseId, caseId), [desc(disputeTransfers.sentAt)]);
  return rows.map((r) => r.view);
}

/** One of the cases transferred to the liaison's department, with the transfer. */
export interface TransferredCase {
  transfer: TransferView;
  dispute: DisputeListItem;
}

/**
 * 移交本部门的案件: the transfers to the actor's department that it has not returned, those waiting for an
 * answer first, then the newest; none for an account of no department.
 */
export async function transfersToMyDepartment(ctx: Ctx): Promise<TransferredCase[]> {
  const departmentId = actorOf(ctx).departmentId;
  if (!departmentId) return [];
  const waitingFirst = sql`CASE ${disputeTransfers.status} WHEN 'pending' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END`;
  const transfers = await presentTransfers(
    ctx.db,
    allOf(eq(disputeTransfers.departmentId, departmentId), ne(disputeTransfers.status, 'returned')),
    [waitingFirst, desc(disputeTransfers.sentAt)],
  );
  if (transfers.length === 0) return [];
  const cases = await selectCases(ctx).where(inArray(disputeCases.id, [...new Set(transfers.map((t) => t.caseId))]));
  const items = new Map(cases.map((r) => [r.dispute.id, presentItem(r)]));
  return transfers.flatMap(({ caseId, view }) => {
    const dispute = items.get(caseId);
    return dispute ? [{ transfer: view, dispute }] : [];
  });
}
