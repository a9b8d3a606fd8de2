/** The station's warning settings and categories, read once per station and shared by the list, composer and settings. */
import { DEFAULT_WARNING_RULES, warningCategories } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { warningsApi } from '../../../api/warnings';

export function useWarningSettings(stationId: string | null) {
  const settings = useQuery({
    queryKey: ['warning-settings', stationId],
    queryFn: () => warningsApi.settings(stationId as string),
    enabled: !!stationId,
    staleTime: 60_000,
  });
  const rules = settings.data ?? DEFAULT_WARNING_RULES;
  return { settings, rules, categories: warningCategories(rules) };
}

/** The value once it has stayed the same for `ms` (the reach preview waits for typing to pause). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
