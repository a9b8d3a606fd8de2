/**
 * After the password (login.service.ts): TOTP second factor (enrolment and
 * challenge, replay refused), forced and periodic password change, sign-out.
 * Every attempt is audited, successful or not.
 */
import {
  type ChangePasswordInput,
  describePasswordProblems,
  type Role,
  requiresPasswordRotation,
  requiresTotp,
  type SessionStage,
  type SessionView,
} from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { sessions, staff, units } from '../../db/schema/index.js';
import { actorOf, audit, auditAlone, type Ctx } from '../../platform/context.js';
import { openField, sealField } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword, passwordProblems, verifyPassword } from '../../platform/passwords.js';
import { csrfTokenOf, deleteSession, deleteSessionsOf } from '../../platform/session.js';
import { capabilitiesFor } from '../settings/capabilities.js';

type StaffRow = typeof staff.$inferSelect;

/** Where an account stands after the steps done so far in this session. */
export async function stageFor(ctx: Ctx, account: StaffRow, totpDone: boolean): Promise<SessionStage> {
  const roles = account.roles as Role[];
  if (account.totpEnabled && !totpDone) return 'totp';
  if (!account.totpEnabled && requiresTotp(roles)) return 'totp_enrol';
  const { maxAgeDays } = (await ctx.deps.policies.get()).password;
  const age = ctx.now().getTime() - account.passwordChangedAt.getTime();
  const expired = requiresPasswordRotation(roles) && maxAgeDays > 0 && age > maxAgeDays * 86_400_000;
  if (account.mustChangePassword || expired) return 'password_change';
  return 'full';
}

async function currentAccount(ctx: Ctx): Promise<StaffRow> {
  const { id } = actorOf(ctx);
  const [account] = await ctx.db.select().from(staff).where(eq(staff.id, id));
  if (!account) throw new AppError('UNAUTHENTICATED');
  return account;
}

/** Checks a TOTP code and moves its time step forward, so the same code never works twice. */
async function acceptTotp(ctx: Ctx, account: StaffRow, code: string, action: string): Promise<StaffRow> {
  const secret = openField(ctx.deps.keys.data, account.totpSecretEnc ?? '');
  const epoch = Math.floor(ctx.now().getTime() / 1000);
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: 30,
    ...(account.totpLastStep ? { afterTimeStep: account.totpLastStep } : {}),
  });
  if (!result.valid) {
    await auditAlone(ctx, { action, result: 'failed', targetType: 'staff', targetId: account.id });
    throw new AppError('TOTP_INVALID');
  }
  const step =
    'timeStep' in result && typeof result.timeStep === 'number'
      ? result.timeStep
      : Math.floor(epoch / 30) + (result.delta ?? 0);
  return { ...account, totpLastStep: step };
}

export async function verifyTotp(ctx: Ctx, code: string) {
  const account = await acceptTotp(ctx, await currentAccount(ctx), code, 'auth.totp');
  const stage = await stageFor(ctx, account, true);
  const { sessionId } = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.update(staff).set({ totpLastStep: account.totpLastStep }).where(eq(staff.id, account.id));
    await tx.update(sessions).set({ stage }).where(eq(sessions.id, sessionId));
    await audit(ctx, tx, { action: 'auth.totp', result: 'ok', targetType: 'staff', targetId: account.id });
  });
}

export async function startEnrolment(ctx: Ctx) {
  const account = await currentAccount(ctx);
  const secret = generateSecret();
  const uri = generateURI({ issuer: '警民 Jingmin', label: account.username, secret });
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(staff)
      .set({ totpSecretEnc: sealField(ctx.deps.keys.data, secret), totpEnabled: false, totpLastStep: null })
      .where(eq(staff.id, account.id));
    await audit(ctx, tx, { action: 'auth.totp_enrol_start', result: 'ok', targetType: 'staff', targetId: account.id });
  });
  return { uri, secret, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
}

