/** 警格+网格 in the demo: each station's community officer answers for its villages and communities. */
import type { Tx } from '../db/client.js';
import { unitDuties } from '../db/schema/index.js';
import { itemAt, valueAt } from './names.js';

export async function seedDuties(
  tx: Tx,
  ids: Record<string, string>,
  stations: (readonly [prefix: string, villages: { id: string }[]])[],
) {
  for (const [prefix, villages] of stations) {
    const duty = (username: string, d: 'responsible_officer' | 'auxiliary') =>
      villages.map((v) => ({ unitId: v.id, staffId: valueAt(ids, `${prefix}.${username}`), duty: d }));
    await tx.insert(unitDuties).values([...duty('officer', 'responsible_officer'), ...duty('aux', 'auxiliary')]);
    await tx
      .insert(unitDuties)
      .values({ unitId: itemAt(villages, 0).id, staffId: valueAt(ids, `${prefix}.grid`), duty: 'grid_member' });
  }
}
