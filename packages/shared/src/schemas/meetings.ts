/** 召开会议必评: a station's meetings, counted by an attendance QR whose every scan opens one evaluation. */
import { z } from 'zod';
import type { Label } from '../i18n.js';
import { Id, Shown, text } from './common.js';

/** 治安通报会, 警民恳谈会, 房东大会, 报告工作会. */
export const MEETING_TYPES = ['security_briefing', 'community_dialogue', 'landlords', 'work_report'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, Label> = {
  security_briefing: { zh: '治安通报会', en: 'Security briefing' },
  community_dialogue: { zh: '警民恳谈会', en: 'Police–resident dialogue' },
  landlords: { zh: '房东大会', en: 'Landlords’ meeting' },
  work_report: { zh: '报告工作会', en: 'Work report meeting' },
};

export const MeetingInput = z
  .object({
    type: z.enum(MEETING_TYPES),
    /** Where: 村委会二楼会议室 … */ place: text(100, 1),
    /** When it is held. */ heldAt: z.iso.datetime({ offset: true }),
    /** The staff member who hosts it, of this station. */ hostStaffId: Id,
  })
  .strict();
export type MeetingInput = z.infer<typeof MeetingInput>;

export const MeetingView = z.object({
  id: Id,
  stationId: Id,
  type: z.enum(MEETING_TYPES),
  place: Shown,
  heldAt: z.iso.datetime(),
  hostStaffId: Id,
  hostName: Shown,
  /** Scans of the attendance QR: a count, no names. */
  attendance: z.number().int(),
  /** Evaluations answered by attendees. */
  answers: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const MeetingList = z.object({ items: z.array(MeetingView) });
export type MeetingList = z.infer<typeof MeetingList>;

export const MeetingParams = z.object({ id: Id, meetingId: Id }).strict();
export const MeetingScanParams = z.object({ meetingId: Id }).strict();

/** The attendance QR to print or show on a phone. */
export const MeetingQrView = z.object({ url: Shown, svg: Shown });
export type MeetingQrView = z.infer<typeof MeetingQrView>;
