/** The audit trail as the auditor reads it. */
import { z } from 'zod';
import { Shown, text } from './common.js';

export const AUDIT_RESULTS = ['ok', 'denied', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export const AuditEntryView = z.object({
  id: z.number().int(),
  /** Place in the chain; null for a moment after commit, until the sealer chains it. */
  seq: z.number().int().nullable(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  result: z.enum(AUDIT_RESULTS),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditQuery = z
  .object({
    actor: text(50).optional(),
    action: text(80).optional(),
    result: z.enum(AUDIT_RESULTS).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditHead = z.object({ seq: z.number().int(), mac: z.string(), at: z.iso.datetime().nullable() });
export type AuditHead = z.infer<typeof AuditHead>;

/** A walk of the whole chain: intact up to its head, or broken at an entry, with the reason in words. */
export const AuditVerifyView = z.union([
  z.object({ ok: z.literal(true), checked: z.number().int(), head: AuditHead }),
  z.object({ ok: z.literal(false), checked: z.number().int(), brokenAt: z.number().int(), reason: Shown }),
]);
export type AuditVerifyView = z.infer<typeof AuditVerifyView>;
