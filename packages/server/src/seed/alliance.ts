/**
 * The demo's 平安联盟: volunteers of each station with light accounts — approved over the past months by the
 * chief, one application waiting, one volunteer suspended with the reason — each serving one grid. They sign in
 * at /volunteer with their phone and the one-time code the server log shows (demo mode).
 */
import { VOLUNTEER_DUTIES } from '@jingmin/shared';
import type { Tx } from '../db/client.js';
import { staff, volunteerProfiles } from '../db/schema/index.js';
import { sealPhone } from '../modules/residents/phone.service.js';
import type { AppDeps } from '../platform/context.js';
import { randomToken } from '../platform/crypto.js';
import type { FieldStation } from './field-station.js';
import { itemAt, mobile, personName, type Rand } from './names.js';

const DAY = 86_400_000;
const KINDS = ['退伍老兵', '乡贤', '平安大妈', '快递小哥', '义警', '的哥', '双协员', '老公安'];

/** Returns each station's first approved volunteer's phone (printed at start in demo mode). */
export async function seedAlliance(
  tx: Tx,
  keys: AppDeps['keys'],
  rand: Rand,
  now: Date,
  stations: FieldStation[],
  passwordHash: string,
): Promise<Record<string, string>> {
  const first: Record<string, string> = {};
  for (const st of stations) {
    const grids = st.villages.flatMap((v) => v.grids);
    const count = st.rural ? 8 : 6;
    for (let i = 0; i < count; i++) {
      const phone = mobile(rand);
      const sealed = sealPhone(keys.data, phone);
      const grid = itemAt(grids, (i * 3) % grids.length);
      const applied = new Date(now.getTime() - (20 + Math.floor(rand() * 160)) * DAY);
      // The last one still waits for the chief; the one before was suspended last month.
      const pending = i === count - 1;
      const suspended = i === count - 2;
      const [row] = await tx
        .insert(staff)
        .values({
          username: `v-${randomToken(9)}`,
          displayName: personName(rand),
          passwordHash,
          mustChangePassword: false,
          roles: ['volunteer'],
          scopeUnitId: grid.id,
          phoneEnc: sealed.phoneEnc,
          phoneMasked: sealed.phoneMasked,
          status: pending || suspended ? 'disabled' : 'active',
          isDemo: true,
          createdAt: applied,
        })
        .returning({ id: staff.id });
      if (!row) continue;
      const approvedAt = pending ? null : new Date(applied.getTime() + (1 + Math.floor(rand() * 3)) * DAY);
      await tx.insert(volunteerProfiles).values({
        staffId: row.id,
        stationId: st.id,
        phoneIndex: sealed.phoneIndex,
        kind: itemAt(KINDS, i % KINDS.length),
        duties: [itemAt([...VOLUNTEER_DUTIES], i % 8), itemAt([...VOLUNTEER_DUTIES], (i + 2) % 8)],
        appliedAt: applied,
        approvedAt,
        approvedBy: approvedAt ? st.chief.id : null,
        suspendedAt: suspended ? new Date(now.getTime() - 12 * DAY) : null,
        suspendedBy: suspended ? st.chief.id : null,
        suspendReason: suspended ? '外出务工，暂时无法参加巡逻，本人申请暂停' : null,
      });
      if (!pending && !suspended && !first[st.name]) first[st.name] = phone;
    }
  }
  return first;
}
