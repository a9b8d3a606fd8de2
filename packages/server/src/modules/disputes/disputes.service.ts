/**
 * 矛盾纠纷 cases, first step: opened from a resident's 矛盾纠纷 matter (the matter's timeline says so in the
 * same transaction), by the desk or by 摸排; then classified, assessed (each assessment kept) and coloured
 * on the case's scheme (each change with its reason), parties added with their particulars sealed. Every
 * change bumps the case's version and is audited with ids, enums and field names only.
 */
import {
  type AssessmentInput,
  type ClassificationInput,
  COLOUR_SCHEMES,
  type ColourInput,
  type DisputeFromMatterInput,
  type DisputeInput,
  type DisputeStep,
  disputeStepTo,
  type PartyInput,
  shownBody,
} from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { firstOrThrow, isUniqueViolation } from '../../db/rows.js';
import {
  disputeAssessments,
  disputeCases,
  disputeColourChanges,
  disputeParties,
  households,
  units,
} from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import { canSeePath, isUnder } from '../../platform/scope.js';
import { shanghaiDate } from '../matters/intake.service.js';
import { getMatterOrThrow } from '../matters/matters.service.js';
import { stationInScope } from '../settings/settings.service.js';
import { type DisputeCase, getCaseOrThrow } from './disputes.queries.js';
import { assertGuardian, assertPartyHouseholds, notePartyPhones, partyRow } from './parties.js';
import { assertSubcategory, disputeSettings } from './settings.js';
import { assertStationSide } from './visibility.js';

/** `MD20261130-000001`: the Beijing date, then the sequence. */
const numberOf = (now: Date) =>
  sql<string>`${`MD${shanghaiDate(now)}-`} || lpad(nextval('dispute_number_seq')::text, 6, '0')`;

type NewCase = Omit<
  typeof disputeCases.$inferInsert,
  'id' | 'number' | 'createdBy' | 'acceptedAt' | 'createdAt' | 'updatedAt'
>;

async function insertCase(tx: Tx, ctx: Ctx, values: NewCase): Promise<DisputeCase> {
  const now = ctx.now();
  const rows = await tx
    .insert(disputeCases)
    .values({
      ...values,
      number: numberOf(now),
      createdBy: actorOf(ctx).id,
      acceptedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return firstOrThrow(rows, 'dispute case');
}

/** 转为矛盾纠纷: one case per 矛盾纠纷 matter; the resident's timeline reads 已转为矛盾纠纷调解. */
export async function openFromMatter(ctx: Ctx, matterId: string, input: DisputeFromMatterInput) {
  assertStationSide(actorOf(ctx));
  const matter = await getMatterOrThrow(ctx, matterId);
  if (matter.kind !== 'dispute') throw new AppError('NOT_A_DISPUTE_MATTER');
  // The desk's 受理 comes first: it answers the resident in time and fixes the kind the case is opened for.
  if (matter.status === 'submitted') throw new AppError('DISPUTE_MATTER_NOT_ACCEPTED');
  const existing = await caseOfMatter(ctx, matterId);
  if (existing) throw new AppError('DISPUTE_EXISTS', { number: existing });
  await assertSubcategory(ctx, matter.stationId, input.subcategory);
  const { colourScheme } = await disputeSettings(ctx.db, matter.stationId);
  const facts = shownBody(matter, 'zh-CN');
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertCase(tx, ctx, {
        stationId: matter.stationId,
        unitPath: matter.unitPath,
        householdId: matter.householdId,
        matterId,
        source: 'matter',
        category: input.category,
        subcategory: input.subcategory ?? null,
        title: input.title ?? [...facts].slice(0, 30).join(''),
        facts,
        colourScheme,
        collective: input.collective ?? false,
      });
      await recordEvent(tx, ctx, matterSubject(matter), {
        type: 'matter.to_dispute',
        payload: { disputeId: row.id, disputeNumber: row.number },
      });
      await auditOpen(ctx, tx, row, 0);
      return row;
    });
  } catch (err) {
    if (!isUniqueViolation(err, 'dispute_cases_matter_key')) throw err;
    throw new AppError('DISPUTE_EXISTS', { number: (await caseOfMatter(ctx, matterId)) ?? '' });
  }
}

