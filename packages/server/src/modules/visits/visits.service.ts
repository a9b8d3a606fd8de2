/**
 * 走访入户必评: an officer, cadre or grid worker logs a household visit (三线合一), and the
 * same transaction opens its evaluation (type `visit`, the visitor rated). The answer carries
 * the evaluation's link so the visitor shows its QR on the phone at the door; the household
 * also finds it on its doorplate page (待评价) until it expires. What the visit found becomes
 * a matter or a dispute case in one action (a hazard: modules/hazards, source `visit`).
 * A phone that logged the visit offline sends it with an Idempotency-Key: a resend logs nothing twice.
 */
import type {
  VisitDisputeInput,
  VisitInput,
  VisitLogged,
  VisitMatterInput,
  VisitQuery,
  VisitView,
} from '@jingmin/shared';
import { and, count, desc, eq, ilike, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { firstOrThrow } from '../../db/rows.js';
import { evaluationRequests, households, staff, units, visits } from '../../db/schema/index.js';
import { type Actor, actorOf, audit, auditAlone, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { assertFreshEntry, claimKey, replayOf, storeAnswer } from '../../platform/idempotency.js';
import { canSeePath, escapeLike, isDepartmentOnly, under } from '../../platform/scope.js';
import { openAtDesk } from '../disputes/disputes.service.js';
import { evaluationPath, requestEvaluation } from '../evaluations/evaluations.service.js';
import { recordMatter } from '../matters/desk-intake.service.js';
import { stationOfPath } from '../matters/place.js';
import { matterSettings } from '../settings/settings.service.js';

/** A visit logged a little ahead of the server's clock (a phone's clock) is still "now". */
const CLOCK_SKEW_MS = 5 * 60_000;

const evaluated = sql<boolean>`EXISTS (SELECT 1 FROM ${evaluationRequests}
  WHERE ${evaluationRequests.subjectType} = 'visit' AND ${evaluationRequests.subjectId} = ${visits.id}
  AND ${evaluationRequests.answeredAt} IS NOT NULL)`;

const companions = sql<{ id: string; name: string }[]>`(SELECT coalesce(json_agg(json_build_object('id', c.id,
  'name', c.display_name) ORDER BY c.display_name), '[]'::json) FROM ${staff} c WHERE c.id = ANY(${visits.companionIds}))`;

const columns = {
  id: visits.id,
  stationId: visits.stationId,
  householdId: visits.householdId,
  address: households.address,
  householdKind: households.kind,
  householdName: households.name,
  line: visits.line,
  purpose: visits.purpose,
  staffId: visits.staffId,
  staffName: staff.displayName,
  companions,
  otherVisitors: visits.otherVisitors,
  visitedAt: visits.visitedAt,
  note: visits.note,
  raisedMatterId: visits.raisedMatterId,
  raisedDisputeId: visits.raisedDisputeId,
  evaluated,
  createdAt: visits.createdAt,
};

type Row = { visitedAt: Date; createdAt: Date; evaluated: unknown; companions: unknown } & Omit<
  VisitView,
  'visitedAt' | 'createdAt' | 'evaluated' | 'companions'
>;
export const view = (r: Row): VisitView => ({
  ...r,
  companions: (typeof r.companions === 'string' ? JSON.parse(r.companions) : r.companions) as VisitView['companions'],
  evaluated: r.evaluated === true || r.evaluated === 't',
  visitedAt: r.visitedAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
});

function visitedAtOf(ctx: Ctx, input: VisitInput) {
  const now = ctx.now();
  if (!input.visitedAt) return now;
  const at = new Date(input.visitedAt);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw invalid(ctx, 'visitedAt', '走访时间不能晚于现在', 'a visit cannot be in the future');
  return at;
}

/** Companions are active staff of the visit's station, other than the visitor. */
async function checkedCompanions(ctx: Ctx, actor: Actor, stationPath: string, ids: string[]) {
  const wanted = [...new Set(ids)].filter((id) => id !== actor.id);
  if (!wanted.length) return [];
  const found = await ctx.db
    .select({ id: staff.id })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(and(inArray(staff.id, wanted), eq(staff.status, 'active'), like(units.path, `${stationPath}%`)));
  if (found.length !== wanted.length)
    throw invalid(ctx, 'companionIds', '同行人员须为本所在岗人员', 'companions must be active staff of the station');
  return wanted;
}

/**
 * Logs a visit to a household in the visitor's own sight (a scope grant, a read, never opens
 * another station's doors to it) and opens its evaluation in the same transaction. With an
 * Idempotency-Key (a phone's offline queue), a resend returns the visit first logged.
 */
export async function logVisit(ctx: Ctx, input: VisitInput, key?: string): Promise<VisitLogged> {
  const actor = actorOf(ctx);
  // A partner department's liaison handles what is transferred to it; it does not visit households.
  if (isDepartmentOnly(actor)) throw new AppError('FORBIDDEN');
  const requestHash = sm3(JSON.stringify(['visit', actor.id, input]));
  if (key) {
    const earlier = await replayOf<Logged>(ctx.db, key, requestHash);
    if (earlier) return loggedVisit(ctx, earlier);
  }
  // A volunteer (field.join without field.work) logs the visits it went on as the community grid line.
  if (!actor.capabilities.includes('field.work') && input.line !== 'grid')
    throw invalid(ctx, 'line', '平安志愿者参与的走访记为社区网格线', 'a volunteer’s visit is on the grid line');
  const visitedAt = visitedAtOf(ctx, input);
  if (key) assertFreshEntry(ctx, visitedAt);
  const [household] = await ctx.db
    .select({
      id: households.id,
      kind: households.kind,
      unitPath: households.unitPath,
      stationId: stationOfPath(households.unitPath),
    })
    .from(households)
    .where(eq(households.id, input.householdId));
  if (!household || !canSeePath(actor, household.unitPath)) throw new AppError('NOT_FOUND', { what: 'household' });
  const stationId = household.stationId;
  if (!stationId) throw new AppError('NOT_FOUND', { what: 'station' });
  const [station] = await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, stationId));
  const companionIds = await checkedCompanions(ctx, actor, station?.path ?? '', input.companionIds);
  const { evaluation } = await matterSettings(ctx.db, stationId);
  const logged = await ctx.db.transaction(async (tx): Promise<Logged | null> => {
    // A concurrent resend claimed the key first: its visit is the one (read after the commit).
    if (key && !(await claimKey(tx, key, 'visit.log', requestHash, ctx.now()))) return null;
    const row = firstOrThrow(
      await tx
        .insert(visits)
        .values({
          stationId,
          unitPath: household.unitPath,
          householdId: household.id,
          householdKind: household.kind,
          line: input.line,
          purpose: input.purpose,
          staffId: actor.id,
          companionIds,
          otherVisitors: input.otherVisitors ?? null,
          visitedAt,
          note: input.note ?? null,
          createdAt: ctx.now(),
        })
        .returning({ id: visits.id }),
      'visit',
    );
    const request = await requestEvaluation(tx, ctx, {
      type: 'visit',
      subject: { type: 'visit', id: row.id },
      stationId,
      unitPath: household.unitPath,
      householdId: household.id,
      ratedStaffId: actor.id,
      expiresInDays: evaluation.expiresDays,
    });
    await audit(ctx, tx, {
      action: 'visit.log',
      result: 'ok',
      targetType: 'visit',
      targetId: row.id,
      details: { line: input.line, purpose: input.purpose, householdId: household.id, companions: companionIds.length },
    });
    const answer: Logged = {
      id: row.id,
      evaluation: { path: evaluationPath(request.token), expiresAt: request.expiresAt.toISOString() },
    };
    // The link is kept with the key only: a resend shows the same QR (the token itself is stored hashed).
    if (key) await storeAnswer(tx, key, answer);
    return answer;
  });
  if (logged) return loggedVisit(ctx, logged);
  const claimed = key ? await replayOf<Logged>(ctx.db, key, requestHash) : null;
  if (!claimed) throw new AppError('CONFLICT');
  return loggedVisit(ctx, claimed);
}

