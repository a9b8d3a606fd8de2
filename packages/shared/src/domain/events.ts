/**
 * The typed events of the product: every change a person may later read on a
 * timeline, in the audit trail or on a live screen. One list, read by the
 * server's `recordEvent` (which writes the event, its audit entry and its
 * outbox row together) and by the web's live handlers and timelines.
 */
import type { Label } from '../i18n.js';
import type { MatterChannel, MatterKind, MatterStatus } from './matters.js';

/** Who may read an event: staff only, the resident only, or both. */
export type Audience = 'staff' | 'resident' | 'both';

export interface EventSpec {
  audience: Audience;
  /** As staff read it on the timeline. */
  label: Label;
  /** As the resident reads it on the matter page; absent when residents never see it. */
  residentLabel?: Label;
}

const MATTER_EVENT_SPECS = {
  'matter.submitted': {
    audience: 'both',
    label: { zh: '群众提交', en: 'Submitted by the resident' },
    residentLabel: { zh: '已提交', en: 'Submitted' },
  },
  // Staff record a matter (the desk for a call, the counter, 110, 12345; a visitor for a household's need; a
  // volunteer's 网格上报 or 巡逻发现): payload `channel`, shown beside it on the timeline.
  'matter.recorded': {
    audience: 'both',
    label: { zh: '登记受理', en: 'Recorded' },
    residentLabel: { zh: '派出所已为您登记受理', en: 'Recorded and accepted by the station' },
  },
  'matter.receipt_sent': {
    audience: 'staff',
    label: { zh: '回执短信已发送', en: 'Receipt SMS sent' },
  },
  'matter.receipt_failed': {
    audience: 'staff',
    label: { zh: '回执短信发送失败，请电话告知群众回执号', en: 'Receipt SMS failed: tell the caller the number' },
  },
  'matter.accept': {
    audience: 'both',
    label: { zh: '受理', en: 'Accept' },
    residentLabel: { zh: '派出所已受理', en: 'Accepted by the station' },
  },
  'matter.invalidate': {
    audience: 'both',
    label: { zh: '无效', en: 'Invalid' },
    residentLabel: { zh: '未受理', en: 'Not accepted' },
  },
  'matter.merge': {
    audience: 'both',
    label: { zh: '合并', en: 'Merge' },
    residentLabel: { zh: '已与相同事项合并办理', en: 'Handled together with the same matter' },
  },
  'matter.dispatch': {
    audience: 'both',
    label: { zh: '派单', en: 'Dispatch' },
    residentLabel: { zh: '已派给责任民警/部门', en: 'Assigned to an officer or department' },
  },
  'matter.take': {
    audience: 'both',
    label: { zh: '接单', en: 'Take' },
    residentLabel: { zh: '已接单，正在办理', en: 'Taken up and being handled' },
  },
  'matter.return': {
    audience: 'both',
    label: { zh: '退回', en: 'Return' },
    residentLabel: { zh: '退回派出所重新安排', en: 'Returned to the station to reassign' },
  },
  'matter.transfer': {
    audience: 'both',
    label: { zh: '转办', en: 'Transfer' },
    residentLabel: { zh: '已转交办理', en: 'Transferred for handling' },
  },
  'matter.resolve': {
    audience: 'both',
    label: { zh: '办结', en: 'Resolve' },
    residentLabel: { zh: '已办结', en: 'Resolved' },
  },
  'matter.rate': {
    audience: 'both',
    label: { zh: '群众评价', en: 'Rated by the resident' },
    residentLabel: { zh: '您已评价', en: 'You rated it' },
  },
  'matter.reopen': {
    audience: 'both',
    label: { zh: '重新办理', en: 'Reopen' },
    residentLabel: { zh: '重新办理', en: 'Reopened' },
  },
  'matter.close': {
    audience: 'both',
    label: { zh: '关闭', en: 'Close' },
    residentLabel: { zh: '已关闭', en: 'Closed' },
  },
  'matter.reply': {
    audience: 'both',
    label: { zh: '派出所回复', en: 'Reply from the station' },
    residentLabel: { zh: '办理人员回复', en: 'Reply from the station' },
  },
  'matter.message': {
    audience: 'both',
    label: { zh: '群众留言', en: 'Message from the resident' },
    residentLabel: { zh: '您的留言', en: 'Your message' },
  },
  // 个人信息权利 (modules/privacy): payloads carry the request's id and field names, never the values.
  'matter.phone_corrected': {
    audience: 'both',
    label: { zh: '群众更正联系电话', en: 'Contact phone corrected by the resident' },
    residentLabel: { zh: '您已更正联系电话', en: 'You corrected your contact phone' },
  },
  'matter.phone_withdrawn': {
    audience: 'both',
    label: { zh: '群众撤回手机号', en: 'Phone number withdrawn by the resident' },
    residentLabel: { zh: '您已撤回手机号', en: 'You withdrew your phone number' },
  },
  'matter.deletion_requested': {
    audience: 'both',
    label: { zh: '群众申请删除个人信息', en: 'The resident asked for deletion of personal information' },
    residentLabel: { zh: '您已申请删除个人信息', en: 'You asked for your personal information to be deleted' },
  },
  'matter.deletion_done': {
    audience: 'both',
    label: { zh: '已应群众要求删除个人信息', en: "Personal information deleted at the resident's request" },
    residentLabel: { zh: '派出所已按您的要求删除个人信息', en: 'The station deleted your personal information' },
  },
  'matter.deletion_refused': {
    audience: 'both',
    label: { zh: '不予删除，已答复群众', en: 'Deletion refused; the resident was answered' },
    residentLabel: { zh: '派出所答复：暂不删除', en: 'The station answered: not deleted for now' },
  },
  'matter.note': { audience: 'staff', label: { zh: '内部备注', en: 'Note' } },
  'matter.remind': { audience: 'staff', label: { zh: '催办', en: 'Chase' } },
  'matter.escalated': { audience: 'staff', label: { zh: '超时督办', en: 'Deadline breached: escalated' } },
  // 提级督办: reopened or transferred as often as the station's rules allow (MatterSettings.escalation), the matter
  // goes to the bureau once, with the step that reached the count (payload `reason`, `reopens`, `transfers`).
  'matter.supervised': { audience: 'staff', label: { zh: '提级督办', en: 'Escalated to the bureau' } },
  /** The deadline sweep warns the holder once per deadline when a fifth of its span is left. */
  'matter.deadline_near': { audience: 'staff', label: { zh: '即将超期', en: 'Deadline approaching' } },
  'matter.take_overdue': {
    audience: 'staff',
    label: { zh: '超时未接单，退回值班台', en: 'Not taken in time: back to the desk' },
  },
  // The resident reads the promise too (所长复核, call-back within the station's hours: payload `callbackHours`, `dueAt`).
  'matter.review_requested': {
    audience: 'both',
    label: { zh: '不满意，待所长复核', en: 'Unsatisfied: chief to review' },
    residentLabel: { zh: '已转所长复核', en: 'Passed to the chief for review' },
  },
  // The callback after an unsatisfied rating is done (payload `outcome`, and `rectificationDueAt` for 整改).
  'matter.review_done': {
    audience: 'both',
    label: { zh: '所长已复核，回访已完成', en: 'Reviewed by the chief: callback done' },
    residentLabel: { zh: '所长已复核并回访', en: 'The chief reviewed it and you were called back' },
  },
  // 矛盾纠纷: the matter became a dispute case (payload `disputeId`, `disputeNumber`); mediation follows there.
  'matter.to_dispute': {
    audience: 'both',
    label: { zh: '已转为矛盾纠纷案件', en: 'Opened as a dispute case' },
    residentLabel: {
      zh: '已转为矛盾纠纷调解，民警将联系各方约定调解',
      en: 'Passed to dispute mediation: an officer will contact everyone to arrange it',
    },
  },
  // 平安联盟 tasks (modules/alliance/tasks.ts): a volunteer sent to help with the matter, and what became of it
  // (payload `taskId`, `volunteerId`; the note is the task's title, the volunteer's note or the reason).
  'matter.volunteer_sent': { audience: 'staff', label: { zh: '派志愿者协助', en: 'Volunteer sent to help' } },
  'matter.volunteer_declined': {
    audience: 'staff',
    label: { zh: '志愿者退回任务', en: 'Volunteer declined the task' },
  },
  'matter.volunteer_done': {
    audience: 'staff',
    label: { zh: '志愿者完成任务', en: 'Volunteer reported the task done' },
  },
  'matter.volunteer_withdrawn': { audience: 'staff', label: { zh: '撤回志愿者任务', en: 'Volunteer task withdrawn' } },
} as const satisfies Record<string, EventSpec>;

export type MatterEventType = keyof typeof MATTER_EVENT_SPECS;
export const MATTER_EVENTS: Record<MatterEventType, EventSpec> = MATTER_EVENT_SPECS;
export const MATTER_EVENT_TYPES = Object.keys(MATTER_EVENTS) as MatterEventType[];

/** Events a resident's page may receive and show. */
export const RESIDENT_EVENT_TYPES = MATTER_EVENT_TYPES.filter((t) => MATTER_EVENTS[t].audience !== 'staff');

export function isMatterEventType(type: string): type is MatterEventType {
  return type in MATTER_EVENTS;
}

/** What a live stream carries for a matter event: enough to refresh, never the content itself. */
export interface MatterLiveEvent {
  matterId: string;
  /** The timeline entry this live event announces. */
  eventId: number;
  status: MatterStatus;
  /** On `matter.submitted` and `matter.recorded`, for the desk's alert. */
  number?: string;
  kind?: MatterKind;
  /** On `matter.recorded`: a 网格上报 (`grid`) alerts the desk like a resident's submission. */
  channel?: MatterChannel;
}
