/**
 * 巡逻防控: a station's patrol teams (义警巡逻队, 游击巡逻队 …), its 必到点 (patrol points, each with a QR code
 * printed for the site) and 必巡线 (routes, ordered points). A patrol session records the points its patrol
 * checked in at by scanning their codes: the time and the point only — where the patrol was, never where a
 * person is otherwise.
 */
import { PATROL_MEMBER_ROLES } from '@jingmin/shared';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { matters } from './matters.js';
import { units } from './org.js';
import { staff } from './staff.js';

export const patrolMemberRole = pgEnum('patrol_member_role', PATROL_MEMBER_ROLES);

const versioned = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  version: integer().notNull().default(1),
};

export const patrolTeams = pgTable(
  'patrol_teams',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    name: text().notNull(),
    /** What the team is (义警巡逻队, 游击巡逻队, 护校队 …), in the station's words. */
    kind: text().notNull(),
    note: text(),
    active: boolean().notNull().default(true),
    ...versioned,
  },
  (t) => [uniqueIndex('patrol_teams_station_name_key').on(t.stationId, t.name)],
);

/** A member: a staff member, or a volunteer named on the team (the name sealed; no account needed). */
export const patrolTeamMembers = pgTable(
  'patrol_team_members',
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => patrolTeams.id),
    staffId: uuid().references(() => staff.id),
    /** A volunteer's name, sealed (crypto.sealField). */
    nameSealed: text(),
    role: patrolMemberRole().notNull().default('member'),
    joinedOn: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patrol_team_members_team_idx').on(t.teamId), index('patrol_team_members_staff_idx').on(t.staffId)],
);

export const patrolPoints = pgTable(
  'patrol_points',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** The village or grid it stands in, and its path. */
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    unitPath: text().notNull(),
    name: text().notNull(),
    /** The station's short code printed under the QR (e.g. `LT-P03`). */
    code: text().notNull(),
    /** Where it is, in words. */
    place: text(),
    /** The secret in the site's QR code: unguessable, rotatable (a stolen sheet is replaced). */
    token: text().notNull(),
    active: boolean().notNull().default(true),
    ...versioned,
  },
  (t) => [
    uniqueIndex('patrol_points_token_key').on(t.token),
    uniqueIndex('patrol_points_station_code_key').on(t.stationId, t.code),
    index('patrol_points_station_idx').on(t.stationId),
  ],
);

export const patrolRoutes = pgTable(
  'patrol_routes',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    name: text().notNull(),
    note: text(),
    active: boolean().notNull().default(true),
    ...versioned,
  },
  (t) => [uniqueIndex('patrol_routes_station_name_key').on(t.stationId, t.name)],
);

/** A route's points in the order they are walked. */
export const patrolRoutePoints = pgTable(
  'patrol_route_points',
  {
    routeId: uuid()
      .notNull()
      .references(() => patrolRoutes.id),
    seq: integer().notNull(),
    pointId: uuid()
      .notNull()
      .references(() => patrolPoints.id),
  },
  (t) => [primaryKey({ columns: [t.routeId, t.seq] }), index('patrol_route_points_point_idx').on(t.pointId)],
);

/** One patrol: who started it, with which team along which route, when it ended. */
export const patrolSessions = pgTable(
  'patrol_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    teamId: uuid().references(() => patrolTeams.id),
    routeId: uuid().references(() => patrolRoutes.id),
    startedBy: uuid()
      .notNull()
      .references(() => staff.id),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    /** What the patrol saw, in a few words. */
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patrol_sessions_station_idx').on(t.stationId, t.startedAt)],
);

/** A point checked in at during a session (its code scanned): once per point and session. */
export const patrolCheckins = pgTable(
  'patrol_checkins',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => patrolSessions.id),
    pointId: uuid()
      .notNull()
      .references(() => patrolPoints.id),
    /** When the code was scanned (the phone's time, not in the future, not before the session). */
    scannedAt: timestamp({ withTimezone: true }).notNull(),
    recordedBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('patrol_checkins_session_point_key').on(t.sessionId, t.pointId),
    index('patrol_checkins_point_idx').on(t.pointId, t.scannedAt),
  ],
);

/** 巡逻发现: a matter recorded from a patrol (channel 巡逻发现) in one action, kept with the patrol. */
export const patrolSessionMatters = pgTable(
  'patrol_session_matters',
  {
    sessionId: uuid()
      .notNull()
      .references(() => patrolSessions.id),
    matterId: uuid()
      .notNull()
      .references(() => matters.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.matterId] }),
    uniqueIndex('patrol_session_matters_matter_key').on(t.matterId),
  ],
);
