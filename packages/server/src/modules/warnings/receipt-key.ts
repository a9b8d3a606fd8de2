/**
 * The one key of a device's receipts of a notice: a keyed hash of the notice and the device, so a receipt is counted
 * once per device without storing the device's id. Written by the receipts (helper C) and read by the residents'
 * notices (`mine`): both must use this function.
 */
import type { Ctx } from '../../platform/context.js';
import { hmacSm3 } from '../../platform/crypto.js';

export function deviceReceiptHash(ctx: Pick<Ctx, 'deps'>, deviceId: string, warningId: string): string {
  return hmacSm3(ctx.deps.keys.data, `warning-receipt:${warningId}:${deviceId}`).toString('hex');
}
