/** Small pieces the dispute list and case page share: the colour tag, the level tag, the status colours. */
import {
  COLOUR_SCHEMES,
  type ColourLevel,
  type ColourScheme,
  DEFAULT_COLOUR_SCHEME,
  DEFAULT_DISPUTE_SUBCATEGORIES,
  DEFAULT_MEDIATION_RULES,
  DISPUTE_LEVEL_LABELS,
  type DisputeLevel,
  type DisputeSettings,
  type DisputeStatus,
  toCalendarDate,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { disputesApi } from '../../../api/disputes';
import { useLang } from '../../../i18n';

const DEFAULT_SETTINGS: DisputeSettings = {
  colourScheme: DEFAULT_COLOUR_SCHEME,
  subcategories: DEFAULT_DISPUTE_SUBCATEGORIES,
  rules: DEFAULT_MEDIATION_RULES,
};

/** The station's colour scheme and subcategories; the shipped defaults until they load. */
export function useDisputeSettings(stationId: string) {
  const q = useQuery({
    queryKey: ['dispute-settings', stationId],
    queryFn: () => disputesApi.settings(stationId),
    staleTime: 300_000,
  });
  return { ...q, settings: q.data ?? DEFAULT_SETTINGS };
}

/** The station's subcategories of a category, as options. */
export const subcategoryOptions = (settings: DisputeSettings, category?: string) =>
  settings.subcategories.filter((s) => s.category === category).map((s) => ({ value: s.name, label: s.name }));

export const schemeOf = (key: string): ColourScheme =>
  COLOUR_SCHEMES.find((s) => s.key === key) ??
  (COLOUR_SCHEMES.find((s) => s.key === DEFAULT_COLOUR_SCHEME) as ColourScheme);

export const colourOf = (scheme: string, key: string | null): ColourLevel | null =>
  key ? (schemeOf(scheme).levels.find((l) => l.key === key) ?? null) : null;

/** The case's colour on its scheme, in that colour; "未定色" before the first one is set. */
export function ColourTag({ scheme, colour }: { scheme: string; colour: string | null }) {
  const { t, label } = useLang();
  const level = colourOf(scheme, colour);
  if (!colour) return <Tag>{t('未定色', 'No colour')}</Tag>;
  return (
    <Tag color={level?.colour} style={{ marginInlineEnd: 4 }}>
      {level ? label(level.name) : colour}
    </Tag>
  );
}

const LEVEL_COLOR: Record<DisputeLevel, string> = {
  extreme: 'magenta',
  major: 'red',
  serious: 'volcano',
  ordinary: 'blue',
  simple: 'default',
};

export function LevelTag({ level }: { level: DisputeLevel | null }) {
  const { t, label } = useLang();
  if (!level) return <Tag>{t('未评估', 'Not assessed')}</Tag>;
  return <Tag color={LEVEL_COLOR[level]}>{label(DISPUTE_LEVEL_LABELS[level])}</Tag>;
}

export const STATUS_COLOR: Record<DisputeStatus, string> = {
  accepted: 'orange',
  mediating: 'blue',
  transferred: 'purple',
  following_up: 'cyan',
  failed: 'red',
  closed: 'green',
};

/**
 * A deadline that is the end of a Beijing day (治安调解's working days, a follow-up's or a duty's date) as people
 * say it: the day itself, 当天内 while it runs — never the next day's 00:00 that the instant reads as.
 */
export function useDueDay() {
  const { t } = useLang();
  return (iso: string) => {
    const day = toCalendarDate(new Date(Date.parse(iso) - 1));
    return Date.parse(iso) <= Date.now() ? day : t(`${day}（当天内）`, `by the end of ${day}`);
  };
}
