/**
 * A dashboard's drill-down into the station's visit list (社区警务), read from the page address: a period
 * (`?from=&to=`), a unit's subtree (`unitId=`), a line (`line=`), households or enterprises (`kind=`) and "each
 * household once" (`first=1`, the households a coverage figure counted). Each part is kept only when sound; together
 * they are the list's query (GET /stations/:id/visits), its export's, and the words of the tag over the list.
 */
import {
  ADDRESS_KIND_LABELS,
  ADDRESS_KINDS,
  type AddressKind,
  DAY_PATTERN,
  isCalendarDay,
  VISIT_LINE_LABELS,
  VISIT_LINES,
  type VisitLine,
} from '@jingmin/shared';

export interface VisitDrill {
  period: { from: string; to: string } | null;
  unitId: string | null;
  line: VisitLine | null;
  kind: AddressKind | null;
  first: boolean;
}

/** The address keys a drill uses: cleared together by the tag's close. */
export const VISIT_DRILL_KEYS = ['from', 'to', 'unitId', 'line', 'kind', 'first'] as const;

const day = (v: string | null) => (v && DAY_PATTERN.test(v) && isCalendarDay(v) ? v : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A period, if both ends are sound days in order. */
export function periodOf(get: (key: string) => string | null) {
  const from = day(get('from'));
  const to = day(get('to'));
  return from && to && from <= to ? { from, to } : null;
}

/** A unit id, if it looks like one. */
export const unitOf = (get: (key: string) => string | null) => {
  const id = get('unitId');
  return id && UUID.test(id) ? id : null;
};

export function readVisitDrill(get: (key: string) => string | null): VisitDrill {
  return {
    period: periodOf(get),
    unitId: unitOf(get),
    line: VISIT_LINES.find((l) => l === get('line')) ?? null,
    kind: ADDRESS_KINDS.find((k) => k === get('kind')) ?? null,
    first: get('first') === '1' || get('first') === 'true',
  };
}

export const hasVisitDrill = (d: VisitDrill) => Boolean(d.period || d.unitId || d.line || d.kind || d.first);

/** The drill as the list's query parameters. */
export function visitDrillQuery(d: VisitDrill): Record<string, string> {
  return {
    ...(d.period ?? {}),
    ...(d.unitId ? { unitId: d.unitId } : {}),
    ...(d.line ? { line: d.line } : {}),
    ...(d.kind ? { kind: d.kind } : {}),
    ...(d.first ? { first: '1' } : {}),
  };
}

/** What the drilled list shows: 2026-11-01 至 2026-11-30 · 公安警力线 · 住户 · 每户一次（走访户数）· 所选单位及其下级. */
export function visitDrillWords(d: VisitDrill): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (d.period) {
    zh.push(`${d.period.from} 至 ${d.period.to}`);
    en.push(`${d.period.from} to ${d.period.to}`);
  }
  if (d.line) {
    zh.push(VISIT_LINE_LABELS[d.line].zh);
    en.push(VISIT_LINE_LABELS[d.line].en);
  }
  if (d.kind) {
    zh.push(ADDRESS_KIND_LABELS[d.kind].zh);
    en.push(ADDRESS_KIND_LABELS[d.kind].en);
  }
  if (d.first) {
    zh.push('每户一次（走访户数）');
    en.push('Each household once (households visited)');
  }
  if (d.unitId) {
    zh.push('所选单位及其下级');
    en.push('The chosen unit and below');
  }
  return { zh: `看板明细：${zh.join(' · ')}`, en: `Dashboard: ${en.join(' · ')}` };
}
