/**
 * The jurisdiction tree: bureau → station → police office → township/street
 * → village/community → grid, with households hanging off grids.
 */
import type { Label } from '../i18n.js';

export const UNIT_KINDS = ['bureau', 'station', 'police_office', 'township', 'village', 'grid'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, Label> = {
  bureau: { zh: '公安局/分局', en: 'Bureau' },
  station: { zh: '派出所', en: 'Police station' },
  police_office: { zh: '警务室', en: 'Police office' },
  township: { zh: '乡镇/街道', en: 'Township / street' },
  village: { zh: '村/社区', en: 'Village / community' },
  grid: { zh: '网格', en: 'Grid' },
};

/** Which kinds may hold which: data, so a province with another layout changes one table. */
export const ALLOWED_PARENTS: Record<UnitKind, readonly (UnitKind | null)[]> = {
  bureau: [null, 'bureau'],
  station: ['bureau'],
  police_office: ['station'],
  township: ['station', 'police_office'],
  village: ['township', 'police_office', 'station'],
  grid: ['village'],
};

export function canPlace(child: UnitKind, parent: UnitKind | null): boolean {
  return ALLOWED_PARENTS[child].includes(parent);
}

/** Kinds a household may belong to: its grid, or its village where grids are not drawn yet. */
export const HOUSEHOLD_UNIT_KINDS: readonly UnitKind[] = ['grid', 'village'];

/**
 * What stands at a doorplate address: a household, or an enterprise or unit (企业、商铺、学校、单位) that is
 * visited and inspected the same way (三工's 79 hazards were found in enterprises) and carries a name.
 */
export const ADDRESS_KINDS = ['household', 'enterprise'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];
export const ADDRESS_KIND_LABELS: Record<AddressKind, Label> = {
  household: { zh: '住户', en: 'Household' },
  enterprise: { zh: '企业/单位', en: 'Enterprise / unit' },
};

/** How an address reads in a list: an enterprise by its name, then where it stands. */
export const addressLine = (p: { address: string; name?: string | null }): string =>
  p.name ? `${p.name}（${p.address}）` : p.address;

export const TEAM_KINDS = ['patrol', 'traffic', 'community', 'investigation', 'other'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_KIND_LABELS: Record<TeamKind, Label> = {
  patrol: { zh: '警务队', en: 'Patrol team' },
  traffic: { zh: '交管队', en: 'Traffic team' },
  community: { zh: '社区警务队', en: 'Community policing team' },
  investigation: { zh: '案件办理队', en: 'Case team' },
  other: { zh: '其他', en: 'Other' },
};

export const DEPARTMENT_KINDS = [
  'village_committee',
  'judicial_office',
  'market_regulation',
  'human_resources',
  'urban_management',
  'civil_affairs',
  'housing',
  'other',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, Label> = {
  village_committee: { zh: '村（居）委会', en: 'Village / residents committee' },
  judicial_office: { zh: '司法所', en: 'Judicial office' },
  market_regulation: { zh: '市场监管所', en: 'Market regulation' },
  human_resources: { zh: '人社所', en: 'Human resources & social security' },
  urban_management: { zh: '城管中队', en: 'Urban management' },
  civil_affairs: { zh: '民政办', en: 'Civil affairs' },
  housing: { zh: '住建/房管', en: 'Housing' },
  other: { zh: '其他部门', en: 'Other department' },
};
