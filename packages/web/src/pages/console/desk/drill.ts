/**
 * A dashboard's drill-down into the desk list, read from the page address: a KPI set over a period
 * (`?kpi=&from=&to=`), a kind (`kind=`), an hour of the day (`hour=`, Beijing time) and a unit's subtree
 * (`unitId=`). Each part is kept only when it is sound; together they are the list's query (GET /matters) and
 * its export's, and the words of the tag that says what the list shows.
 */
import {
  DAY_PATTERN,
  isCalendarDay,
  KPI_SET_LABELS,
  KPI_SETS,
  type KpiSet,
  MATTER_KIND_LABELS,
  MATTER_KINDS,
  type MatterKind,
} from '@jingmin/shared';

export interface DeskDrill {
  kpi: { set: KpiSet; from: string; to: string } | null;
  kind: MatterKind | null;
  hour: number | null;
  unitId: string | null;
}

/** The address keys a drill uses: cleared together by the tag's close. */
export const DRILL_KEYS = ['kpi', 'from', 'to', 'kind', 'hour', 'unitId'] as const;

/** The address change that clears every part of a drill. */
export const clearDrill: Record<string, null> = Object.fromEntries(DRILL_KEYS.map((k) => [k, null]));

const day = (v: string | null) => (v && DAY_PATTERN.test(v) && isCalendarDay(v) ? v : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readDrill(get: (key: string) => string | null): DeskDrill {
  const set = KPI_SETS.find((k) => k === get('kpi'));
  const from = day(get('from'));
  const to = day(get('to'));
  const hourText = get('hour');
  const hour = hourText !== null && /^\d{1,2}$/.test(hourText) && Number(hourText) <= 23 ? Number(hourText) : null;
  const unitId = get('unitId');
  return {
    kpi: set && from && to && from <= to ? { set, from, to } : null,
    kind: MATTER_KINDS.find((k) => k === get('kind')) ?? null,
    hour,
    unitId: unitId && UUID.test(unitId) ? unitId : null,
  };
}

export const hasDrill = (d: DeskDrill) => Boolean(d.kpi || d.kind || d.hour !== null || d.unitId);

/** The drill as the list's query parameters. */
export function drillQuery(d: DeskDrill): Record<string, string> {
  return {
    ...(d.kpi ? { kpi: d.kpi.set, from: d.kpi.from, to: d.kpi.to } : {}),
    ...(d.kind ? { kind: d.kind } : {}),
    ...(d.hour !== null ? { hour: String(d.hour) } : {}),
    ...(d.unitId ? { unitId: d.unitId } : {}),
  };
}

/** What the drilled list shows, in words: 考核指标：受理（2026-11-01 至 2026-11-30）· 类型：咨询 · 10时受理. */
export function drillWords(d: DeskDrill): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (d.kpi) {
    zh.push(`考核指标：${KPI_SET_LABELS[d.kpi.set].zh}（${d.kpi.from} 至 ${d.kpi.to}）`);
    en.push(`KPI: ${KPI_SET_LABELS[d.kpi.set].en} (${d.kpi.from} to ${d.kpi.to})`);
  }
  if (d.kind) {
    zh.push(`类型：${MATTER_KIND_LABELS[d.kind].zh}`);
    en.push(`Kind: ${MATTER_KIND_LABELS[d.kind].en}`);
  }
  if (d.hour !== null) {
    zh.push(`${d.hour}时（北京时间）提交`);
    en.push(`Submitted ${d.hour}:00–${d.hour}:59 Beijing time`);
  }
  if (d.unitId) {
    zh.push('所选单位及其下级');
    en.push('The chosen unit and below');
  }
  return { zh: zh.join(' · '), en: en.join(' · ') };
}
