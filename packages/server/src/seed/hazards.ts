/**
 * The demo's hazard register (隐患台账): a year of hazards for both stations — 柳塘 (rural, ~60: fireworks
 * shops, a petrol station, flying-lead e-bike charging, cracked self-built houses, bends without signs,
 * reservoirs and fish ponds without 防溺水 signs, the brick works and the sawmill) and 城关 (urban, ~40:
 * stairwells, e-bikes charged indoors, blocked fire lanes, old gas hoses, street shops). Most were fixed
 * within their period and verified a few days later by someone else; some are open, a few overdue (most of
 * those already escalated), one was returned once and fixed again. 柳塘 adds its own kind, 防溺水.
 * Some link the visit or patrol that found them. Set-based, deterministic from `rand`, office hours.
 */
import { DEFAULT_HAZARD_KINDS, type HazardSource, toCalendarDate } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { hazards, patrolSessions, settings, visits } from '../db/schema/index.js';
import { insertMany } from './bulk.js';
import type { FieldPerson, FieldStation } from './field-station.js';
import { itemAt, officeHours, pick, type Rand } from './names.js';

const DAY = 86_400_000;

type Where = 'village' | 'grid' | 'household';
interface Template {
  kind: string;
  where: Where;
  /** The place after the village's or household's name. */
  place: string;
  description: string;
  rectifier: string;
}

const t = (kind: string, where: Where, place: string, description: string, rectifier: string): Template => ({
  kind,
  where,
  place,
  description,
  rectifier,
});

const RURAL: Template[] = [
  t(
    'fire',
    'village',
    '村口烟花爆竹零售点',
    '烟花爆竹库存超过限量，储存间与住人房间未分隔，未配灭火器',
    '烟花爆竹零售点经营户',
  ),
  t('fire', 'village', '镇东加油站', '加油区灭火器压力不足，消防沙池缺沙，卸油口无静电接地', '镇东加油站'),
  t('electrical', 'household', '门前', '电动车从二楼窗户飞线充电，电线拖地穿过院坝', '户主'),
  t('structure', 'household', '自建房', '自建房后墙出现贯通裂缝，雨季有渗水，老人仍在屋内居住', '户主'),
  t(
    'traffic',
    'village',
    '村道急弯路段',
    '急弯路段缺少警示标志和减速带，夜间无照明，曾发生摩托车侧翻',
    '镇交管站、公路管理站',
  ),
  t('drowning', 'village', '小水库', '水库岸边没有防溺水警示牌和救生圈，暑期常有儿童玩水', '村委会、水库管理员'),
  t('drowning', 'grid', '鱼塘', '承包鱼塘四周无围挡和警示标志，塘边小路为学生上学必经之路', '鱼塘承包户'),
  t('enterprise', 'village', '红星砖厂', '砖窑作业区无安全警示，皮带机传动部位无防护罩，工人未戴安全帽', '红星砖厂'),
  t('enterprise', 'village', '木材加工厂', '车间木屑粉尘堆积，电线老化裸露，灭火器摆放被原料遮挡', '木材加工厂'),
  t('chemicals', 'village', '农资门市', '农药与化肥、食品混放，无专用储存柜和台账', '农资门市经营户'),
  t('gas', 'household', '厨房', '液化气瓶放在灶台下，软管老化开裂，未装减压阀', '户主'),
  t('security', 'village', '村委会门前', '村口治安监控损坏两个月未修，夜间无照明', '村委会'),
  t('fire', 'household', '柴房', '柴草堆放紧靠厨房灶台，院内无消防水源', '户主'),
];

const URBAN: Template[] = [
  t('fire', 'household', '楼道', '楼道堆放纸箱、旧家具等杂物，阻挡疏散通道', '住户、物业公司'),
  t('electrical', 'household', '楼道', '电动车推入楼道充电，插线板串接，夜间无人看管', '住户、物业公司'),
  t('fire', 'grid', '小区消防通道', '消防通道被私家车长期占用，消防车无法通行', '物业公司'),
  t('gas', 'household', '厨房', '燃气软管老化龟裂，超过使用年限，未装熄火保护灶具', '住户、燃气公司'),
  t('fire', 'village', '沿街商铺', '沿街小餐饮店灭火器过期，后厨油烟管道积油严重', '沿街商铺经营户'),
  t('gas', 'village', '沿街餐饮店', '店内液化气瓶超量存放，与灶具间距不足一米', '餐饮店经营户'),
  t('structure', 'grid', '老旧小区', '老旧楼房外墙瓷砖空鼓脱落，楼下为人行通道', '物业公司、街道办'),
  t(
    'traffic',
    'village',
    '学校门口路段',
    '学校门口斑马线磨损不清，缺少减速标志，上下学时段人车混行',
    '交警中队、市政部门',
  ),
  t('security', 'grid', '小区车棚', '车棚监控损坏，近期发生电动车电瓶被盗', '物业公司'),
  t('fire', 'village', '农贸市场', '市场内私拉电线，消防栓被摊位遮挡', '农贸市场管理方'),
];

