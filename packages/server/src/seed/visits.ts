/**
 * A year of 走访入户 in the demo, by the three lines (三线合一): most households visited once in the year (a few
 * twice), the police line by the community officer (the auxiliary often along), the grid line by each village's
 * grid worker, the cadres' line logged by the grid worker with the village's 包村干部 named; anti-fraud talks,
 * follow-ups, and the care visits a few households asked for, every four weeks. Weekdays, office hours, Beijing
 * time. Enterprises and units (企业、商铺、学校) stand at their own doorplates and are inspected by the police line
 * about every quarter. The visits' evaluations are opened by seed/evaluations.ts, as the module opens them.
 */
import { randomUUID } from 'node:crypto';
import type { VisitLine, VisitPurpose } from '@jingmin/shared';
import type { careVisitRequests, households, visits } from '../db/schema/index.js';
import { randomToken } from '../platform/crypto.js';
import { personName, pick, type Rand } from './names.js';

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;

export interface VisitStation {
  id: string;
  officer: { id: string };
  aux: { id: string };
  /** Each village's grid worker, by the village's path. */
  gridWorkers: { villagePath: string; id: string }[];
  households: { id: string; unitPath: string }[];
  /** The station's enterprises and units: inspected about every quarter. */
  enterprises: { id: string; unitPath: string }[];
}

/** What stands in a village's or community's first grid besides homes: [name, address tail], shared out. */
const FIRMS: Record<'lt' | 'cg', [string, string][]> = {
  lt: [
    ['兴旺木材加工厂', '工业路8号'],
    ['绿源农家乐', '河湾组12号'],
    ['柳塘加油站', '省道旁1号'],
    ['红星机砖厂', '后山组3号'],
    ['便民超市', '村委会旁2号'],
    ['金穗粮油加工厂', '工业路16号'],
    ['村完全小学', '学堂路1号'],
    ['顺发汽修店', '省道旁9号'],
    ['惠农养殖合作社', '东坡组5号'],
    ['幸福院（村级养老服务站）', '村委会旁6号'],
  ],
  cg: [
    ['好又多超市', '人民路102号'],
    ['星辰网吧', '解放街23号'],
    ['锦江宾馆', '建设路8号'],
    ['阳光幼儿园', '文化路15号'],
    ['老街火锅店', '解放街41号'],
    ['鑫达电动车行', '建设路30号'],
  ],
};

type HouseholdInsert = typeof households.$inferInsert & { id: string };

/**
 * The enterprises and units of a station's villages (or communities), in each one's first grid: named, at their
 * own doorplates (`<prefix>E-<village>-<n>`).
 */
export function enterprisesOf(
  prefix: 'lt' | 'cg',
  place: string,
  villages: { name: string; path: string }[],
  homes: { unitId: string; unitPath: string }[],
): HouseholdInsert[] {
  const firms = FIRMS[prefix];
  const rows: HouseholdInsert[] = [];
  let next = 0;
  for (const [v, village] of villages.entries()) {
    const grid = homes.find((h) => h.unitPath.startsWith(village.path));
    if (!grid) continue;
    // The names are shared out over the villages, each used once.
    const share = Math.floor(firms.length / villages.length) + (v < firms.length % villages.length ? 1 : 0);
    for (let n = 1; n <= share; n++) {
      const [name, tail] = firms[next % firms.length] as [string, string];
      next++;
      rows.push({
        id: randomUUID(),
        unitId: grid.unitId,
        unitPath: grid.unitPath,
        kind: 'enterprise',
        // A village's school or shop carries the village's name (柳塘村完全小学).
        name: name.startsWith('村') || name.startsWith('幸福院') ? `${village.name}${name}` : name,
        address: `${place}${village.name}${tail}`,
        doorplateCode: `${prefix.toUpperCase()}E-${String(v + 1).padStart(2, '0')}-${n}`,
        doorplateToken: randomToken(16),
      });
    }
  }
  return rows;
}

