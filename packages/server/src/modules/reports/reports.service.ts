/**
 * 分析报告: generate (the monthly job for last month, or a person for a past or the current month), read the
 * archive, add the chief's commentary, publish (then unchanging), export. A report's unit must be in the
 * actor's sight (404 otherwise); its kind names the capability that reads it.
 */
import {
  type CommentaryInput,
  type GenerateReportInput,
  type ReportList,
  type ReportView,
  toCalendarDate,
} from '@jingmin/shared';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { firstOrThrow } from '../../db/rows.js';
import { reports, staff, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { type ReportKind, type ReportUnit, reportKind } from './kinds.js';

export type ReportRow = typeof reports.$inferSelect;

/** Units a report may cover: a station, or the bureau above the stations. */
const REPORT_UNIT_KINDS = ['station', 'bureau'];

function kindOrThrow(ctx: Ctx, kind: string): ReportKind {
  const found = reportKind(kind);
  if (!found) throw invalid(ctx, 'kind', `没有“${kind}”这种报告`, `no report kind "${kind}"`);
  return found;
}

/** The actor reads the kind: its capability, and not only the cases given to it. */
function assertReads(ctx: Ctx, kind: ReportKind) {
  const { capabilities } = actorOf(ctx);
  if (!capabilities.includes(kind.readCapability) || (kind.narrowedBy && capabilities.includes(kind.narrowedBy)))
    throw new AppError('FORBIDDEN');
}

/** The unit, when the actor sees it and may read `kind`; 404 otherwise, as for any unit out of sight. */
export async function reportUnitOrThrow(ctx: Ctx, unitId: string, kind: ReportKind): Promise<ReportUnit> {
  const [unit] = await ctx.db
    .select({ id: units.id, name: units.name, kind: units.kind, path: units.path })
    .from(units)
    .where(eq(units.id, unitId));
  const actor = actorOf(ctx);
  if (!unit || !canSeePath(actor, unit.path, kind.readCapability)) throw new AppError('NOT_FOUND', { what: 'unit' });
  assertReads(ctx, kind);
  if (!REPORT_UNIT_KINDS.includes(unit.kind))
    throw invalid(ctx, 'unit', '报告只能按派出所或公安局生成', 'reports cover a station or the bureau');
  return unit;
}

/** The report, when its unit is in the actor's sight for its kind's reading capability. */
async function reportOrThrow(ctx: Ctx, id: string): Promise<{ row: ReportRow; kind: ReportKind }> {
  const [row] = await ctx.db.select().from(reports).where(eq(reports.id, id));
  const kind = row ? reportKind(row.kind) : undefined;
  const actor = actorOf(ctx);
  if (!row || !kind || !canSeePath(actor, row.unitPath, kind.readCapability))
    throw new AppError('NOT_FOUND', { what: 'report' });
  assertReads(ctx, kind);
  return { row, kind };
}

/** 生成: a draft for a past or the current month, or the draft regenerated; a published report stays. */
export async function generateReport(ctx: Ctx, unitId: string, input: GenerateReportInput): Promise<ReportView> {
  const kind = kindOrThrow(ctx, input.kind);
  const unit = await reportUnitOrThrow(ctx, unitId, kind);
  if (input.period > toCalendarDate(ctx.now()).slice(0, 7))
    throw invalid(ctx, 'period', '不能为未来的月份生成报告', 'the month has not begun');
  const figures = await kind.compute(ctx, unit, input.period);
  const now = ctx.now();
  const actorId = actorOf(ctx).id;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reports)
      .values({
        kind: kind.kind,
        unitId: unit.id,
        unitPath: unit.path,
        period: input.period,
        figures,
        generatedAt: now,
        generatedBy: actorId,
      })
      .onConflictDoUpdate({
        target: [reports.kind, reports.unitId, reports.period],
        set: { figures, generatedAt: now, generatedBy: actorId, version: sql`${reports.version} + 1` },
        setWhere: eq(reports.status, 'draft'),
      })
      .returning({ id: reports.id });
    if (!row) throw new AppError('REPORT_PUBLISHED');
    await audit(ctx, tx, {
      action: 'report.generate',
      result: 'ok',
      targetType: 'report',
      targetId: row.id,
      details: { kind: kind.kind, unitId: unit.id, period: input.period },
    });
    return row.id;
  });
  return viewReport(ctx, id);
}

/**
 * The monthly job: a draft of `period` for every registered kind and every station and bureau, once. A unit
 * that already has its report (draft or published) is left as it is, so a rerun neither duplicates nor changes.
 */
export async function generateMonthlyDrafts(ctx: Ctx, kinds: ReportKind[], period: string): Promise<number> {
  const all = await ctx.db
    .select({ id: units.id, name: units.name, kind: units.kind, path: units.path })
    .from(units)
    .where(inArray(units.kind, ['station', 'bureau']));
  let made = 0;
  for (const kind of kinds) {
    const done = await ctx.db
      .select({ unitId: reports.unitId })
      .from(reports)
      .where(and(eq(reports.kind, kind.kind), eq(reports.period, period)));
    const have = new Set(done.map((d) => d.unitId));
    for (const unit of all.filter((u) => !have.has(u.id))) {
      const figures = await kind.compute(ctx, unit, period);
      const rows = await ctx.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(reports)
          .values({ kind: kind.kind, unitId: unit.id, unitPath: unit.path, period, figures, generatedAt: ctx.now() })
          .onConflictDoNothing()
          .returning({ id: reports.id });
        for (const r of inserted)
          await audit(ctx, tx, {
            action: 'report.generate',
            result: 'ok',
            targetType: 'report',
            targetId: r.id,
            details: { kind: kind.kind, unitId: unit.id, period },
          });
        return inserted;
      });
      made += rows.length;
    }
  }
  return made;
}

