/**
 * Deadline escalation. The deadlines are stored on the matter, so they
 * survive restarts; every process sweeps them, and `FOR UPDATE SKIP LOCKED`
 * plus a `*_breached_at` mark make each breach fire exactly once. A breach is
 * recorded on the timeline (internal), in the audit trail, and notified to
 * the station's desk and chief through the outbox.
 */
import type { MatterStatus } from '@jingmin/shared';
import { asc, eq, inArray, isNull, lt, notInArray, type SQL } from 'drizzle-orm';
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

async function sweepOne(ctx: Ctx, deadline: Deadline, batch: number): Promise<number> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(matters)
      .where(overdue(deadline, now))
      .orderBy(asc(matters.createdAt))
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
        payload: { deadline, notify: ['desk', 'chief'] },
      });
    }
    return due.length;
  });
}

/** One pass over every kind of deadline; returns how many breaches it escalated. */
export async function sweepDeadlines(ctx: Ctx, batch = 100): Promise<number> {
  let total = 0;
  for (const deadline of ['first_response', 'take', 'resolve'] as const) total += await sweepOne(ctx, deadline, batch);
  return total;
}