type Plan = 'open' | 'overdue' | 'overdue_told' | 'rectified' | 'returned' | 'voided' | 'verified';

/** How a station's hazards stand today: mostly verified, a few open, a few overdue, one returned once. */
function plansFor(n: number, rural: boolean): Plan[] {
  const head: Plan[] = rural
    ? ['open', 'open', 'open', 'open', 'open', 'overdue', 'overdue_told', 'overdue_told', 'overdue_told']
    : ['open', 'open', 'open', 'overdue', 'overdue_told', 'overdue_told'];
  const tail: Plan[] = ['rectified', 'rectified', 'rectified', 'returned', 'voided'];
  return [...head, ...tail, ...Array.from({ length: n - head.length - tail.length }, () => 'verified' as const)];
}

/** Age in days of a hazard of each plan when found. */
function ageFor(plan: Plan, rand: Rand): number {
  switch (plan) {
    case 'open':
      return Math.floor(rand() * 3);
    case 'overdue':
      return 9 + Math.floor(rand() * 2);
    case 'overdue_told':
      return 12 + Math.floor(rand() * 30);
    case 'rectified':
      return 3 + Math.floor(rand() * 4);
    case 'returned':
      return 14;
    case 'voided':
      return 60 + Math.floor(rand() * 200);
    case 'verified':
      return 12 + Math.floor(rand() * 350);
  }
}

const addDays = (date: string, days: number) => toCalendarDate(new Date(Date.parse(`${date}T04:00:00Z`) + days * DAY));

/** Someone of the station other than these people (a verifier). */
const other = (people: FieldPerson[], not: string[], rand: Rand) =>
  pick(
    rand,
    people.filter((p) => !not.includes(p.id)),
  );

