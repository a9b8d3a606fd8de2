/** The dashboard's warnings section. */
import type { SectionSpec } from './section.js';

export const warningsSection: SectionSpec = {
  area: 'warnings',
  figures: [],
  compute: async () => [],
  charts: async () => [],
};
