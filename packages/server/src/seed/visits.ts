/**
 * A year of 走访入户 in the demo, by the three lines (三线合一): most households visited once in the year (a few
 * twice), the police line by the community officer (the auxiliary often along), the grid line by each village's
 * grid worker, the cadres' line logged by the grid worker with the village's 包村干部 named; anti-fraud talks,
 * follow-ups, and the care visits a few households asked for, every four weeks. Weekdays, office hours, Beijing
 * time. The visits' evaluations are opened by seed/evaluations.ts, as the module opens them.
 */
import { randomUUID } from 'node:crypto';
import type { VisitLine, VisitPurpose } from '@jingmin/shared';
import type { careVisitRequests, visits } from '../db/schema/index.js';
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
