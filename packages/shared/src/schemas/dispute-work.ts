/**
 * 矛盾纠纷, the work on a case: the channel (分流化解), mediation sessions, the 调解协议书 and its duties,
 * transfers to partner departments or committees, follow-ups with each party's satisfaction, and the
 * 三个不放 close. Dates a person picks are `YYYY-MM-DD` (Beijing); moments are ISO date-times.
 */
import { z } from 'zod';
import {
  CLOSE_CONDITIONS,
  FOLLOW_UP_KINDS,
  MEDIATION_CHANNELS,
  SATISFACTION_VIA,
  SESSION_RESULTS,
  TRANSFER_STATUSES,
} from '../domain/disputes.js';
import { CalendarDate } from './calendar.js';
import { Id, Name, Shown, text } from './common.js';

const Note = text(2000);
const Reason = text(500, 1);

/** 分流化解: the channel for the dispute's cause, the receiving body, and who handles it (承办人). */
export const ChannelInput = z
  .object({
    channel: z.enum(MEDIATION_CHANNELS),
    /** 村调委会, 司法所, 医调委 …: who mediates when it is not the station itself. */
    receivingBody: text(60).optional(),
    /** A member of the station who works the case; a mediator sees the cases given to them. */
    handlerId: Id.optional(),
  })
  .strict();
export type ChannelInput = z.infer<typeof ChannelInput>;

/** A session planned: when (not before the case was accepted), where, who mediates. */
export const SessionPlanInput = z
  .object({
    plannedAt: z.iso.datetime({ offset: true }),
    place: text(100, 1),
    mediatorIds: z.array(Id).max(10).default([]),
    outsideMediators: text(200).optional(),
  })
  .strict();
export type SessionPlanInput = z.infer<typeof SessionPlanInput>;

/** A session held: who attended (a minor party's guardian among them), the internal notes and the result. */
export const SessionRecordInput = z
  .object({
    heldAt: z.iso.datetime({ offset: true }),
    attendeePartyIds: z.array(Id).max(200),
    otherAttendees: text(200).optional(),
    /** Internal: never shown to a resident. */ notes: Note.optional(),
    result: z.enum(SESSION_RESULTS),
    /** When the result is none or adjourned and no session may follow: the date of the next attempt. */
    nextAttemptOn: CalendarDate.optional(),
  })
  .strict();
export type SessionRecordInput = z.infer<typeof SessionRecordInput>;

export const MediationSessionView = z.object({
  id: Id,
  seq: z.number().int(),
  channel: z.enum(MEDIATION_CHANNELS),
  plannedAt: z.iso.datetime(),
  place: Shown,
  /** Parties told the time and place by SMS when it was planned; null when none had a phone to text. */
  partiesNotified: z.number().int().nullable(),
  mediators: z.array(z.object({ id: Id, name: Shown })),
  outsideMediators: Shown.nullable(),
  attendeePartyIds: z.array(Id),
  otherAttendees: Shown.nullable(),
  notes: Shown.nullable(),
  result: z.enum(SESSION_RESULTS).nullable(),
  heldAt: z.iso.datetime().nullable(),
});
export type MediationSessionView = z.infer<typeof MediationSessionView>;

export const DutyInput = z
  .object({
    /** The party who owes it; absent: all parties. */ partyId: Id.optional(),
    description: text(300, 1),
    amountYuan: z.number().min(0).max(1e12).optional(),
    dueOn: CalendarDate,
  })
  .strict();
export type DutyInput = z.infer<typeof DutyInput>;

/** 调解协议书 (人民调解法 §29, 公通字〔2007〕81号): the fields the printed form carries. */
export const AgreementInput = z
  .object({
    /** The session it was reached at (absent: reached through the receiving body). */
    sessionId: Id.optional(),
    facts: text(4000, 1),
    disputePoints: text(2000, 1),
    responsibilities: text(2000, 1),
    performanceMethod: text(500, 1),
    performancePlace: text(100, 1),
    performanceBy: CalendarDate,
    mediatingBody: text(60, 1),
    mediatorName: Name,
    copies: z.number().int().min(2).max(20),
    signedOn: CalendarDate,
    duties: z.array(DutyInput).min(1).max(50),
  })
  .strict();
export type AgreementInput = z.infer<typeof AgreementInput>;

export const DutyView = z.object({
  id: Id,
  partyId: Id.nullable(),
  description: Shown,
  amountYuan: z.number().nullable(),
  dueOn: CalendarDate,
  performedAt: z.iso.datetime().nullable(),
  performedNote: Shown.nullable(),
  /** Not performed and past its due date (Beijing). */ overdue: z.boolean(),
});
export type DutyView = z.infer<typeof DutyView>;

export const AgreementView = z.object({
  id: Id,
  number: Shown,
  sessionId: Id.nullable(),
  channel: z.enum(MEDIATION_CHANNELS),
  /** 治安调解协议书 / 人民调解协议书; null for a channel the system does not print. */
  form: Shown.nullable(),
  facts: Shown,
  disputePoints: Shown,
  responsibilities: Shown,
  performanceMethod: Shown,
  performancePlace: Shown,
  performanceBy: CalendarDate,
  mediatingBody: Shown,
  mediatorName: Shown,
  copies: z.number().int(),
  signedOn: CalendarDate,
  duties: z.array(DutyView),
});
export type AgreementView = z.infer<typeof AgreementView>;

export const DutyPerformedInput = z.object({ note: text(500).optional() }).strict();
export type DutyPerformedInput = z.infer<typeof DutyPerformedInput>;

