/**
 * A dashboard's drill-down into the patrol records (社区警务): the patrols started over `from`–`to` by the stations
 * under `unitId`, read from the page address. Kept only when sound; the list's query and the tag's words.
 */
import { periodOf, unitOf } from '../visits/drill';

export interface PatrolDrill {
  period: { from: string; to: string } | null;
  unitId: string | null;
}

export const PATROL_DRILL_KEYS = ['from', 'to', 'unitId'] as const;

export const readPatrolDrill = (get: (key: string) => string | null): PatrolDrill => ({
  period: periodOf(get),
  unitId: unitOf(get),
});

export const hasPatrolDrill = (d: PatrolDrill) => Boolean(d.period || d.unitId);

export const patrolDrillQuery = (d: PatrolDrill): Record<string, string> => ({
  ...(d.period ?? {}),
  ...(d.unitId ? { unitId: d.unitId } : {}),
});

/** 看板明细：2026-11-01 至 2026-11-30 开始的巡逻 · 所选单位下各派出所. */
export function patrolDrillWords(d: PatrolDrill): { zh: string; en: string } {
  const zh = [d.period ? `${d.period.from} 至 ${d.period.to} 开始的巡逻` : '巡逻'];
  const en = [d.period ? `Patrols started ${d.period.from} to ${d.period.to}` : 'Patrols'];
  if (d.unitId) {
    zh.push('所选单位下各派出所');
    en.push('The stations under the chosen unit');
  }
  return { zh: `看板明细：${zh.join(' · ')}`, en: `Dashboard: ${en.join(' · ')}` };
}
