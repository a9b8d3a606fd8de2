/**
 * What the hazard page needs, kept on the phone for when it opens without a signal: the station's hazard kinds,
 * the villages and grids of my areas, and my open hazards. Each is read again whenever the network is there;
 * the kept copy belongs to the account that read it.
 */
import type { HazardListItem, HazardSettings, UnitView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSession } from '../../../access';
import { hazardsApi } from '../../../api/hazards';
import { org } from '../../../api/org';

/** A village or grid a hazard may be recorded in; `village` names the village a grid lies in. */
export interface Place {
  id: string;
  name: string;
  kind: 'village' | 'grid';
  village: string | null;
}

const KEPT = 'jingmin-field-hazard';
type Kept = {
  userId: string;
  stationId: string | null;
  settings?: HazardSettings;
  places?: Place[];
  mine?: HazardListItem[];
};

function readKept(userId: string): Kept {
  try {
    const k = JSON.parse(localStorage.getItem(KEPT) ?? 'null') as Kept | null;
    return k?.userId === userId ? k : { userId, stationId: null };
  } catch {
    return { userId, stationId: null };
  }
}

function keep(userId: string, part: Partial<Kept>) {
  localStorage.setItem(KEPT, JSON.stringify({ ...readKept(userId), ...part, userId }));
}

/** The villages and grids at and below my scope, read level by level (a grid holds only households). */
async function placesOf(scopeId: string): Promise<Place[]> {
  const scope = await org.unit(scopeId);
  const found: Place[] = [];
  const walk = async (u: UnitView, village: string | null): Promise<void> => {
    if (u.kind === 'village') found.push({ id: u.id, name: u.name, kind: 'village', village: null });
    if (u.kind === 'grid') found.push({ id: u.id, name: u.name, kind: 'grid', village });
    if (u.kind === 'grid' || u.childCount === 0) return;
    const children = await org.children(u.id);
    await Promise.all(children.map((c) => walk(c, u.kind === 'village' ? u.name : village)));
  };
  await walk(scope, scope.ancestors.findLast((a) => a.kind === 'village')?.name ?? null);
  return found.sort((a, b) =>
    `${a.village ?? a.name}${a.kind === 'grid' ? a.name : ''}`.localeCompare(
      `${b.village ?? b.name}${b.kind === 'grid' ? b.name : ''}`,
      'zh-CN',
    ),
  );
}

export function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function useHazardData() {
  const session = useSession();
  const userId = session.user.id;
  const online = useOnline();
  const [kept] = useState(() => readKept(userId));
  const station = useQuery({
    queryKey: ['field-hazard-settings', userId],
    queryFn: async () => {
      const mine = await hazardsApi.mySettings();
      keep(userId, { stationId: mine.stationId, settings: mine.settings });
      return mine;
    },
    initialData: kept.stationId && kept.settings ? { stationId: kept.stationId, settings: kept.settings } : undefined,
    enabled: online,
    retry: false,
  });
  const stationId = station.data?.stationId ?? null;
  const settings = { data: station.data?.settings, isPending: station.isPending, isError: station.isError };
  const ready = online && stationId !== null;
  const places = useQuery({
    queryKey: ['field-hazard-places', session.user.scopeUnitId],
    queryFn: async () => {
      const p = await placesOf(session.user.scopeUnitId);
      keep(userId, { stationId, places: p });
      return p;
    },
    initialData: kept.places,
    // The kept copy is read again once per opening; then it stays for ten minutes.
    initialDataUpdatedAt: 0,
    enabled: ready,
    retry: false,
    staleTime: 10 * 60_000,
  });
  const mine = useQuery({
    queryKey: ['field-hazards-mine', stationId],
    queryFn: async () => {
      const page = await hazardsApi.mine(stationId ?? '');
      keep(userId, { stationId, mine: page.items });
      return page.items;
    },
    initialData: kept.mine,
    enabled: ready,
    retry: false,
  });
  return { online, stationId, settings, places, mine };
}
