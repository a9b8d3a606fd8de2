/**
 * Staff roles and what each may do. One role → capability map, read by the
 * server's guards and by the console's menu; the web never re-derives it.
 */
import type { Label } from '../i18n.js';

export const ROLES = [
  'duty_officer',
  'community_officer',
  'auxiliary_police',
  'grid_worker',
  'department_liaison',
  'mediator',
  'station_chief',
  'system_admin',
  'security_admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Label> = {
  duty_officer: { zh: '值班民警', en: 'Duty officer' },
  community_officer: { zh: '社区民警', en: 'Community officer' },
  auxiliary_police: { zh: '辅警', en: 'Auxiliary police' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  department_liaison: { zh: '部门联络员', en: 'Department liaison' },
  mediator: { zh: '调解员', en: 'Mediator' },
  station_chief: { zh: '所长', en: 'Station chief' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Auditor' },
};

/** 三员分立: no account holds two of these. */
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'auditor'] as const satisfies readonly Role[];

/** Roles that must sign in with a second factor. */
export const TOTP_REQUIRED_ROLES: readonly Role[] = [...ADMIN_ROLES, 'station_chief'];

/** Roles whose password must be changed periodically (the MLPS rule; ASVS deviation recorded in docs). */
export const PASSWORD_ROTATION_ROLES: readonly Role[] = ADMIN_ROLES;

export const CAPABILITIES = [
  'org.read',
  'org.write',
  'household.read',
  'household.write',
  'household.export',
  'staff.read',
  'staff.write',
  'staff.roles',
  'policy.read',
  'policy.write',
  'audit.read',
  'matter.read',
  'matter.desk',
  'matter.handle',
  'matter.review',
  'matter.settings',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const BUSINESS_READ: Capability[] = ['org.read', 'household.read', 'matter.read'];
const HANDLE: Capability[] = [...BUSINESS_READ, 'matter.handle'];

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  duty_officer: [...HANDLE, 'matter.desk'],
  community_officer: [...HANDLE, 'household.write', 'household.export'],
  auxiliary_police: HANDLE,
  grid_worker: HANDLE,
  // A department sees only the matters transferred to it.
  department_liaison: ['org.read', 'matter.read', 'matter.handle'],
  mediator: HANDLE,
  station_chief: [
    ...HANDLE,
    'matter.desk',
    'matter.review',
    'matter.settings',
    'org.write',
    'household.write',
    'household.export',
    'staff.read',
  ],
  // The system administrator runs accounts and resources but never reads the audit trail.
  system_admin: [
    'org.read',
    'org.write',
    'household.read',
    'household.write',
    'household.export',
    'staff.read',
    'staff.write',
  ],
  // The security administrator grants roles and sets policies.
  security_admin: ['org.read', 'staff.read', 'staff.roles', 'policy.read', 'policy.write'],
  // The auditor reads the audit trail and nothing else.
  auditor: ['audit.read'],
};

export function capabilitiesOf(roles: readonly Role[]): Capability[] {
  const set = new Set<Capability>();
  for (const role of roles) for (const cap of ROLE_CAPABILITIES[role]) set.add(cap);
  return CAPABILITIES.filter((cap) => set.has(cap));
}

/** True when the set breaks 三员分立 (two or more administrator roles). */
export function violatesRoleSeparation(roles: readonly Role[]): boolean {
  return ADMIN_ROLES.filter((r) => roles.includes(r)).length > 1;
}

export function requiresTotp(roles: readonly Role[]): boolean {
  return roles.some((r) => TOTP_REQUIRED_ROLES.includes(r));
}

export function requiresPasswordRotation(roles: readonly Role[]): boolean {
  return roles.some((r) => PASSWORD_ROTATION_ROLES.includes(r));
}
