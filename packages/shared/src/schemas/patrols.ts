/** 巡逻防控: patrol teams, 必到点 with a QR code on site, 必巡线 as ordered points, sessions and check-ins. */
import type { Label } from '../i18n.js';

/** A team member's part in it. */
export const PATROL_MEMBER_ROLES = ['leader', 'member'] as const;
export type PatrolMemberRole = (typeof PATROL_MEMBER_ROLES)[number];

export const PATROL_MEMBER_ROLE_LABELS: Record<PatrolMemberRole, Label> = {
  leader: { zh: '队长', en: 'Leader' },
  member: { zh: '队员', en: 'Member' },
};
