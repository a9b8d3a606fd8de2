/**
 * Building blocks for every schema. Every string is declared through `text()`:
 * it refuses the NUL character (PostgreSQL rejects it) and lone surrogates,
 * and it is bounded. `text.test.ts` walks every input schema to keep it so.
 */
import { z } from 'zod';

// A UTF-16 surrogate without its pair cannot be stored as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The one way to declare a string in a shared schema: at most `max` characters,
 * at least `min`, NUL and broken UTF-16 refused, trimmed unless `trim: false`
 * (passwords and tokens are taken exactly as sent). Chain `.regex()` for a format.
 */
export function text(max: number, min = 0, { trim = true }: { trim?: boolean } = {}) {
  const base = trim ? z.string().trim() : z.string();
  return base
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'must not contain the NUL character' })
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'contains an invalid character' });
}

/** A string the server sends back (views): bounded generously, never trimmed, so a stored value reads as stored. */
export const Shown = text(100_000, 0, { trim: false });

/** A required single-line name. */
export const Name = text(100, 1).refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' });

export const Id = z.uuid();

/** The secret of a resident's tracking link (回执链接), taken exactly as sent. */
export const TrackingToken = text(64, 20, { trim: false }).regex(/^[A-Za-z0-9_-]{20,64}$/);
export const IdParams = z.object({ id: Id }).strict();
export type IdParams = z.infer<typeof IdParams>;

/** A mainland mobile number, stored without the +86 prefix. */
export const MobilePhone = text(30)
  .transform((s) => s.replace(/^(\+86|0086)/, '').replace(/[\s-]/g, ''))
  .pipe(text(11).regex(/^1[3-9]\d{9}$/, { message: 'must be an 11-digit mobile number' }));

/** A landline or mobile number of a station or department (digits, dashes, spaces). */
export const ContactPhone = text(30).regex(/^[0-9+\-() ]{3,30}$/, { message: 'must be a phone number' });

export const Page = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** A moment this century: earlier ones are typing mistakes (and year 0 is not a date to the database). */
export const Moment = z.iso
  .datetime()
  .refine((s) => Date.parse(s) >= Date.UTC(2000, 0, 1), { message: 'must be in 2000 or later' });

export const Ok = z.object({ ok: z.literal(true) });

/** The body of an action that takes no input (an empty object, or none at all). */
export const NoBody = z.object({}).strict().optional();
