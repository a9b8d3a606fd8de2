/**
 * The anti-fraud centre's own sign-in: `Authorization: Bearer jmk_<prefix>_<secret>`. The prefix finds the upstream
 * by index; the SM3 of the whole key is compared in constant time; the request's address must be in its allow-list.
 * Keys are made here and shown once; only the prefix and the hash are stored.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { fraudUpstreams } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';

export type Upstream = typeof fraudUpstreams.$inferSelect;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const KEY_SHAPE = /^jmk_([a-z0-9]{8})_([a-z0-9]{32})$/;

function randomChars(n: number): string {
  const bytes = randomBytes(n * 2);
  let out = '';
  // 36 does not divide 256: values past 252 are dropped so every character is equally likely.
  for (const b of bytes) {
    if (out.length === n) break;
    if (b < 252) out += ALPHABET[b % 36];
  }
  return out.length === n ? out : out + randomChars(n - out.length);
}

/** A new key, the prefix it is found by and the hash that is kept. */
export function newApiKey() {
  const prefix = `jmk_${randomChars(8)}`;
  const key = `${prefix}_${randomChars(32)}`;
  return { key, prefix, hash: sm3(key) };
}

/** The webhook's signing secret, 256 bits. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** Whether `ip` is one of `allowed` (addresses or CIDR blocks, IPv4 or IPv6; an IPv4-mapped IPv6 counts as IPv4). */
export function ipAllowed(ip: string, allowed: readonly string[]): boolean {
  const plain = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const family = isIP(plain) === 6 ? 'ipv6' : isIP(plain) === 4 ? 'ipv4' : null;
  if (!family) return false;
  const list = new BlockList();
  for (const entry of allowed) {
    const [base = '', bits] = entry.split('/');
    const kind = isIP(base) === 6 ? 'ipv6' : isIP(base) === 4 ? 'ipv4' : null;
    if (!kind) continue;
    if (bits === undefined) list.addAddress(base, kind);
    else list.addSubnet(base, Number(bits), kind);
  }
  return list.check(plain, family);
}

function bearerOf(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/** Whether a list of addresses is well formed (the schema checks the characters; this checks the meaning). */
export function badAddress(allowed: readonly string[]): string | undefined {
  return allowed.find((entry) => {
    const [base = '', bits] = entry.split('/');
    const v = isIP(base);
    if (v === 0) return true;
    if (bits === undefined) return false;
    const n = Number(bits);
    return !Number.isInteger(n) || n < 0 || n > (v === 4 ? 32 : 128);
  });
}

/**
 * The active upstream the request's key belongs to, from an allowed address; 401 UPSTREAM_KEY_INVALID or
 * 403 UPSTREAM_ADDRESS_NOT_ALLOWED otherwise. Marks it used (at most once a minute, so a busy upstream writes little).
 */
export async function authenticateUpstream(ctx: Ctx, authorization: string | undefined): Promise<Upstream> {
  const key = bearerOf(authorization);
  const shape = key ? KEY_SHAPE.exec(key) : null;
  const [row] = shape
    ? await ctx.db
        .select()
        .from(fraudUpstreams)
        .where(eq(fraudUpstreams.keyPrefix, `jmk_${shape[1]}`))
    : [];
  const given = Buffer.from(sm3(key ?? ''), 'hex');
  const kept = Buffer.from(row?.keyHash ?? sm3('no such key'), 'hex');
  const matches = timingSafeEqual(given, kept) && Boolean(row);
  if (!row || !matches || !row.active) throw new AppError('UPSTREAM_KEY_INVALID');
  if (!ipAllowed(ctx.ip, row.allowedIps)) throw new AppError('UPSTREAM_ADDRESS_NOT_ALLOWED');
  const now = ctx.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await ctx.db
      .update(fraudUpstreams)
      .set({ lastUsedAt: now })
      .where(
        sql`${fraudUpstreams.id} = ${row.id} AND (${fraudUpstreams.lastUsedAt} IS NULL OR ${fraudUpstreams.lastUsedAt} < ${new Date(now.getTime() - 60_000).toISOString()}::timestamptz)`,
      );
  }
  return row;
}
