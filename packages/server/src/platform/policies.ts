/**
 * Security policies (password, lock-out, sessions) live in the settings
 * table so the security administrator can change them; defaults follow the
 * 等保 level-3 baseline. Read through a short cache shared by the process.
 */
import { DEFAULT_PASSWORD_POLICY, type SecurityPolicies } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { settings } from '../db/schema/index.js';

export const POLICY_KEY = 'security.policies';

export const DEFAULT_POLICIES: SecurityPolicies = {
  password: DEFAULT_PASSWORD_POLICY,
  lockout: { maxFailures: 5, lockMinutes: 15 },
  session: { idleMinutes: 30, absoluteHours: 12 },
};

export interface PolicyStore {
  get(): Promise<SecurityPolicies>;
  invalidate(): void;
}

export function createPolicyStore(db: Queryable, ttlMs = 5_000): PolicyStore {
  let cached: { value: SecurityPolicies; at: number } | null = null;
  return {
    async get() {
      if (cached && Date.now() - cached.at < ttlMs) return cached.value;
      const [row] = await db.select().from(settings).where(eq(settings.key, POLICY_KEY));
      const stored = (row?.value ?? {}) as Partial<SecurityPolicies>;
      const value: SecurityPolicies = {
        password: { ...DEFAULT_POLICIES.password, ...stored.password },
        lockout: { ...DEFAULT_POLICIES.lockout, ...stored.lockout },
        session: { ...DEFAULT_POLICIES.session, ...stored.session },
      };
      cached = { value, at: Date.now() };
      return value;
    },
    invalidate() {
      cached = null;
    },
  };
}
