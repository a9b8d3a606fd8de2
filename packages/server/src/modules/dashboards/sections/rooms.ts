/** The dashboard's rooms section. */
import type { SectionSpec } from './section.js';

export const roomsSection: SectionSpec = {
  area: 'rooms',
  figures: [],
  compute: async () => [],
  charts: async () => [],
};
