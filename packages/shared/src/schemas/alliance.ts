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

/**
 * 任务: what the desk sends a volunteer to do (看望独居老人, 查看路灯, 劝导占道). It carries the task and the
 * address only — never a resident's phone or other personal data.
 */
export const VOLUNTEER_TASK_STATUSES = ['sent', 'accepted', 'done', 'declined', 'cancelled'] as const;
export type VolunteerTaskStatus = (typeof VOLUNTEER_TASK_STATUSES)[number];
export const VOLUNTEER_TASK_STATUS_LABELS: Record<VolunteerTaskStatus, Label> = {
  sent: { zh: '待接收', en: 'Sent' },
  accepted: { zh: '已接收', en: 'Accepted' },
  done: { zh: '已完成', en: 'Done' },
  declined: { zh: '已退回', en: 'Declined' },
  cancelled: { zh: '已撤回', en: 'Withdrawn' },
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
  /** Tasks from the desk it reported done in the month. */
  tasks: z.number().int(),
});
export const VolunteerContributions = z.object({
  month: Shown,
  items: z.array(VolunteerContribution),
});
export type VolunteerContributions = z.infer<typeof VolunteerContributions>;

/** What may be done to a task: the volunteer accepts, declines or reports it done; the desk withdraws it. */
export const VOLUNTEER_TASK_ACTIONS = ['accept', 'decline', 'done', 'cancel'] as const;
export type VolunteerTaskAction = (typeof VOLUNTEER_TASK_ACTIONS)[number];
export const VOLUNTEER_TASK_ACTION_LABELS: Record<VolunteerTaskAction, Label> = {
  accept: { zh: '接收', en: 'accept' },
  decline: { zh: '退回', en: 'decline' },
  done: { zh: '报告完成', en: 'report done' },
  cancel: { zh: '撤回', en: 'withdraw' },
};

/** 任务的流转: the statuses each action may start from, and where it leads. Done, declined and withdrawn are final. */
export const VOLUNTEER_TASK_FLOW: Record<
  VolunteerTaskAction,
  { from: readonly VolunteerTaskStatus[]; to: VolunteerTaskStatus }
> = {
  accept: { from: ['sent'], to: 'accepted' },
  decline: { from: ['sent', 'accepted'], to: 'declined' },
  done: { from: ['sent', 'accepted'], to: 'done' },
  cancel: { from: ['sent', 'accepted'], to: 'cancelled' },
};

/** Still in the volunteer's hands: listed first on its phone, and the desk may withdraw it. */
export const OPEN_VOLUNTEER_TASK_STATUSES: readonly VolunteerTaskStatus[] = ['sent', 'accepted'];

/** A task's words reach the volunteer: no phone number may ride along in them (PIPL: the minimum needed). */
const TaskText = (max: number, min = 0) =>
  text(max, min).refine((s) => !/1[3-9]\d{9}|\d{3,4}-\d{7,8}/.test(s), {
    message: 'no phone number: the volunteer must not receive one',
  });

/** The desk sends a volunteer a task: where is a household (its address is copied, nothing else) or words. */
export const SendVolunteerTaskInput = z
  .object({
    /** An active volunteer of the station. */
    volunteerId: Id,
    /** 任务 (看望独居老人，送降压药). */
    title: TaskText(60, 2),
    /** What to do, in a few more words. No resident's phone: the volunteer reads this. */
    detail: TaskText(500).optional(),
    /** The household to go to: only its address reaches the volunteer. */
    householdId: Id.optional(),
    /** Or where, in words (村口路灯, 二组晒谷场). */
    place: TaskText(100, 2).optional(),
    /** The matter of the station the task helps with: its timeline says a volunteer was sent. */
    matterId: Id.optional(),
    /** By when. */
    dueAt: z.iso.datetime().optional(),
  })
  .strict()
  .refine((v) => (v.householdId === undefined) !== (v.place === undefined), {
    path: ['place'],
    message: 'a household or a place in words, one of them',
  });
export type SendVolunteerTaskInput = z.infer<typeof SendVolunteerTaskInput>;

/** The desk's list of the station's tasks. */
export const VolunteerTaskQuery = z
  .object({
    status: z.enum(VOLUNTEER_TASK_STATUSES).optional(),
    volunteerId: Id.optional(),
  })
  .strict();
export type VolunteerTaskQuery = z.infer<typeof VolunteerTaskQuery>;

/** The version the screen showed: a change made meanwhile answers 409 instead of being overwritten. */
const SeenVersion = z.number().int().min(1).max(1_000_000).optional();

export const AcceptVolunteerTaskInput = z.object({ version: SeenVersion }).strict();
export type AcceptVolunteerTaskInput = z.infer<typeof AcceptVolunteerTaskInput>;
/** Declined with a reason (不在村里, 身体不适) or withdrawn by the desk with one. */
export const VolunteerTaskReasonInput = z.object({ reason: text(200, 2), version: SeenVersion }).strict();
export type VolunteerTaskReasonInput = z.infer<typeof VolunteerTaskReasonInput>;
/** Done, with what it did or saw in a few words. */
export const VolunteerTaskDoneInput = z.object({ note: text(500, 2), version: SeenVersion }).strict();
export type VolunteerTaskDoneInput = z.infer<typeof VolunteerTaskDoneInput>;

/**
 * A task as its volunteer reads it: what, where (an address in words), by when, who sent it. Never the matter's
 * content, the resident's name or phone, or anything about the household beyond its address.
 */
export const MyVolunteerTaskView = z.object({
  id: Id,
  title: Shown,
  detail: Shown.nullable(),
  place: Shown,
  dueAt: z.iso.datetime().nullable(),
  status: z.enum(VOLUNTEER_TASK_STATUSES),
  sentAt: z.iso.datetime(),
  stationName: Shown,
  sentByName: Shown,
  acceptedAt: z.iso.datetime().nullable(),
  doneAt: z.iso.datetime().nullable(),
  doneNote: Shown.nullable(),
  declineReason: Shown.nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  cancelReason: Shown.nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(VOLUNTEER_TASK_ACTIONS)),
});
export type MyVolunteerTaskView = z.infer<typeof MyVolunteerTaskView>;

/** A task as the desk reads it: the volunteer's view plus who took it, its state, and the matter it helps with. */
export const VolunteerTaskView = MyVolunteerTaskView.extend({
  volunteerId: Id,
  volunteerName: Shown,
  volunteerUnitName: Shown,
  /** A suspended volunteer's open tasks stay as they are; the desk sees it and may withdraw them. */
  volunteerState: z.enum(VOLUNTEER_STATES),
  householdId: Id.nullable(),
  matterId: Id.nullable(),
  matterNumber: Shown.nullable(),
  declinedAt: z.iso.datetime().nullable(),
});
export type VolunteerTaskView = z.infer<typeof VolunteerTaskView>;
