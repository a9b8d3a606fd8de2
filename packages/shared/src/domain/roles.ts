/**
 * Staff roles and what each may do. One role → capability map, read by the
 * server's guards and by the console's menu; the web never re-derives it.
 */
import type { Label } from '../i18n.js';
import type { BeatDuty, GridDuty } from '../schemas/desk.js';

export const ROLES = [
  'duty_officer',
  'community_officer',
  'auxiliary_police',
  'grid_worker',
  'department_liaison',
  'mediator',
  'station_chief',
  'bureau_supervisor',
  'system_admin',
  'security_admin',
  'auditor',
  'volunteer',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles an administrator grants; a volunteer's light account comes from the station's approval (modules/alliance). */
export const GRANTABLE_ROLES = ROLES.filter((r) => r !== 'volunteer');

export const ROLE_LABELS: Record<Role, Label> = {
  duty_officer: { zh: '值班民警', en: 'Duty officer' },
  community_officer: { zh: '社区民警', en: 'Community officer' },
  auxiliary_police: { zh: '辅警', en: 'Auxiliary police' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  department_liaison: { zh: '部门联络员', en: 'Department liaison' },
  mediator: { zh: '调解员', en: 'Mediator' },
  station_chief: { zh: '所长', en: 'Station chief' },
  bureau_supervisor: { zh: '县局督导', en: 'Bureau supervisor' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Auditor' },
  volunteer: { zh: '平安志愿者', en: 'Safety volunteer' },
};

/** 三员分立: no account holds two of these. */
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'auditor'] as const satisfies readonly Role[];

/** Roles that must sign in with a second factor. */
export const TOTP_REQUIRED_ROLES: readonly Role[] = [...ADMIN_ROLES, 'station_chief', 'bureau_supervisor'];

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
  /**
   * 值班台: the inbox of every matter in one's sight and its figures, not only one's own tasks.
   * Without it an account lists only the matters it holds (我的任务).
   */
  'matter.inbox',
  'matter.desk',
  'matter.handle',
  'matter.review',
  'matter.settings',
  /** 督办看板: every open matter of the scope by whoever holds it. */
  'matter.supervise',
  /**
   * A marker, not a right: the account sees only the matters transferred to its
   * partner department. Dropped when another role of the account sees its subtree.
   */
  'matter.department_only',
  /** 矛盾纠纷: read the cases of one's scope (parties masked; a reveal is audited). */
  'dispute.read',
  /** 矛盾纠纷: open, classify, assess and colour cases, add parties, mediate, transfer, follow up, close. */
  'dispute.handle',
  /**
   * A marker, not a right: the account sees only the dispute cases given to it — a mediator the cases it
   * handles or mediates, a partner department's liaison the cases transferred to its department. Dropped
   * when another role of the account sees its subtree's cases.
   */
  'dispute.assigned_only',
  /** 三个不放: the chief closes a case the conditions do not allow, with a written reason (audited). */
  'dispute.override',
  /** Grants another account a time-limited read right inside one's own scope (临时授权). */
  'scope.grant',
  /** 分析报告: generate a report of one's unit, add the chief's commentary and publish it. */
  'report.write',
  /** Keeps the working-day calendar (工作日历): holidays and make-up working days. */
  'calendar.write',
  /** 警格+网格 field work: read the field records of one's scope (visits' figures, patrols, the hazard register). */
  'field.read',
  /** Field work: log visits, run patrols and check in at points, record hazards and their fixes. */
  'field.work',
  /** Field set-up: patrol teams, points and routes, hazard kinds, the visit plan; verify any hazard's fix. */
  'field.manage',
  /** 民情上报: a safety-alliance volunteer reports what it sees in its grid (a matter of the channel 网格上报). */
  'field.report',
  /**
   * Join field work as a member: start a patrol of one's own team and check in at its points, log a visit one
   * went on (the grid line, in one's grid). Staff who work in the field hold it with field.work.
   */
  'field.join',
  /** 平安联盟 tasks: take the tasks the desk sends (the task and its address only) and report them done. */
  'field.task',
  /** 网上警民议事厅: read the rooms of one's scope and their posts (never a member's phone). */
  'room.read',
  /**
   * Host the rooms one is named on (群主, 管理员): post, answer "@", tag, pin, make a post a matter, hide a post,
   * mute or remove a member — in those rooms only. The desk answers an "@" that reached it in any room in sight.
   */
  'room.host',
  /** Set up the station's rooms: create, name hosts, rotate invitations, the room rules; moderate any of them. */
  'room.manage',
  /** 宣传与预警: read the scope's notices and their reach figures (totals, never who read what). */
  'warning.read',
  /** Compose notices for areas of one's scope, send advisory and community ones, withdraw them, answer replies. */
  'warning.write',
  /** The chief reviews an urgent (紧急) notice before it goes out; sets the station's warning rules. */
  'warning.review',
  /** 反诈预警: verify the instructions one is assigned (the person's data of those only). */
  'fraud.handle',
  /** The desk and the chief: enter instructions, see every one of the scope with the person's data, reassign. */
  'fraud.desk',
  /** Read the anti-fraud figures (counts and money, no person). */
  'fraud.figures',
  /** Connect upstream systems (API keys, allowed addresses, feedback) and set the station's anti-fraud rules. */
  'fraud.manage',
  /** 监督、汇总、分析: the dashboards and KPIs of the station (a chief) or of the bureau's stations side by side. */
  'dashboard.read',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const BUSINESS_READ: Capability[] = ['org.read', 'household.read', 'matter.read'];
const HANDLE: Capability[] = [...BUSINESS_READ, 'matter.handle'];
/** Who works dispute cases: the desk, officers, auxiliaries, mediators and the chief (not grid workers: parties' data). */
const DISPUTES: Capability[] = ['dispute.read', 'dispute.handle'];
/** Who works in the field: the desk, officers, auxiliaries, grid workers and the chief (not mediators or departments). */
const FIELD: Capability[] = ['field.read', 'field.join', 'field.work'];
/** Who hosts rooms (一警一群): officers, auxiliaries, grid workers, the desk and the chief. */
const ROOMS: Capability[] = ['room.read', 'room.host'];
/** Who sends the station's warnings: officers, the desk and the chief; everyone in the field reads them. */
const WARN: Capability[] = ['warning.read', 'warning.write'];
/** Who contacts a person an anti-fraud instruction names: officers and auxiliaries (not grid workers: police work). */
const FRAUD: Capability[] = ['fraud.handle'];

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  duty_officer: [
    ...HANDLE,
    'matter.inbox',
    'matter.desk',
    'matter.supervise',
    ...DISPUTES,
    ...FIELD,
    ...ROOMS,
    ...WARN,
    ...FRAUD,
    'fraud.desk',
    'fraud.figures',
  ],
  community_officer: [
    ...HANDLE,
    'household.write',
    'household.export',
    ...DISPUTES,
    ...FIELD,
    ...ROOMS,
    ...WARN,
    ...FRAUD,
  ],
  auxiliary_police: [...HANDLE, ...DISPUTES, ...FIELD, ...ROOMS, 'warning.read', ...FRAUD],
  grid_worker: [...HANDLE, ...FIELD, ...ROOMS, 'warning.read'],
  // A department sees only the matters and the dispute cases transferred to it.
  department_liaison: [
    'org.read',
    'matter.read',
    'matter.handle',
    'matter.department_only',
    ...DISPUTES,
    'dispute.assigned_only',
  ],
  // A mediator (人民调解员 in the station's 警调对接 room) works the cases given to them.
  mediator: [...HANDLE, ...DISPUTES, 'dispute.assigned_only'],
  station_chief: [
    ...HANDLE,
    ...DISPUTES,
    ...FIELD,
    'field.manage',
    ...ROOMS,
    'room.manage',
    ...WARN,
    'warning.review',
    ...FRAUD,
    'fraud.desk',
    'fraud.figures',
    'fraud.manage',
    'dispute.override',
    'report.write',
    'dashboard.read',
    'matter.inbox',
    'matter.desk',
    'matter.review',
    'matter.settings',
    'matter.supervise',
    'scope.grant',
    'org.write',
    'household.write',
    'household.export',
    'staff.read',
  ],
  // The bureau reads its stations' figures, matters and boards, and never edits a station's cases.
  bureau_supervisor: [
    ...BUSINESS_READ,
    'matter.inbox',
    'matter.supervise',
    'scope.grant',
    'dispute.read',
    'field.read',
    'room.read',
    'report.write',
    'warning.read',
    'fraud.figures',
    'dashboard.read',
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
    'calendar.write',
    'fraud.manage',
  ],
  // The security administrator grants roles and sets policies.
  security_admin: ['org.read', 'staff.read', 'staff.roles', 'policy.read', 'policy.write'],
  // The auditor reads the audit trail and nothing else.
  auditor: ['audit.read'],
  // A volunteer of the safety alliance reports what it sees, joins its team's patrols and the visits it goes
  // on, and takes the desk's tasks; it reads no resident's data.
  volunteer: ['field.report', 'field.join', 'field.task'],
};

/** What a station's 码上办设置 allow its staff beyond their roles (read when a session's capabilities are computed). */
export interface StationAllowances {
  /** 社区民警可以值守值班台: `desk.officersTakeDesk`. */
  officersTakeDesk: boolean;
}

/**
 * Capabilities a role holds only where its station allows them. A community officer takes desk duty
 * (the 值班台 inbox, accepting and dispatching) only when the station says so; otherwise its work is
 * 我的任务. Auxiliary police, grid workers, mediators and partner departments never hold the desk.
 */
export const STATION_ALLOWED: readonly {
  role: Role;
  when: keyof StationAllowances;
  capabilities: readonly Capability[];
}[] = [{ role: 'community_officer', when: 'officersTakeDesk', capabilities: ['matter.inbox', 'matter.desk'] }];

/** True when what `roles` may do depends on the station's settings (so they must be read). */
export function dependsOnStation(roles: readonly Role[]): boolean {
  return STATION_ALLOWED.some((a) => roles.includes(a.role));
}

/**
 * The capabilities of an account: its roles', plus what its station allows (STATION_ALLOWED). The one
 * rule read by the server's guards and, through the session, by the console's menu.
 */
export function capabilitiesOf(roles: readonly Role[], station?: StationAllowances): Capability[] {
  const set = new Set<Capability>();
  for (const role of roles) for (const cap of ROLE_CAPABILITIES[role]) set.add(cap);
  for (const allowed of STATION_ALLOWED)
    if (station?.[allowed.when] && roles.includes(allowed.role)) for (const cap of allowed.capabilities) set.add(cap);
  // A liaison who is also an officer of the station sees the station's matters, not only the department's.
  const widerSight = roles.some(
    (r) => ROLE_CAPABILITIES[r].includes('matter.read') && !ROLE_CAPABILITIES[r].includes('matter.department_only'),
  );
  if (widerSight) set.delete('matter.department_only');
  const widerCases = roles.some(
    (r) => ROLE_CAPABILITIES[r].includes('dispute.read') && !ROLE_CAPABILITIES[r].includes('dispute.assigned_only'),
  );
  if (widerCases) set.delete('dispute.assigned_only');
  return CAPABILITIES.filter((cap) => set.has(cap));
}

/**
 * Whether an account works dispute cases for the station (classify, mediate, follow up, close). A partner
 * department's liaison holds `dispute.handle` only to answer, report on and finish the transfers given to it.
 */
export function worksCasesForStation(capabilities: readonly Capability[]): boolean {
  return (
    capabilities.includes('dispute.handle') &&
    !(capabilities.includes('matter.department_only') && capabilities.includes('dispute.assigned_only'))
  );
}

/** Roles a matter can be dispatched to by name: handlers who see their subtree (a department takes matters as a department). */
export const DISPATCH_ROLES: readonly Role[] = ROLES.filter(
  (r) => ROLE_CAPABILITIES[r].includes('matter.handle') && !ROLE_CAPABILITIES[r].includes('matter.department_only'),
);

/** 警格+网格: who may serve a grid directly — auxiliary police and grid workers. */
export const GRID_DUTY_ROLES: Record<GridDuty, readonly Role[]> = {
  auxiliary: ['auxiliary_police'],
  grid_member: ['grid_worker'],
};

/** 警务区: who may be a beat's responsible officer (a police officer answers for it), and its auxiliaries. */
export const BEAT_DUTY_ROLES = {
  responsible_officer: ['community_officer', 'station_chief', 'duty_officer'],
  auxiliary: ['auxiliary_police'],
} as const satisfies Record<BeatDuty, readonly Role[]>;

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
