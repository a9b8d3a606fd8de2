/**
 * The 工作台's counters as SQL, and whose matters a list or a count covers.
 * The summary counts each counter with `count(*) FILTER (WHERE …)` and the
 * list filters by the same condition, so a figure and the list it opens agree.
 */
import { type MatterCounter, OPEN_MATTER_STATUSES } from '@jingmin/shared';
import { eq, gte, inArray, isNotNull, ne, type SQL, sql } from 'drizzle-orm';
import { allOf, anyOf } from '../../db/rows.js';
import { evaluationRequests, evaluationReviews, matters } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { isDepartmentOnly, visibleMatters, visibleUnits } from '../../platform/scope.js';
import { overdueSql } from './deadline-now.js';

/** Start of today in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDayStart(now: Date) {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  shifted.setUTCHours(0, 0, 0, 0);
  return new Date(shifted.getTime() - 8 * 3_600_000);
}

/** The matters one counter counts, at `now`. */
export function counterSql(counter: MatterCounter, now: Date): SQL {
  const day = shanghaiDayStart(now);
  switch (counter) {
    case 'waiting':
      return eq(matters.status, 'submitted');
    case 'open':
      return inArray(matters.status, [...OPEN_MATTER_STATUSES]);
    case 'to_take':
      return eq(matters.status, 'dispatched');
    case 'overdue':
      return overdueSql(now);
    case 'accepted_today':
      return gte(matters.acceptedAt, day);
    case 'resolved_today':
      return gte(matters.resolvedAt, day);
    case 'awaiting_review':
      // The matters among the open reviews (openReviewsSql): the chief's queue of every type is the reviews page.
      return sql`EXISTS (SELECT 1 FROM ${evaluationReviews} JOIN ${evaluationRequests} ON ${evaluationRequests.id} = ${evaluationReviews.requestId}
        WHERE ${evaluationRequests.subjectType} = 'matter' AND ${evaluationRequests.subjectId} = ${matters.id}
          AND ${evaluationReviews.status} <> 'closed')`;
    case 'rated':
      return isNotNull(matters.rating);
  }
}

/**
 * 不满意待复核 as the summary counts it: the open reviews (not yet called back) of unsatisfied answers of
 * every type in the actor's sight — the rows of `evaluation_reviews`, the one record of a review. "Mine" (and a
 * partner department, which sees no station's reviews) counts the callbacks assigned to the actor instead.
 */
export function openReviewsSql(actor: Actor, mine: boolean): SQL {
  const open = ne(evaluationReviews.status, 'closed');
  return mine || isDepartmentOnly(actor)
    ? allOf(open, eq(evaluationReviews.callbackStaffId, actor.id))
    : allOf(open, visibleUnits(actor, evaluationReviews.unitPath));
}

/** "Mine": held by me, or by my department (a liaison's work is the department's). */
export function heldBySql(actor: Actor): SQL {
  return actor.departmentId
    ? anyOf(eq(matters.assigneeStaffId, actor.id), eq(matters.assigneeDepartmentId, actor.departmentId))
    : eq(matters.assigneeStaffId, actor.id);
}

/**
 * The matters a list or a count covers: the actor's sight, or only what it holds (我的任务). The whole
 * sight is the 值班台's and needs `matter.inbox`; a partner department's sight is already only what it
 * holds. Anyone else asking for more than their own tasks is refused.
 */
export function listSight(actor: Actor, mine: boolean): SQL {
  if (mine) return allOf(visibleMatters(actor), heldBySql(actor));
  if (!actor.capabilities.includes('matter.inbox') && !isDepartmentOnly(actor)) throw new AppError('FORBIDDEN');
  return visibleMatters(actor);
}
