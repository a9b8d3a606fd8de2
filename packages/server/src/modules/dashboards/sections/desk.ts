/** The dashboard's desk section. */
import type { SectionSpec } from './section.js';

export const deskSection: SectionSpec = {
  area: 'desk',
  figures: [],
  compute: async () => [],
  charts: async () => [],
};
