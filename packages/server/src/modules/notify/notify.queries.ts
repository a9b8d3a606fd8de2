/** Reads for notifications: who holds a matter, and what each member chose and can be reached by. */
import type { NotifyChannel, QuietHours } from '@jingmin/shared';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { notifyPreferences, staff, units } from '../../db/schema/index.js';

/** Who holds a matter: a named member, else a team, else a partner department. */
export interface Holder {
  assigneeStaffId?: string | null;
  assigneeTeamId?: string | null;
  assigneeDepartmentId?: string | null;
}

/** The active accounts a holder stands for: the member; a team's members; a department's liaison accounts. */
export async function holderStaffIds(db: Queryable, h: Holder): Promise<string[]> {
  const active = eq(staff.status, 'active');
  let where = null;
  if (h.assigneeStaffId) where = and(active, eq(staff.id, h.assigneeStaffId));
  else if (h.assigneeTeamId) where = and(active, eq(staff.teamId, h.assigneeTeamId));
  else if (h.assigneeDepartmentId)
    where = and(
      active,
      eq(staff.departmentId, h.assigneeDepartmentId),
      sql`'department_liaison' = ANY(${staff.roles})`,
    );
  if (!where) return [];
  const rows = await db.select({ id: staff.id }).from(staff).where(where);
  return rows.map((r) => r.id);
}

/** A member as the delivery job needs them: choices, quiet hours and the ways to reach them. */
export interface Recipient {
  staffId: string;
  channels: NotifyChannel[];
  quiet: QuietHours | null;
  wecomUserId: string | null;
  /** Sealed phone (SM4); opened only by the SMS channel, at sending. */
  phoneEnc: string | null;
}

const recipientColumns = {
  staffId: staff.id,
  phoneEnc: staff.phoneEnc,
  channels: notifyPreferences.channels,
  quietStartMinute: notifyPreferences.quietStartMinute,
  quietEndMinute: notifyPreferences.quietEndMinute,
  wecomUserId: notifyPreferences.wecomUserId,
};

type RecipientRow = {
  staffId: string;
  phoneEnc: string | null;
  channels: string[] | null;
  quietStartMinute: number | null;
  quietEndMinute: number | null;
  wecomUserId: string | null;
};

function toRecipient(r: RecipientRow): Recipient {
  return {
    staffId: r.staffId,
    channels: (r.channels ?? []) as NotifyChannel[],
    quiet:
      r.quietStartMinute === null || r.quietEndMinute === null
        ? null
        : { startMinute: r.quietStartMinute, endMinute: r.quietEndMinute },
    wecomUserId: r.wecomUserId,
    phoneEnc: r.phoneEnc,
  };
}

export async function recipientsByIds(db: Queryable, ids: string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(recipientColumns)
    .from(staff)
    .leftJoin(notifyPreferences, eq(notifyPreferences.staffId, staff.id))
    .where(inArray(staff.id, ids));
  return rows.map(toRecipient);
}

/** The active chiefs of a station: whom a station's escalations reach (治安调解 deadlines, overdue follow-ups). */
export async function stationChiefs(db: Queryable, stationId: string): Promise<Recipient[]> {
  const rows = await db
    .select(recipientColumns)
    .from(staff)
    .leftJoin(notifyPreferences, eq(notifyPreferences.staffId, staff.id))
    .where(
      and(eq(staff.scopeUnitId, stationId), eq(staff.status, 'active'), sql`'station_chief' = ANY(${staff.roles})`),
    );
  return rows.map(toRecipient);
}

export async function recipientById(db: Queryable, id: string): Promise<Recipient | undefined> {
  const [r] = await recipientsByIds(db, [id]);
  return r;
}

/** The active duty officers of a station (值班台): whom an "@" in a room reaches when nobody answered in time. */
export async function stationDesk(db: Queryable, stationId: string): Promise<Recipient[]> {
  const rows = await db
    .select(recipientColumns)
    .from(staff)
    .leftJoin(notifyPreferences, eq(notifyPreferences.staffId, staff.id))
    .where(
      and(eq(staff.scopeUnitId, stationId), eq(staff.status, 'active'), sql`'duty_officer' = ANY(${staff.roles})`),
    );
  return rows.map(toRecipient);
}

/**
 * The active bureau supervisors (县局督导) above a station: accounts with that role whose unit's path the station's
 * path lies under, the station itself excluded. Whom a matter escalated to the bureau (提级督办) reaches.
 */
export async function bureauSupervisors(db: Queryable, stationId: string): Promise<Recipient[]> {
  const rows = await db
    .select(recipientColumns)
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .leftJoin(notifyPreferences, eq(notifyPreferences.staffId, staff.id))
    .where(
      and(
        eq(staff.status, 'active'),
        sql`'bureau_supervisor' = ANY(${staff.roles})`,
        ne(units.id, stationId),
        sql`starts_with((SELECT s.path FROM units s WHERE s.id = ${stationId}), ${units.path})`,
      ),
    );
  return rows.map(toRecipient);
}
