/** What anyone holding a doorplate token may see: the address and who to reach. */
import { z } from 'zod';

export const DoorplateParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict();

export const DoorplateView = z.object({
  address: z.string(),
  station: z.object({ name: z.string(), phone: z.string().nullable(), address: z.string().nullable() }),
  community: z.string().nullable(),
  grid: z.string().nullable(),
  /** 责任民警 of the household's grid: the name on the doorplate, never a private number. */
  officer: z.object({ name: z.string() }).nullable(),
});
export type DoorplateView = z.infer<typeof DoorplateView>;
