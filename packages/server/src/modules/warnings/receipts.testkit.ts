/**
 * What the receipt, reach and coverage tests share: notices written straight to the table in any state (the
 * composing and sending flow has tests of its own), a device id, and a receipt through the API.
 */
import { randomBytes } from 'node:crypto';
import type { WarningReceiptKind } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { units, warnings } from '../../db/schema/index.js';
import type { Client, TestApp } from '../../test/harness.js';
import { staffId } from '../rooms/work.testkit.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const pathOf = async (t: TestApp, id: string) => {
  const [u] = await t.deps.database.db.select({ path: units.path }).from(units).where(eq(units.id, id));
  if (!u) throw new Error(`test: no unit ${id}`);
  return u.path;
};

/** A notice of station A (or `station`) to `targets` (units), sent an hour ago unless told otherwise. */
export async function notice(
  t: TestApp,
  values: Partial<typeof warnings.$inferInsert> & { targets?: string[]; station?: 'A' | 'B' } = {},
) {
  const { targets, station = 'A', ...rest } = values;
  const stationId = station === 'A' ? t.fx.units.stationA : t.fx.units.stationB;
  const targetUnitIds = targets ?? [stationId];
  const [row] = await t.deps.database.db
    .insert(warnings)
    .values({
      stationId,
      stationPath: await pathOf(t, stationId),
      category: 'antifraud',
      priority: 'advisory',
      title: '警惕冒充客服退款诈骗',
      body: '凡是自称客服要求您提供验证码、下载会议软件、转账到“安全账户”的，都是诈骗。',
      status: 'sent',
      sentAt: new Date(t.clock.now().getTime() - HOUR),
      targetUnitIds,
      targetPaths: await Promise.all(targetUnitIds.map((id) => pathOf(t, id))),
      deliveredHouseholds: 3,
      authorId: staffId(t, `${station.toLowerCase()}.chief`),
      ...rest,
    })
    .returning({ id: warnings.id });
  if (!row) throw new Error('test: no notice');
  return row.id;
}

export const device = () => randomBytes(18).toString('base64url');

export function receipt(client: Client, id: string, dev: string, kind: WarningReceiptKind, doorplate?: string) {
  return client.post(`/api/v1/public/warnings/${id}/receipts`, {
    device: dev,
    kind,
    ...(doorplate ? { doorplate } : {}),
  });
}
