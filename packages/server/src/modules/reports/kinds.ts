/**
 * The report kinds (分析报告的种类): each kind says what it is called, which capability reads it, how its figures
 * are computed for a unit and a month, and how they are drawn into the PDF and the workbook. The monthly job
 * and the routes know only this registry: the dashboards issue adds `station_monthly` with one more call.
 */
import { type Capability, DISPUTE_MONTHLY_KIND, type DisputeMonthlyFigures, periodLabel } from '@jingmin/shared';
import type PDFDocument from 'pdfkit';
import type { Ctx } from '../../platform/context.js';
import { disputeMonthlyFigures } from '../disputes/analysis.js';
import { drawDisputeMonthly } from './report-pdf.js';
import { disputeDefinitions, disputeTables } from './report-xlsx.js';
import { stationMonthlyKind } from './station-monthly.js';

/** The unit a report covers: a station, or the bureau above the stations. */
export interface ReportUnit {
  id: string;
  name: string;
  kind: string;
  path: string;
}

/** One table of a report: its sheet name, Chinese headers and rows (the PDF prints the same tables). */
export interface ReportTable {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** What the PDF is drawn with: the pdfkit document (the CJK font registered as `cjk`) and a chart painter. */
export interface PdfCanvas {
  doc: typeof PDFDocument;
  /** Draws an ECharts option as an SVG at the cursor, `height` points high across the page. */
  chart(option: object, height: number): void;
}

export interface ReportKind<F extends object = object> {
  kind: string;
  /** `<单位>矛盾纠纷每月综合分析（2026年11月）` */
  title(unitName: string, period: string): string;
  /** The file name's stem: `矛盾纠纷月度分析`. */
  fileStem: string;
  /** Who reads this kind (the route also asks for it). */
  readCapability: Capability;
  /** A marker that narrows the reader to given cases (a mediator's `dispute.assigned_only`): no unit-wide report. */
  narrowedBy?: Capability;
  compute(ctx: Ctx, unit: ReportUnit, period: string): Promise<F>;
  /** Draws the figures' sections (tables and charts) after the title, status and commentary. */
  pdf(canvas: PdfCanvas, figures: F): void;
  /** The workbook's sheets, one per table. */
  sheets(figures: F): ReportTable[];
  /** The figures' definitions in plain words, `[figure, how]`, for the workbook's 说明. */
  definitions(): [string, string][];
}

const registry = new Map<string, ReportKind>();

export function registerReportKind<F extends object>(kind: ReportKind<F>): void {
  if (registry.has(kind.kind)) throw new Error(`report kind ${kind.kind} is registered twice`);
  registry.set(kind.kind, kind as unknown as ReportKind);
}

export function reportKind(kind: string): ReportKind | undefined {
  return registry.get(kind);
}

export function reportKinds(): ReportKind[] {
  return [...registry.values()];
}

/** 矛盾纠纷每月综合分析: the first kind, registered with the module. */
registerReportKind<DisputeMonthlyFigures>({
  kind: DISPUTE_MONTHLY_KIND,
  title: (unitName, period) => `${unitName}矛盾纠纷每月综合分析（${periodLabel(period)}）`,
  fileStem: '矛盾纠纷月度分析',
  readCapability: 'dispute.read',
  narrowedBy: 'dispute.assigned_only',
  compute: (ctx, unit, period) => disputeMonthlyFigures(ctx.db, unit, period, ctx.now()),
  pdf: drawDisputeMonthly,
  sheets: disputeTables,
  definitions: disputeDefinitions,
});

/** 派出所月度工作报告: the dashboards' month, registered after the dispute analysis (it prints that too). */
registerReportKind(stationMonthlyKind);