export async function seedHazards(tx: Tx, rand: Rand, now: Date, stations: FieldStation[]): Promise<number> {
  const rows: (typeof hazards.$inferInsert)[] = [];
  for (const s of stations) {
    if (s.rural)
      await tx.insert(settings).values({
        key: `hazard:${s.id}`,
        value: {
          kinds: [...DEFAULT_HAZARD_KINDS, { key: 'drowning', name: '防溺水', periodDays: 5 }],
          defaultPeriodDays: 7,
        },
        updatedBy: s.chief.id,
        updatedAt: new Date(now.getTime() - 370 * DAY),
      });
    const found = await sourcesOf(tx, s.id);
    const followers = [s.officer, s.aux, s.grid];
    const staffers = [s.chief, s.officer, s.aux, s.grid, s.desk];
    const templates = s.rural ? RURAL : URBAN;
    const plans = plansFor(s.rural ? 60 : 40, s.rural);
    plans.forEach((plan, i) => {
      const tpl = itemAt(templates, i % templates.length);
      let foundAt = officeHours(new Date(now.getTime() - ageFor(plan, rand) * DAY - rand() * 6 * 3_600_000), now);
      // A household's hazard may have been found on a visit to it, a place's on a patrol passing it, that day.
      const r = rand();
      const visit = tpl.where === 'household' && r < 0.6 ? nearest(found.visits, foundAt) : null;
      const patrol = tpl.where !== 'household' && r < 0.4 ? nearest(found.patrols, foundAt) : null;
      const on = visit ?? patrol;
      if (on) foundAt = officeHours(new Date(on.at.getTime() + 20 * 60_000), now);
      const visited = visit ? s.households.find((h) => h.id === visit.householdId) : undefined;
      const village = visited
        ? (s.villages.find((v) => visited.unitPath.startsWith(v.path)) ?? pick(rand, s.villages))
        : pick(rand, s.villages);
      const grid = village.grids.length ? pick(rand, village.grids) : null;
      const homes = s.households.filter((h) => h.unitPath.startsWith(village.path));
      const home = visited ?? (tpl.where === 'household' && homes.length ? pick(rand, homes) : null);
      const unit = home ? { id: home.unitId, path: home.unitPath } : tpl.where === 'grid' && grid ? grid : village;
      const place = home ? `${home.address}${tpl.place}` : `${village.name}${tpl.place}`;
      const period = tpl.kind === 'fire' ? 3 : tpl.kind === 'drowning' ? 5 : 7;
      const deadlineOn = addDays(toCalendarDate(foundAt), period);
      const responsible = pick(rand, followers);
      const finder = rand() < 0.6 ? responsible : pick(rand, staffers);
      const source: HazardSource = visited ? 'visit' : patrol ? 'patrol' : rand() < 0.7 ? 'inspection' : 'report';
      const after = (from: Date, days: number) => officeHours(new Date(from.getTime() + days * DAY), now);
      const row: typeof hazards.$inferInsert = {
        stationId: s.id,
        unitId: unit.id,
        unitPath: unit.path,
        householdId: home?.id ?? null,
        place,
        kind: tpl.kind,
        description: tpl.description,
        source,
        visitId: visited ? (visit?.id ?? null) : null,
        patrolSessionId: patrol?.id ?? null,
        rectifier: tpl.rectifier,
        responsibleId: responsible.id,
        foundBy: finder.id,
        foundAt,
        deadlineOn,
        status: 'open',
        createdAt: foundAt,
        updatedAt: foundAt,
      };
      const fixer = rand() < 0.85 ? responsible : s.chief;
      const verifier = other(staffers, [responsible.id, fixer.id], rand);
      if (plan === 'overdue_told') {
        row.escalatedAt = officeHours(new Date(Date.parse(`${addDays(deadlineOn, 1)}T01:10:00Z`)), now);
        row.version = 1;
      } else if (plan === 'rectified' || plan === 'verified') {
        const rectifiedAt = after(foundAt, 0.5 + rand() * (period - 0.5));
        Object.assign(row, {
          status: 'rectified',
          rectifiedAt,
          rectifiedBy: fixer.id,
          rectifyNote: '已按要求整改',
          version: 2,
        });
        if (plan === 'verified') {
          const verifiedAt = after(rectifiedAt, 1 + rand() * 3);
          Object.assign(row, {
            status: 'verified',
            verifiedAt,
            verifiedBy: verifier.id,
            verifyNote: '现场复核，整改到位',
            version: 3,
          });
        }
        if (plan === 'rectified' && row.rectifiedAt && row.rectifiedAt > now) row.rectifiedAt = now;
      } else if (plan === 'returned') {
        Object.assign(row, {
          status: 'rectified',
          rectifiedAt: after(foundAt, 9),
          rectifiedBy: fixer.id,
          rectifyNote: '已补齐警示标志，增设护栏',
          verifiedAt: after(foundAt, 6),
          verifiedBy: verifier.id,
          verifyNote: '复核时警示牌仍未安装，退回重新整改',
          version: 4,
        });
      } else if (plan === 'voided') {
        Object.assign(row, {
          status: 'voided',
          voidedReason: '与同日另一条登记重复',
          updatedAt: after(foundAt, 1),
          version: 2,
        });
      }
      if (row.status !== 'open') row.updatedAt = row.verifiedAt ?? row.rectifiedAt ?? row.updatedAt;
      rows.push(row);
    });
  }
  await insertMany(tx, hazards, rows);
  return rows.length;
}

type Found = { id: string; at: Date; householdId: string | null };

/** The visit or patrol of the day closest to `at` (within a day), or null. */
function nearest(list: Found[], at: Date): Found | null {
  let best: Found | null = null;
  for (const f of list) {
    const gap = Math.abs(f.at.getTime() - at.getTime());
    if (gap < DAY && (!best || gap < Math.abs(best.at.getTime() - at.getTime()))) best = f;
  }
  return best;
}

/** Visits and patrols of the station, seeded before this, that hazards may have been found on. */
async function sourcesOf(tx: Tx, stationId: string): Promise<{ visits: Found[]; patrols: Found[] }> {
  const v = await tx
    .select({ id: visits.id, at: visits.visitedAt, householdId: visits.householdId })
    .from(visits)
    .where(eq(visits.stationId, stationId))
    .orderBy(visits.visitedAt, visits.id);
  const p = await tx
    .select({ id: patrolSessions.id, at: patrolSessions.startedAt })
    .from(patrolSessions)
    .where(eq(patrolSessions.stationId, stationId))
    .orderBy(patrolSessions.startedAt, patrolSessions.id);
  return { visits: v, patrols: p.map((x) => ({ ...x, householdId: null })) };
}
