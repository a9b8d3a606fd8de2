/**
 * Staff sessions: an opaque token in an httpOnly SameSite cookie, stored only
 * as its SM3 hash; idle and absolute timeouts from the policy; a per-session
 * CSRF token required on every state-changing request; and the route guard
 * that reads each route's declared stage and capability.
 */
import {
  type Capability,
  localeFromHeader,
  type Role,
  type SecurityPolicies,
  type SessionStage,
} from '@jingmin/shared';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../db/client.js';
import { scopeGrantHouseholds, scopeGrants, sessions, staff, units } from '../db/schema/index.js';
import { capabilitiesFor } from '../modules/settings/capabilities.js';
import type { ActiveGrant, Actor, AppDeps, Ctx } from './context.js';
import { randomToken, sm3 } from './crypto.js';
import { AppError } from './errors.js';
import { publish } from './outbox.js';
import { staffTopic } from './topics.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** Open without a session (sign-in, resident pages, health). */
    public?: boolean;
    /** Session stages allowed besides `full`-only default. */
    stages?: readonly SessionStage[];
    /** Capability the actor must hold. */
    capability?: Capability;
    /** Name under which denials of this route are audited. */
    auditAction?: string;
    /** A live stream (SSE): a GET that another site's page must not open with our cookie. */
    stream?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOUCH_EVERY_MS = 60_000;

export function cookieName(deps: AppDeps) {
  return deps.config.security.cookieSecure ? '__Host-jm_sid' : 'jm_sid';
}

