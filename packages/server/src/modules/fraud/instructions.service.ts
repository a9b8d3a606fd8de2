/**
 * 快接: one path for an instruction from an upstream's API and from the desk. The person's data is sealed with masked
 * copies; the place and the handler are found (routing.ts); the contact deadline follows the station's rules. The
 * row, its audit entry (ids only) and its outbox event (the handler's live stream and staff notification) commit
 * together. An upstream's resend with the same id is answered with the first row, or refused if its content differs.
 */
import {
  type DeskFraudInput,
  type FraudInstructionInput,
  fraudDeadline,
  maskName,
  type UpstreamInstructionAnswer,
} from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { fraudInstructions } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { maskPhone, sealField, sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { publish } from '../../platform/outbox.js';
import { staffTopic, unitTopic } from '../../platform/topics.js';
import { FRAUD_ROUTED_EVENT } from './constants.js';
import { type Covered, handlerOf, type Place, placeOf } from './routing.js';
import { fraudRules } from './settings.js';
import type { Upstream } from './upstream-auth.js';

export type Instruction = typeof fraudInstructions.$inferSelect;

/** JSON with keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** FZ + the Beijing date + the sequence, e.g. FZ20261123-000012. */
async function nextNumber(tx: Tx, at: Date): Promise<string> {
  const [row] = rowsOf<{ n: string }>(await tx.execute(sql`SELECT nextval('fraud_number_seq')::text AS n`));
  const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `FZ${day}-${String(row?.n ?? '0').padStart(6, '0')}`;
}

export function answerOf(row: Instruction): UpstreamInstructionAnswer {
  return {
    id: row.id,
    number: row.number,
    externalId: row.externalId ?? '',
    routedTo: row.routedTo,
    deadlineAt: row.deadlineAt.toISOString(),
    status: row.status,
  };
}

type Incoming = Omit<FraudInstructionInput, 'externalId' | 'stationCode'> & {
  externalId?: string | undefined;
  stationCode?: string | undefined;
};

interface Source {
  upstream: Upstream | null;
  covered: Covered;
}

function sealedPerson(ctx: Ctx, input: Incoming) {
  const key = ctx.deps.keys.data;
  return {
    nameEnc: sealField(key, input.name),
    nameMasked: maskName(input.name),
    phoneEnc: sealField(key, input.phone),
    phoneMasked: maskPhone(input.phone),
    addressEnc: input.address ? sealField(key, input.address) : null,
    detailEnc: input.detail ? sealField(key, input.detail) : null,
  };
}

/** Writes the row, its audit entry and its outbox event; null when the upstream's id was taken meanwhile. */
async function insertRouted(ctx: Ctx, src: Source, input: Incoming, place: Place, digest: string) {
  const now = ctx.now();
  const handler = await handlerOf(ctx.db, place);
  const rules = await fraudRules(ctx.db, place.stationId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fraudInstructions)
      .values({
        number: await nextNumber(tx, now),
        stationId: place.stationId,
        unitId: place.unitId,
        unitPath: place.unitPath,
        householdId: place.householdId,
        upstreamId: src.upstream?.id ?? null,
        externalId: input.externalId ?? null,
        contentDigest: digest,
        issuedAt: new Date(input.issuedAt),
        receivedAt: now,
        ...sealedPerson(ctx, input),
        fraudType: input.fraudType,
        level: input.level,
        deadlineAt: fraudDeadline(now, input.level, rules, input.deadlineMinutes),
        assigneeId: handler.assigneeId,
        routedTo: handler.routedTo,
        feedbackStatus: src.upstream ? 'pending' : 'none',
        createdBy: ctx.actor?.id ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({
        target: [fraudInstructions.upstreamId, fraudInstructions.externalId],
        where: sql`${fraudInstructions.upstreamId} IS NOT NULL`,
      })
      .returning();
    if (!row) return null;
    await audit(ctx, tx, {
      action: 'fraud.instruction.receive',
      result: 'ok',
      targetType: 'fraud_instruction',
      targetId: row.id,
      details: {
        source: src.upstream ? 'upstream' : 'desk',
        upstreamId: src.upstream?.id ?? null,
        stationId: row.stationId,
        householdId: row.householdId,
        routedTo: row.routedTo,
        assigneeId: row.assigneeId,
        level: row.level,
        fraudType: row.fraudType,
      },
    });
    const topics = [unitTopic(row.stationId), ...(row.assigneeId ? [staffTopic(row.assigneeId)] : [])];
    await publish(tx, now, topics, FRAUD_ROUTED_EVENT, {
      instructionId: row.id,
      number: row.number,
      stationId: row.stationId,
      routedTo: row.routedTo,
      assigneeId: row.assigneeId,
    });
    return row;
  });
}

async function existing(ctx: Ctx, upstreamId: string, externalId: string) {
  const [row] = await ctx.db
    .select()
    .from(fraudInstructions)
    .where(and(eq(fraudInstructions.upstreamId, upstreamId), eq(fraudInstructions.externalId, externalId)));
  return row;
}

function sameOrRefuse(row: Instruction, digest: string): Instruction {
  if (row.contentDigest !== digest) throw new AppError('UPSTREAM_REPLAY_MISMATCH', { externalId: row.externalId });
  return row;
}

/** Receives an instruction; `created` is false for an upstream's resend of one already received. */
export async function receiveInstruction(
  ctx: Ctx,
  src: Source,
  input: Incoming,
): Promise<{ row: Instruction; created: boolean }> {
  // The same moment written two ways (…00Z, …00.000Z) is the same instruction.
  const digest = sm3(canonicalJson({ ...input, issuedAt: new Date(input.issuedAt).toISOString() }));
  if (src.upstream && input.externalId) {
    const first = await existing(ctx, src.upstream.id, input.externalId);
    if (first) return { row: sameOrRefuse(first, digest), created: false };
  }
  const place = await placeOf(ctx.db, src.covered, input);
  const row = await insertRouted(ctx, src, input, place, digest);
  if (row) return { row, created: true };
  // Another request with the same id committed first: answer as a resend of it.
  const first = src.upstream && input.externalId ? await existing(ctx, src.upstream.id, input.externalId) : undefined;
  if (!first) throw new AppError('CONFLICT');
  return { row: sameOrRefuse(first, digest), created: false };
}

/** The desk enters an instruction for a station of its scope (received by phone or on paper). */
export async function receiveAtDesk(ctx: Ctx, station: Covered, input: DeskFraudInput) {
  const { stationId: _, ...rest } = input;
  return receiveInstruction(ctx, { upstream: null, covered: station }, rest);
}