async function caseOfMatter(ctx: Ctx, matterId: string) {
  const [row] = await ctx.db
    .select({ number: disputeCases.number })
    .from(disputeCases)
    .where(eq(disputeCases.matterId, matterId));
  return row?.number ?? null;
}

function auditOpen(ctx: Ctx, tx: Tx, row: DisputeCase, parties: number) {
  return audit(ctx, tx, {
    action: 'dispute.open',
    result: 'ok',
    targetType: 'dispute',
    targetId: row.id,
    details: {
      source: row.source,
      category: row.category,
      matterId: row.matterId,
      householdId: row.householdId,
      collective: row.collective,
      parties,
    },
  });
}

/** Where a desk case is: a household or a unit of the station, in the actor's own sight (404 otherwise). */
async function placeOf(ctx: Ctx, stationPath: string, input: OpenCaseInput) {
  const actor = actorOf(ctx);
  if (input.householdId) {
    const [h] = await ctx.db
      .select({ id: households.id, unitPath: households.unitPath })
      .from(households)
      .where(eq(households.id, input.householdId));
    if (!h || !isUnder(h.unitPath, stationPath) || !canSeePath(actor, h.unitPath))
      throw new AppError('NOT_FOUND', { what: 'household' });
    return { householdId: h.id, unitPath: h.unitPath };
  }
  const [u] = await ctx.db
    .select({ path: units.path })
    .from(units)
    .where(eq(units.id, input.unitId ?? ''));
  if (!u || !isUnder(u.path, stationPath) || !canSeePath(actor, u.path))
    throw new AppError('NOT_FOUND', { what: 'unit' });
  return { householdId: null, unitPath: u.path };
}

/** A new case's fields: the desk's own sources, or 议事厅 when a room's host opens it from a post. */
export type OpenCaseInput = Omit<DisputeInput, 'source'> & { source: DisputeInput['source'] | 'room' };

/**
 * A case the desk records (来所, 电话, 110 移交) or one found by 摸排, with its parties sealed. `also` runs in
 * the case's transaction (a household visit links the case it raised).
 */
export async function openAtDesk(
  ctx: Ctx,
  stationId: string,
  input: OpenCaseInput,
  also?: (tx: Tx, opened: DisputeCase) => Promise<void>,
) {
  assertStationSide(actorOf(ctx));
  const station = await stationInScope(ctx, stationId);
  const where = await placeOf(ctx, station.path, input);
  await assertSubcategory(ctx, stationId, input.subcategory);
  const parties = input.parties ?? [];
  await assertPartyHouseholds(ctx.db, station.path, parties);
  const { colourScheme, rules } = await disputeSettings(ctx.db, stationId);
  // A guardian is added once the minor is on the case.
  for (const p of parties) await assertGuardian(ctx, null, p, rules);
  return ctx.db.transaction(async (tx) => {
    const row = await insertCase(tx, ctx, {
      stationId,
      ...where,
      source: input.source,
      category: input.category,
      subcategory: input.subcategory ?? null,
      title: input.title,
      facts: input.facts,
      colourScheme,
      collective: input.collective ?? false,
    });
    // One statement shares one now(): a microsecond apart, the parties keep the order they were given in.
    const inOrder = (i: number) => sql`now() + ${`${i} microseconds`}::interval`;
    if (parties.length)
      await tx
        .insert(disputeParties)
        .values(parties.map((p, i) => ({ ...partyRow(ctx.deps.keys, row.id, p), createdAt: inOrder(i) })));
    await notePartyPhones(tx, sql`p.case_id = ${row.id}`);
    await auditOpen(ctx, tx, row, parties.length);
    await also?.(tx, row);
    return row;
  });
}

/**
 * The case after a change: one more version (a concurrent change is a 409), and its audit entry in the same
 * transaction. Every change to a case goes through here.
 */
export async function changeCase(
  ctx: Ctx,
  tx: Tx,
  c: DisputeCase,
  set: Partial<typeof disputeCases.$inferInsert>,
  action: string,
  details: Record<string, unknown>,
) {
  // A closed case is a record: nothing on it changes any more.
  if (c.status === 'closed') throw new AppError('DISPUTE_CLOSED');
  const [updated] = await tx
    .update(disputeCases)
    .set({ ...set, updatedAt: ctx.now(), version: sql`${disputeCases.version} + 1` })
    .where(and(eq(disputeCases.id, c.id), eq(disputeCases.version, c.version)))
    .returning({ id: disputeCases.id });
  if (!updated) throw new AppError('CONFLICT');
  await audit(ctx, tx, { action, result: 'ok', targetType: 'dispute', targetId: c.id, details });
}

