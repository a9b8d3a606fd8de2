/** Security policies the security administrator sets. */
import { z } from 'zod';

export const PasswordPolicyInput = z
  .object({
    minLength: z.number().int().min(8).max(64),
    maxLength: z.number().int().min(64).max(256),
    minClasses: z.number().int().min(1).max(4),
    maxAgeDays: z.number().int().min(0).max(365),
    historySize: z.number().int().min(0).max(24),
  })
  .strict();

export const LockoutPolicyInput = z
  .object({
    maxFailures: z.number().int().min(3).max(20),
    lockMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  })
  .strict();

export const SessionPolicyInput = z
  .object({
    idleMinutes: z.number().int().min(5).max(240),
    absoluteHours: z.number().int().min(1).max(24),
  })
  .strict();

export const SecurityPolicies = z
  .object({ password: PasswordPolicyInput, lockout: LockoutPolicyInput, session: SessionPolicyInput })
  .strict();
export type SecurityPolicies = z.infer<typeof SecurityPolicies>;

export const UpdateSecurityPoliciesInput = SecurityPolicies.partial().strict();
export type UpdateSecurityPoliciesInput = z.infer<typeof UpdateSecurityPoliciesInput>;
