/**
 * 警格+网格 in the demo. 柳塘 (rural) keeps two beats, one per 警务室: 柳塘中心警务区 (the villages near the town)
 * and 东岭警务区 (the hill villages), both in the hands of its one community officer ("一警多格"), its auxiliary
 * serving every village (一村一辅警 in spirit). 城关 (urban) keeps one beat per community, each at that
 * community's 警务室. Each station's grid worker serves its first village.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { policeBeatAreas, policeBeatStaff, policeBeats, unitDuties } from '../db/schema/index.js';
import { itemAt, personName, type Rand, valueAt } from './names.js';

interface BeatPlan {
  name: string;
  code: string;
  office: string;
  villages: string[];
}

/** 柳塘's hill villages, served from the 东岭 police office. */
const HILL_VILLAGES = ['东岭村', '桃源村', '杨家坝村', '青山村'];

function beatsOf(prefix: string, villages: { id: string; name: string }[]): BeatPlan[] {
  if (prefix === 'lt')
    return [
      {
        name: '柳塘中心警务区',
        code: 'LT-01',
        office: '柳塘镇中心警务室',
        villages: villages.filter((v) => !HILL_VILLAGES.includes(v.name)).map((v) => v.id),
      },
      {
        name: '东岭警务区',
        code: 'LT-02',
        office: '东岭片区警务室',
        villages: villages.filter((v) => HILL_VILLAGES.includes(v.name)).map((v) => v.id),
      },
    ];
  return villages.map((v, i) => ({
    name: `${v.name}警务区`,
    code: `CG-${String(i + 1).padStart(2, '0')}`,
    office: `${v.name}警务室`,
    villages: [v.id],
  }));
}

/**
 * Beats, their officers and auxiliaries, and one grid worker per village: the first village's is the demo
 * account `<prefix>.grid`; the others (网格员 `<prefix>.grid2` …) sign in with the same demo password. Returns
 * each station's grid workers by village path.
 */
export async function seedDuties(
  tx: Tx,
  ids: Record<string, string>,
  stations: (readonly [prefix: string, stationId: string, villages: { id: string; name: string; path: string }[]])[],
  rand: Rand,
): Promise<Record<string, { villagePath: string; id: string }[]>> {
  const gridWorkers: Record<string, { villagePath: string; id: string }[]> = {};
  for (const [prefix, stationId, villages] of stations) {
    const offices = new Map(
      rowsOf<{ id: string; name: string }>(
        await tx.execute(sql`SELECT u.id, u.name FROM units u JOIN units st ON st.id = ${stationId}
                              WHERE u.kind = 'police_office' AND starts_with(u.path, st.path)`),
      ).map((o) => [o.name, o.id]),
    );
    for (const plan of beatsOf(prefix, villages)) {
      const [beat] = await tx
        .insert(policeBeats)
        .values({ stationId, name: plan.name, code: plan.code, officeId: offices.get(plan.office) ?? null })
        .returning({ id: policeBeats.id });
      const beatId = beat?.id ?? '';
      await tx.insert(policeBeatAreas).values(plan.villages.map((unitId) => ({ beatId, unitId })));
      await tx.insert(policeBeatStaff).values([
        { beatId, staffId: valueAt(ids, `${prefix}.officer`), duty: 'responsible_officer' },
        { beatId, staffId: valueAt(ids, `${prefix}.aux`), duty: 'auxiliary' },
      ]);
    }
    await tx
      .insert(unitDuties)
      .values(
        villages.map((v) => ({ unitId: v.id, staffId: valueAt(ids, `${prefix}.aux`), duty: 'auxiliary' as const })),
      );
    const workers = [{ villagePath: itemAt(villages, 0).path, id: valueAt(ids, `${prefix}.grid`) }];
    for (const [i, v] of villages.entries()) {
      if (i === 0) continue;
      const [row] = rowsOf<{ id: string }>(
        await tx.execute(sql`
          INSERT INTO staff (username, display_name, password_hash, must_change_password, roles, scope_unit_id, is_demo)
          SELECT ${`${prefix}.grid${i + 1}`}, ${personName(rand)}, password_hash, false, roles, ${v.id}, true
            FROM staff WHERE username = ${`${prefix}.grid`}
          RETURNING id`),
      );
      if (row) workers.push({ villagePath: v.path, id: row.id });
    }
    await tx.insert(unitDuties).values(
      workers.map((w) => ({
        unitId: valueAt(Object.fromEntries(villages.map((v) => [v.path, v.id])), w.villagePath),
        staffId: w.id,
        duty: 'grid_member' as const,
      })),
    );
    gridWorkers[prefix] = workers;
  }
  return gridWorkers;
}
