/**
 * A resident's phone, verified by one-time code. Optional everywhere: it lets
 * the station call back and lists every matter submitted with the number on
 * any device ("my matters"). Codes are keyed hashes with few attempts and a
 * short life; the number is sealed with SM4 and found by its HMAC.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { EvaluationLink, PhoneCodeSent, PhoneMatters, PhoneSession, WaitingEvaluations } from '@jingmin/shared';
import { and, desc, eq, gt, isNull, lt, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { households, matters, phoneCodes, phoneSessions } from '../../db/schema/index.js';
import { audit, auditAlone, type Ctx } from '../../platform/context.js';
import { hmacSm3, maskPhone, randomToken, sealField, sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { consume } from '../../platform/ratelimit.js';
import { SmsError } from '../../platform/sms/sms.js';
import { ofPhone, reissueWaiting, waitingEvaluations } from '../evaluations/waiting.js';
import { householdOfMatter, matterAddress, placeUnitOfMatter, placeUnits } from '../matters/place.js';
import { trackingTokenFor } from './links.js';

export const PHONE_RULES = {
  codeTtlMinutes: 10,
  resendAfterSeconds: 60,
  maxAttempts: 5,
  codesPerPhonePerHour: 5,
  codesPerAddressPerHour: 20,
  sessionDays: 30,
};

/** How the audit trail names a phone: a short prefix of its keyed index, never the number or its mask. */
const phoneRef = (index: string) => index.slice(0, 12);

export function phoneIndex(ctx: Ctx, phone: string) {
  return phoneIndexOf(ctx.deps.keys.data, phone);
}

/** The keyed index a phone is found by (never reversible to the number). */
export const phoneIndexOf = (dataKey: Buffer, phone: string) => hmacSm3(dataKey, `phone:${phone}`).toString('hex');

/**
 * A phone as matters and phone sessions keep it: sealed with SM4, masked for screens, and found by its
 * keyed index ("my matters"). The one way a resident's number is stored, by the resident or by the desk.
 */
export function sealPhone(dataKey: Buffer, phone: string) {
  return {
    phoneEnc: sealField(dataKey, phone),
    phoneMasked: maskPhone(phone),
    phoneIndex: phoneIndexOf(dataKey, phone),
  };
}

const codeHash = (ctx: Ctx, index: string, code: string) => hmacSm3(ctx.deps.keys.data, `otp:${index}:${code}`);

export async function requestPhoneCode(ctx: Ctx, phone: string): Promise<PhoneCodeSent> {
  const index = phoneIndex(ctx, phone);
  const now = ctx.now();
  const [last] = await ctx.db
    .select({ createdAt: phoneCodes.createdAt })
    .from(phoneCodes)
    .where(eq(phoneCodes.phoneIndex, index))
    .orderBy(desc(phoneCodes.createdAt))
    .limit(1);
  const wait = last ? PHONE_RULES.resendAfterSeconds - (now.getTime() - last.createdAt.getTime()) / 1000 : 0;
  if (wait > 0) throw new AppError('RATE_LIMITED', { retryAfter: Math.ceil(wait) });
  await consume(ctx.db, now, [
    { key: `otp:phone:${index}`, max: PHONE_RULES.codesPerPhonePerHour, windowSeconds: 3600 },
    { key: `otp:ip:${ctx.ip}`, max: PHONE_RULES.codesPerAddressPerHour, windowSeconds: 3600 },
  ]);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db.insert(phoneCodes).values({
    phoneIndex: index,
    codeHash: codeHash(ctx, index, code).toString('hex'),
    expiresAt: new Date(now.getTime() + PHONE_RULES.codeTtlMinutes * 60_000),
    createdAt: now,
  });
  const sent = await ctx.deps.sms
    .send({ kind: 'otp', phone, code, ttlMinutes: PHONE_RULES.codeTtlMinutes })
    .then(() => null)
    .catch((err: unknown) => (err instanceof SmsError ? err.code : 'error'));
  await auditAlone(ctx, {
    actor: null,
    action: 'resident.phone_code',
    result: sent ? 'failed' : 'ok',
    details: { phoneRef: phoneRef(index), ...(sent ? { provider: sent } : {}) },
  });
  if (sent) {
    ctx.log.warn({ provider: sent }, 'one-time code not sent');
    throw new AppError('SMS_UNAVAILABLE');
  }
  return {
    phoneMasked: maskPhone(phone),
    ttlMinutes: PHONE_RULES.codeTtlMinutes,
    resendAfterSeconds: PHONE_RULES.resendAfterSeconds,
  };
}

/**
 * Checks the newest live code of `phone`. The attempt is counted before the comparison, atomically, so guesses
 * sent at once cannot share one attempt; a right code is consumed once, and `then` runs in the transaction that
 * consumes it (a resident's phone session, a volunteer's application or sign-in), audited as `action`.
 */
