/**
 * 临时授权 — scope grants: a narrow read right on one unit outside the
 * grantee's own subtree, for a limited time (an inspector from another station
 * checking a sample of households). Granted and revoked with an audit entry.
 */
import { z } from 'zod';
import { Id, Shown, text } from './common.js';

/** Capabilities a grant may extend: reads only, never a change to another station's records. */
export const GRANTABLE_CAPABILITIES = ['org.read', 'household.read', 'matter.read'] as const;
export type GrantableCapability = (typeof GRANTABLE_CAPABILITIES)[number];

/** The longest a grant may run (days). */
export const MAX_GRANT_DAYS = 30;

export const CreateScopeGrantInput = z
  .object({
    /** The account that receives the right (被授权人). */ staffId: Id,
    /** The unit whose subtree it may read; must lie inside the granter's own scope. */ unitId: Id,
    /** The capability extended to that unit; the grantee must already hold it through a role. */
    capability: z.enum(GRANTABLE_CAPABILITIES),
    /** 授权事由, e.g. "入户抽查 第 3 批". */ purpose: text(200, 2),
    /** When the right ends: after now, at most MAX_GRANT_DAYS ahead. */ expiresAt: z.iso.datetime(),
  })
  .strict();
export type CreateScopeGrantInput = z.infer<typeof CreateScopeGrantInput>;

export const ScopeGrantQuery = z
  .object({
    /** Only grants in force now (not expired, not revoked). */
    active: z.enum(['1', '0']).optional(),
  })
  .strict();
export type ScopeGrantQuery = z.infer<typeof ScopeGrantQuery>;

export const ScopeGrantView = z.object({
  id: Id,
  staffId: Id,
  staffName: Shown,
  unitId: Id,
  unitName: Shown,
  capability: z.enum(GRANTABLE_CAPABILITIES),
  purpose: Shown,
  grantedBy: Id,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  /** In force now: not expired and not revoked. */
  active: z.boolean(),
});
export type ScopeGrantView = z.infer<typeof ScopeGrantView>;
