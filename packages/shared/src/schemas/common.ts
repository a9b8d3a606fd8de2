/**
 * Building blocks for every input schema. Text refuses the NUL character
 * (PostgreSQL rejects it) and lone surrogates, and every string is bounded.
 */
import { z } from 'zod';

// A UTF-16 surrogate without its pair cannot be stored as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Free text of at most `max` characters, trimmed; NUL and broken UTF-16 refused. */
export function text(max: number, min = 0) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'must not contain the NUL character' })
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'contains an invalid character' });
}

/** A required single-line name. */
export const Name = text(100, 1).refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' });

export const Id = z.uuid();
export const IdParams = z.object({ id: Id }).strict();
export type IdParams = z.infer<typeof IdParams>;

/** A mainland mobile number, stored without the +86 prefix. */
export const MobilePhone = z
  .string()
  .trim()
  .transform((s) => s.replace(/^(\+86|0086)/, '').replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { message: 'must be an 11-digit mobile number' }));

/** A landline or mobile number of a station or department (digits, dashes, spaces). */
export const ContactPhone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+\-() ]{3,30}$/, { message: 'must be a phone number' });

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

export const Ok = z.object({ ok: z.literal(true) });