export async function withPhoneCode<T>(
  ctx: Ctx,
  phone: string,
  code: string,
  action: string,
  then: (tx: Tx) => Promise<T>,
): Promise<T> {
  const index = phoneIndex(ctx, phone);
  const now = ctx.now();
  await consume(ctx.db, now, [
    { key: `otp-verify:ip:${ctx.ip}`, max: 30, windowSeconds: 3600 },
    {
      key: `otp-verify:phone:${index}`,
      max: PHONE_RULES.maxAttempts * PHONE_RULES.codesPerPhonePerHour,
      windowSeconds: 3600,
    },
  ]);
  const [live] = await ctx.db
    .update(phoneCodes)
    .set({ attempts: sql`${phoneCodes.attempts} + 1` })
    .where(
      and(
        eq(
          phoneCodes.id,
          sql`(SELECT id FROM phone_codes WHERE phone_index = ${index} AND consumed_at IS NULL AND expires_at > ${now}
               ORDER BY created_at DESC LIMIT 1)`,
        ),
        lt(phoneCodes.attempts, PHONE_RULES.maxAttempts),
      ),
    )
    .returning();
  const right = live ? timingSafeEqual(Buffer.from(live.codeHash, 'hex'), codeHash(ctx, index, code)) : false;
  if (!live || !right) {
    await auditAlone(ctx, { actor: null, action, result: 'failed', details: { phoneRef: phoneRef(index) } });
    throw new AppError('PHONE_CODE_INVALID');
  }
  const done = await ctx.db.transaction(async (tx) => {
    const [used] = await tx
      .update(phoneCodes)
      .set({ consumedAt: now })
      .where(and(eq(phoneCodes.id, live.id), isNull(phoneCodes.consumedAt)))
      .returning({ id: phoneCodes.id });
    if (!used) return { used: false as const };
    const value = await then(tx);
    await audit(ctx, tx, { actor: null, action, result: 'ok', details: { phoneRef: phoneRef(index) } });
    return { used: true as const, value };
  });
  if (!done.used) throw new AppError('PHONE_CODE_INVALID');
  return done.value;
}

export async function verifyPhone(ctx: Ctx, phone: string, code: string): Promise<PhoneSession> {
  const token = randomToken(24);
  const expiresAt = new Date(ctx.now().getTime() + PHONE_RULES.sessionDays * 86_400_000);
  await withPhoneCode(ctx, phone, code, 'resident.phone_verify', (tx) =>
    tx.insert(phoneSessions).values({
      tokenHash: sm3(token),
      ...sealPhone(ctx.deps.keys.data, phone),
      expiresAt,
      createdAt: ctx.now(),
    }),
  );
  return { phoneToken: token, phoneMasked: maskPhone(phone), expiresAt: expiresAt.toISOString() };
}

/** The verified phone behind a token, or 401. */
/** A live phone session for a token's hash: the hash matches and it has not expired (also inside a join). */
export const liveSession = (tokenHash: SQL | Placeholder | string, now: SQL | Date) =>
  and(eq(phoneSessions.tokenHash, tokenHash), gt(phoneSessions.expiresAt, now));

export async function phoneSessionOrThrow(ctx: Ctx, token: string | undefined) {
  if (!token || token.length > 100) throw new AppError('PHONE_SESSION_REQUIRED');
  const [row] = await ctx.db
    .select()
    .from(phoneSessions)
    .where(liveSession(sm3(token), ctx.now()));
  if (!row) throw new AppError('PHONE_SESSION_REQUIRED');
  return row;
}

/** Every matter submitted with this verified phone, newest first; each opens by its own tracking link. */
export async function phoneMatters(ctx: Ctx, token: string | undefined): Promise<PhoneMatters> {
  const session = await phoneSessionOrThrow(ctx, token);
  const rows = await ctx.db
    .select({ matter: matters, address: matterAddress })
    .from(matters)
    .leftJoin(households, householdOfMatter)
    .leftJoin(placeUnits, placeUnitOfMatter)
    .where(eq(matters.contactPhoneIndex, session.phoneIndex))
    .orderBy(desc(matters.createdAt))
    .limit(100);
  await auditAlone(ctx, {
    actor: null,
    action: 'resident.phone_matters',
    result: 'ok',
    details: { phoneRef: phoneRef(session.phoneIndex), rows: rows.length },
  });
  return {
    phoneMasked: session.phoneMasked,
    items: rows.flatMap(({ matter: m, address }) => {
      // The tracking link is made from the intake key: a matter without one cannot be opened from here.
      if (!m.intakeKey) return [];
      const excerpt = m.body.length > 60 ? `${m.body.slice(0, 60)}…` : m.body;
      const submittedAt = m.createdAt.toISOString();
      const trackingToken = trackingTokenFor(ctx, m.intakeKey);
      return [{ number: m.number, kind: m.kind, status: m.status, address, excerpt, submittedAt, trackingToken }];
    }),
  };
}

/** The open evaluations of this verified phone's matters (待评价), found through the matters. */
export async function phoneEvaluations(ctx: Ctx, token: string | undefined): Promise<WaitingEvaluations> {
  const session = await phoneSessionOrThrow(ctx, token);
  return { items: await waitingEvaluations(ctx, ofPhone(session.phoneIndex), { withNumbers: true }) };
}

/** A fresh link to one of them; counted per phone like the codes are. */
export async function phoneEvaluationLink(ctx: Ctx, token: string | undefined, id: string): Promise<EvaluationLink> {
  const session = await phoneSessionOrThrow(ctx, token);
  return reissueWaiting(ctx, id, ofPhone(session.phoneIndex), [
    { key: `evaluation-link:phone:${session.phoneIndex}`, max: 20, windowSeconds: 3600 },
  ]);
}

/** Drops spent codes and expired phone sessions. */
export async function sweepPhoneRecords(ctx: Ctx) {
  const now = ctx.now();
  await ctx.db.delete(phoneCodes).where(lt(phoneCodes.expiresAt, new Date(now.getTime() - 86_400_000)));
  await ctx.db.delete(phoneSessions).where(lt(phoneSessions.expiresAt, now));
}
