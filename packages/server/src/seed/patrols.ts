/** The demo's patrol teams, points, routes and check-ins (being built). */
import type { Tx } from '../db/client.js';
import type { AppDeps } from '../platform/context.js';
import type { FieldStation } from './field-station.js';
import type { Rand } from './names.js';

export async function seedPatrols(
  _tx: Tx,
  _keys: AppDeps['keys'],
  _rand: Rand,
  _now: Date,
  _stations: FieldStation[],
): Promise<number> {
  return 0;
}
