/**
 * The demo's 三级网格责任体系 and 十户联防 for both stations. Level 1: each village's 责任区民警 and 责任区辅警, the
 * people its beat names. Level 2: each village's 驻村辅警 (the station's auxiliary), a 驻村干部 and a 村干部
 * (made-up names and 139 numbers, sealed). Level 3: each grid's 网格员 (the village's grid worker, from
 * `unit_duties`) and one 橄榄义警 (a volunteer without an account). 柳塘's first two villages are cut into
 * 联防组 of about ten consecutive households, each with a 户长; the last few households of the second village
 * stay ungrouped so the 自动编组 proposal has something to offer. Set-based and deterministic from `rand`.
 */
import { randomUUID } from 'node:crypto';
import { BEAT_AUXILIARY_ROLE, BEAT_OFFICER_ROLE, maskName } from '@jingmin/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { householdGroupMembers, householdGroups, unitDuties, unitResponsibilities } from '../db/schema/index.js';
import { chunkSizes } from '../modules/responsibility/groups.service.js';
import type { AppDeps } from '../platform/context.js';
import { maskPhone, sealField } from '../platform/crypto.js';
import { insertMany } from './bulk.js';
import type { FieldStation } from './field-station.js';
import { itemAt, mobile, personName, type Rand } from './names.js';

type HolderRow = typeof unitResponsibilities.$inferInsert;

export async function seedResponsibility(
  tx: Tx,
  keys: AppDeps['keys'],
  rand: Rand,
  stations: FieldStation[],
): Promise<number> {
  const seal = (v: string) => sealField(keys.data, v);
  const person = (name: string, phone: string) => ({
    holderNameEnc: seal(name),
    holderNameMasked: maskName(name),
    holderPhoneEnc: seal(phone),
    holderPhoneMasked: maskPhone(phone),
  });
  const holders: HolderRow[] = [];
  let groups = 0;
  for (const station of stations) {
    const villageIds = station.villages.map((v) => v.id);
    const workers = await tx
      .select({ unitId: unitDuties.unitId, staffId: unitDuties.staffId })
      .from(unitDuties)
      .where(and(inArray(unitDuties.unitId, villageIds), eq(unitDuties.duty, 'grid_member')));
    for (const village of station.villages) {
      const at = { stationId: station.id, unitId: village.id, unitPath: village.path, createdBy: station.chief.id };
      holders.push(
        { ...at, roleKey: BEAT_OFFICER_ROLE, staffId: station.officer.id },
        { ...at, roleKey: BEAT_AUXILIARY_ROLE, staffId: station.aux.id },
        { ...at, roleKey: 'village_auxiliary', staffId: station.aux.id, note: '一村一辅警，村便民服务中心办公' },
        { ...at, roleKey: 'village_cadre_stationed', ...person(personName(rand), mobile(rand)), note: '镇派驻干部' },
        {
          ...at,
          roleKey: 'village_cadre',
          ...person(personName(rand), mobile(rand)),
          note: station.rural ? '村委会副主任、治保主任' : '居委会委员、治保主任',
        },
      );
      const worker = workers.find((w) => w.unitId === village.id);
      for (const grid of village.grids) {
        const here = { stationId: station.id, unitId: grid.id, unitPath: grid.path, createdBy: station.chief.id };
        if (worker) holders.push({ ...here, roleKey: 'grid_member', staffId: worker.staffId });
        holders.push({
          ...here,
          roleKey: 'olive_volunteer',
          ...person(personName(rand), mobile(rand)),
          note: station.rural ? '退伍老兵，参加义警巡逻' : '小区楼栋长，参加平安志愿巡逻',
        });
      }
    }
    if (station.rural) groups += await seedGroups(tx, seal, rand, station);
  }
  await insertMany(tx, unitResponsibilities, holders);
  return holders.length + groups;
}

/** 联防组 over the grids of the station's first two villages, about ten consecutive households each. */
async function seedGroups(tx: Tx, seal: (v: string) => string, rand: Rand, station: FieldStation) {
  const groupRows: (typeof householdGroups.$inferInsert)[] = [];
  const members: (typeof householdGroupMembers.$inferInsert)[] = [];
  const grids = station.villages.slice(0, 2).flatMap((v) => v.grids);
  for (const [g, grid] of grids.entries()) {
    const homes = station.households
      .filter((h) => h.unitPath.startsWith(grid.path))
      .sort((a, b) => a.address.localeCompare(b.address, 'zh-CN', { numeric: true }));
    const sizes = chunkSizes(homes.length);
    // The last grid keeps its last group's households free: the proposal shows them.
    if (g === grids.length - 1) sizes.pop();
    let at = 0;
    for (const [i, size] of sizes.entries()) {
      const chunk = homes.slice(at, at + size);
      at += size;
      const id = randomUUID();
      const leader = itemAt(chunk, Math.floor(rand() * chunk.length));
      const name = personName(rand);
      const phone = mobile(rand);
      groupRows.push({
        id,
        stationId: station.id,
        unitId: grid.id,
        unitPath: grid.path,
        name: `第${i + 1}联防组`,
        leaderHouseholdId: leader.id,
        leaderNameEnc: seal(name),
        leaderNameMasked: maskName(name),
        leaderPhoneEnc: seal(phone),
        leaderPhoneMasked: maskPhone(phone),
      });
      for (const h of chunk) members.push({ groupId: id, householdId: h.id });
    }
  }
  await insertMany(tx, householdGroups, groupRows);
  await insertMany(tx, householdGroupMembers, members);
  return groupRows.length;
}
