/** 巡逻防控: patrol teams, 必到点 with a QR code on site, 必巡线 as ordered points, sessions and check-ins. */
import { z } from 'zod';
import { MATTER_KINDS, MATTER_STATUSES } from '../domain/matters.js';
import type { Label } from '../i18n.js';
import { Id, Page, Shown, text } from './common.js';
import { Day as PeriodDay, periodRules } from './dashboards.js';
import { HAZARD_STATUSES } from './hazards.js';
import { PHOTO_LIMITS } from './resident.js';

/** A team member's part in it. */
export const PATROL_MEMBER_ROLES = ['leader', 'member'] as const;
export type PatrolMemberRole = (typeof PATROL_MEMBER_ROLES)[number];

export const PATROL_MEMBER_ROLE_LABELS: Record<PatrolMemberRole, Label> = {
  leader: { zh: '队长', en: 'Leader' },
  member: { zh: '队员', en: 'Member' },
};

/** How far a phone's clock may run ahead of the server's before a scan counts as "in the future". */
export const PATROL_CLOCK_SKEW_MS = 5 * 60_000;

const Note = text(500);
const Version = z.number().int().min(1);

/** A member: a staff member of the station, or a volunteer named on the team (no account needed). */
export const PatrolMemberInput = z
  .object({
    /** A staff member of the station; or absent for a volunteer named below. */
    staffId: Id.optional(),
    /** A volunteer's name (义警、乡贤、退伍老兵 …), stored sealed. */
    name: text(40).optional(),
    role: z.enum(PATROL_MEMBER_ROLES).default('member'),
  })
  .strict();
export type PatrolMemberInput = z.infer<typeof PatrolMemberInput>;

export const PatrolTeamInput = z
  .object({
    /** Unique in the station. */
    name: text(40, 1),
    /** What the team is, in the station's words (义警巡逻队, 游击巡逻队, 护校队 …). */
    kind: text(30, 1),
    note: Note.optional(),
    members: z.array(PatrolMemberInput).max(100).default([]),
  })
  .strict();
export type PatrolTeamInput = z.infer<typeof PatrolTeamInput>;

export const PatrolTeamUpdate = PatrolTeamInput.extend({ version: Version }).strict();
export type PatrolTeamUpdate = z.infer<typeof PatrolTeamUpdate>;

export const PatrolMember = z.object({
  id: Id,
  staffId: Id.nullable(),
  /** The staff member's name, or the volunteer's (masked for readers outside the station). */
  name: Shown,
  volunteer: z.boolean(),
  role: z.enum(PATROL_MEMBER_ROLES),
});
export type PatrolMember = z.infer<typeof PatrolMember>;

