/** The dashboard's field section. */
import type { SectionSpec } from './section.js';

export const fieldSection: SectionSpec = {
  area: 'field',
  figures: [],
  compute: async () => [],
  charts: async () => [],
};
