/** Security policies (password, lock-out, sessions). */
import type { SecurityPolicies, UpdateSecurityPoliciesInput } from '@jingmin/shared';
import { api } from './client';

export const policyApi = {
  get: () => api.get<SecurityPolicies>('/policies/security'),
  update: (input: UpdateSecurityPoliciesInput) => api.put<SecurityPolicies>('/policies/security', input),
};
