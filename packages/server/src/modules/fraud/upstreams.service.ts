/**
 * 接入方: the anti-fraud centre's systems allowed to post instructions for a station or a bureau's stations. A chief
 * manages those of its station, a system administrator any. The API key and the webhook secret are shown once, at
 * creation and rotation; the trail records ids and field names, never a key.
 */
import type { UpstreamInput, UpstreamSecrets, UpstreamView } from '@jingmin/shared';
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { fraudUpstreams, units } from '../../db/schema/index.js';
import { type Actor, actorOf, audit, type Ctx } from '../../platform/context.js';
import { openField, sealField } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { canSeePath, visibleUnits } from '../../platform/scope.js';
import { badAddress, newApiKey, newWebhookSecret, type Upstream } from './upstream-auth.js';

const isSystemAdmin = (actor: Actor) => actor.roles.includes('system_admin');
const mayManage = (actor: Actor, unitPath: string) => isSystemAdmin(actor) || canSeePath(actor, unitPath);

async function unitOrThrow(ctx: Ctx, unitId: string) {
  const [unit] = await ctx.db
    .select({ id: units.id, name: units.name, path: units.path, kind: units.kind })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit || (unit.kind !== 'station' && unit.kind !== 'bureau'))
    throw invalid(ctx, 'unitId', '须为派出所或县（市）公安局', 'must be a station or a bureau');
  if (!mayManage(actorOf(ctx), unit.path)) throw new AppError('FORBIDDEN');
  return unit;
}

function checkInput(ctx: Ctx, input: UpstreamInput) {
  const bad = badAddress(input.allowedIps);
  if (bad)
    throw invalid(ctx, 'allowedIps', `“${bad}”不是有效的 IP 地址或网段`, `"${bad}" is not an IP address or CIDR`);
}

export function presentUpstream(u: Upstream, unitName: string): UpstreamView {
  return {
    id: u.id,
    name: u.name,
    unit: { id: u.unitId, name: unitName },
    keyPrefix: `${u.keyPrefix}_…`,
    allowedIps: u.allowedIps,
    feedback: u.feedback,
    webhookUrl: u.webhookUrl,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    lastUsedAt: u.lastUsedAt?.toISOString() ?? null,
  };
}

async function viewOf(db: Queryable, u: Upstream): Promise<UpstreamView> {
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, u.unitId));
  return presentUpstream(u, unit?.name ?? '');
}

async function upstreamOrThrow(ctx: Ctx, id: string): Promise<Upstream> {
  const [u] = await ctx.db.select().from(fraudUpstreams).where(eq(fraudUpstreams.id, id));
  if (!u) throw new AppError('NOT_FOUND', { what: 'upstream' });
  if (!mayManage(actorOf(ctx), u.unitPath)) throw new AppError('NOT_FOUND', { what: 'upstream' });
  return u;
}

const auditUpstream = (action: string, u: Upstream, details: Record<string, unknown> = {}) => ({
  action,
  result: 'ok' as const,
  targetType: 'upstream',
  targetId: u.id,
  details: { unitId: u.unitId, keyPrefix: u.keyPrefix, ...details },
});

export async function createUpstream(ctx: Ctx, input: UpstreamInput): Promise<UpstreamSecrets> {
  const actor = actorOf(ctx);
  checkInput(ctx, input);
  const unit = await unitOrThrow(ctx, input.unitId);
  const key = newApiKey();
  const secret = newWebhookSecret();
  const created = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .insert(fraudUpstreams)
      .values({
        unitId: unit.id,
        unitPath: unit.path,
        name: input.name,
        keyPrefix: key.prefix,
        keyHash: key.hash,
        allowedIps: input.allowedIps,
        feedback: input.feedback,
        webhookUrl: input.webhookUrl ?? null,
        webhookSecretEnc: sealField(ctx.deps.keys.data, secret),
        createdBy: actor.id,
        createdAt: ctx.now(),
      })
      .returning();
    if (!u) throw new AppError('CONFLICT');
    await audit(ctx, tx, auditUpstream('fraud.upstream.create', u, { feedback: u.feedback, ips: u.allowedIps.length }));
    return u;
  });
  return { upstream: presentUpstream(created, unit.name), apiKey: key.key, webhookSecret: secret };
}

/** The upstreams of the actor's scope (a system administrator: all). */
export async function listUpstreams(ctx: Ctx): Promise<UpstreamView[]> {
  const actor = actorOf(ctx);
  const rows = await ctx.db
    .select({ u: fraudUpstreams, unitName: units.name })
    .from(fraudUpstreams)
    .innerJoin(units, eq(units.id, fraudUpstreams.unitId))
    .where(isSystemAdmin(actor) ? undefined : visibleUnits(actor, fraudUpstreams.unitPath))
    .orderBy(desc(fraudUpstreams.active), desc(fraudUpstreams.createdAt));
  return rows.map((r) => presentUpstream(r.u, r.unitName));
}

export async function updateUpstream(ctx: Ctx, id: string, input: UpstreamInput): Promise<UpstreamView> {
  checkInput(ctx, input);
  const current = await upstreamOrThrow(ctx, id);
  const unit = await unitOrThrow(ctx, input.unitId);
  const change = {
    name: input.name,
    unitId: unit.id,
    unitPath: unit.path,
    allowedIps: input.allowedIps,
    feedback: input.feedback,
    webhookUrl: input.webhookUrl ?? null,
  };
  const changed = (Object.keys(change) as (keyof typeof change)[]).filter(
    (k) => JSON.stringify(change[k]) !== JSON.stringify(current[k]),
  );
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx.update(fraudUpstreams).set(change).where(eq(fraudUpstreams.id, id)).returning();
    if (!u) throw new AppError('NOT_FOUND', { what: 'upstream' });
    await audit(ctx, tx, auditUpstream('fraud.upstream.update', u, { changed }));
    return u;
  });
  return presentUpstream(updated, unit.name);
}

/** A new key and a new webhook secret; the old key stops at once. */
export async function rotateUpstream(ctx: Ctx, id: string): Promise<UpstreamSecrets> {
  await upstreamOrThrow(ctx, id);
  const key = newApiKey();
  const secret = newWebhookSecret();
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(fraudUpstreams)
      .set({ keyPrefix: key.prefix, keyHash: key.hash, webhookSecretEnc: sealField(ctx.deps.keys.data, secret) })
      .where(eq(fraudUpstreams.id, id))
      .returning();
    if (!u) throw new AppError('NOT_FOUND', { what: 'upstream' });
    await audit(ctx, tx, auditUpstream('fraud.upstream.rotate', u));
    return u;
  });
  return { upstream: await viewOf(ctx.db, updated), apiKey: key.key, webhookSecret: secret };
}

export async function deactivateUpstream(ctx: Ctx, id: string): Promise<UpstreamView> {
  await upstreamOrThrow(ctx, id);
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(fraudUpstreams)
      .set({ active: false })
      .where(and(eq(fraudUpstreams.id, id)))
      .returning();
    if (!u) throw new AppError('NOT_FOUND', { what: 'upstream' });
    await audit(ctx, tx, auditUpstream('fraud.upstream.deactivate', u));
    return u;
  });
  return viewOf(ctx.db, updated);
}

/** The webhook secret, opened for signing. */
export const webhookSecretOf = (ctx: Ctx, u: Pick<Upstream, 'webhookSecretEnc'>) =>
  openField(ctx.deps.keys.data, u.webhookSecretEnc);
