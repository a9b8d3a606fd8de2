/**
 * The station a console account works for: its scope unit when that is a
 * station, the station above it when the scope lies below one, or — for a
 * bureau account — the stations directly under the bureau, to pick from.
 */
import type { UnitView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../../access';
import { org } from '../../../api/org';

export interface StationScope {
  pending: boolean;
  /** The account's own station; null for a bureau account. */
  stationId: string | null;
  stationName: string | null;
  /** For a bureau account: the stations it may choose from. */
  choices: UnitView[];
}

export function useStationScope(): StationScope {
  const session = useSession();
  const scopeId = session.user.scopeUnitId;
  const unit = useQuery({ queryKey: ['unit', scopeId], queryFn: () => org.unit(scopeId), staleTime: 300_000 });
  const own =
    unit.data?.kind === 'station'
      ? { id: unit.data.id, name: unit.data.name }
      : (unit.data?.ancestors.find((a) => a.kind === 'station') ?? null);
  const isBureau = unit.data?.kind === 'bureau';
  const children = useQuery({
    queryKey: ['children', scopeId],
    queryFn: () => org.children(scopeId),
    enabled: isBureau,
    staleTime: 300_000,
  });
  return {
    pending: unit.isPending || (isBureau && children.isPending),
    stationId: own?.id ?? null,
    stationName: own?.name ?? null,
    choices: (children.data ?? []).filter((u) => u.kind === 'station'),
  };
}
