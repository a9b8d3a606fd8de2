/**
 * recordEvent: the one way a typed event is written. In the caller's
 * transaction it writes the event (the subject's timeline), its audit entry
 * and its outbox row — as one statement, so all three commit with the change
 * or none does, in one round trip. Audit details carry ids, statuses and the
 * names of what changed, never a person's words or numbers: the trail is
 * immutable, and residents may ask for their data to be deleted.
 */
import { MATTER_EVENTS, type MatterEventType, type MatterLiveEvent, type MatterStatus } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { auditEntry, type Ctx } from './context.js';
import { departmentTopic, matterTopic, unitTopics } from './topics.js';

/** What an event is about: today a matter; disputes, visits and rooms join this union. */
export interface MatterSubject {
  kind: 'matter';
  id: string;
  unitPath: string;
  status: MatterStatus;
  /** Departments that hear it: the one holding it now, and the one it just left. */
  departmentIds: string[];
}

export interface MatterEvent {
  type: MatterEventType;
  from?: MatterStatus | null;
  to?: MatterStatus | null;
  /** Text on the timeline (a reply, a reason); never copied into the audit trail. */
  note?: string | null;
  /** Narrows a public event to staff; cannot widen a staff-only one. */
  internal?: boolean;
  /** Keeps the note to staff while the step itself stays on the resident's timeline (a reason to reopen). */
  noteInternal?: boolean;
  /** Ids and enums for the timeline; copied into the audit details. */
  payload?: Record<string, unknown>;
  /** Extra ids or counts for the audit entry only. */
  auditDetails?: Record<string, unknown>;
  /** Extra fields for the live stream (the desk's alert for a new matter). */
  live?: Pick<MatterLiveEvent, 'number' | 'kind'>;
  /** The deadline sweep acts as the system, not as a resident. */
  system?: boolean;
}

/** Parts of the statement known only to the database, e.g. a number drawn from a sequence in the same statement. */
export interface EventStatementOptions {
  /** CTEs that come first (`name AS (…)`), e.g. the row the event is about. */
  before?: SQL[];
  /** A CTE the three inserts read from: nothing is written unless it has a row. */
  gate?: string;
  /** jsonb expressions merged into the timeline payload and the live payload. */
  payloadSql?: SQL;
  /** More columns for the answer (`, expr AS name`). */
  select?: SQL;
}

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
const textArray = (v: string[]) => sql`${sql.param(v)}::text[]`;

/** The event, its audit entry and its outbox row as one statement that answers the event's id (one row). */
export function eventStatement(ctx: Ctx, subject: MatterSubject, e: MatterEvent, opts: EventStatementOptions = {}) {
  const now = ctx.now();
  const actor = ctx.actor;
  const staffOnly = MATTER_EVENTS[e.type].audience === 'staff' || e.internal === true;
  const to = e.to ?? null;
  const from = opts.gate ? sql.raw(` FROM ${opts.gate}`) : sql``;
  const extra = opts.payloadSql ?? sql`'{}'::jsonb`;
  const a = auditEntry(ctx, {
    action: e.type,
    result: 'ok',
    targetType: subject.kind,
    targetId: subject.id,
    details: { from: e.from ?? null, to, ...e.payload, ...e.auditDetails },
  });
  const topics = [
    ...unitTopics(subject.unitPath),
    ...(staffOnly ? [] : [matterTopic(subject.id)]),
    ...subject.departmentIds.map(departmentTopic),
  ];
  const live: Omit<MatterLiveEvent, 'eventId'> = { matterId: subject.id, status: to ?? subject.status, ...e.live };
  const ctes = [
    ...(opts.before ?? []),
    sql`ev AS (INSERT INTO matter_events (matter_id, type, actor_type, actor_id, actor_name, from_status, to_status,
        note, note_visibility, visibility, payload, at)
      SELECT ${subject.id}::uuid, ${e.type}, ${e.system ? 'system' : actor ? 'staff' : 'resident'}, ${actor?.id ?? null}::uuid,
        ${actor?.displayName ?? null}, ${e.from ?? null}::matter_status, ${to}::matter_status, ${e.note ?? null},
        ${staffOnly || e.noteInternal ? 'internal' : 'public'}, ${staffOnly ? 'internal' : 'public'}, ${json(e.payload ?? {})} || ${extra}, ${now}${from}
      RETURNING id)`,
    sql`au AS (INSERT INTO audit_log (at, actor_id, actor_name, actor_roles, action, target_type, target_id, result, ip,
        request_id, details, entry_mac)
      SELECT ${a.at}, ${a.actorId}, ${a.actorName}, ${textArray(a.actorRoles)}, ${a.action}, ${a.targetType},
        ${a.targetId}, ${a.result}, ${a.ip}, ${a.requestId}, ${json(a.details)}, ${a.entryMac}${from})`,
    sql`ob AS (INSERT INTO outbox (topics, type, payload, created_at)
      SELECT ${textArray(topics)}, ${e.type}, ${json(live)} || ${extra} || jsonb_build_object('eventId', ev.id), ${now}
      FROM ev)`,
  ];
  // Always one row: with a gate that stopped the writes, the event's id is null and `select` still answers.
  return sql`WITH ${sql.join(ctes, sql`, `)} SELECT (SELECT id FROM ev)::int AS "eventId"${opts.select ?? sql``}`;
}

/** Writes the event, its audit entry and its outbox row in `db` (the caller's transaction); answers the event's id. */
export async function recordEvent(db: Queryable, ctx: Ctx, subject: MatterSubject, e: MatterEvent): Promise<number> {
  const [row] = rowsOf<{ eventId: number }>(await db.execute(eventStatement(ctx, subject, e)));
  return row?.eventId ?? 0;
}

type MatterLike = { id: string; unitPath: string; status: MatterStatus; assigneeDepartmentId: string | null };

/** A matter as the subject of its events; `before` is the same matter before this change. */
export function matterSubject(m: MatterLike, before?: MatterLike): MatterSubject {
  const departments = new Set([m.assigneeDepartmentId, before?.assigneeDepartmentId]);
  departments.delete(null);
  departments.delete(undefined);
  return {
    kind: 'matter',
    id: m.id,
    unitPath: m.unitPath,
    status: m.status,
    departmentIds: [...departments] as string[],
  };
}
