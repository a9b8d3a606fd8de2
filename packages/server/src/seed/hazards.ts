/** The demo's hazard register (being built). */
import type { Tx } from '../db/client.js';
import type { FieldStation } from './field-station.js';
import type { Rand } from './names.js';

export async function seedHazards(_tx: Tx, _rand: Rand, _now: Date, _stations: FieldStation[]): Promise<number> {
  return 0;
}