const NOTES: Record<VisitPurpose, string[]> = {
  routine: [
    '入户走访，了解家庭情况和困难诉求，留下警民联系卡。',
    '核对出租屋租住人员变动，提醒房东及时登记。',
    '宣传“码上办”，指导扫门牌码反映问题。',
    '走访留守儿童家庭，提醒暑期防溺水。',
    '检查家中用电用气安全，提醒电动车不要进楼道充电。',
  ],
  care: ['关爱走访独居老人，身体状况良好，帮助整理药品。', '关爱走访，老人反映近期血压偏高，已联系村医上门。'],
  follow_up: ['回访前期反映的问题，住户表示已解决，满意。', '回访调解后的履行情况，双方已按协议履行。'],
  anti_fraud: [
    '上门反诈宣传，指导安装国家反诈中心APP并开启预警。',
    '讲解冒充客服退款、刷单返利诈骗案例，提醒不转账不汇款。',
  ],
  inspection: [
    '检查消防器材和疏散通道，灭火器在有效期内，通道畅通。',
    '检查用电线路，发现私拉乱接，已责令当场整改。',
    '督促落实安全生产责任制，查看值班和巡查记录。',
  ],
};
const CARE_REASONS = [
  '独居老人，子女在外地务工，希望常来看看',
  '老人行动不便，希望定期上门',
  '家中有残疾人，申请关爱走访',
];
const CADRES = ['包村干部', '村支书', '村妇女主任'];

/** 09:00–17:00 Beijing time on the weekday `daysAgo` days back (a weekend moves to the Friday before). */
function officeDay(now: Date, daysAgo: number, rand: Rand): Date {
  const local = new Date(now.getTime() - daysAgo * DAY + BEIJING);
  const back = local.getUTCDay() === 0 ? 2 : local.getUTCDay() === 6 ? 1 : 0;
  local.setUTCDate(local.getUTCDate() - back);
  local.setUTCHours(9 + Math.floor(rand() * 8), Math.floor(rand() * 60), 0, 0);
  return new Date(local.getTime() - BEIJING);
}

export function yearOfVisits(rand: Rand, now: Date, st: VisitStation) {
  const rows: (typeof visits.$inferInsert & { id: string; visitedAt: Date; staffId: string })[] = [];
  const care: (typeof careVisitRequests.$inferInsert)[] = [];
  const gridOf = (path: string) => st.gridWorkers.find((g) => path.startsWith(g.villagePath))?.id ?? st.aux.id;
  const add = (h: { id: string; unitPath: string }, daysAgo: number, purpose: VisitPurpose, line?: VisitLine) => {
    const at = officeDay(now, daysAgo, rand);
    if (at > now) return;
    const r = rand();
    const chosen: VisitLine = line ?? (r < 0.5 ? 'police' : r < 0.85 ? 'grid' : 'cadre');
    const staffId = chosen === 'police' ? (rand() < 0.7 ? st.officer.id : st.aux.id) : gridOf(h.unitPath);
    rows.push({
      id: randomUUID(),
      stationId: st.id,
      unitPath: h.unitPath,
      householdId: h.id,
      householdKind: purpose === 'inspection' ? 'enterprise' : 'household',
      line: chosen,
      purpose,
      staffId,
      companionIds: chosen === 'police' && staffId === st.officer.id && rand() < 0.4 ? [st.aux.id] : [],
      otherVisitors: chosen === 'cadre' ? `${pick(rand, CADRES)}${personName(rand)}` : null,
      visitedAt: at,
      note: pick(rand, NOTES[purpose]),
      createdAt: at,
    });
  };
  for (const h of st.households) {
    // 走访全覆盖: most households once in the year, some twice; about one in ten not yet.
    if (rand() < 0.9) {
      const r = rand();
      add(h, 1 + Math.floor(rand() * 360), r < 0.78 ? 'routine' : r < 0.93 ? 'anti_fraud' : 'follow_up');
      if (rand() < 0.12) add(h, 1 + Math.floor(rand() * 360), 'routine');
    }
  }
  // 安全检查: each enterprise about every quarter by the police line; the last one a few are behind on.
  for (const e of st.enterprises) {
    for (let d = 5 + Math.floor(rand() * 60); d < 365; d += 80 + Math.floor(rand() * 20))
      add(e, d, 'inspection', 'police');
  }
  // 关爱走访: a dozen households asked for a visit every four weeks; the officer keeps to it.
  for (const h of st.households.filter((_, i) => i % Math.ceil(st.households.length / 12) === 5)) {
    const since = 120 + Math.floor(rand() * 200);
    care.push({
      stationId: st.id,
      householdId: h.id,
      unitPath: h.unitPath,
      everyDays: 28,
      reason: pick(rand, CARE_REASONS),
      requestedAt: officeDay(now, since, rand),
      recordedBy: st.officer.id,
    });
    // The last one or two fell a little behind: due now on the plan.
    for (let d = since - 3; d > 0; d -= 28) if (d > 20 || rand() < 0.5) add(h, d, 'care', 'police');
  }
  return { rows, care };
}
