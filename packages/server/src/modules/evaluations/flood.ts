/**
 * 防刷: nobody games the figures. Each answer remembers, keyed so a dump reveals
 * nothing, the device it came from — the browser's own random key and the
 * address together with the browser — and an answer that follows too many
 * from the same device in a short time is flagged for the chief.
 */
import type { MatterSettings } from '@jingmin/shared';
import { and, count, eq, gt, lte, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { evaluationAnswers, evaluationRequests } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { hmacSm3 } from '../../platform/crypto.js';

/** The header the resident's pages send: the browser's own random id, kept in its storage. */
export const DEVICE_KEY_HEADER = 'x-device-key';

/** A browser key: 16–64 of A–Z a–z 0–9 _ - (base64url); anything else is ignored, never refused. */
const DEVICE_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** Where an answer came from, as stored: neither hash reveals the address, the browser or the key. */
export interface AnsweringDevice {
  /** HMAC-SM3 of the address and the browser (user agent). */
  deviceHash: string | null;
  /** HMAC-SM3 of the browser's own key; null when none (or a malformed one) was sent. */
  deviceKeyHash: string | null;
}

/** Where the answer came from, keyed so a dump reveals neither address nor browser. */
export const deviceHashOf = (ctx: Ctx, userAgent: string | undefined) =>
  hmacSm3(ctx.deps.keys.data, `device:${ctx.ip}|${userAgent ?? ''}`).toString('hex');

/** The browser's own key, keyed the same way under its own prefix. */
export const deviceKeyHashOf = (ctx: Ctx, key: string) =>
  hmacSm3(ctx.deps.keys.data, `device-key:${key}`).toString('hex');

/** The answering device of a public request, from its headers. */
export function answeringDevice(
  ctx: Ctx,
  headers: { 'user-agent'?: string; [DEVICE_KEY_HEADER]?: string | string[] },
): AnsweringDevice {
  const key = headers[DEVICE_KEY_HEADER];
  return {
    deviceHash: deviceHashOf(ctx, headers['user-agent']),
    deviceKeyHash: typeof key === 'string' && DEVICE_KEY.test(key) ? deviceKeyHashOf(ctx, key) : null,
  };
}

type FloodRule = Pick<MatterSettings['evaluation'], 'floodWindowMinutes' | 'floodMaxAnswers'>;

/** Answers that came from the same device: the same browser key, or the same address with the same browser. */
function sameDevice(device: AnsweringDevice): SQL | undefined {
  return or(
    device.deviceKeyHash ? eq(evaluationAnswers.deviceKeyHash, device.deviceKeyHash) : undefined,
    device.deviceHash ? eq(evaluationAnswers.deviceHash, device.deviceHash) : undefined,
  );
}

/**
 * The flood rule. An answer given at `at` is flagged when the station already
 * holds `floodMaxAnswers` or more answers from the same device within the last
 * `floodWindowMinutes` (the station's 评价设置). The same device means the same
 * browser key (one phone, however its address changes) or the same address
 * together with the same browser. An address alone never flags: a carrier's NAT
 * puts a whole village behind one address. A flagged answer is still stored,
 * still answers its request once, still opens a review when unsatisfied; it is
 * only held out of the figures until the chief accepts it.
 */
export async function isFlood(
  db: Queryable,
  stationId: string,
  device: AnsweringDevice,
  at: Date,
  rule: FloodRule,
): Promise<boolean> {
  const match = sameDevice(device);
  if (!match) return false;
  const since = new Date(at.getTime() - rule.floodWindowMinutes * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(evaluationAnswers)
    .innerJoin(evaluationRequests, eq(evaluationRequests.id, evaluationAnswers.requestId))
    .where(
      and(
        eq(evaluationRequests.stationId, stationId),
        gt(evaluationAnswers.createdAt, since),
        lte(evaluationAnswers.createdAt, at),
        match,
      ),
    );
  return Number(row?.n ?? 0) >= rule.floodMaxAnswers;
}
