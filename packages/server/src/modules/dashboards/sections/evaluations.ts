/** The dashboard's evaluations section. */
import type { SectionSpec } from './section.js';

export const evaluationsSection: SectionSpec = {
  area: 'evaluations',
  figures: [],
  compute: async () => [],
  charts: async () => [],
};
