/**
 * 调解通知: once a session is planned (its transaction committed), each party with a phone is told by SMS when
 * and where it is — one text per phone (a guardian and the child may give one), no link and no other party's
 * name. The phones were given for this mediation; the count sent is kept on the session for the handler to see,
 * and the outcome goes to the audit trail without the numbers. Never throws: the session stands either way.
 */
import { beijingDateTime } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { disputeSessions, units } from '../../db/schema/index.js';
import { auditAlone, type Ctx } from '../../platform/context.js';
import { openField } from '../../platform/crypto.js';
import { withinLimit } from '../../platform/ratelimit.js';
import { SmsError } from '../../platform/sms/sms.js';
import type { DisputeCase } from './disputes.queries.js';
import { partiesOf } from './parties.js';

/** At most this many session notices per phone and day: a mistaken plan re-entered is not a flood. */
export const SESSION_SMS_PER_PHONE_PER_DAY = 3;

export async function noticeSessionParties(ctx: Ctx, c: DisputeCase, sessionId: string) {
  try {
    const [session] = await ctx.db.select().from(disputeSessions).where(eq(disputeSessions.id, sessionId));
    const [station] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, c.stationId));
    if (!session || !station) return;
    const phones = new Map<string, string>();
    for (const p of await partiesOf(ctx.db, c.id))
      if (p.phoneEnc && p.phoneIndex && !phones.has(p.phoneIndex)) phones.set(p.phoneIndex, p.phoneEnc);
    let sent = 0;
    const failures: string[] = [];
    for (const [phoneIndex, phoneEnc] of phones) {
      const limit = {
        key: `mediation-sms:phone:${phoneIndex}`,
        max: SESSION_SMS_PER_PHONE_PER_DAY,
        windowSeconds: 86_400,
      };
      const failure = (await withinLimit(ctx.db, ctx.now(), limit))
        ? await ctx.deps.sms
            .send({
              kind: 'mediation_session',
              phone: openField(ctx.deps.keys.data, phoneEnc),
              stationName: station.name,
              when: beijingDateTime(session.plannedAt),
              place: session.place,
            })
            .then(() => null)
            .catch((err: unknown) => (err instanceof SmsError ? err.code : 'error'))
        : 'DailyLimit';
      if (failure) failures.push(failure);
      else sent++;
    }
    if (phones.size === 0) return;
    await ctx.db.update(disputeSessions).set({ partiesNotified: sent }).where(eq(disputeSessions.id, sessionId));
    if (failures.length) ctx.log.warn({ sessionId, failures }, 'mediation session SMS not all sent');
    await auditAlone(ctx, {
      action: 'dispute.session_sms',
      result: failures.length ? 'failed' : 'ok',
      targetType: 'dispute_session',
      targetId: sessionId,
      details: { caseId: c.id, sent, failed: failures.length, ...(failures.length ? { provider: failures } : {}) },
    });
  } catch (err) {
    ctx.log.error({ err, sessionId }, 'mediation session SMS failed');
  }
}
