/**
 * 码上办 matters: what a resident can submit and the lifecycle the desk,
 * officers and departments move it through. The flow is data, read by the
 * server's guard (an illegal transition is a 409) and by the screens.
 */
import type { Label } from '../i18n.js';

export const MATTER_KINDS = [
  'consult',
  'service',
  'help',
  'report',
  'dispute',
  'suggestion',
  'lost_found',
  'other',
] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

export const MATTER_KIND_LABELS: Record<MatterKind, Label> = {
  consult: { zh: '咨询', en: 'Enquiry' },
  service: { zh: '业务办理', en: 'Service request' },
  help: { zh: '求助', en: 'Request for help' },
  report: { zh: '非紧急报警/举报', en: 'Non-emergency report' },
  dispute: { zh: '矛盾纠纷', en: 'Dispute' },
  suggestion: { zh: '意见建议', en: 'Suggestion' },
  lost_found: { zh: '失物招领', en: 'Lost and found' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * 渠道: how a matter reached the station. The doorplate is the resident's own
 * submission; every other way in is recorded by the desk on the resident's
 * behalf and then runs the same loop (timed, handled, rated).
 */
export const MATTER_CHANNELS = [
  'doorplate',
  'phone',
  'counter',
  'police_110',
  'hotline_12345',
  'visit',
  'grid',
  'patrol',
  'room',
] as const;
export type MatterChannel = (typeof MATTER_CHANNELS)[number];

/** The ways in the desk records (the doorplate is the resident's own). */
export const DESK_CHANNELS = [
  'phone',
  'counter',
  'police_110',
  'hotline_12345',
] as const satisfies readonly MatterChannel[];
export type DeskChannel = (typeof DESK_CHANNELS)[number];

export interface ChannelSpec {
  label: Label;
  /** The number the other system gave the matter (110's 警情编号, 12345's 工单编号); null: none. */
  externalNo: Label | null;
  /** The resident spoke to the station itself: recording the matter is its first response. */
  answeredOnRecord: boolean;
}

export const MATTER_CHANNEL_SPECS: Record<MatterChannel, ChannelSpec> = {
  doorplate: { label: { zh: '扫码', en: 'Doorplate QR' }, externalNo: null, answeredOnRecord: false },
  phone: { label: { zh: '电话', en: 'Phone call' }, externalNo: null, answeredOnRecord: true },
  counter: { label: { zh: '窗口/来所', en: 'At the counter' }, externalNo: null, answeredOnRecord: true },
  police_110: {
    label: { zh: '110', en: '110 handover' },
    externalNo: { zh: '警情编号', en: '110 incident number' },
    answeredOnRecord: false,
  },
  hotline_12345: {
    label: { zh: '12345', en: '12345 work order' },
    externalNo: { zh: '工单编号', en: '12345 order number' },
    answeredOnRecord: false,
  },
  // A need a household raised to its visitor, recorded from the visit (走访入户): the household was heard there.
  visit: { label: { zh: '走访发现', en: 'Household visit' }, externalNo: null, answeredOnRecord: true },
  // 民情上报: what a grid member or volunteer of the safety alliance saw and reported from the field.
  grid: { label: { zh: '网格上报', en: 'Grid report' }, externalNo: null, answeredOnRecord: false },
  // What a patrol found on its way (巡逻发现), recorded by the patroller from the patrol in one action.
  patrol: { label: { zh: '巡逻发现', en: 'Found on patrol' }, externalNo: null, answeredOnRecord: false },
  // A resident's post in a 议事厅 room a host made a matter (转为事项); the resident gets its link in the room.
  room: { label: { zh: '议事厅', en: 'Community room' }, externalNo: null, answeredOnRecord: false },
};

/** The ways staff record a matter: the desk's, a need heard on a household visit, what a volunteer saw. */
export type StaffChannel = Exclude<MatterChannel, 'doorplate'>;

export const MATTER_CHANNEL_LABELS: Record<MatterChannel, Label> = Object.fromEntries(
  MATTER_CHANNELS.map((c) => [c, MATTER_CHANNEL_SPECS[c].label]),
) as Record<MatterChannel, Label>;

/** A 110 incident or 12345 order number as another system prints it: letters, digits and dashes. */
export const EXTERNAL_NO_PATTERN = /^[A-Za-z0-9-]{4,40}$/;

/** What happened to the receipt SMS of a matter the desk recorded (null: none was asked for). */
export const RECEIPT_SMS_STATES = ['pending', 'sent', 'failed'] as const;
export type ReceiptSmsState = (typeof RECEIPT_SMS_STATES)[number];
export const RECEIPT_SMS_LABELS: Record<ReceiptSmsState, Label> = {
  pending: { zh: '回执短信待发送', en: 'Receipt SMS pending' },
  sent: { zh: '回执短信已发送', en: 'Receipt SMS sent' },
  failed: { zh: '回执短信发送失败', en: 'Receipt SMS failed' },
};

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
/** Kinds that may need someone on the way at once: 求助 and 非紧急报警/举报 (the desk beeps, quiet hours give way). */
export const URGENT_KINDS: readonly MatterKind[] = ['help', 'report'];

/** 紧急: the desk marked it urgent, or its kind is 求助/报警. Such a matter reaches its holder even in quiet hours. */
export function isUrgentMatter(m: { kind: MatterKind; urgency: Urgency }): boolean {
  return m.urgency === 'urgent' || URGENT_KINDS.includes(m.kind);
}

export const URGENCY_LABELS: Record<Urgency, Label> = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

export const MATTER_STATUSES = [
  'submitted',
  'accepted',
  'invalid',
  'dispatched',
  'in_progress',
  'resolved',
  'rated',
  'closed',
  'merged',
] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

export const MATTER_STATUS_LABELS: Record<MatterStatus, Label> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  invalid: { zh: '无效', en: 'Invalid' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  in_progress: { zh: '办理中', en: 'In progress' },
  resolved: { zh: '已办结', en: 'Resolved' },
  rated: { zh: '已评价', en: 'Rated' },
  closed: { zh: '已关闭', en: 'Closed' },
  merged: { zh: '已合并', en: 'Merged' },
};

/** Every action on a matter, and the status it leads to. */
export const MATTER_ACTIONS = {
  accept: 'accepted', // 受理: the desk sets kind, category, urgency
  invalidate: 'invalid', // marked invalid with a reason
  merge: 'merged', // a duplicate folded into another matter
  dispatch: 'dispatched', // 派单 to a staff member, team or department, with a deadline
  take: 'in_progress', // 接单 by the assignee
  return: 'accepted', // the assignee or department hands it back with a reason; or the taking deadline passed
  transfer: 'dispatched', // 转办 onward to another assignee or department
  resolve: 'resolved', // 办结 with an outcome summary
  rate: 'rated', // 评单 by the resident
  reopen: 'in_progress', // after an unsatisfied rating, by the chief (不满意不放过)
  close: 'closed',
} as const satisfies Record<string, MatterStatus>;
export type MatterAction = keyof typeof MATTER_ACTIONS;

/** Who reads the text a step carries: the resident too, or staff only. */
export const NOTE_AUDIENCES = ['public', 'internal'] as const;
export type NoteAudience = (typeof NOTE_AUDIENCES)[number];
export const NOTE_AUDIENCE_LABELS: Record<NoteAudience, Label> = {
  public: { zh: '群众可见', en: 'The resident sees it' },
  internal: { zh: '仅内部', en: 'Staff only' },
};

/**
 * Who reads a step's note unless the writer chooses: notes written to staff (a
 * dispatch note, a reason to reopen or return) stay internal; an outcome and the
 * reason a matter is not accepted are written to the resident.
 */
export const NOTE_AUDIENCE_DEFAULT: Record<MatterAction, NoteAudience> = {
  accept: 'internal',
  invalidate: 'public',
  merge: 'internal',
  dispatch: 'internal',
  take: 'internal',
  return: 'internal',
  transfer: 'internal',
  resolve: 'public',
  rate: 'public',
  reopen: 'internal',
  close: 'internal',
};

/**
 * What staff may do on a matter besides moving it: reply to the resident,
 * write an internal note, and 催办 — the desk chasing the assignee of a
 * dispatched or transferred matter (跟踪反馈). None changes the status.
 */
export const MATTER_MESSAGE_ACTIONS = ['reply', 'note', 'remind'] as const;
export type MatterMessageAction = (typeof MATTER_MESSAGE_ACTIONS)[number];
/** Every button a staff screen may show for a matter; the server says which apply (`allowedActions`). */
export type StaffMatterAction = MatterAction | MatterMessageAction;

/** From each status, the actions allowed. */
export const MATTER_FLOW: Record<MatterStatus, readonly MatterAction[]> = {
  submitted: ['accept', 'invalidate', 'merge'],
  accepted: ['dispatch', 'resolve', 'invalidate', 'merge'],
  dispatched: ['take', 'return', 'transfer'],
  in_progress: ['resolve', 'transfer', 'return'],
  resolved: ['rate', 'close'],
  rated: ['reopen', 'close'],
  invalid: [],
  merged: [],
  closed: [],
};

export function canTransition(from: MatterStatus, action: MatterAction): boolean {
  return MATTER_FLOW[from].includes(action);
}

/** The status an allowed action leads to, or null when the flow forbids it. */
export function nextStatus(from: MatterStatus, action: MatterAction): MatterStatus | null {
  return canTransition(from, action) ? MATTER_ACTIONS[action] : null;
}

export function isOpen(status: MatterStatus): boolean {
  return MATTER_FLOW[status].length > 0 && status !== 'resolved' && status !== 'rated';
}

/** Nothing more can happen to it (invalid, merged, closed): no step, no message. */
export function isFinished(status: MatterStatus): boolean {
  return MATTER_FLOW[status].length === 0;
}

/** Statuses still waiting for someone: the desk, a handler, a department. */
export const OPEN_MATTER_STATUSES: readonly MatterStatus[] = MATTER_STATUSES.filter(isOpen);

export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, Label> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

/** Deadlines in minutes, per kind and urgency; station-configurable, these are the defaults. */
export interface DeadlineRule {
  firstResponseMinutes: number;
  takeMinutes: number;
  resolveMinutes: number;
}

export const DEFAULT_DEADLINES: {
  byKind: Partial<Record<MatterKind, Partial<DeadlineRule>>>;
  urgent: Partial<DeadlineRule>;
  base: DeadlineRule;
} = {
  base: { firstResponseMinutes: 30, takeMinutes: 30, resolveMinutes: 24 * 60 },
  byKind: {
    help: { firstResponseMinutes: 5, takeMinutes: 10 },
    report: { firstResponseMinutes: 5, takeMinutes: 10 },
    service: { resolveMinutes: 3 * 24 * 60 },
  },
  urgent: { firstResponseMinutes: 5, takeMinutes: 10 },
};

/**
 * The one sum of due dates. First response and resolution run from the
 * submission (the resolution clock keeps running through dispatch, return and
 * transfer); taking runs from the dispatch.
 */
export function dueDates(rule: DeadlineRule, at: { submittedAt: Date; dispatchedAt?: Date }) {
  const plus = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);
  return {
    firstResponseDueAt: plus(at.submittedAt, rule.firstResponseMinutes),
    resolveDueAt: plus(at.submittedAt, rule.resolveMinutes),
    takeDueAt: at.dispatchedAt ? plus(at.dispatchedAt, rule.takeMinutes) : null,
  };
}

/** The deadlines that apply to a matter: base, then its kind, then urgency. */
export function deadlinesFor(kind: MatterKind, urgency: Urgency, rules = DEFAULT_DEADLINES): DeadlineRule {
  return { ...rules.base, ...rules.byKind[kind], ...(urgency === 'urgent' ? rules.urgent : {}) };
}
