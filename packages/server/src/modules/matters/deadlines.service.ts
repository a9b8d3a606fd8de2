/**
 * Deadline escalation. The deadlines are stored on the matter, so they
 * survive restarts; every process sweeps them, and `FOR UPDATE SKIP LOCKED`
 * plus a `*_breached_at` mark make each breach fire exactly once. A breach is
 * recorded on the timeline (internal), in the audit trail, and notified to
 * the station's desk and chief through the outbox. Before a taking or
 * resolution deadline passes, its holder is warned once (即将超期); both
 * events name the holder, whom the notify module alerts on their channels.
 */
import type { MatterStatus } from '@jingmin/shared';
import { asc, eq, inArray, isNull, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import { allOf } from '../../db/rows.js';
import { matters } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import { type Matter, transition } from './transition.js';

type Deadline = 'first_response' | 'take' | 'resolve';

const CLOSED: MatterStatus[] = ['invalid', 'merged', 'closed', 'resolved', 'rated'];

function overdue(deadline: Deadline, now: Date): SQL {
  switch (deadline) {
    case 'first_response':
      return allOf(
        isNull(matters.firstResponseAt),
        isNull(matters.firstResponseBreachedAt),
        lt(matters.firstResponseDueAt, now),
        notInArray(matters.status, CLOSED),
      );
    case 'take':
      return allOf(eq(matters.status, 'dispatched'), isNull(matters.takeBreachedAt), lt(matters.takeDueAt, now));
    case 'resolve':
      return allOf(
        isNull(matters.resolvedAt),
        isNull(matters.resolveBreachedAt),
        lt(matters.resolveDueAt, now),
        inArray(matters.status, ['accepted', 'dispatched', 'in_progress']),
      );
  }
}

/**
 * Each deadline's due column. The sweep takes the longest overdue first, in the order of the deadline's partial
 * index: ordered by submission instead, PostgreSQL walked the submission index through every matter (40 s at
 * 10,000,000) whenever nothing was due.
 */
const DUE = { first_response: matters.firstResponseDueAt, take: matters.takeDueAt, resolve: matters.resolveDueAt };

async function sweepOne(ctx: Ctx, deadline: Deadline, batch: number): Promise<number> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(matters)
      .where(overdue(deadline, now))
      .orderBy(asc(DUE[deadline]))
      .limit(batch)
      .for('update', { skipLocked: true });
    for (const m of due as Matter[]) {
      let current = m;
      if (deadline === 'take') {
        // Not taken in time: back to the desk to dispatch again.
        current = await transition(
          ctx,
          m,
          {
            action: 'return',
            event: 'matter.take_overdue',
            patch: {
              takeBreachedAt: now,
              assigneeStaffId: null,
              assigneeTeamId: null,
              assigneeDepartmentId: null,
              takeDueAt: null,
            },
            payload: { assigneeStaffId: m.assigneeStaffId, assigneeDepartmentId: m.assigneeDepartmentId },
          },
          { by: 'system', tx },
        );
      } else {
        const patch = deadline === 'first_response' ? { firstResponseBreachedAt: now } : { resolveBreachedAt: now };
        await tx.update(matters).set(patch).where(eq(matters.id, m.id));
      }
      await recordEvent(tx, ctx, matterSubject(current, m), {
        type: 'matter.escalated',
        system: true,
        payload: { deadline, notify: ['desk', 'chief'], ...holderOf(m) },
      });
    }
    return due.length;
  });
}

/** Who held the matter when its deadline neared or passed (the taking breach clears it). */
const holderOf = (m: Matter) => ({
  assigneeStaffId: m.assigneeStaffId,
  assigneeTeamId: m.assigneeTeamId,
  assigneeDepartmentId: m.assigneeDepartmentId,
});

/** One warning pass at a time across processes: the next one sees the warnings the last one wrote. */
const WARN_LOCK = 7_262_003;

/**
 * 即将超期: a held matter with a fifth of its deadline's span left (6 of 30 minutes to take it, about
 * 5 hours of a day to resolve it) and no warning yet for this due date — a new dispatch warns again.
 */
function nearing(deadline: 'take' | 'resolve', now: Date): SQL {
  const [due, from, open] =
    deadline === 'take'
      ? [
          matters.takeDueAt,
          matters.dispatchedAt,
          sql`${matters.status} = 'dispatched' AND ${matters.takeBreachedAt} IS NULL`,
        ]
      : [
          matters.resolveDueAt,
          matters.createdAt,
          sql`${matters.status} IN ('dispatched', 'in_progress') AND ${matters.resolvedAt} IS NULL AND ${matters.resolveBreachedAt} IS NULL`,
        ];
  return sql`${open} AND ${due} > ${now} AND ${due} - (${due} - coalesce(${from}, ${matters.createdAt})) / 5 <= ${now}
    AND NOT EXISTS (SELECT 1 FROM matter_events e WHERE e.matter_id = ${matters.id} AND e.type = 'matter.deadline_near'
      AND e.payload->>'deadline' = ${deadline} AND (e.payload->>'dueAt')::timestamptz = ${due})`;
}

async function warnNear(ctx: Ctx, deadline: 'take' | 'resolve', batch: number): Promise<number> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${WARN_LOCK})`);
    const near = await tx.select().from(matters).where(nearing(deadline, now)).orderBy(asc(DUE[deadline])).limit(batch);
    for (const m of near as Matter[]) {
      const dueAt = deadline === 'take' ? m.takeDueAt : m.resolveDueAt;
      await recordEvent(tx, ctx, matterSubject(m), {
        type: 'matter.deadline_near',
        system: true,
        payload: { deadline, dueAt: dueAt?.toISOString() ?? null, ...holderOf(m) },
      });
    }
    return near.length;
  });
}

/** One pass over every kind of deadline; returns how many breaches it escalated (warnings are not counted). */
export async function sweepDeadlines(ctx: Ctx, batch = 100): Promise<number> {
  let total = 0;
  for (const deadline of ['first_response', 'take', 'resolve'] as const) total += await sweepOne(ctx, deadline, batch);
  for (const deadline of ['take', 'resolve'] as const) await warnNear(ctx, deadline, batch);
  return total;
}