/**
 * A step of the case's flow (DISPUTE_STEPS): refused with the case's status and the step named when the case
 * cannot take it now; otherwise the status moves with `set`, audited as `action` with from/to.
 */
export async function stepCase(
  ctx: Ctx,
  tx: Tx,
  c: DisputeCase,
  step: DisputeStep,
  set: Partial<typeof disputeCases.$inferInsert>,
  action: string,
  details: Record<string, unknown>,
) {
  const to = disputeStepTo(c.status, step);
  if (!to) throw new AppError('DISPUTE_STEP_NOT_ALLOWED', { status: c.status, step });
  await changeCase(ctx, tx, c, { ...set, status: to }, action, { ...details, from: c.status, to });
}

/** 分类受理: the category and the station's subcategory. */
export async function classify(ctx: Ctx, id: string, input: ClassificationInput) {
  const c = await getCaseOrThrow(ctx, id);
  await assertSubcategory(ctx, c.stationId, input.subcategory);
  const subcategory = input.subcategory ?? null;
  await ctx.db.transaction((tx) =>
    changeCase(ctx, tx, c, { category: input.category, subcategory }, 'dispute.classify', {
      from: c.category,
      to: input.category,
      subcategory: subcategory !== c.subcategory,
    }),
  );
}

/** 分级评估: the assessment is kept with its factors, who and when; the case takes its level. */
export async function assess(ctx: Ctx, id: string, input: AssessmentInput) {
  const c = await getCaseOrThrow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [a] = await tx
      .insert(disputeAssessments)
      .values({
        caseId: id,
        level: input.level,
        factors: input.factors,
        note: input.note ?? null,
        assessedBy: actorOf(ctx).id,
        assessedAt: ctx.now(),
      })
      .returning({ id: disputeAssessments.id });
    await changeCase(ctx, tx, c, { level: input.level }, 'dispute.assess', {
      assessmentId: a?.id,
      from: c.level,
      to: input.level,
    });
  });
}

/** 三色: a colour of the case's scheme, changed with its reason (kept with who and when). */
export async function recolour(ctx: Ctx, id: string, input: ColourInput) {
  const c = await getCaseOrThrow(ctx, id);
  const keys = COLOUR_SCHEMES.find((s) => s.key === c.colourScheme)?.levels.map((l) => l.key) ?? [];
  if (!keys.includes(input.colour)) {
    const allowed = keys.join(' / ');
    throw invalid(ctx, 'colour', `应为本案颜色方案的 ${allowed} 之一`, `must be one of ${allowed}`);
  }
  if (input.colour === c.colour) throw invalid(ctx, 'colour', '与现在的颜色相同', 'is the colour already');
  await ctx.db.transaction(async (tx) => {
    await tx.insert(disputeColourChanges).values({
      caseId: id,
      scheme: c.colourScheme,
      fromColour: c.colour,
      toColour: input.colour,
      reason: input.reason,
      changedBy: actorOf(ctx).id,
      changedAt: ctx.now(),
    });
    await changeCase(ctx, tx, c, { colour: input.colour }, 'dispute.colour', {
      scheme: c.colourScheme,
      from: c.colour,
      to: input.colour,
    });
  });
}

/** Another party of the case, its particulars sealed. */
export async function addParty(ctx: Ctx, id: string, input: PartyInput) {
  const c = await getCaseOrThrow(ctx, id);
  const [station] = await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, c.stationId));
  await assertPartyHouseholds(ctx.db, station?.path ?? c.unitPath, [input]);
  await assertGuardian(ctx, id, input, (await disputeSettings(ctx.db, c.stationId)).rules);
  await ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .insert(disputeParties)
      .values(partyRow(ctx.deps.keys, id, input))
      .returning({ id: disputeParties.id });
    await notePartyPhones(tx, sql`p.id = ${p?.id}`);
    await changeCase(ctx, tx, c, {}, 'dispute.party_add', {
      partyId: p?.id,
      kind: input.kind,
      role: input.role,
      fields: Object.keys(input).filter((k) => !['kind', 'role'].includes(k)),
    });
  });
}
