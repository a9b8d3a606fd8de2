/**
 * Sign-in with a password. Nothing in the answer tells an unknown username,
 * a wrong password and a locked or disabled account apart: the same status,
 * code and body, after the same one argon2 verification (against a dummy hash
 * when the account may not sign in). Failures are counted per account (the
 * lock-out policy) and per source address (fixed windows in PostgreSQL, so the
 * limit holds across processes); the audit trail keeps the real reason.
 */
import type { LoginInput, SecurityPolicies } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { rateLimits, staff } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { consume } from '../../platform/ratelimit.js';
import { createSession } from '../../platform/session.js';
import { assertAdminAddress } from './admin-address.js';
import { stageFor } from './auth.service.js';

type StaffRow = typeof staff.$inferSelect;

/** Failed sign-ins one source address may make per window, whatever usernames it tries. */
export const ADDRESS_FAILURE_LIMIT = { maxFailures: 30, windowSeconds: 15 * 60 } as const;

/** Why a sign-in failed: for the audit trail only, never for the caller. */
type FailureReason = 'unknown_user' | 'demo_account_refused' | 'disabled' | 'locked' | 'wrong_password';

// One hash per process, made with the same argon2 settings as real ones, so verifying against it costs the same.
let dummyHash: Promise<string> | undefined;

const addressKey = (ip: string) => `login:address:${ip}`;
const windowStart = (now: Date) => {
  const ms = ADDRESS_FAILURE_LIMIT.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
};

/** Refuses every attempt from an address that has used up its failures in this window. */
async function assertAddressAllowed(ctx: Ctx, now: Date) {
  const start = windowStart(now);
  const [row] = await ctx.db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, addressKey(ctx.ip)), eq(rateLimits.windowStart, start)));
  if ((row?.count ?? 0) < ADDRESS_FAILURE_LIMIT.maxFailures) return;
  const retryAfter = Math.ceil((start.getTime() + ADDRESS_FAILURE_LIMIT.windowSeconds * 1000 - now.getTime()) / 1000);
  await ctx.db.transaction((tx) =>
    audit(ctx, tx, { action: 'auth.login', result: 'denied', details: { reason: 'address_throttled' } }),
  );
  throw new AppError('SIGN_IN_THROTTLED', { minutes: Math.ceil(retryAfter / 60), retryAfter });
}

/** Counts one failure against the source address; the check before the next attempt enforces the limit. */
function countAddressFailure(db: Queryable, ctx: Ctx, now: Date) {
  return consume(db, now, [
    { key: addressKey(ctx.ip), max: Number.MAX_SAFE_INTEGER, windowSeconds: ADDRESS_FAILURE_LIMIT.windowSeconds },
  ]);
}

/** Why this account may not sign in whatever the password, or null when the password decides. */
function refusalOf(ctx: Ctx, account: StaffRow | undefined, now: Date): FailureReason | null {
  if (!account) return 'unknown_user';
  if (account.isDemo && !ctx.deps.config.demo) return 'demo_account_refused';
  if (account.status !== 'active') return 'disabled';
  if (account.lockedUntil && account.lockedUntil > now) return 'locked';
  return null;
}

/** Records the failure (account counter, lock, address counter, audit) in one transaction, then refuses alike. */
async function fail(
  ctx: Ctx,
  account: StaffRow | undefined,
  reason: FailureReason,
  input: LoginInput,
  lockout: SecurityPolicies['lockout'],
  now: Date,
): Promise<never> {
  const actor = account ? { id: account.id, username: account.username, roles: account.roles } : null;
  const target = account ? { targetType: 'staff', targetId: account.id } : {};
  await ctx.db.transaction(async (tx) => {
    let details: Record<string, unknown> = { username: input.username, reason };
    if (account && reason === 'wrong_password')
      details = { ...details, ...(await countAccountFailure(tx, account, lockout, now)) };
    await audit(ctx, tx, {
      actor,
      action: 'auth.login',
      result: reason === 'locked' ? 'denied' : 'failed',
      ...target,
      details,
    });
    if (details.locked)
      await audit(ctx, tx, {
        actor,
        action: 'auth.lock',
        result: 'ok',
        ...target,
        details: { minutes: lockout.lockMinutes },
      });
    await countAddressFailure(tx, ctx, now);
  });
  throw new AppError('INVALID_CREDENTIALS');
}

/** One more failure on the account; the one that reaches the policy's maximum locks it. */
async function countAccountFailure(tx: Tx, account: StaffRow, lockout: SecurityPolicies['lockout'], now: Date) {
  const failures = account.failedLogins + 1;
  const locked = failures >= lockout.maxFailures;
  await tx
    .update(staff)
    .set(
      locked
        ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + lockout.lockMinutes * 60_000) }
        : { failedLogins: failures },
    )
    .where(eq(staff.id, account.id));
  return { failures, locked };
}

export async function login(ctx: Ctx, input: LoginInput) {
  dummyHash ??= hashPassword('jingmin-timing-equaliser', ctx.deps.config.security.argon2MemoryKib);
  const now = ctx.now();
  await assertAddressAllowed(ctx, now);
  const policies = await ctx.deps.policies.get();
  const [account] = await ctx.db.select().from(staff).where(eq(staff.username, input.username));
  const refusal = refusalOf(ctx, account, now);
  // Exactly one verification on every path, so the time taken tells nothing either.
  const matches = await verifyPassword(refusal || !account ? await dummyHash : account.passwordHash, input.password);
  if (refusal || !account || !matches)
    return fail(ctx, account, refusal ?? 'wrong_password', input, policies.lockout, now);
  assertAdminAddress(ctx, account);
  const stage = await stageFor(ctx, account, false);
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(staff)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(staff.id, account.id));
    const session = await createSession(ctx, tx, account.id, stage, policies.session);
    await audit(ctx, tx, {
      actor: { id: account.id, username: account.username, roles: account.roles },
      action: 'auth.login',
      result: 'ok',
      targetType: 'staff',
      targetId: account.id,
      details: { stage },
    });
    return session;
  });
}
