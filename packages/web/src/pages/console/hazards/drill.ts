/**
 * A dashboard's drill-down into the hazard register (社区警务), read from the page address: a figure's set
 * (`?set=found|fixed` over `from`–`to`, or `set=overdue` now) and a unit's subtree (`unitId=`). Kept only when
 * sound; together they are the register's query and its export's, and the words of the tag over it.
 */
import { HAZARD_SET_LABELS, HAZARD_SETS, type HazardSet } from '@jingmin/shared';
import { periodOf, unitOf } from '../visits/drill';

export interface HazardDrill {
  set: HazardSet | null;
  period: { from: string; to: string } | null;
  unitId: string | null;
}

export const HAZARD_DRILL_KEYS = ['set', 'from', 'to', 'unitId'] as const;

export function readHazardDrill(get: (key: string) => string | null): HazardDrill {
  const set = HAZARD_SETS.find((s) => s === get('set')) ?? null;
  const period = periodOf(get);
  // Found and fixed count over a period: without one the set says nothing.
  const sound = set === 'overdue' || period ? set : null;
  return { set: sound, period, unitId: unitOf(get) };
}

export const hasHazardDrill = (d: HazardDrill) => Boolean(d.set || d.unitId);

export function hazardDrillQuery(d: HazardDrill): Record<string, string> {
  return {
    ...(d.set ? { set: d.set } : {}),
    ...(d.set && d.period ? d.period : {}),
    ...(d.unitId ? { unitId: d.unitId } : {}),
  };
}

/** 看板明细：期间内发现（2026-11-01 至 2026-11-30）· 所选单位及其下级. */
export function hazardDrillWords(d: HazardDrill): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (d.set) {
    const over = d.set !== 'overdue' && d.period;
    zh.push(`${HAZARD_SET_LABELS[d.set].zh}${over ? `（${d.period?.from} 至 ${d.period?.to}）` : ''}`);
    en.push(`${HAZARD_SET_LABELS[d.set].en}${over ? ` (${d.period?.from} to ${d.period?.to})` : ''}`);
  }
  if (d.unitId) {
    zh.push('所选单位及其下级');
    en.push('The chosen unit and below');
  }
  return { zh: `看板明细：${zh.join(' · ')}`, en: `Dashboard: ${en.join(' · ')}` };
}
