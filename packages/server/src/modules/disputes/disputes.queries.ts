/**
 * Dispute cases as screens read them: a station's list (set-based: one query for the page, one for the
 * total) and one case with its parties (masked), assessments and colour changes, newest first.
 */
import {
  type AssessmentFactors,
  COLOUR_SCHEMES,
  type DisputeBoard,
  type DisputeListItem,
  type DisputeView,
  type PartyView,
} from '@jingmin/shared';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { allOf } from '../../db/rows.js';
import {
  disputeAssessments,
  disputeCases,
  disputeColourChanges,
  households,
  matters,
  staff,
  units,
} from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { stationInScope } from '../settings/settings.service.js';
import { agreementsOf } from './agreements.js';
import { stillOpen } from './case-sets.js';
import { closeReadiness } from './close.js';
import { dueRows } from './due.js';
import { followUpsOf, satisfactionOf } from './follow-ups.js';
import { partiesOf, presentParty } from './parties.js';
import { sessionsOf } from './sessions.js';
import { disputeSettings } from './settings.js';
import { timelineOf } from './timeline.js';
import { transfersOf } from './transfers.js';
import { assertStationSide, assignedCases, casesInSight, seesCase } from './visibility.js';

export type DisputeCase = typeof disputeCases.$inferSelect;

/** The village or grid of a case without a household. */
const placeUnits = alias(units, 'dispute_place');
const stations = alias(units, 'dispute_station');

const place = sql<string>`coalesce(${households.address}, ${placeUnits.name}, '')`;
const partyCount = sql<number>`(SELECT count(*) FROM dispute_parties p WHERE p.case_id = ${disputeCases.id})::int`;

const listColumns = { dispute: disputeCases, stationName: stations.name, place, partyCount };

export function selectCases(ctx: Ctx) {
  return ctx.db
    .select(listColumns)
    .from(disputeCases)
    .leftJoin(households, eq(households.id, disputeCases.householdId))
    .leftJoin(placeUnits, and(isNull(disputeCases.householdId), eq(placeUnits.path, disputeCases.unitPath)))
    .innerJoin(stations, eq(stations.id, disputeCases.stationId))
    .$dynamic();
}

type ListRow = { dispute: DisputeCase; stationName: string; place: string; partyCount: number };

export function presentItem(r: ListRow): DisputeListItem {
  const d = r.dispute;
  return {
    id: d.id,
    number: d.number,
    stationId: d.stationId,
    stationName: r.stationName,
    title: d.title,
    category: d.category,
    subcategory: d.subcategory,
    source: d.source,
    level: d.level,
    colourScheme: d.colourScheme,
    colour: d.colour,
    status: d.status,
    collective: d.collective,
    partyCount: Number(r.partyCount),
    place: r.place,
    channel: d.channel,
    sessionDueAt: d.sessionDueAt?.toISOString() ?? null,
    acceptedAt: d.acceptedAt.toISOString(),
  };
}

/**
 * One case in the actor's sight: a read may pass a scope grant for `dispute.read`, a change never does.
 * Outside it the case does not exist (404), as another station's chief must not learn its number. An
 * assigned-only account sees the cases given to it (visibility.ts); a department's liaison changes none (403).
 */
export async function getCaseOrThrow(ctx: Ctx, id: string, read = false): Promise<DisputeCase> {
  const actor = actorOf(ctx);
  const [row] = await ctx.db
    .select()
    .from(disputeCases)
    .where(allOf(eq(disputeCases.id, id), assignedCases(actor)));
  if (!row || !seesCase(actor, row, read)) throw new AppError('NOT_FOUND', { what: 'dispute' });
  if (!read) assertStationSide(actor);
  return row;
}

