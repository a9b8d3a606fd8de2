/** The dashboard's disputes section. */
import type { SectionSpec } from './section.js';

export const disputesSection: SectionSpec = {
  area: 'disputes',
  figures: [],
  compute: async () => [],
  charts: async () => [],
};