export function setSessionCookie(deps: AppDeps, reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(cookieName(deps), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.security.cookieSecure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(deps: AppDeps, reply: FastifyReply) {
  reply.clearCookie(cookieName(deps), { path: '/', secure: deps.config.security.cookieSecure, sameSite: 'strict' });
}

/**
 * Creates a session for `staffId` in `tx`; returns the cookie token (never stored).
 * Takes the policy from the caller: inside a transaction nothing may query outside
 * it, since embedded PGlite has one connection and would wait on itself forever.
 */
export async function createSession(
  ctx: Ctx,
  tx: Tx,
  staffId: string,
  stage: SessionStage,
  policy: SecurityPolicies['session'],
) {
  const token = randomToken(32);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  await tx.insert(sessions).values({
    id: sm3(token),
    staffId,
    stage,
    csrfToken: randomToken(24),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: ctx.ip,
    userAgent: null,
  });
  return { token, expiresAt };
}

async function loadActor(req: FastifyRequest, deps: AppDeps): Promise<Actor | 'expired' | null> {
  const token = req.cookies[cookieName(deps)];
  if (!token || token.length > 100) return null;
  const id = sm3(token);
  const db = deps.database.db;
  const [row] = await db
    .select({ session: sessions, staff, scopePath: units.path })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(eq(sessions.id, id));
  if (!row) return 'expired';
  const now = deps.clock.now();
  const policy = (await deps.policies.get()).session;
  if (now.getTime() >= sessionEndsAt(row.session, policy) || row.staff.status !== 'active') {
    await db.delete(sessions).where(eq(sessions.id, id));
    return 'expired';
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const roles = row.staff.roles as Role[];
  const grants = row.session.stage === 'full' ? await activeGrants(deps, row.staff.id, now) : [];
  return {
    id: row.staff.id,
    username: row.staff.username,
    displayName: row.staff.displayName,
    roles,
    capabilities: row.session.stage === 'full' ? await capabilitiesFor(db, roles, row.scopePath) : [],
    scopeUnitId: row.staff.scopeUnitId,
    scopePath: row.scopePath,
    departmentId: row.staff.departmentId,
    grants,
    sessionId: id,
    stage: row.session.stage,
  };
}

/** The account's scope grants in force at `now`: not revoked, not yet expired. */
async function activeGrants(deps: AppDeps, staffId: string, now: Date): Promise<ActiveGrant[]> {
  const grants = await deps.database.db
    .select({
      id: scopeGrants.id,
      unitId: scopeGrants.unitId,
      unitPath: units.path,
      capability: scopeGrants.capability,
      expiresAt: scopeGrants.expiresAt,
    })
    .from(scopeGrants)
    .innerJoin(units, eq(units.id, scopeGrants.unitId))
    .where(and(eq(scopeGrants.staffId, staffId), isNull(scopeGrants.revokedAt), gt(scopeGrants.expiresAt, now)));
  if (grants.length === 0) return [];
  // A grant narrowed to households (a 双率 sample) opens those households only.
  const narrowed = await deps.database.db
    .select({ grantId: scopeGrantHouseholds.grantId, householdId: scopeGrantHouseholds.householdId })
    .from(scopeGrantHouseholds)
    .where(
      inArray(
        scopeGrantHouseholds.grantId,
        grants.map((g) => g.id),
      ),
    );
  const lists = new Map<string, string[]>();
  for (const n of narrowed) lists.set(n.grantId, [...(lists.get(n.grantId) ?? []), n.householdId]);
  return grants.map((g) => ({ ...g, householdIds: lists.get(g.id) ?? null }));
}

export async function csrfTokenOf(deps: AppDeps, sessionId: string) {
  const [row] = await deps.database.db
    .select({ csrf: sessions.csrfToken })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return row?.csrf;
}

/** When a session ends unless used again: its idle deadline or its absolute expiry, whichever comes first. */
export function sessionEndsAt(s: { lastSeenAt: Date; expiresAt: Date }, policy: SecurityPolicies['session']): number {
  return Math.min(s.lastSeenAt.getTime() + policy.idleMinutes * 60_000, s.expiresAt.getTime());
}

/** Same-origin check for unsafe requests: a browser always sends Origin on cross-site POSTs. */
function originAllowed(req: FastifyRequest, deps: AppDeps): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const own = `${req.protocol}://${req.headers.host ?? ''}`;
  return origin === own || origin === new URL(deps.config.http.publicUrl).origin;
}

export function installSessions(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.addHook('onRequest', async (req, reply) => {
    req.ctx = {
      deps,
      db: deps.database.db,
      actor: null,
      locale: localeFromHeader(req.headers['accept-language']),
      ip: req.ip,
      requestId: req.id,
      log: req.log,
      now: () => deps.clock.now(),
    };
    if (!req.url.startsWith('/api/')) return;
    reply.header('cache-control', 'no-store');
    const config = req.routeOptions.config;
    if (!req.routeOptions.url) return; // unknown route: the not-found handler answers
    // The web app's catch-all (`/*`) also matches GETs under /api/: an unknown API path is a 404, never a sign-in demand.
    if (!req.routeOptions.url.startsWith('/api/')) throw new AppError('NOT_FOUND', { what: 'api' });
    if (UNSAFE.has(req.method) && !originAllowed(req, deps)) throw new AppError('CSRF');
    const loaded = await loadActor(req, deps);
    if (loaded === 'expired') clearSessionCookie(deps, reply);
    const actor = loaded === 'expired' ? null : loaded;
    req.ctx.actor = actor;
    if (actor && UNSAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      const expected = await csrfTokenOf(deps, actor.sessionId);
      if (typeof sent !== 'string' || sent !== expected) throw new AppError('CSRF');
    }
    // A stream answers with our data to whoever opens it: another site's page may not (checked after the
    // actor is known, so the refusal is audited).
    if (config.stream && req.method === 'GET' && !originAllowed(req, deps)) throw new AppError('CSRF');
    if (config.public) return;
    if (!actor) throw new AppError(loaded === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    const stages = config.stages ?? ['full'];
    if (!stages.includes(actor.stage)) throw new AppError('STAGE_REQUIRED', { stage: actor.stage });
    if (config.capability && !actor.capabilities.includes(config.capability)) throw new AppError('FORBIDDEN');
  });
}

/** Outbox type that tells a staff member's open live streams their session ended. */
export const SESSION_ENDED = 'session.ended';

/** Ends sessions of `staffId` (all, or all but `except`) and closes their live streams on every process. */
export async function deleteSessionsOf(tx: Tx, staffId: string, except?: string) {
  await tx
    .delete(sessions)
    .where(
      except ? and(eq(sessions.staffId, staffId), sql`${sessions.id} <> ${except}`) : eq(sessions.staffId, staffId),
    );
  await publish(tx, new Date(), [staffTopic(staffId)], SESSION_ENDED, { staffId });
}

/** Ends one session (sign-out) and closes its live streams. */
export async function deleteSession(tx: Tx, staffId: string, sessionId: string) {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
  await publish(tx, new Date(), [staffTopic(staffId)], SESSION_ENDED, { staffId });
}
