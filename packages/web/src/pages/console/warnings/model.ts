/**
 * The pure parts of the warnings pages (no React, no DOM; tested in model.test.ts): the composer's target chosen on
 * the tree → the request's target, the composer's values → the draft's input, which steps the composer offers, and
 * the reach rows per village and grid with their rates.
 */
import {
  DAY_PATTERN,
  isCalendarDay,
  needsReview,
  percentOf,
  type WarningAction,
  type WarningInput,
  type WarningPriority,
  type WarningReachUnit,
  type WarningTarget,
  type WarningView,
} from '@jingmin/shared';

/** A unit of the station's tree as the composer needs it. */
export interface TreeUnit {
  id: string;
  kind: string;
  children: TreeUnit[];
}

/** Whom the composer sends to, as chosen on screen. */
export interface TargetChoice {
  /** The whole station (then the tree's ticks are ignored). */
  wholeStation: boolean;
  /** The ticked nodes of the tree, as antd's Tree reports them (a ticked village brings its grids). */
  checked: string[];
  roomIds: string[];
  subscribers: boolean;
}

export const NO_TARGET: TargetChoice = { wholeStation: false, checked: [], roomIds: [], subscribers: false };

/** What a notice may name (the server's rule): areas with households below them, never a police office. */
const AREA_KINDS = new Set(['township', 'village', 'grid']);

/**
 * The areas a set of ticks names: the topmost ticked township, village or grid of each branch (a village ticked with
 * all its grids is the village, not the village and its grids); a ticked police office stands for its villages.
 */
export function areasOf(tree: readonly TreeUnit[], checked: readonly string[]): string[] {
  const ticked = new Set(checked);
  const out: string[] = [];
  const walk = (nodes: readonly TreeUnit[], covered: boolean) => {
    for (const n of nodes) {
      const area = AREA_KINDS.has(n.kind);
      if (area && ticked.has(n.id) && !covered) out.push(n.id);
      walk(n.children, covered || (area && ticked.has(n.id)));
    }
  };
  walk(tree, false);
  return out;
}

/** The request's target for a choice: the station's id for the whole station, else the areas and rooms. */
export function targetOf(stationId: string, tree: readonly TreeUnit[], choice: TargetChoice): WarningTarget | null {
  const unitIds = choice.wholeStation ? [stationId] : areasOf(tree, choice.checked);
  const target = { unitIds, roomIds: [...choice.roomIds], subscribers: choice.subscribers };
  return unitIds.length + target.roomIds.length > 0 || target.subscribers ? target : null;
}

/** A saved notice's target as the composer shows it again. */
export function choiceOf(stationId: string, target: WarningView['target']): TargetChoice {
  const wholeStation = target.units.some((u) => u.id === stationId);
  return {
    wholeStation,
    checked: wholeStation ? [] : target.units.map((u) => u.id),
    roomIds: target.rooms.map((r) => r.id),
    subscribers: target.subscribers,
  };
}

/** The composer's fields (photos and media already uploaded, named by id). */
export interface ComposerValues {
  category: string;
  priority: WarningPriority;
  title: string;
  body: string;
  ackRequired: boolean;
  /** ISO, or null for no expiry. */
  expiresAt: string | null;
  sms: boolean;
  photoIds: string[];
  mediaIds: string[];
}

/** The draft's content as the server takes it (POST /warnings; PUT drops stationId and adds the version). */
export function inputOf(stationId: string, v: ComposerValues, target: WarningTarget): WarningInput {
  return {
    stationId,
    category: v.category,
    priority: v.priority,
    title: v.title.trim(),
    body: v.body.trim(),
    ackRequired: v.ackRequired,
    expiresAt: v.expiresAt,
    target,
    sms: v.sms,
    photoIds: v.photoIds,
    mediaIds: v.mediaIds,
  };
}

/** What the composer offers after 保存草稿, in this order. */
export type ComposerStep = 'submit' | 'send' | 'schedule';
const COMPOSER_STEPS: readonly ComposerStep[] = ['submit', 'send', 'schedule'];

/**
 * The composer's buttons: a 紧急 notice goes to the chief (提交审核), any other is sent or scheduled by its author.
 * A saved draft offers what the server lists in its `actions`, unless the priority was changed since (then the
 * rule decides until it is saved again).
 */
export function composerSteps(
  priority: WarningPriority,
  saved: { priority: WarningPriority; actions: readonly WarningAction[] } | null,
  /** The author holds warning.review (the chief): an urgent notice of its own goes out without review. */
  authorReviews = false,
): ComposerStep[] {
  const review = needsReview(priority, authorReviews);
  const byRule = COMPOSER_STEPS.filter((s) => (review ? s === 'submit' : s !== 'submit'));
  if (!saved || saved.priority !== priority) return byRule;
  return COMPOSER_STEPS.filter((s) => saved.actions.includes(s));
}

/** A village or grid in the reach table, its rates worked out, its grids under it. */
export interface ReachRow extends WarningReachUnit {
  /** 扫码率: households whose doorplate was ever opened, of all. */
  scanRate: number | null;
  /** 查看率: devices that opened the notice, per household (a household may have several). */
  openRate: number | null;
  /** 知晓率: acknowledged of those that opened. */
  ackRate: number | null;
  children?: ReachRow[];
}

/**
 * The reach table: villages in the order given, each with its grids under it; a grid whose village is not among
 * the units stands on its own. Rates are computed with percentOf (nothing to divide is null, shown as —).
 */
export function reachRows(units: readonly WarningReachUnit[]): ReachRow[] {
  const row = (u: WarningReachUnit): ReachRow => ({
    ...u,
    scanRate: percentOf(u.scannedHouseholds, u.households),
    openRate: percentOf(u.opened, u.households),
    ackRate: percentOf(u.acknowledged, u.opened),
  });
  const ids = new Set(units.map((u) => u.unitId));
  const roots = units.filter((u) => !u.parentId || !ids.has(u.parentId)).map(row);
  for (const r of roots) {
    const kids = units.filter((u) => u.parentId === r.unitId).map(row);
    if (kids.length > 0) r.children = kids;
  }
  return roots;
}

/** A rate as shown: 59.1% or — when there is nothing to divide. */
export const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);

/** "12,345" as people read large counts. */
export const count = (n: number) => n.toLocaleString('zh-CN');

/**
 * A dashboard's drill-down read from the page address (`?from=&to=&unitId=`): the period and the station's or
 * bureau's subtree a figure counted, kept only when sound (two calendar days in order; a unit id). The notices,
 * instructions and rooms lists take it as their query; their tag says what is listed.
 */
export interface PeriodDrill {
  from: string;
  to: string;
  unitId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (v: string | null) => (v && DAY_PATTERN.test(v) && isCalendarDay(v) ? v : null);

export function readPeriodDrill(get: (key: string) => string | null): PeriodDrill | null {
  const from = day(get('from'));
  const to = day(get('to'));
  if (!from || !to || from > to) return null;
  const unitId = get('unitId');
  return unitId && UUID.test(unitId) ? { from, to, unitId } : { from, to };
}

/** The address keys a period drill uses, cleared together by its tag's close. */
export const PERIOD_DRILL_KEYS = ['from', 'to', 'unitId'] as const;
