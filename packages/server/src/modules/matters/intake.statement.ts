/**
 * The submission as one statement: the idempotency key with its answer, the
 * matter with a number drawn from the sequence, and through recordEvent's
 * statement its first event, audit entry and outbox row. Nothing is written
 * unless the key is new and no matter holds it already, so a retry racing the
 * first request writes nothing and reads the first one's answer.
 */
import { randomUUID } from 'node:crypto';
import type { SubmitMatterInput } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { Ctx } from '../../platform/context.js';
import { type Limit, limitCtes, overColumn } from '../../platform/ratelimit.js';
import { eventStatement, matterSubject } from '../../platform/record-event.js';

export interface IntakePlan {
  key: string;
  requestHash: string;
  trackingHash: string;
  /** `JM20261130-`: the Shanghai date; the sequence adds the rest. */
  numberPrefix: string;
  household: { id: string; unitPath: string; stationId: string };
  input: SubmitMatterInput;
  phone: { phoneEnc: string; phoneMasked: string; phoneIndex: string } | null;
  firstResponseDueAt: Date;
  /** Counted in the same statement; nothing is written past one of them. */
  limits: Limit[];
}

export function intakeStatement(ctx: Ctx, p: IntakePlan): SQL {
  const now = ctx.now();
  const matterId = randomUUID();
  const { input, phone } = p;
  const before = [
    ...limitCtes(p.limits, now),
    sql`n AS (SELECT ${p.numberPrefix} || lpad(nextval('matter_number_seq')::text, 6, '0') AS number)`,
    sql`k AS (INSERT INTO idempotency_keys (key, scope, request_hash, response, created_at)
      SELECT ${p.key}::uuid, 'matter.submit', ${p.requestHash},
        jsonb_build_object('number', n.number, 'status', 'submitted', 'submittedAt', ${now.toISOString()}::text), ${now}
      FROM n WHERE NOT EXISTS (SELECT 1 FROM over) AND NOT EXISTS (SELECT 1 FROM matters WHERE intake_key = ${p.key}::uuid)
      ON CONFLICT (key) DO NOTHING RETURNING key)`,
    sql`m AS (INSERT INTO matters (id, number, household_id, station_id, unit_path, kind, body, location,
        contact_phone_enc, contact_phone_masked, contact_phone_index, intake_key, tracking_hash, notice_version,
        first_response_due_at, created_at, updated_at)
      SELECT ${matterId}::uuid, n.number, ${p.household.id}::uuid, ${p.household.stationId}::uuid, ${p.household.unitPath},
        ${input.kind}::matter_kind, ${input.body}, ${input.location ? JSON.stringify(input.location) : null}::jsonb,
        ${phone?.phoneEnc ?? null}, ${phone?.phoneMasked ?? null}, ${phone?.phoneIndex ?? null}, ${p.key}::uuid,
        ${p.trackingHash}, ${input.noticeVersion}, ${p.firstResponseDueAt}, ${now}, ${now}
      FROM n, k RETURNING id, number)`,
  ];
  const subject = matterSubject({
    id: matterId,
    unitPath: p.household.unitPath,
    status: 'submitted',
    assigneeDepartmentId: null,
  });
  return eventStatement(
    ctx,
    subject,
    {
      type: 'matter.submitted',
      to: 'submitted',
      payload: { kind: input.kind },
      auditDetails: { photos: input.photoIds.length, phone: Boolean(phone) },
      live: { kind: input.kind },
    },
    {
      before,
      gate: 'm',
      payloadSql: sql`(SELECT jsonb_build_object('number', number) FROM m)`,
      select: sql`, (SELECT number FROM m) AS number, ${matterId}::text AS "matterId", ${overColumn}`,
    },
  );
}

export interface IntakeAnswer {
  /** Null when nothing was written: a limit was passed, or the key was taken meanwhile. */
  eventId: number | null;
  number: string | null;
  matterId: string;
  overLimit: string[];
}

export async function runIntake(db: Queryable, statement: SQL): Promise<IntakeAnswer> {
  const [row] = rowsOf<IntakeAnswer>(await db.execute(statement));
  return row ?? { eventId: null, number: null, matterId: '', overLimit: [] };
}
