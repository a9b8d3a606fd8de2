/**
 * The demo's matter events as the steps write them (platform/record-event.ts): the actor's kind, who reads the
 * step and who its note, the payload the step gives.
 */
import {
  MATTER_ACTIONS,
  MATTER_EVENTS,
  type MatterAction,
  type MatterEventType,
  type MatterStatus,
  NOTE_AUDIENCE_DEFAULT,
} from '@jingmin/shared';
import type { matterEvents } from '../db/schema/index.js';

/** The seed's event writer: type, time, statuses, note, actor, payload. */
export type WriteEvent = (
  type: string,
  at: Date,
  from: MatterStatus | null,
  to: MatterStatus | null,
  note?: string | null,
  actor?: { id: string; name: string } | null,
  payload?: Record<string, unknown>,
) => void;

/** Steps a resident takes: the rest are staff's or, with no one named, the system's. */
const RESIDENT_STEPS = new Set(['matter.submitted', 'matter.rate', 'matter.review_requested']);

/** An event row as `recordEvent` writes it: who reads the step, and who its note (platform/record-event.ts). */
export function eventRow(
  matterId: string,
  ...[type, at, from, to, note = null, actor = null, payload = {}]: Parameters<WriteEvent>
): typeof matterEvents.$inferInsert {
  const action = type.slice('matter.'.length);
  const staffOnly = MATTER_EVENTS[type as MatterEventType].audience === 'staff';
  const noteInternal = action in MATTER_ACTIONS && NOTE_AUDIENCE_DEFAULT[action as MatterAction] === 'internal';
  return {
    matterId,
    type,
    actorType: actor ? 'staff' : RESIDENT_STEPS.has(type) ? 'resident' : 'system',
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? null,
    fromStatus: from,
    toStatus: to,
    note,
    visibility: staffOnly ? 'internal' : 'public',
    noteVisibility: staffOnly || noteInternal ? 'internal' : 'public',
    payload,
    at,
  };
}
