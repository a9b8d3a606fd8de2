/**
 * 平安联盟: volunteers of the safety alliance with light accounts — they apply with a verified phone, the station
 * approves or suspends them, they sign in by one-time code and report what they see (民情上报).
 */
import { z } from 'zod';
import { MATTER_KINDS } from '../domain/matters.js';
import type { Label } from '../i18n.js';
import { Id, MobilePhone, Name, Shown, text } from './common.js';
import { PHOTO_LIMITS, VerifyPhoneInput } from './resident.js';

/** 八大员: the duties a volunteer may take. */
export const VOLUNTEER_DUTIES = [
  '信息采集员',
  '民情收集员',
  '安全巡查员',
  '矛盾调处员',
  '工作协管员',
  '心理疏导员',
  '政策宣传员',
  '便民服务员',
] as const;

/** What volunteers are, as 理川 names them; a station's volunteer may be something else (free words). */
export const VOLUNTEER_KINDS = [
  '双协员',
  '义警',
  '护卫队员',
  '平安大妈',
  '的哥',
  '乡贤',
  '快递小哥',
  '老公安',
  '退伍老兵',
];

export const VOLUNTEER_STATES = ['pending', 'active', 'suspended'] as const;
export type VolunteerState = (typeof VOLUNTEER_STATES)[number];
export const VOLUNTEER_STATE_LABELS: Record<VolunteerState, Label> = {
  pending: { zh: '待审核', en: 'Awaiting approval' },
  active: { zh: '已通过', en: 'Active' },
  suspended: { zh: '已暂停', en: 'Suspended' },
};

/** A volunteer applies: its phone verified by the one-time code, its name, what it is, its grid or village. */
export const VolunteerApplyInput = VerifyPhoneInput.extend({
  name: Name,
  kind: text(20, 1),
  /** The grid or village it serves (its scope once approved). */
  unitId: Id,
  duties: z.array(z.enum(VOLUNTEER_DUTIES)).max(8).default([]),
}).strict();
export type VolunteerApplyInput = z.infer<typeof VolunteerApplyInput>;

export const VolunteerCodeInput = z.object({ phone: MobilePhone }).strict();
export const VolunteerLoginInput = VerifyPhoneInput;

export const VolunteerView = z.object({
  id: Id,
  name: Shown,
  phoneMasked: Shown.nullable(),
  kind: Shown,
  duties: z.array(Shown),
  unitId: Id,
  unitName: Shown,
  state: z.enum(VOLUNTEER_STATES),
  appliedAt: z.iso.datetime(),
  approvedAt: z.iso.datetime().nullable(),
  approvedByName: Shown.nullable(),
  suspendedAt: z.iso.datetime().nullable(),
  suspendReason: Shown.nullable(),
});
export type VolunteerView = z.infer<typeof VolunteerView>;

export const SuspendVolunteerInput = z.object({ reason: text(200, 2) }).strict();

/** 民情上报: what the volunteer saw, where, and photos uploaded first. */
export const GridReportInput = z
  .object({
    kind: z.enum(MATTER_KINDS),
    body: text(2000, 2),
    /** Where, in words (村口小卖部旁). */
    place: text(100).optional(),
    photoIds: z.array(Id).max(PHOTO_LIMITS.perItem).default([]),
  })
  .strict();
export type GridReportInput = z.infer<typeof GridReportInput>;

/** A volunteer's contributions in a month: counted for the station's thanks, never ranked. */
export const VolunteerContribution = z.object({
  id: Id,
  name: Shown,
  kind: Shown,
  unitName: Shown,
  reports: z.number().int(),
  checkins: z.number().int(),
  visits: z.number().int(),
});
export const VolunteerContributions = z.object({
  month: Shown,
  items: z.array(VolunteerContribution),
});
export type VolunteerContributions = z.infer<typeof VolunteerContributions>;
