/**
 * A station's responsibility roles as one settings row `responsibility:<stationId>` (unset: 理川's three-level
 * system, DEFAULT_RESPONSIBILITY_ROLES). The station renames, adds and reorders roles; a role someone still
 * holds stays (409 naming it and how many hold it).
 */
import { DEFAULT_RESPONSIBILITY_ROLES, type ResponsibilitySettings } from '@jingmin/shared';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { settings, unitResponsibilities } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { saveSetting } from '../../platform/settings.js';
import { stationInScope } from '../settings/settings.service.js';
import { assertManage } from './common.js';

const keyOf = (stationId: string) => `responsibility:${stationId}`;

export async function responsibilitySettings(db: Queryable, stationId: string): Promise<ResponsibilitySettings> {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, keyOf(stationId)));
  const value = row?.value as Partial<ResponsibilitySettings> | undefined;
  return { roles: value?.roles?.length ? value.roles : DEFAULT_RESPONSIBILITY_ROLES.map((r) => ({ ...r })) };
}

export async function readResponsibilitySettings(ctx: Ctx, stationId: string) {
  await stationInScope(ctx, stationId);
  return responsibilitySettings(ctx.db, stationId);
}

export async function saveResponsibilitySettings(ctx: Ctx, stationId: string, input: ResponsibilitySettings) {
  const station = await stationInScope(ctx, stationId);
  assertManage(ctx, station.path);
  const keys = input.roles.map((r) => r.key);
  const twiceKey = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twiceKey) throw invalid(ctx, 'roles', `角色标识“${twiceKey}”重复了`, `the key "${twiceKey}" is listed twice`);
  const names = input.roles.map((r) => r.name);
  const twiceName = names.find((n, i) => names.indexOf(n) !== i);
  if (twiceName) throw invalid(ctx, 'roles', `角色“${twiceName}”重复了`, `"${twiceName}" is listed twice`);
  const before = await responsibilitySettings(ctx.db, stationId);
  const dropped = before.roles.filter((r) => !keys.includes(r.key));
  await ctx.db.transaction(async (tx) => {
    if (dropped.length) {
      const held = await tx
        .select({ roleKey: unitResponsibilities.roleKey, n: count() })
        .from(unitResponsibilities)
        .where(
          and(
            eq(unitResponsibilities.stationId, stationId),
            inArray(
              unitResponsibilities.roleKey,
              dropped.map((r) => r.key),
            ),
          ),
        )
        .groupBy(unitResponsibilities.roleKey);
      const first = held[0];
      if (first) {
        const name = dropped.find((r) => r.key === first.roleKey)?.name ?? first.roleKey;
        throw new AppError('RESPONSIBILITY_ROLE_HELD', { role: name, count: first.n });
      }
    }
    await saveSetting(tx, keyOf(stationId), input, actorOf(ctx).id, ctx.now());
    await audit(ctx, tx, {
      action: 'responsibility.settings.save',
      result: 'ok',
      targetType: 'station',
      targetId: stationId,
      details: { roles: input.roles.map((r) => `${r.level}:${r.key}:${r.name}`) },
    });
  });
  return input;
}
