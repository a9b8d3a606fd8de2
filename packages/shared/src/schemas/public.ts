/** What anyone holding a doorplate token may see: the address and who to reach. */
import { z } from 'zod';
import { Shown, text } from './common.js';

/** Any string: a damaged, cut-off or made-up code gets the same plain "not valid" answer as an unknown one. */
export const DoorplateParams = z.object({ token: text(200, 1) }).strict();

export const DoorplateView = z.object({
  address: Shown,
  station: z.object({ name: Shown, phone: Shown.nullable(), address: Shown.nullable() }),
  community: Shown.nullable(),
  grid: Shown.nullable(),
  /** 责任民警 of the household's grid: the name on the doorplate, never a private number. */
  officer: z.object({ name: Shown }).nullable(),
});
export type DoorplateView = z.infer<typeof DoorplateView>;