export const PatrolTeam = z.object({
  id: Id,
  stationId: Id,
  name: Shown,
  kind: Shown,
  note: Shown.nullable(),
  active: z.boolean(),
  members: z.array(PatrolMember),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type PatrolTeam = z.infer<typeof PatrolTeam>;

export const PatrolTeamList = z.object({ items: z.array(PatrolTeam) });
export type PatrolTeamList = z.infer<typeof PatrolTeamList>;

/** A point's short code printed under its QR: letters, digits and dashes (e.g. `LT-P03`). */
const PointCode = text(20, 1).regex(/^[A-Za-z0-9-]+$/, { message: 'letters, digits and -' });

export const PatrolPointInput = z
  .object({
    /** The village or grid of the station it stands in. */
    unitId: Id,
    name: text(60, 1),
    /** Unique in the station. */
    code: PointCode,
    /** Where it is, in words (门口东侧路灯杆). */
    place: text(200).optional(),
  })
  .strict();
export type PatrolPointInput = z.infer<typeof PatrolPointInput>;

export const PatrolPointUpdate = PatrolPointInput.extend({ version: Version }).strict();
export type PatrolPointUpdate = z.infer<typeof PatrolPointUpdate>;

export const PatrolPoint = z.object({
  id: Id,
  stationId: Id,
  unit: z.object({ id: Id, name: Shown }),
  name: Shown,
  code: Shown,
  place: Shown.nullable(),
  active: z.boolean(),
  /** The address in its QR code (`<public base>/pp/<token>`): only for those who manage the points. */
  url: Shown.nullable(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type PatrolPoint = z.infer<typeof PatrolPoint>;

export const PatrolPointList = z.object({ items: z.array(PatrolPoint) });
export type PatrolPointList = z.infer<typeof PatrolPointList>;

/** Which points to print: all active points of the station when absent. Comma-separated ids. */
export const PatrolSheetQuery = z.object({
  ids: text(4000)
    .regex(/^[0-9a-fA-F,-]*$/, { message: 'comma-separated ids' })
    .optional(),
});
export type PatrolSheetQuery = z.infer<typeof PatrolSheetQuery>;

export const PatrolRouteInput = z
  .object({
    name: text(40, 1),
    note: Note.optional(),
    /** The station's active points in the order they are walked; each once. */
    pointIds: z.array(Id).min(1).max(60),
  })
  .strict();
export type PatrolRouteInput = z.infer<typeof PatrolRouteInput>;

export const PatrolRouteUpdate = PatrolRouteInput.extend({ version: Version }).strict();
export type PatrolRouteUpdate = z.infer<typeof PatrolRouteUpdate>;

const PointRef = z.object({ id: Id, name: Shown, code: Shown });

export const PatrolRoute = z.object({
  id: Id,
  stationId: Id,
  name: Shown,
  note: Shown.nullable(),
  active: z.boolean(),
  points: z.array(PointRef),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type PatrolRoute = z.infer<typeof PatrolRoute>;

export const PatrolRouteList = z.object({ items: z.array(PatrolRoute) });
export type PatrolRouteList = z.infer<typeof PatrolRouteList>;

export const PatrolSessionStart = z
  .object({ teamId: Id.nullable().optional(), routeId: Id.nullable().optional(), note: Note.optional() })
  .strict();
export type PatrolSessionStart = z.infer<typeof PatrolSessionStart>;

export const PatrolSessionEnd = z.object({ note: Note.optional() }).strict();
export type PatrolSessionEnd = z.infer<typeof PatrolSessionEnd>;

export const PatrolSessionQuery = periodRules(
  Page.extend({
    /** Started from this Beijing day; with `to`. */ from: PeriodDay.optional(),
    /** Started up to this Beijing day, included; with `from`. */ to: PeriodDay.optional(),
    /** The patrols of the stations in that unit's subtree (a bureau from the dashboard) instead of this one; in sight. */
    unitId: Id.optional(),
  })
    .strict()
    .refine((q) => !q.from === !q.to, { message: 'from and to go together', path: ['from'] }),
);
export type PatrolSessionQuery = z.infer<typeof PatrolSessionQuery>;

export const PatrolSession = z.object({
  id: Id,
  stationId: Id,
  startedBy: z.object({ id: Id, name: Shown }),
  team: z.object({ id: Id, name: Shown }).nullable(),
  route: z.object({ id: Id, name: Shown }).nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  note: Shown.nullable(),
  /** Points checked in at. */
  checked: z.number().int(),
  /** The route's points (0 without a route). */
  routeLength: z.number().int(),
});
export type PatrolSession = z.infer<typeof PatrolSession>;

export const PatrolSessionPage = z.object({
  items: z.array(PatrolSession),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PatrolSessionPage = z.infer<typeof PatrolSessionPage>;

export const PatrolCheckinView = z.object({
  id: Id,
  sessionId: Id,
  point: PointRef,
  scannedAt: z.iso.datetime(),
  recordedBy: z.object({ id: Id, name: Shown }),
});
export type PatrolCheckinView = z.infer<typeof PatrolCheckinView>;

/** A matter the patrol found (巡逻发现): its number, kind and where it stands now. */
export const PatrolSessionMatter = z.object({
  id: Id,
  number: Shown,
  kind: z.enum(MATTER_KINDS),
  status: z.enum(MATTER_STATUSES),
  createdAt: z.iso.datetime(),
});
export type PatrolSessionMatter = z.infer<typeof PatrolSessionMatter>;

/** A hazard recorded as found on the patrol. */
export const PatrolSessionHazard = z.object({
  id: Id,
  kind: Shown,
  place: Shown,
  status: z.enum(HAZARD_STATUSES),
  foundAt: z.iso.datetime(),
});
export type PatrolSessionHazard = z.infer<typeof PatrolSessionHazard>;

export const PatrolSessionDetail = PatrolSession.extend({
  /** Check-ins in the order they were scanned. */
  checkins: z.array(PatrolCheckinView),
  /** The route's points in order, each with when it was checked (null: not yet). */
  routePoints: z.array(PointRef.extend({ checkedAt: z.iso.datetime().nullable() })),
  /** Matters recorded from the patrol (巡逻发现), in the order recorded. */
  matters: z.array(PatrolSessionMatter),
  /** Hazards found on the patrol, in the order found. */
  hazards: z.array(PatrolSessionHazard),
});
export type PatrolSessionDetail = z.infer<typeof PatrolSessionDetail>;

export const MyPatrolSession = z.object({ session: PatrolSessionDetail.nullable() });
export type MyPatrolSession = z.infer<typeof MyPatrolSession>;

export const PatrolCheckinInput = z
  .object({
    /** The secret in the point's QR code. */
    token: text(64, 16, { trim: false }).regex(/^[A-Za-z0-9_-]+$/, { message: 'must be a point code' }),
    /** The session; the actor's open session when absent. */
    sessionId: Id.optional(),
    /** When the phone scanned it (queued offline); now when absent. */
    scannedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type PatrolCheckinInput = z.infer<typeof PatrolCheckinInput>;

const Day = text(10).regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' });

export const PatrolCoverageQuery = z.object({ from: Day.optional(), to: Day.optional() });
export type PatrolCoverageQuery = z.infer<typeof PatrolCoverageQuery>;

const Covered = z.object({ activePoints: z.number().int(), pointsChecked: z.number().int() });

export const PatrolCoverage = z.object({
  from: Shown,
  to: Shown,
  /** Per Beijing day: points active that day, and how many of them were checked in at. */
  days: z.array(Covered.extend({ day: Shown })),
  /** Per week (Monday to Sunday, Beijing), the same. */
  weeks: z.array(Covered.extend({ weekStart: Shown })),
  /** Per point: on how many days of the period it was checked, and when last. */
  points: z.array(
    PointRef.extend({
      active: z.boolean(),
      daysChecked: z.number().int(),
      days: z.number().int(),
      lastCheckedAt: z.iso.datetime().nullable(),
    }),
  ),
  sessions: z.number().int(),
  checkins: z.number().int(),
});
export type PatrolCoverage = z.infer<typeof PatrolCoverage>;

/**
 * 巡逻发现 → 事项: what the patrol found, recorded as a matter of the channel 巡逻发现 in one action. Where: a point
 * of the station (the route's, or one checked in at), a household, or words alone (the patroller's own village or
 * grid, else the route's first point).
 */
export const PatrolFindingInput = z
  .object({
    kind: z.enum(MATTER_KINDS),
    /** What was found (路灯不亮、井盖缺失 …). */
    body: text(2000, 2),
    /** The 必到点 it is at or near. */
    pointId: Id.optional(),
    /** The household it is at. */
    householdId: Id.optional(),
    /** Where, in words (村口石桥东侧). */
    place: text(100).optional(),
    /** Photos uploaded first (POST /patrol-photos). */
    photoIds: z.array(Id).max(PHOTO_LIMITS.perItem).default([]),
  })
  .strict();
export type PatrolFindingInput = z.infer<typeof PatrolFindingInput>;

/** A team the actor is a member of, with its station's routes in use: what a volunteer picks to start a patrol. */
export const MyPatrolTeam = z.object({
  id: Id,
  name: Shown,
  kind: Shown,
  stationId: Id,
  stationName: Shown,
  routes: z.array(z.object({ id: Id, name: Shown, points: z.number().int() })),
});
export const MyPatrolTeams = z.object({ items: z.array(MyPatrolTeam) });
export type MyPatrolTeams = z.infer<typeof MyPatrolTeams>;