/** The case page: the list's fields, the facts, its matter, parties masked and the history newest first. */
export async function viewDispute(ctx: Ctx, id: string): Promise<DisputeView> {
  const [row] = await selectCases(ctx).where(eq(disputeCases.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'dispute' });
  const matterNumber = await matterNumberOf(ctx, row.dispute.matterId);
  const now = ctx.now();
  const { rules } = await disputeSettings(ctx.db, row.dispute.stationId);
  const parties: PartyView[] = (await partiesOf(ctx.db, id)).map((p) => presentParty(p, now, rules));
  const assessments = await ctx.db
    .select({ a: disputeAssessments, by: staff.displayName })
    .from(disputeAssessments)
    .innerJoin(staff, eq(staff.id, disputeAssessments.assessedBy))
    .where(eq(disputeAssessments.caseId, id))
    .orderBy(desc(disputeAssessments.assessedAt));
  const changes = await ctx.db
    .select({ c: disputeColourChanges, by: staff.displayName })
    .from(disputeColourChanges)
    .innerJoin(staff, eq(staff.id, disputeColourChanges.changedBy))
    .where(eq(disputeColourChanges.caseId, id))
    .orderBy(desc(disputeColourChanges.changedAt));
  return {
    ...presentItem(row),
    facts: row.dispute.facts,
    matterId: row.dispute.matterId,
    matterNumber,
    householdId: row.dispute.householdId,
    parties,
    assessments: assessments.map(({ a, by }) => ({
      id: a.id,
      level: a.level,
      factors: a.factors as AssessmentFactors,
      note: a.note,
      assessedBy: by,
      assessedAt: a.assessedAt.toISOString(),
    })),
    colourChanges: changes.map(({ c, by }) => ({
      id: c.id,
      scheme: c.scheme,
      from: c.fromColour,
      to: c.toColour,
      reason: c.reason,
      changedBy: by,
      changedAt: c.changedAt.toISOString(),
    })),
    receivingBody: row.dispute.receivingBody,
    handler: await handlerOf(ctx, row.dispute.handlerId),
    sessionEscalatedAt: row.dispute.sessionEscalatedAt?.toISOString() ?? null,
    nextAttemptOn: row.dispute.nextAttemptOn,
    failReason: row.dispute.failReason,
    sessions: await sessionsOf(ctx.db, id),
    agreements: await agreementsOf(ctx.db, id, now),
    transfers: await transfersOf(ctx.db, id),
    followUps: await followUpsOf(ctx.db, id, now, row.dispute.status === 'closed'),
    satisfaction: await satisfactionOf(ctx.db, id),
    close: await closeReadiness(ctx.db, row.dispute),
    timeline: await timelineOf(ctx, id),
    version: row.dispute.version,
  };
}

async function handlerOf(ctx: Ctx, handlerId: string | null) {
  if (!handlerId) return null;
  const [s] = await ctx.db.select({ name: staff.displayName }).from(staff).where(eq(staff.id, handlerId));
  return s ? { id: handlerId, name: s.name } : null;
}

async function matterNumberOf(ctx: Ctx, matterId: string | null): Promise<string | null> {
  if (!matterId) return null;
  const [m] = await ctx.db.select({ number: matters.number }).from(matters).where(eq(matters.id, matterId));
  return m?.number ?? null;
}

/** 三色看板: open cases by colour × level in one GROUP BY, and the oldest of the scheme's most demanding colour. */
export async function disputeBoard(ctx: Ctx, stationId: string): Promise<DisputeBoard> {
  const actor = actorOf(ctx);
  await stationInScope(ctx, stationId);
  const { colourScheme } = await disputeSettings(ctx.db, stationId);
  const where = allOf(eq(disputeCases.stationId, stationId), casesInSight(actor), stillOpen);
  const cells = await ctx.db
    .select({ colour: disputeCases.colour, level: disputeCases.level, count: count() })
    .from(disputeCases)
    .where(where)
    .groupBy(disputeCases.colour, disputeCases.level);
  const top = COLOUR_SCHEMES.find((s) => s.key === colourScheme)?.levels[0]?.key ?? null;
  const oldest = top
    ? await selectCases(ctx)
        .where(allOf(where, eq(disputeCases.colour, top), eq(disputeCases.colourScheme, colourScheme)))
        .orderBy(disputeCases.acceptedAt)
        .limit(10)
    : [];
  const due = await dueRows(ctx.db, where, ctx.now());
  const dueCases = due.length
    ? new Map(
        (
          await selectCases(ctx).where(
            inArray(
              disputeCases.id,
              due.map((d) => d.caseId),
            ),
          )
        ).map((r) => [r.dispute.id, presentItem(r)]),
      )
    : new Map<string, DisputeListItem>();
  return {
    stationId,
    colourScheme,
    open: cells.reduce((n, c) => n + Number(c.count), 0),
    cells: cells.map((c) => ({ colour: c.colour, level: c.level, count: Number(c.count) })),
    oldestTop: oldest.map(presentItem),
    due: due.flatMap((d) => {
      const item = dueCases.get(d.caseId);
      return item ? [{ case: item, what: d.what, dueAt: d.dueAt.toISOString(), overdue: d.overdue }] : [];
    }),
  };
}
