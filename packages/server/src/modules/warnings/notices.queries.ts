/**
 * Which notices a resident sees, with no row per recipient: a household at unit path P sees its station's sent
 * notices whose target paths hold a prefix of P, and a verified phone also those sent to the subscribers of a
 * category it follows. Withdrawn ones stay a week (their correction, not their body); expired ones are gone.
 * One statement on the station's few notices (`warnings_live_idx`), whatever the station's size.
 */
import type { WarningPriority, WarningStatus } from '@jingmin/shared';
import { and, desc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { households, units, warningSubscriptions, warnings } from '../../db/schema/index.js';

/** At most this many current notices on a page. */
export const NOTICES_SHOWN = 20;
/** A withdrawn notice shows its correction this long after the withdrawal. */
export const WITHDRAWN_SHOWN_MS = 7 * 24 * 3600_000;

/** The household behind a doorplate token, with its station. */
export async function householdByToken(db: Queryable, token: string) {
  const [row] = await db
    .select({ id: households.id, unitPath: households.unitPath, stationId: units.id, stationName: units.name })
    .from(households)
    .innerJoin(units, and(eq(units.kind, 'station'), sql`starts_with(${households.unitPath}, ${units.path})`))
    .where(eq(households.doorplateToken, token));
  return row;
}

export const noticeColumns = {
  id: warnings.id,
  stationId: warnings.stationId,
  stationName: units.name,
  category: warnings.category,
  priority: warnings.priority,
  title: warnings.title,
  body: warnings.body,
  ackRequired: warnings.ackRequired,
  status: warnings.status,
  sentAt: warnings.sentAt,
  expiresAt: warnings.expiresAt,
  withdrawnAt: warnings.withdrawnAt,
  correction: warnings.correction,
};
export interface NoticeRow {
  id: string;
  stationId: string;
  stationName: string;
  category: string;
  priority: WarningPriority;
  title: string;
  body: string;
  ackRequired: boolean;
  status: WarningStatus;
  sentAt: Date | null;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
  correction: string | null;
}

/** Sent, or withdrawn within the week; not expired. */
function current(now: Date): SQL {
  return and(
    inArray(warnings.status, ['sent', 'withdrawn']),
    or(eq(warnings.status, 'sent'), gt(warnings.withdrawnAt, new Date(now.getTime() - WITHDRAWN_SHOWN_MS))),
    or(isNull(warnings.expiresAt), gt(warnings.expiresAt, now)),
  ) as SQL;
}

/** A target path is a prefix of `path` (the notice's area holds the household). */
const targetsPath = (path: SQL | string) =>
  sql`EXISTS (SELECT 1 FROM unnest(${warnings.targetPaths}) AS tp WHERE starts_with(${path}, tp))`;

/** The phone follows the notice's category at its station, and the notice goes to the subscribers. */
const subscribedBy = (phoneIndex: string) =>
  sql`(${warnings.targetSubscribers} AND EXISTS (SELECT 1 FROM ${warningSubscriptions} s
    WHERE s.station_id = ${warnings.stationId} AND s.phone_index = ${phoneIndex} AND ${warnings.category} = ANY(s.categories)))`;

function listed(db: Queryable, where: SQL): Promise<NoticeRow[]> {
  return db
    .select(noticeColumns)
    .from(warnings)
    .innerJoin(units, eq(units.id, warnings.stationId))
    .where(where)
    .orderBy(sql`(${warnings.priority} = 'urgent') DESC`, desc(warnings.sentAt), desc(warnings.id))
    .limit(NOTICES_SHOWN);
}

/** A household's current notices (and, with a verified phone, those to its subscriptions at the station). */
export function householdNotices(
  db: Queryable,
  household: { unitPath: string; stationId: string },
  phoneIndex: string | null,
  now: Date,
) {
  const reach = phoneIndex
    ? or(targetsPath(household.unitPath), subscribedBy(phoneIndex))
    : targetsPath(household.unitPath);
  return listed(db, and(eq(warnings.stationId, household.stationId), current(now), reach) as SQL);
}

/** A phone's notices: the areas of its subscriptions, and those to the subscribers of the categories it follows. */
export function phoneNotices(db: Queryable, phoneIndex: string, now: Date) {
  const stations = db
    .select({ id: warningSubscriptions.stationId })
    .from(warningSubscriptions)
    .where(eq(warningSubscriptions.phoneIndex, phoneIndex));
  const reach = sql`EXISTS (SELECT 1 FROM ${warningSubscriptions} s
    WHERE s.station_id = ${warnings.stationId} AND s.phone_index = ${phoneIndex}
      AND (EXISTS (SELECT 1 FROM unnest(${warnings.targetPaths}) AS tp WHERE starts_with(s.unit_path, tp))
        OR (${warnings.targetSubscribers} AND ${warnings.category} = ANY(s.categories))))`;
  return listed(db, and(inArray(warnings.stationId, stations), current(now), reach) as SQL);
}

/** One notice as residents may read it (sent or withdrawn, of any station: notices are public), or none. */
export async function publicNotice(db: Queryable, id: string): Promise<NoticeRow | undefined> {
  const [row] = await db
    .select(noticeColumns)
    .from(warnings)
    .innerJoin(units, eq(units.id, warnings.stationId))
    .where(and(eq(warnings.id, id), inArray(warnings.status, ['sent', 'withdrawn'])));
  return row;
}

/** Whether residents may still act on a notice (reply, read its photos): sent and not expired. */
export const isCurrent = (n: Pick<NoticeRow, 'status' | 'expiresAt'>, now: Date) =>
  n.status === 'sent' && (n.expiresAt === null || n.expiresAt > now);
