/**
 * 召开会议必评: the desk or the chief records a meeting; its attendance QR,
 * printed or shown on a phone, counts one attendee per scan (no names) and
 * opens one single-use evaluation per scan. The meeting shows how many came
 * and how many answered.
 */
import type { MeetingInput, MeetingView } from '@jingmin/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import { firstOrThrow } from '../../db/rows.js';
import { evaluationRequests, meetings, staff, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { randomToken } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { consume } from '../../platform/ratelimit.js';
import { canSeePath, isUnder } from '../../platform/scope.js';
import { requestEvaluation } from '../evaluations/evaluations.service.js';
import { stationInScope } from '../settings/settings.service.js';

/** An attendee may answer on the way home or the next days. */
const EVALUATION_DAYS = 3;
/** Scans per address in ten minutes: a hall of villagers on one carrier address still gets through. */
const SCANS_PER_ADDRESS = 60;

const answered = sql<number>`(SELECT count(*)::int FROM ${evaluationRequests}
  WHERE ${evaluationRequests.subjectType} = 'meeting' AND ${evaluationRequests.subjectId} = ${meetings.id}
  AND ${evaluationRequests.answeredAt} IS NOT NULL)`;

const columns = {
  id: meetings.id,
  stationId: meetings.stationId,
  type: meetings.type,
  place: meetings.place,
  heldAt: meetings.heldAt,
  hostStaffId: meetings.hostStaffId,
  hostName: staff.displayName,
  attendance: meetings.attendance,
  answers: answered,
  createdAt: meetings.createdAt,
};

type Row = { heldAt: Date; createdAt: Date } & Omit<MeetingView, 'heldAt' | 'createdAt'>;
const view = (r: Row): MeetingView => ({
  ...r,
  answers: Number(r.answers),
  heldAt: r.heldAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
});

/** The station's meetings, newest first. */
export async function listMeetings(ctx: Ctx, stationId: string) {
  await stationInScope(ctx, stationId);
  const rows = await ctx.db
    .select(columns)
    .from(meetings)
    .innerJoin(staff, eq(staff.id, meetings.hostStaffId))
    .where(eq(meetings.stationId, stationId))
    .orderBy(desc(meetings.heldAt))
    .limit(200);
  return { items: rows.map(view) };
}

async function meetingOf(ctx: Ctx, stationId: string, meetingId: string) {
  await stationInScope(ctx, stationId);
  const [row] = await ctx.db
    .select({ ...columns, qrCode: meetings.qrCode })
    .from(meetings)
    .innerJoin(staff, eq(staff.id, meetings.hostStaffId))
    .where(and(eq(meetings.id, meetingId), eq(meetings.stationId, stationId)));
  if (!row) throw new AppError('NOT_FOUND', { what: 'meeting' });
  return row;
}

export async function readMeeting(ctx: Ctx, stationId: string, meetingId: string) {
  const { qrCode: _, ...row } = await meetingOf(ctx, stationId, meetingId);
  return view(row);
}

/** Recorded by the station's desk or chief; the host is one of the station's active staff. */
export async function createMeeting(ctx: Ctx, stationId: string, input: MeetingInput) {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  const [host] = await ctx.db
    .select({ path: units.path })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(and(eq(staff.id, input.hostStaffId), eq(staff.status, 'active')));
  if (!host || !isUnder(host.path, station.path))
    throw new AppError('VALIDATION', { detail: 'hostStaffId: 主持人须是本所在岗的工作人员' });
  const id = await ctx.db.transaction(async (tx) => {
    const row = firstOrThrow(
      await tx
        .insert(meetings)
        .values({
          stationId,
          unitPath: station.path,
          type: input.type,
          place: input.place,
          heldAt: new Date(input.heldAt),
          hostStaffId: input.hostStaffId,
          qrCode: randomToken(24),
          createdBy: actor.id,
          createdAt: ctx.now(),
        })
        .returning({ id: meetings.id }),
      'meeting',
    );
    await audit(ctx, tx, {
      action: 'meeting.create',
      result: 'ok',
      targetType: 'meeting',
      targetId: row.id,
      details: { type: input.type },
    });
    return row.id;
  });
  return readMeeting(ctx, stationId, id);
}

/** The attendance QR, to print or show on a phone. */
export async function meetingQr(ctx: Ctx, stationId: string, meetingId: string) {
  const { qrCode } = await meetingOf(ctx, stationId, meetingId);
  const url = `${ctx.deps.config.http.publicUrl}/api/v1/public/meetings/${meetingId}/attend?code=${qrCode}`;
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { url, svg };
}

/** A scan: one more attendee and the token of a fresh single-use evaluation; a plain 404 for a wrong code. */
export async function attendMeeting(ctx: Ctx, meetingId: string, code: string) {
  await consume(ctx.db, ctx.now(), [{ key: `scan:meeting:${ctx.ip}`, max: SCANS_PER_ADDRESS, windowSeconds: 600 }]);
  const [meeting] = await ctx.db
    .select({ id: meetings.id, stationId: meetings.stationId, unitPath: meetings.unitPath })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.qrCode, code)));
  if (!meeting) throw new AppError('NOT_FOUND', { what: 'meeting' });
  const { token } = await ctx.db.transaction(async (tx) => {
    await tx
      .update(meetings)
      .set({ attendance: sql`${meetings.attendance} + 1` })
      .where(eq(meetings.id, meeting.id));
    return requestEvaluation(tx, ctx, {
      type: 'meeting',
      subject: { type: 'meeting', id: meeting.id },
      stationId: meeting.stationId,
      unitPath: meeting.unitPath,
      expiresInDays: EVALUATION_DAYS,
    });
  });
  return token;
}