export async function confirmEnrolment(ctx: Ctx, code: string) {
  const before = await currentAccount(ctx);
  if (!before.totpSecretEnc) throw new AppError('STAGE_REQUIRED', { stage: 'totp_enrol' });
  const account = { ...(await acceptTotp(ctx, before, code, 'auth.totp_enrol')), totpEnabled: true };
  const stage = await stageFor(ctx, account, true);
  const { sessionId } = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(staff)
      .set({ totpEnabled: true, totpLastStep: account.totpLastStep })
      .where(eq(staff.id, account.id));
    await tx.update(sessions).set({ stage }).where(eq(sessions.id, sessionId));
    await audit(ctx, tx, { action: 'auth.totp_enrol', result: 'ok', targetType: 'staff', targetId: account.id });
  });
}

export async function changePassword(ctx: Ctx, input: ChangePasswordInput) {
  const account = await currentAccount(ctx);
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await auditAlone(ctx, {
      action: 'auth.password_change',
      result: 'failed',
      targetType: 'staff',
      targetId: account.id,
      details: { reason: 'wrong_current' },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const policy = (await ctx.deps.policies.get()).password;
  const problems = passwordProblems(input.newPassword, account.username, policy);
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', { detail: describePasswordProblems(problems, policy, ctx.locale) });
  }
  const previous = [account.passwordHash, ...account.passwordHistory].slice(0, Math.max(1, policy.historySize));
  for (const old of previous) {
    if (await verifyPassword(old, input.newPassword)) {
      throw new AppError('PASSWORD_POLICY', {
        detail: ctx.locale === 'en' ? 'it was used recently' : '不能与最近使用过的密码相同',
      });
    }
  }
  const hash = await hashPassword(input.newPassword, ctx.deps.config.security.argon2MemoryKib);
  const updated = { ...account, mustChangePassword: false, passwordChangedAt: ctx.now() };
  const stage = await stageFor(ctx, updated, true);
  const { sessionId } = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(staff)
      .set({
        passwordHash: hash,
        passwordHistory: previous.slice(0, policy.historySize),
        mustChangePassword: false,
        passwordChangedAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .where(eq(staff.id, account.id));
    // A changed password ends every other session of the account.
    await deleteSessionsOf(tx, account.id, sessionId);
    await tx.update(sessions).set({ stage }).where(eq(sessions.id, sessionId));
    await audit(ctx, tx, { action: 'auth.password_change', result: 'ok', targetType: 'staff', targetId: account.id });
  });
}

export async function logout(ctx: Ctx, everywhere: boolean) {
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    if (everywhere) await deleteSessionsOf(tx, actor.id);
    else await deleteSession(tx, actor.id, actor.sessionId);
    await audit(ctx, tx, {
      action: everywhere ? 'auth.logout_all' : 'auth.logout',
      result: 'ok',
      targetType: 'staff',
      targetId: actor.id,
    });
  });
}

/** The session as the console sees it. */
export async function sessionView(ctx: Ctx, sessionId: string): Promise<SessionView> {
  const [row] = await ctx.db
    .select({ session: sessions, staff, unitName: units.name, unitPath: units.path })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(eq(sessions.id, sessionId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  const roles = row.staff.roles as Role[];
  const policy = (await ctx.deps.policies.get()).session;
  return {
    stage: row.session.stage,
    csrfToken: (await csrfTokenOf(ctx.deps, sessionId)) ?? '',
    user: {
      id: row.staff.id,
      username: row.staff.username,
      displayName: row.staff.displayName,
      roles,
      scopeUnitId: row.staff.scopeUnitId,
      scopeUnitName: row.unitName,
      totpEnabled: row.staff.totpEnabled,
    },
    capabilities: row.session.stage === 'full' ? await capabilitiesFor(ctx.db, roles, row.unitPath) : [],
    idleTimeoutSeconds: policy.idleMinutes * 60,
    expiresAt: row.session.expiresAt.toISOString(),
  };
}
