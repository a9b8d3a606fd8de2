/**
 * Doorplates: the QR code of each household's resident page, rotation of a
 * damaged or abused token (the old one stops working at once), and sheets to
 * print for a grid, village or station.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { households, units } from '../../db/schema/index.js';
import { audit, auditAlone, type Ctx } from '../../platform/context.js';
import { randomToken } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { under } from '../../platform/scope.js';
import { getUnitInScope } from '../org/org.service.js';
import type { Plate } from './doorplate-sheet.js';

export const MAX_SHEET_PLATES = 6_000;

export async function householdInScope(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(households).where(eq(households.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'household' });
  await getUnitInScope(ctx, row.unitId);
  return row;
}

/**
 * 扫码覆盖: the first time a household's doorplate page is opened, its date is kept — once, no device id, nothing
 * else (the ceiling of a notice's reach). The caller reads `first_scanned_at` with the household and calls this only
 * while it is empty, so a page view costs no write after the first.
 */
export async function markFirstScan(ctx: Ctx, householdId: string) {
  await ctx.db
    .update(households)
    .set({ firstScannedAt: ctx.now() })
    .where(and(eq(households.id, householdId), isNull(households.firstScannedAt)));
}

export const residentUrl = (ctx: Ctx, token: string) => `${ctx.deps.config.http.publicUrl}/h/${token}`;

export async function doorplateQr(ctx: Ctx, id: string, format: 'svg' | 'png') {
  const household = await householdInScope(ctx, id);
  const url = residentUrl(ctx, household.doorplateToken);
  const { default: QRCode } = await import('qrcode');
  return format === 'svg'
    ? QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
    : QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 2, width: 512 });
}

export async function rotateDoorplate(ctx: Ctx, id: string, reason: string) {
  const household = await householdInScope(ctx, id);
  const token = randomToken(16);
  await ctx.db.transaction(async (tx) => {
    await tx.update(households).set({ doorplateToken: token, updatedAt: ctx.now() }).where(eq(households.id, id));
    await audit(ctx, tx, {
      action: 'household.doorplate_rotate',
      result: 'ok',
      targetType: 'household',
      targetId: id,
      details: { reason, doorplateCode: household.doorplateCode },
    });
  });
  return { url: residentUrl(ctx, token) };
}

/** Every plate under a node, with its station and grid names, in doorplate-code order. */
export async function platesUnder(
  ctx: Ctx,
  unitId: string,
  reason: string,
): Promise<{ title: string; plates: Plate[] }> {
  const unit = await getUnitInScope(ctx, unitId);
  const rows = await ctx.db
    .select({
      address: households.address,
      code: households.doorplateCode,
      token: households.doorplateToken,
      path: households.unitPath,
      grid: units.name,
    })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(under(households.unitPath, unit.path))
    .orderBy(asc(households.doorplateCode))
    .limit(MAX_SHEET_PLATES + 1);
  if (rows.length > MAX_SHEET_PLATES) {
    throw new AppError('VALIDATION', {
      detail:
        ctx.locale === 'en'
          ? `more than ${MAX_SHEET_PLATES} plates; print a village or grid at a time`
          : `超过 ${MAX_SHEET_PLATES} 个门牌，请按村或网格分批打印`,
    });
  }
  const pathIds = [...new Set(rows.flatMap((r) => r.path.split('/').filter(Boolean)))];
  const stations = pathIds.length
    ? await ctx.db
        .select({ id: units.id, name: units.name, phone: units.phone })
        .from(units)
        .where(and(eq(units.kind, 'station'), inArray(units.id, pathIds)))
    : [];
  const stationOf = (path: string) => stations.find((s) => path.includes(`/${s.id}/`));
  await auditAlone(ctx, {
    action: 'household.doorplate_sheet',
    result: 'ok',
    targetType: 'unit',
    targetId: unit.id,
    details: { plates: rows.length, reason },
  });
  return {
    title: `${unit.name} 门牌二维码`,
    plates: rows.map((r) => ({
      stationName: stationOf(r.path)?.name ?? '',
      stationPhone: stationOf(r.path)?.phone ?? null,
      address: r.address,
      doorplateCode: r.code,
      gridName: r.grid,
      url: residentUrl(ctx, r.token),
    })),
  };
}