type Logged = { id: string; evaluation: VisitLogged['evaluation'] };

/** A visit with the link of its evaluation: the officer shows its QR on the phone right there. */
async function loggedVisit(ctx: Ctx, logged: Logged): Promise<VisitLogged> {
  const [row] = await visitRows(ctx).where(eq(visits.id, logged.id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'visit' });
  return { ...view(row), evaluation: logged.evaluation };
}

export const visitRows = (ctx: Ctx) =>
  ctx.db
    .select(columns)
    .from(visits)
    .innerJoin(households, eq(households.id, visits.householdId))
    .innerJoin(staff, eq(staff.id, visits.staffId))
    .$dynamic();

/**
 * The visits the actor logged or went along on, newest first: what a volunteer (who reads no household lists)
 * sees of its own field work on the phone.
 */
export async function myVisits(ctx: Ctx, query: VisitQuery) {
  const actor = actorOf(ctx);
  const where = or(eq(visits.staffId, actor.id), sql`${actor.id} = ANY(${visits.companionIds})`);
  const [total] = await ctx.db.select({ n: count() }).from(visits).where(where);
  const rows = await visitRows(ctx)
    .where(where)
    .orderBy(desc(visits.visitedAt), desc(visits.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(view), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

/**
 * Addresses to visit in the actor's own area (its grid or village, or below its scope), found by address, name
 * or doorplate code: the address and an enterprise's name, nothing about who lives there. For those who join
 * visits without reading household lists (平安志愿者); the search is audited like a household list.
 */
export async function addressesToVisit(ctx: Ctx, q: string | undefined) {
  const actor = actorOf(ctx);
  const words = q ? `%${escapeLike(q)}%` : null;
  const rows = await ctx.db
    .select({
      householdId: households.id,
      address: households.address,
      kind: households.kind,
      name: households.name,
      unitName: units.name,
    })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(
      and(
        under(households.unitPath, actor.scopePath),
        words
          ? or(ilike(households.address, words), ilike(households.name, words), ilike(households.doorplateCode, words))
          : undefined,
      ),
    )
    .orderBy(households.address)
    .limit(30);
  await auditAlone(ctx, {
    action: 'visit.addresses',
    result: 'ok',
    targetType: 'unit',
    targetId: actor.scopeUnitId,
    details: { searched: Boolean(q), rows: rows.length },
  });
  return rows;
}

/** A visit the actor may act on: its own sight, not a read grant. */
async function visitToActOn(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const [v] = await ctx.db.select().from(visits).where(eq(visits.id, id));
  if (!v || !canSeePath(actor, v.unitPath)) throw new AppError('NOT_FOUND', { what: 'visit' });
  return v;
}

/**
 * 走访发现 → 事项: the household's need, recorded as a matter (channel `visit`, accepted at once, the desk
 * dispatches it) at the household, and linked to the visit. Idempotency-Key as the desk's recording: a resend
 * gets the same matter. A visit raises one matter; a second is refused.
 */
export async function raiseMatter(ctx: Ctx, id: string, key: string | undefined, input: VisitMatterInput) {
  const v = await visitToActOn(ctx, id);
  const record = { channel: 'visit' as const, householdId: v.householdId, smsConsent: false, ...input };
  if (v.raisedMatterId) {
    // A resend of the request that raised it answers again; anything else is a second matter, refused.
    const receipt = key ? await recordMatter(ctx, key, record).catch(() => null) : null;
    if (receipt?.id === v.raisedMatterId) return receipt;
    throw new AppError('VISIT_ALREADY_RAISED', { what: ctx.locale === 'en' ? 'matter' : '事项' });
  }
  const receipt = await recordMatter(ctx, key, record);
  await ctx.db.transaction(async (tx) => {
    const linked = await tx
      .update(visits)
      .set({ raisedMatterId: receipt.id })
      .where(and(eq(visits.id, v.id), or(isNull(visits.raisedMatterId), eq(visits.raisedMatterId, receipt.id))))
      .returning({ id: visits.id });
    await audit(ctx, tx, {
      action: 'visit.raise_matter',
      result: linked.length ? 'ok' : 'denied',
      targetType: 'visit',
      targetId: v.id,
      details: { matterId: receipt.id, number: receipt.number },
    });
  });
  return receipt;
}

/** 走访发现 → 纠纷: a dispute the visit found, opened as a case found by 摸排 at the household, linked to the visit. */
export async function raiseDispute(ctx: Ctx, id: string, input: VisitDisputeInput) {
  const v = await visitToActOn(ctx, id);
  if (v.raisedDisputeId)
    throw new AppError('VISIT_ALREADY_RAISED', { what: ctx.locale === 'en' ? 'dispute case' : '纠纷案件' });
  return openAtDesk(ctx, v.stationId, { ...input, source: 'proactive', householdId: v.householdId }, async (tx, c) => {
    const linked = await tx
      .update(visits)
      .set({ raisedDisputeId: c.id })
      .where(and(eq(visits.id, v.id), isNull(visits.raisedDisputeId)))
      .returning({ id: visits.id });
    // Two clicks at once: the second case is rolled back with its transaction.
    if (!linked.length) throw new AppError('CONFLICT');
    await audit(ctx, tx, {
      action: 'visit.raise_dispute',
      result: 'ok',
      targetType: 'visit',
      targetId: v.id,
      details: { caseId: c.id },
    });
  });
}
