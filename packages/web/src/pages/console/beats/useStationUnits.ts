/**
 * The units under a station, loaded the way the tree page loads them (one level of children at a time,
 * the levels of a branch in parallel): its 警务室 for a beat's office, and the tree of its villages and
 * grids a beat may cover. A station holds tens of villages, so the whole of it is read once and kept.
 */
import { HOUSEHOLD_UNIT_KINDS, type UnitView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { org } from '../../../api/org';

export type UnitNode = UnitView & { children: UnitNode[] };

async function branch(unit: UnitView): Promise<UnitNode> {
  // A grid holds only households.
  if (unit.kind === 'grid' || unit.childCount === 0) return { ...unit, children: [] };
  const children = await org.children(unit.id);
  return { ...unit, children: await Promise.all(children.map(branch)) };
}

export function useStationUnits(stationId: string, enabled = true) {
  return useQuery({
    queryKey: ['station-units', stationId],
    queryFn: async () => {
      const top = await Promise.all((await org.children(stationId)).map(branch));
      return { offices: top.filter((u) => u.kind === 'police_office'), tree: withAreas(top) };
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Drops the branches that hold no village or grid (an office with nothing under it). */
function withAreas(nodes: UnitNode[]): UnitNode[] {
  return nodes
    .map((n) => ({ ...n, children: withAreas(n.children) }))
    .filter((n) => HOUSEHOLD_UNIT_KINDS.includes(n.kind) || n.children.length > 0);
}
