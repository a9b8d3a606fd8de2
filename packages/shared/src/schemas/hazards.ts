/** 隐患台账: hazards found in the field, each with a rectification deadline and a fix verified by someone else. */
import type { Label } from '../i18n.js';

/** Where a hazard was found: a household visit, a patrol, a matter, an inspection of an enterprise, a volunteer's report. */
export const HAZARD_SOURCES = ['visit', 'patrol', 'matter', 'inspection', 'report'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_SOURCE_LABELS: Record<HazardSource, Label> = {
  visit: { zh: '走访发现', en: 'Household visit' },
  patrol: { zh: '巡逻发现', en: 'Patrol' },
  matter: { zh: '群众反映', en: 'From a matter' },
  inspection: { zh: '检查发现', en: 'Inspection' },
  report: { zh: '群防上报', en: 'Volunteer report' },
};

/** open → rectified (the fix reported) → verified (checked by someone other than its owner); voided when entered by mistake. */
export const HAZARD_STATUSES = ['open', 'rectified', 'verified', 'voided'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_STATUS_LABELS: Record<HazardStatus, Label> = {
  open: { zh: '整改中', en: 'Being fixed' },
  rectified: { zh: '待复核', en: 'Awaiting verification' },
  verified: { zh: '已销号', en: 'Fixed and verified' },
  voided: { zh: '已作废', en: 'Voided' },
};
