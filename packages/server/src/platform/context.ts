/**
 * What a use case needs, passed as one small object: the database, who acts,
 * the clock, the caller's language and where the request came from.
 */
import type { Capability, Locale, Role, SessionStage } from '@jingmin/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database, Db, Tx } from '../db/client.js';
import { type AuditInput, auditRow, recordAudit } from './audit.js';
import { AppError } from './errors.js';
import type { PolicyStore } from './policies.js';
import type { Keys } from './secrets.js';
import type { SmsSender } from './sms/sms.js';

export interface Clock {
  now(): Date;
}

/** Long-lived dependencies of the app, built once at boot (or per test). */
export interface AppDeps {
  config: Config;
  database: Database;
  keys: Keys;
  clock: Clock;
  policies: PolicyStore;
  /** Sends one-time codes to residents' phones. */
  sms: SmsSender;
}

/** A scope grant in force: `capability` (a read) on the subtree at `unitPath`. */
export interface ActiveGrant {
  id: string;
  unitId: string;
  unitPath: string;
  capability: Capability;
  expiresAt: Date;
  /** Only these households of the subtree (a 双率 sample), not the subtree's lists; absent: the whole subtree. */
  householdIds?: readonly string[] | null;
}

/** A signed-in staff member. `scopePath` bounds every read and write to a subtree. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  capabilities: Capability[];
  scopeUnitId: string;
  scopePath: string;
  /** Partner department of a liaison account. */
  departmentId: string | null;
  /** 临时授权 in force when this request began: reads outside the subtree (see platform/scope.ts). */
  grants: readonly ActiveGrant[];
  sessionId: string;
  stage: SessionStage;
}

export interface Ctx {
  deps: AppDeps;
  db: Db;
  actor: Actor | null;
  locale: Locale;
  ip: string;
  requestId: string;
  log: FastifyBaseLogger;
  now(): Date;
}

/**
 * The signed-in staff member of this request. The session guard has already refused anyone else on every
 * non-public route, so a missing actor here is a bug, answered as UNAUTHENTICATED rather than a crash.
 */
export function actorOf(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

type RequestAudit = Omit<AuditInput, 'actor' | 'ip' | 'requestId' | 'at'> & { actor?: AuditInput['actor'] };

/** This request's audit entry, as written (its own MAC computed). */
export function auditEntry(ctx: Ctx, entry: RequestAudit) {
  return auditRow(ctx.deps.keys.audit, {
    actor: ctx.actor,
    ip: ctx.ip,
    requestId: ctx.requestId,
    at: ctx.now(),
    ...entry,
  });
}

/** Appends an audit entry for this request inside `tx`. */
export function audit(ctx: Ctx, tx: Tx, entry: RequestAudit) {
  return recordAudit(tx, ctx.deps.keys.audit, {
    actor: ctx.actor,
    ip: ctx.ip,
    requestId: ctx.requestId,
    at: ctx.now(),
    ...entry,
  });
}

/** An audit entry in a transaction of its own: sign-in attempts, denials, reads. */
export function auditAlone(ctx: Ctx, entry: Parameters<typeof audit>[2]) {
  return ctx.db.transaction((tx) => audit(ctx, tx, entry));
}

/** A context for work no request started: the deadline sweep, jobs. Audited with no actor. */
export function systemCtx(deps: AppDeps, log: FastifyBaseLogger): Ctx {
  return {
    deps,
    db: deps.database.db,
    actor: null,
    locale: 'zh-CN',
    ip: '127.0.0.1',
    requestId: 'system',
    log,
    now: () => deps.clock.now(),
  };
}
