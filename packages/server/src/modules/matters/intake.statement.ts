/**
 * The submission as one statement — a resident's from the doorplate, or the
 * desk's on a resident's behalf (`desk`, accepted at once with its channel): the idempotency key with its answer, the
 * matter with a number drawn from the sequence, and through recordEvent's
 * statement its first event, audit entry and outbox row. Nothing is written
 * unless the key is new and no matter holds it already, so a retry racing the
 * first request writes nothing and reads the first one's answer.
 */
import { randomUUID } from 'node:crypto';
import type { MatterStatus, StaffChannel, SubmitMatterInput, Urgency } from '@jingmin/shared';
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
  /** The household; its id is null when the desk records the matter in a village or grid. */
  household: { id: string | null; unitPath: string; stationId: string };
  input: Pick<SubmitMatterInput, 'kind' | 'body' | 'location' | 'noticeVersion' | 'photoIds'>;
  phone: { phoneEnc: string; phoneMasked: string; phoneIndex: string } | null;
  firstResponseDueAt: Date;
  /** Counted in the same statement; nothing is written past one of them. */
  limits: Limit[];
  desk?: DeskIntake;
}

/** The desk recording a matter on a resident's behalf (desk-intake.service.ts): 受理 in the same step. */
export interface DeskIntake {
  channel: StaffChannel;
  externalNo: string | null;
  placeNote: string | null;
  urgency: Urgency;
  resolveDueAt: Date;
  /** The resident spoke to the desk itself: recording it is the first response. */
  answered: boolean;
  smsConsent: boolean;
}

export function intakeStatement(ctx: Ctx, p: IntakePlan): SQL {
  const now = ctx.now();
  const matterId = randomUUID();
  const { input, phone, desk } = p;
  const status: MatterStatus = desk ? 'accepted' : 'submitted';
  const at = (yes: boolean | undefined) => (yes ? now : null);
  const before = [
    ...limitCtes(p.limits, now),
    sql`n AS (SELECT ${p.numberPrefix} || lpad(nextval('matter_number_seq')::text, 6, '0') AS number)`,
    sql`k AS (INSERT INTO idempotency_keys (key, scope, request_hash, response, created_at)
      SELECT ${p.key}::uuid, ${desk ? 'matter.desk' : 'matter.submit'}, ${p.requestHash},
        jsonb_build_object('number', n.number, 'status', ${status}::text, 'submittedAt', ${now.toISOString()}::text), ${now}
      FROM n WHERE NOT EXISTS (SELECT 1 FROM over) AND NOT EXISTS (SELECT 1 FROM matters WHERE intake_key = ${p.key}::uuid)
      ON CONFLICT (key) DO NOTHING RETURNING key)`,
    sql`m AS (INSERT INTO matters (id, number, household_id, station_id, unit_path, kind, body, location,
        contact_phone_enc, contact_phone_masked, contact_phone_index, intake_key, tracking_hash, notice_version,
        first_response_due_at, created_at, updated_at, channel, external_no, place_note, urgency, status, accepted_at,
        first_response_at, resolve_due_at, recorded_by_staff_id, sms_consent_at, receipt_sms)
      SELECT ${matterId}::uuid, n.number, ${p.household.id}::uuid, ${p.household.stationId}::uuid, ${p.household.unitPath},
        ${input.kind}::matter_kind, ${input.body}, ${input.location ? JSON.stringify(input.location) : null}::jsonb,
        ${phone?.phoneEnc ?? null}, ${phone?.phoneMasked ?? null}, ${phone?.phoneIndex ?? null}, ${p.key}::uuid,
        ${p.trackingHash}, ${input.noticeVersion}, ${p.firstResponseDueAt}, ${now}, ${now},
        ${desk?.channel ?? 'doorplate'}::matter_channel, ${desk?.externalNo ?? null}, ${desk?.placeNote ?? null},
        ${desk?.urgency ?? 'normal'}::matter_urgency, ${status}::matter_status, ${at(Boolean(desk))}::timestamptz,
        ${at(desk?.answered)}::timestamptz, ${desk?.resolveDueAt ?? null}::timestamptz, ${desk ? (ctx.actor?.id ?? null) : null}::uuid,
        ${at(desk?.smsConsent)}::timestamptz, ${desk?.smsConsent && phone ? 'pending' : null}
      FROM n, k RETURNING id, number)`,
  ];
  const subject = matterSubject({
    id: matterId,
    unitPath: p.household.unitPath,
    status,
    assigneeDepartmentId: null,
  });
  return eventStatement(
    ctx,
    subject,
    {
      type: desk ? 'matter.recorded' : 'matter.submitted',
      to: status,
      payload: { kind: input.kind, ...(desk ? { channel: desk.channel, urgency: desk.urgency } : {}) },
      auditDetails: { photos: input.photoIds.length, phone: Boolean(phone), ...(desk ? { sms: desk.smsConsent } : {}) },
      live: { kind: input.kind, ...(desk ? { channel: desk.channel } : {}) },
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