/** 移交: to a partner department or committee of the station's tree. */
export const TransferInput = z.object({ departmentId: Id, note: text(1000, 1) }).strict();
export type TransferInput = z.infer<typeof TransferInput>;

/** The department's answer: accept, or return with a reason. */
export const TransferAnswerInput = z.discriminatedUnion('answer', [
  z.object({ answer: z.literal('accept') }).strict(),
  z.object({ answer: z.literal('return'), reason: Reason }).strict(),
]);
export type TransferAnswerInput = z.infer<typeof TransferAnswerInput>;

export const TransferProgressInput = z.object({ text: text(1000, 1) }).strict();
export type TransferProgressInput = z.infer<typeof TransferProgressInput>;

/** The department's result: resolved (the case is followed up) or not (the station takes it back as failed). */
export const TransferResultInput = z.object({ resolved: z.boolean(), result: text(1000, 1) }).strict();
export type TransferResultInput = z.infer<typeof TransferResultInput>;

export const TransferView = z.object({
  id: Id,
  departmentId: Id,
  departmentName: Shown,
  note: Shown,
  status: z.enum(TRANSFER_STATUSES),
  sentBy: Shown,
  sentAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  returnReason: Shown.nullable(),
  updates: z.array(z.object({ text: Shown, by: Shown, at: z.iso.datetime() })),
  resolved: z.boolean().nullable(),
  result: Shown.nullable(),
  doneAt: z.iso.datetime().nullable(),
});
export type TransferView = z.infer<typeof TransferView>;

/** A follow-up scheduled by hand (the agreement schedules the station's `followUpDays` itself). */
export const FollowUpPlanInput = z
  .object({
    kind: z.enum(FOLLOW_UP_KINDS),
    /** Today or later (Beijing). */ dueOn: CalendarDate,
    responsibleId: Id.optional(),
  })
  .strict();
export type FollowUpPlanInput = z.infer<typeof FollowUpPlanInput>;

/** What the follow-up found, and each party's satisfaction (in person) or an evaluation link for a party. */
export const FollowUpRecordInput = z
  .object({
    performed: z.boolean().optional(),
    hazardCleared: z.boolean(),
    note: Note.optional(),
    parties: z
      .array(
        z.discriminatedUnion('via', [
          z.object({ partyId: Id, via: z.literal('in_person'), satisfied: z.boolean() }).strict(),
          z.object({ partyId: Id, via: z.literal('evaluation') }).strict(),
        ]),
      )
      .max(200),
  })
  .strict();
export type FollowUpRecordInput = z.infer<typeof FollowUpRecordInput>;

export const FollowUpView = z.object({
  id: Id,
  kind: z.enum(FOLLOW_UP_KINDS),
  agreementId: Id.nullable(),
  dueOn: CalendarDate,
  responsibleId: Id,
  responsibleName: Shown,
  doneAt: z.iso.datetime().nullable(),
  performed: z.boolean().nullable(),
  hazardCleared: z.boolean().nullable(),
  note: Shown.nullable(),
  /** Not done and past its due date (Beijing); escalated to the chief once. */
  overdue: z.boolean(),
  escalatedAt: z.iso.datetime().nullable(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

/** A party's latest satisfaction; `satisfied` null while its evaluation link waits. */
export const SatisfactionView = z.object({
  partyId: Id,
  via: z.enum(SATISFACTION_VIA),
  satisfied: z.boolean().nullable(),
  recordedAt: z.iso.datetime(),
});
export type SatisfactionView = z.infer<typeof SatisfactionView>;

/** An evaluation link opened for one party at a follow-up: shown once, as a QR on the officer's phone. */
export const PartyEvaluationLink = z.object({ partyId: Id, url: Shown, expiresAt: z.iso.datetime() });
export const FollowUpRecorded = z.object({ links: z.array(PartyEvaluationLink) });
export type FollowUpRecorded = z.infer<typeof FollowUpRecorded>;

/** 三个不放: close when all three hold; the chief (dispute.override) may close anyway with a written reason. */
export const CloseInput = z.object({ overrideReason: text(1000, 10).optional() }).strict();
export type CloseInput = z.infer<typeof CloseInput>;

/** The three conditions as the case stands now, for the page to show before anyone tries. */
export const CloseReadiness = z.object({
  conditions: z.array(z.object({ condition: z.enum(CLOSE_CONDITIONS), met: z.boolean() })),
  closedAt: z.iso.datetime().nullable(),
  closedBy: Shown.nullable(),
  overrideReason: Shown.nullable(),
});
export type CloseReadiness = z.infer<typeof CloseReadiness>;

/** 调解未成: not settled now, with the date of the next attempt. */
export const FailInput = z.object({ reason: Reason, nextAttemptOn: CalendarDate }).strict();
export type FailInput = z.infer<typeof FailInput>;

/** One line of the case's timeline, read from its rows (never from the resident's matter). */
export const DisputeTimelineItem = z.object({
  at: z.iso.datetime(),
  /** `opened`, `assessed`, `coloured`, `channel`, `session_planned`, `session_held`, `agreement`, `duty_performed`, `transferred`, `transfer_answered`, `transfer_done`, `follow_up`, `failed`, `closed`. */
  kind: Shown,
  /** Chinese (or English) words for the line, built from labels and ids — never a party's name. */
  text: Shown,
  by: Shown.nullable(),
});
export type DisputeTimelineItem = z.infer<typeof DisputeTimelineItem>;
