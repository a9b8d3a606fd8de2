/** The dashboard's sections, by area: each file defines and computes its own. */
import type { DashboardArea } from '@jingmin/shared';
import { deskSection } from './desk.js';
import { disputesSection } from './disputes.js';
import { evaluationsSection } from './evaluations.js';
import { fieldSection } from './field.js';
import { roomsSection } from './rooms.js';
import type { SectionSpec } from './section.js';
import { warningsSection } from './warnings.js';

export const SECTIONS: Record<DashboardArea, SectionSpec> = {
  desk: deskSection,
  disputes: disputesSection,
  field: fieldSection,
  rooms: roomsSection,
  warnings: warningsSection,
  evaluations: evaluationsSection,
};
