/**
 * Instructions as staff read them. Lists carry the masked name and phone; the detail opens the sealed fields for the
 * handler, the desk and the chief (the caller decides, and audits the read). A purged one shows `（已删除）`.
 */
import type { FraudFollowUp, FraudInstructionView } from '@jingmin/shared';
import { eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.js';
import { fraudInstructions, fraudUpstreams, households, staff, units } from '../../db/schema/index.js';
import { openField } from '../../platform/crypto.js';

const station = alias(units, 'fraud_station');
const place = alias(units, 'fraud_place');
const assignee = alias(staff, 'fraud_assignee');
const verifier = alias(staff, 'fraud_verifier');

/** The instructions matching `where`, with the names the view shows. */
export function selectInstructions(db: Queryable, where: SQL | undefined) {
  return db
    .select({
      i: fraudInstructions,
      stationName: station.name,
      upstreamName: fraudUpstreams.name,
      feedbackMode: fraudUpstreams.feedback,
      householdAddress: households.address,
      placeName: place.name,
      assigneeName: assignee.displayName,
      verifierName: verifier.displayName,
    })
    .from(fraudInstructions)
    .innerJoin(station, eq(station.id, fraudInstructions.stationId))
    .innerJoin(place, eq(place.id, fraudInstructions.unitId))
    .leftJoin(fraudUpstreams, eq(fraudUpstreams.id, fraudInstructions.upstreamId))
    .leftJoin(households, eq(households.id, fraudInstructions.householdId))
    .leftJoin(assignee, eq(assignee.id, fraudInstructions.assigneeId))
    .leftJoin(verifier, eq(verifier.id, fraudInstructions.verifiedBy))
    .where(where);
}

export type InstructionRow = Awaited<ReturnType<typeof selectInstructions>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The view; `full` opens the person's data (never for a purged one). */
export function presentInstruction(
  r: InstructionRow,
  opts: { full: boolean; key: Buffer; now: Date },
): FraudInstructionView {
  const i = r.i;
  const purged = i.purgedAt !== null;
  const full = opts.full && !purged;
  const open = (sealed: string | null) => (full && sealed ? openField(opts.key, sealed) : null);
  return {
    id: i.id,
    number: i.number,
    stationId: i.stationId,
    stationName: r.stationName,
    source: i.upstreamId ? 'upstream' : 'desk',
    upstreamName: r.upstreamName ?? null,
    externalId: i.externalId,
    issuedAt: i.issuedAt.toISOString(),
    receivedAt: i.receivedAt.toISOString(),
    name: open(i.nameEnc) ?? i.nameMasked,
    phone: open(i.phoneEnc) ?? i.phoneMasked,
    address: open(i.addressEnc),
    detail: open(i.detailEnc),
    household: full && i.householdId && r.householdAddress ? { id: i.householdId, address: r.householdAddress } : null,
    unit: { id: i.unitId, name: r.placeName },
    fraudType: i.fraudType,
    level: i.level,
    deadlineAt: i.deadlineAt.toISOString(),
    status: i.status,
    overdue: i.status === 'open' && i.deadlineAt.getTime() < opts.now.getTime(),
    assignee: i.assigneeId ? { id: i.assigneeId, name: r.assigneeName ?? '' } : null,
    routedTo: i.routedTo,
    warnedAt: iso(i.warnedAt),
    escalatedAt: iso(i.escalatedAt),
    method: i.method,
    contactedAt: iso(i.contactedAt),
    outcome: i.outcome,
    amountLost: i.amountLost,
    amountPrevented: i.amountPrevented,
    attempts: i.attempts,
    followUps: i.followUps as FraudFollowUp[],
    note: open(i.noteEnc),
    verifiedAt: iso(i.verifiedAt),
    verifiedBy: r.verifierName ?? null,
    feedback: {
      mode: r.feedbackMode ?? null,
      status: i.feedbackStatus,
      sentAt: iso(i.feedbackSentAt),
      attempts: i.feedbackAttempts,
      lastError: i.feedbackError,
    },
    purged,
    version: i.version,
  };
}
