/** Live streams (Server-Sent Events). */
import { z } from 'zod';

export const StreamQuery = z
  .object({
    /** The last delivery order the client received; the browser's Last-Event-ID header wins when both are sent. */
    lastEventId: z.coerce.number().int().min(0).optional(),
  })
  .strict();
export type StreamQuery = z.infer<typeof StreamQuery>;