const generator = alias(staff, 'generator');
const publisher = alias(staff, 'publisher');

/** Report rows with their unit's and people's names. */
function selectReports(ctx: Ctx) {
  return ctx.db
    .select({
      row: reports,
      unitName: units.name,
      generatedBy: generator.displayName,
      publishedBy: publisher.displayName,
    })
    .from(reports)
    .innerJoin(units, eq(units.id, reports.unitId))
    .leftJoin(generator, eq(generator.id, reports.generatedBy))
    .leftJoin(publisher, eq(publisher.id, reports.publishedBy));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectReports>['where']>>[number];

function listItem(s: Selected) {
  const r = s.row;
  return {
    id: r.id,
    kind: r.kind,
    title: reportKind(r.kind)?.title(s.unitName, r.period) ?? r.kind,
    unitId: r.unitId,
    unitName: s.unitName,
    period: r.period,
    status: r.status === 'published' ? ('published' as const) : ('draft' as const),
    generatedAt: r.generatedAt.toISOString(),
    generatedBy: s.generatedBy ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    publishedBy: s.publishedBy ?? null,
    version: r.version,
  };
}

/** 报告档案: the unit's reports, newest month first. */
export async function listReports(ctx: Ctx, unitId: string, kindName: string | undefined): Promise<ReportList> {
  const kind = kindOrThrow(ctx, kindName ?? 'dispute_monthly');
  await reportUnitOrThrow(ctx, unitId, kind);
  const found = await selectReports(ctx)
    .where(and(eq(reports.unitId, unitId), eq(reports.kind, kind.kind)))
    .orderBy(desc(reports.period));
  return { items: found.map(listItem) };
}

export async function viewReport(ctx: Ctx, id: string): Promise<ReportView> {
  const { row } = await reportOrThrow(ctx, id);
  const [s] = await selectReports(ctx).where(eq(reports.id, id));
  const actor = actorOf(ctx);
  const writes = actor.capabilities.includes('report.write') && canSeePath(actor, row.unitPath);
  const allowedActions = writes && row.status === 'draft' ? (['commentary', 'publish', 'generate'] as const) : [];
  return {
    ...listItem(
      firstOrThrow(
        [s].filter((x) => x !== undefined),
        'report',
      ),
    ),
    commentary: row.commentary,
    figures: row.figures as Record<string, unknown>,
    allowedActions: [...allowedActions],
  };
}

/** A draft the actor may change (its unit in its own sight, not through a read grant). */
async function draftOrThrow(ctx: Ctx, id: string) {
  const found = await reportOrThrow(ctx, id);
  if (!canSeePath(actorOf(ctx), found.row.unitPath)) throw new AppError('FORBIDDEN');
  if (found.row.status !== 'draft') throw new AppError('REPORT_PUBLISHED');
  return found;
}

/** 所长点评: the commentary of a draft, on the version the editor read. */
export async function saveCommentary(ctx: Ctx, id: string, input: CommentaryInput): Promise<ReportView> {
  await draftOrThrow(ctx, id);
  const [row] = await ctx.db
    .update(reports)
    .set({ commentary: input.commentary, version: sql`${reports.version} + 1` })
    .where(and(eq(reports.id, id), eq(reports.version, input.version), eq(reports.status, 'draft')))
    .returning({ id: reports.id });
  if (!row) throw new AppError('CONFLICT');
  return viewReport(ctx, id);
}

/** 发布: draft → published, with who and when; from then on it never changes. */
export async function publishReport(ctx: Ctx, id: string): Promise<ReportView> {
  await draftOrThrow(ctx, id);
  const actorId = actorOf(ctx).id;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(reports)
      .set({ status: 'published', publishedAt: ctx.now(), publishedBy: actorId, version: sql`${reports.version} + 1` })
      .where(and(eq(reports.id, id), eq(reports.status, 'draft')))
      .returning({ id: reports.id });
    if (!row) throw new AppError('REPORT_PUBLISHED');
    await audit(ctx, tx, { action: 'report.publish', result: 'ok', targetType: 'report', targetId: id });
  });
  return viewReport(ctx, id);
}

/** A report to export, its kind and names; the export is audited (ids and the format only). */
export async function reportForExport(ctx: Ctx, id: string, format: 'pdf' | 'xlsx') {
  const { kind } = await reportOrThrow(ctx, id);
  const view = await viewReport(ctx, id);
  await ctx.db.transaction((tx) =>
    audit(ctx, tx, { action: 'report.export', result: 'ok', targetType: 'report', targetId: id, details: { format } }),
  );
  return { kind, view };
}
