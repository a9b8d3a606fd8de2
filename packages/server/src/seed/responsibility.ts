/** The demo's three-level responsibility holders and 十户联防 groups (being built). */
import type { Tx } from '../db/client.js';
import type { AppDeps } from '../platform/context.js';
import type { FieldStation } from './field-station.js';
import type { Rand } from './names.js';

export async function seedResponsibility(
  _tx: Tx,
  _keys: AppDeps['keys'],
  _rand: Rand,
  _stations: FieldStation[],
): Promise<number> {
  return 0;
}
