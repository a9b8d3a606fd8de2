/**
 * Twelve months of 矛盾纠纷 cases for both demo stations (~150 a station a year): stories modelled on the
 * stations' own (土地承包费上涨、学生摘葡萄、牛群踩坏党参苗、春节前讨薪、楼上漏水、装修噪音…); their parties
 * sealed as the module seals them (partyRow: a few organisations, some valid ID numbers, one child with a
 * guardian); every source (about 30% 摸排); all five levels (one 特大 collective wage case); 三色 colours with
 * the reasons they changed; assessments with their factors (re-assessed cases keep both); and a fifth opened
 * from the residents' own 矛盾纠纷 matters, whose timelines say so (matter.to_dispute).
 *
 * Generated here and inserted in batches; the case numbers are drawn from `dispute_number_seq` in one statement.
 */
import {
  type AssessmentFactors,
  DEFAULT_COLOUR_SCHEME,
  type DisputeCategory,
  type DisputeLevel,
  type DisputeSource,
  type DisputeStatus,
  idCheckChar,
  type PartyKind,
  type PartyRole,
  workingDayCalendar,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import {
  calendarDays,
  disputeAgreements,
  disputeAssessments,
  disputeCases,
  disputeColourChanges,
  disputeDuties,
  disputeFollowUps,
  disputeParties,
  disputeSatisfaction,
  disputeSessions,
  disputeTransfers,
  disputeTransferUpdates,
  matterEvents,
} from '../db/schema/index.js';
import { notePartyPhones, partyRow } from '../modules/disputes/parties.js';
import type { Keys } from '../platform/secrets.js';
import { insertMany } from './bulk.js';
import { emptyWork, numberAgreements, planWork, type WorkCase, type WorkStation } from './dispute-work.js';
import { itemAt, mobile, officeHours, personName, pick, type Rand } from './names.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;
const BEIJING = 8 * HOUR;

interface Person {
  id: string;
  name: string;
}

export interface DisputeStation extends Omit<WorkStation, 'officer' | 'chief'> {
  id: string;
  path: string;
  rural: boolean;
  desk: Person;
  officer: Person;
  chief: Person;
  villages: { name: string; path: string }[];
  households: { id: string; unitPath: string; address: string }[];
}

interface PartySpec {
  kind: PartyKind;
  role: PartyRole;
  name: string;
  relation?: string;
  idNumber?: string;
  phone?: boolean;
  ownHousehold?: boolean;
}

interface Story {
  where: 'rural' | 'urban' | 'both';
  weight: number;
  category: DisputeCategory;
  subcategory: string | null;
  title: string;
  /** A step up in level is likelier (wages owed to many, land taken). */
  heavy?: boolean;
  make: (rand: Rand, place: string) => { facts: string; people: number; amount: number | null; parties: PartySpec[] };
}

const between = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const applicant = (rand: Rand, extra: Partial<PartySpec> = {}): PartySpec => ({
  kind: 'person',
  role: 'applicant',
  name: personName(rand),
  phone: true,
  ownHousehold: true,
  ...extra,
});
const respondent = (rand: Rand, extra: Partial<PartySpec> = {}): PartySpec => ({
  kind: 'person',
  role: 'respondent',
  name: personName(rand),
  phone: rand() < 0.8,
  ...extra,
});
const org = (name: string): PartySpec => ({ kind: 'organisation', role: 'respondent', name, phone: true });

const STORIES: Story[] = [
  {
    where: 'rural',
    weight: 8,
    category: 'land_demolition',
    subcategory: '土地承包',
    title: '土地承包费上涨纠纷',
    make: (rand, place) => {
      const mu = between(rand, 8, 40);
      return {
        facts: `${place}村民承包邻居${mu}亩耕地种植玉米，合同到期续签时，出租方提出承包价格从每亩每年350元涨到500元，承包方认为涨幅过大，双方多次争吵。民警请律师和村委会一起调解，释明合同条款和周边行情。`,
        people: 2,
        amount: mu * 150,
        parties: [applicant(rand), respondent(rand)],
      };
    },
  },
  {
    where: 'rural',
    weight: 5,
    category: 'public_order',
    subcategory: '损害赔偿',
    title: '学生摘果园葡萄赔偿纠纷',
    make: (rand, place) => {
      const kids = between(rand, 3, 5);
      return {
        facts: `${place}${kids}名学生放学路上进入果园摘了葡萄，踩坏部分葡萄架，果园主要求家长赔偿。民警联系家长到场，与果园主协商赔偿金额，并对学生进行教育。`,
        people: kids + 1,
        amount: between(rand, 3, 12) * 100,
        parties: [applicant(rand), respondent(rand, { relation: '学生家长', phone: true })],
      };
    },
  },
  {
    where: 'rural',
    weight: 5,
    category: 'public_order',
    subcategory: '损害赔偿',
    title: '牛群踩坏党参苗赔偿纠纷',
    make: (rand, place) => {
      const homes = between(rand, 3, 7);
      return {
        facts: `${place}一户村民放养的牛群夜间跑进党参地，踩坏${homes}户村民的党参苗约${between(rand, 2, 9)}亩。民警会同村委会逐户核损，组织养殖户与受损农户协商赔偿。`,
        people: homes + 1,
        amount: between(rand, 20, 90) * 100,
        parties: [applicant(rand), applicant(rand), respondent(rand, { phone: true })],
      };
    },
  },
  {
    where: 'rural',
    weight: 7,
    category: 'land_demolition',
    subcategory: '宅基地',
    title: '宅基地边界纠纷',
    make: (rand, place) => ({
      facts: `${place}两户村民因翻建房屋砌院墙，对宅基地边界和滴水位置各执一词，双方发生争吵${rand() < 0.4 ? '并有推搡' : ''}。民警到场劝开，调取土地确权资料，会同村委会现场丈量。`,
      people: 2,
      amount: null,
      parties: [applicant(rand), respondent(rand)],
    }),
  },
  {
    where: 'rural',
    weight: 3,
    category: 'land_demolition',
    subcategory: '征地补偿',
    title: '修路征地青苗补偿纠纷',
    heavy: true,
    make: (rand, place) => {
      const homes = between(rand, 4, 12);
      return {
        facts: `${place}修建通村公路占用耕地，${homes}户村民对青苗补偿标准和地上附着物清点结果有异议，阻止施工。民警联合镇政府、村委会听取诉求，核对补偿清单。`,
        people: homes,
        amount: homes * between(rand, 20, 60) * 100,
        parties: [applicant(rand), applicant(rand), org('青禾县交通建设工程有限公司')],
      };
    },
  },
  {
    where: 'both',
    weight: 6,
    category: 'labour',
    subcategory: '拖欠工资',
    title: '拖欠农民工工资纠纷',
    heavy: true,
    make: (rand, place) => {
      const workers = between(rand, 3, 16);
      const amount = workers * between(rand, 60, 180) * 100;
      return {
        facts: `春节前，${workers}名农民工在${place}一带的工地务工，劳务公司以工程款未结为由拖欠工资共计${amount}元。民警联合人社所约谈劳务公司负责人，核对考勤和工资表。`,
        people: workers,
        amount,
        parties: [applicant(rand, { relation: '工友代表' }), org('青禾县某某建筑劳务有限公司')],
      };
    },
  },
  {
    where: 'both',
    weight: 6,
    category: 'other',
    subcategory: '婚姻家庭',
    title: '婚姻家庭纠纷',
    make: (rand, place) => ({
      facts: `${place}一对夫妻因子女抚养和赡养老人问题多次争吵，${rand() < 0.5 ? '男方酒后摔砸家具，' : ''}女方回了娘家，双方亲属介入。民警上门劝导，联系妇联和村（居）委会共同调解。`,
      people: 2,
      amount: null,
      parties: [applicant(rand), respondent(rand, { relation: '配偶' })],
    }),
  },
  {
    where: 'both',
    weight: 4,
    category: 'other',
    subcategory: '债务',
    title: '民间借贷纠纷',
    make: (rand, place) => {
      const amount = between(rand, 5, 80) * 1000;
      return {
        facts: `${place}群众反映借给熟人${amount}元，约定一年归还，到期后对方一再推脱，双方多次在对方家门口争吵。民警告知诉讼途径，组织双方协商还款计划。`,
        people: 2,
        amount,
        parties: [applicant(rand), respondent(rand)],
      };
    },
  },
  {
    where: 'rural',
    weight: 4,
    category: 'public_order',
    subcategory: '邻里',
    title: '邻里纠纷',
    make: (rand, place) => ({
      facts: `${place}${pick(rand, ['邻居家的鸡鸭多次进菜地啄食菜苗', '邻居堵了门前排水沟，下雨积水倒灌', '邻居在两家之间的巷道堆放柴草'])}，双方争吵不断。民警上门了解情况，请村调委会共同调解。`,
      people: 2,
      amount: null,
      parties: [applicant(rand), respondent(rand)],
    }),
  },
  {
    where: 'urban',
    weight: 8,
    category: 'public_order',
    subcategory: '邻里',
    title: '邻居装修噪音纠纷',
    make: (rand, place) => ({
      facts: `${place}楼上邻居装修，电钻噪音持续到晚上十一点，家中老人和学生无法休息，多次沟通无果后报警。民警联系物业和装修方，约定施工时段。`,
      people: 2,
      amount: null,
      parties: [applicant(rand), respondent(rand)],
    }),
  },
  {
    where: 'urban',
    weight: 7,
    category: 'public_order',
    subcategory: '损害赔偿',
    title: '楼上漏水赔偿纠纷',
    make: (rand, place) => ({
      facts: `${place}楼上卫生间防水层破损漏水，把楼下天花板和木地板泡坏，楼上业主不认可损失金额，不肯赔偿。民警协调物业查明漏点，组织双方协商维修和赔偿。`,
      people: 2,
      amount: between(rand, 20, 120) * 100,
      parties: [applicant(rand), respondent(rand)],
    }),
  },
  {
    where: 'urban',
    weight: 6,
    category: 'other',
    subcategory: '物业',
    title: '物业费纠纷',
    make: (rand, place) => ({
      facts: `${place}业主认为电梯经常故障、小区保洁不到位，拒交物业费，物业公司停了门禁卡，双方在物业办公室争吵。民警会同社区居委会组织业主和物业公司协商。`,
      people: 2,
      amount: between(rand, 12, 50) * 100,
      parties: [applicant(rand), org('青禾县锦程物业服务有限公司')],
    }),
  },
  {
    where: 'both',
    weight: 6,
    category: 'safety',
    subcategory: '交通事故',
    title: '交通事故赔偿纠纷',
    make: (rand, place) => ({
      facts: `${place}一辆电动车与小轿车在路口剐蹭，电动车驾驶人腿部擦伤，交警认定事故责任后，双方就医疗费、误工费赔偿差距较大。民警邀请交警和人民调解员共同调解。`,
      people: 2,
      amount: between(rand, 20, 150) * 100,
      parties: [applicant(rand), respondent(rand)],
    }),
  },
  {
    where: 'urban',
    weight: 5,
    category: 'other',
    subcategory: '消费',
    title: '消费纠纷',
    make: (rand, place) => ({
      facts: `${place}群众在健身会所办理的预付卡还剩${between(rand, 10, 60)}次课，会所突然停业，要求退卡未果，多名会员到店门口聚集。民警联系市场监管所共同处置，组织商家登记退费。`,
      people: between(rand, 2, 9),
      amount: between(rand, 10, 60) * 100,
      parties: [applicant(rand), org('青禾县力行健身会所')],
    }),
  },
  {
    where: 'urban',
    weight: 2,
    category: 'other',
    subcategory: '医疗',
    title: '医疗纠纷',
    make: (rand, place) => ({
      facts: `${place}老人在社区诊所输液后出现不适，转院治疗，家属认为诊所用药不当，要求赔偿并在诊所门口拉横幅。民警到场劝导，告知医疗纠纷人民调解委员会的调解途径。`,
      people: 3,
      amount: between(rand, 50, 300) * 100,
      parties: [applicant(rand), org('青禾县康宁诊所')],
    }),
  },
  {
    where: 'urban',
    weight: 3,
    category: 'safety',
    subcategory: null,
    title: '楼道电动车充电引发争执',
    make: (rand, place) => ({
      facts: `${place}一户居民长期在楼道私拉电线给电动车充电，邻居担心起火多次劝说无果，双方发生口角。民警联合物业开展消防安全提示，督促整改。`,
      people: 2,
      amount: null,
      parties: [applicant(rand), respondent(rand)],
    }),
  },
];

/** A resident's matter body → the story it tells (the matter history's 矛盾纠纷 texts). */
const MATTER_STORIES: [RegExp, DisputeCategory, string | null, string][] = [
  [/装修|噪音/, 'public_order', '邻里', '邻居装修噪音纠纷'],
  [/宅基地/, 'land_demolition', '宅基地', '宅基地边界纠纷'],
  [/漏水/, 'public_order', '损害赔偿', '楼上漏水赔偿纠纷'],
  [/鱼塘/, 'public_order', '损害赔偿', '鱼塘放水损失赔偿纠纷'],
  [/工资/, 'labour', '拖欠工资', '拖欠农民工工资纠纷'],
];

const PROACTIVE_LEADS = ['社区民警入户走访摸排发现：', '网格员摸排上报：', '村（居）委会排查反映：'];
const ID_REGIONS = ['620521', '620522', '620523', '620102'];

function idNumber(rand: Rand, born: Date): string {
  const d = born.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${pick(rand, ID_REGIONS)}${d}${String(between(rand, 1, 999)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const yearsAgo = (now: Date, years: number, rand: Rand) =>
  new Date(now.getTime() - (years * 365.25 + rand() * 300) * DAY);

function pickStory(rand: Rand, rural: boolean): Story {
  const fits = STORIES.filter((s) => s.where === 'both' || (s.where === 'rural') === rural);
  let r = rand() * fits.reduce((sum, s) => sum + s.weight, 0);
  for (const s of fits) {
    r -= s.weight;
    if (r < 0) return s;
  }
  return itemAt(fits, 0);
}

const LEVEL_RANK: DisputeLevel[] = ['simple', 'ordinary', 'serious', 'major', 'extreme'];
const up = (l: DisputeLevel) => LEVEL_RANK[Math.min(LEVEL_RANK.indexOf(l) + 1, 3)] as DisputeLevel;
const down = (l: DisputeLevel) => LEVEL_RANK[Math.max(LEVEL_RANK.indexOf(l) - 1, 0)] as DisputeLevel;

function firstLevel(rand: Rand, heavy: boolean): DisputeLevel {
  const r = rand();
  const l: DisputeLevel = r < 0.5 ? 'simple' : r < 0.92 ? 'ordinary' : r < 0.985 ? 'serious' : 'major';
  return heavy && rand() < 0.3 ? up(l) : l;
}

/** 三色 (sangong): who must resolve it. */
function colourOf(level: DisputeLevel, rand: Rand): string {
  if (level === 'extreme' || level === 'major') return 'red';
  if (level === 'serious') return 'orange';
  if (level === 'ordinary') return rand() < 0.15 ? 'orange' : 'green';
  return 'green';
}

const FIRST_REASON: Record<string, string> = {
  green: '受理评估：矛盾较小，村（居）级可化解',
  orange: '受理评估：涉及多方，需乡镇（街道）统筹化解',
  red: '受理评估：涉及人数多、金额大，报市级联合调处',
};
const UP_REASON: Record<string, string> = {
  orange: '村级调解未果，升级乡镇',
  red: '乡镇调解未果，当事人情绪激烈，报市级联合调处',
};
const DOWN_REASON = '主要诉求已解决，交村（居）调委会跟进化解';

const ASSESS_NOTE: Record<DisputeLevel, string> = {
  simple: '事实清楚、争议小，当场可调',
  ordinary: '双方有争议，需组织调解',
  serious: '涉及人数较多或金额较大，需多部门参与',
  major: '群体性、有激化风险，需领导包案',
  extreme: '群体性讨薪，人数多、金额大，需县级统筹',
};

type CaseRow = typeof disputeCases.$inferInsert & { id: string };
type PartyRow = ReturnType<typeof partyRow> & { id: string; createdAt: Date };
type AssessmentRow = typeof disputeAssessments.$inferInsert;
type ColourRow = typeof disputeColourChanges.$inferInsert;

interface LinkedMatter {
  id: string;
  station_id: string;
  unit_path: string;
  household_id: string | null;
  body: string;
  accepted_at: string | Date;
}

/** One working-hours moment `daysAgo` days back (Beijing 8:30–18:00), never after now. */
function workingMoment(now: Date, daysAgo: number, rand: Rand): Date {
  const day = new Date(now.getTime() - daysAgo * DAY);
  day.setUTCHours(0, 30 + Math.floor(rand() * 9 * 60), 0, 0);
  return day > now ? new Date(now.getTime() - (20 + rand() * 120) * MIN) : day;
}

export async function seedDisputes(
  tx: Tx,
  keys: Pick<Keys, 'data'>,
  rand: Rand,
  now: Date,
  stations: DisputeStation[],
  perStation = 150,
): Promise<number> {
  const cases: CaseRow[] = [];
  const parties: PartyRow[] = [];
  const assessments: AssessmentRow[] = [];
  const colours: ColourRow[] = [];
  const linkedEvents: { caseId: string; matterId: string; at: Date; desk: Person }[] = [];
  const work = emptyWork();
  const calendar = workingDayCalendar(
    await tx.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays),
  );

  const matterRows = rowsOf<LinkedMatter>(
    await tx.execute(sql`
      SELECT id, station_id, unit_path, household_id, body, accepted_at
        FROM matters
       WHERE kind = 'dispute' AND channel = 'doorplate' AND accepted_at IS NOT NULL
         AND accepted_at < ${new Date(now.getTime() - 2 * DAY).toISOString()}::timestamptz
       ORDER BY created_at`),
  );
  let minorDone = false;

  for (const station of stations) {
    const linkable = matterRows.filter((m) => m.station_id === station.id);
    const linkCount = Math.min(Math.round(perStation * 0.2), linkable.length);
    const linked = new Set<number>();
    while (linked.size < linkCount) linked.add(Math.floor(rand() * linkable.length));
    const own = perStation - linkCount;
    const homesOf = station.villages.map((v) => station.households.filter((h) => h.unitPath.startsWith(v.path)));
    const plans: {
      at: Date;
      source: DisputeSource;
      matter?: LinkedMatter;
      extreme?: boolean;
    }[] = [];
    for (let i = 0; i < own; i++) {
      // Spread evenly over the year so every month has its cases.
      const daysAgo = ((i + rand()) / own) * 362 + 0.05;
      // The one 特大: a collective wage case before the Spring Festival (about 290 days back), at the rural station.
      const extreme = station.rural && daysAgo > 290 && !plans.some((p) => p.extreme);
      const r = rand();
      const source: DisputeSource = r < 0.375 ? 'proactive' : r < 0.68 ? 'walk_in' : r < 0.89 ? 'phone' : 'police_110';
      plans.push({ at: workingMoment(now, daysAgo, rand), source: extreme ? 'walk_in' : source, extreme });
    }
    for (const i of linked) {
      const matter = itemAt(linkable, i);
      plans.push({
        at: new Date(new Date(matter.accepted_at).getTime() + (10 + rand() * 90) * MIN),
        source: 'matter',
        matter,
      });
    }

    for (const plan of plans) {
      const id = crypto.randomUUID();
      const ageDays = (now.getTime() - plan.at.getTime()) / DAY;
      const villageNo = Math.floor(rand() * station.villages.length);
      const village = itemAt(station.villages, villageNo);
      const household = pick(rand, homesOf[villageNo] ?? station.households);
      const atVillage = plan.source === 'proactive' && rand() < 0.5;
      const extreme = plan.extreme === true;
      let story = extreme
        ? itemAt(
            STORIES.filter((s) => s.category === 'labour'),
            0,
          )
        : pickStory(rand, station.rural);
      let title = story.title;
      let category = story.category;
      let subcategory = story.subcategory;
      const place = station.rural
        ? village.name
        : household.address.replace(/\d+栋.*$/, '').replace(/^青禾县城关街道/, '');
      let made = story.make(rand, place);
      let facts = made.facts;
      // Wages are asked for before the Spring Festival; the rest of the year at the year's or the job's end.
      const month = new Date(plan.at.getTime() + BEIJING).getUTCMonth();
      if (month > 1 && month < 11) facts = facts.replace(/^春节前，/, '工程完工后，');
      if (plan.matter) {
        const hit = MATTER_STORIES.find(([re]) => re.test(plan.matter?.body ?? ''));
        if (hit) [, category, subcategory, title] = hit;
        else [category, subcategory, title] = ['other', null, '群众反映的矛盾纠纷'];
        story = STORIES.find((s) => s.title === title) ?? story;
        made = { ...made, parties: [applicant(rand), respondent(rand)] };
        if (category === 'labour') made.parties = [applicant(rand), org('青禾县某某建筑劳务有限公司')];
        facts = plan.matter.body;
      } else if (plan.source === 'proactive') facts = pick(rand, PROACTIVE_LEADS) + facts;
      else if (plan.source === 'police_110') facts = `110 转来（非警务警情）：${facts}`;
      else if (plan.source === 'phone') facts = `来电反映：${facts}`;

      if (extreme) {
        made.people = 63;
        made.amount = 1_260_000;
        facts = `春节前，63名农民工在柳塘镇安置房项目工地务工，劳务公司以总包方工程款未结为由拖欠工资共计126万元，工人聚集到镇政府门口讨薪，扬言堵路。民警联合人社、住建部门和镇政府成立专班，约谈总包方和劳务公司，核对每一名工人的考勤和工资表。`;
      }

      const factors: AssessmentFactors = {
        people: made.people,
        amountYuan: made.amount,
        threats: extreme || rand() < 0.04,
        earlierViolence: /推搡|摔砸/.test(facts) || rand() < 0.03,
        repeatCalls: /多次|报警/.test(facts) && rand() < 0.5,
        collective: made.people >= 5,
        otherRisk: /酒后/.test(facts),
      };
      let level: DisputeLevel = extreme ? 'extreme' : firstLevel(rand, Boolean(story.heavy) || factors.collective);
      // Most recent cases still wait for (or just had) their assessment.
      const unassessed = ageDays < 3 && rand() < 0.6;
      const status: DisputeStatus = extreme
        ? 'closed'
        : ageDays < 4
          ? rand() < 0.5
            ? 'accepted'
            : 'mediating'
          : ageDays < 30
            ? ((r) => (r < 0.5 ? 'mediating' : r < 0.8 ? 'following_up' : r < 0.9 ? 'transferred' : 'accepted'))(rand())
            : ((r) => (r < 0.82 ? 'closed' : r < 0.88 ? 'failed' : r < 0.92 ? 'transferred' : 'following_up'))(rand());
      const staffIn = plan.source === 'proactive' ? station.officer : station.desk;
      const at = plan.at;
      let colour: string | null = null;
      let last = at;
      let changes = 0;
      if (!unassessed) {
        const assessedAt = officeHours(new Date(at.getTime() + (20 + rand() * 180) * MIN), now);
        assessments.push({
          caseId: id,
          level,
          factors,
          note: ASSESS_NOTE[level],
          assessedBy: level === 'major' || level === 'extreme' ? station.chief.id : station.officer.id,
          assessedAt,
        });
        colour = colourOf(level, rand);
        colours.push({
          caseId: id,
          scheme: DEFAULT_COLOUR_SCHEME,
          fromColour: null,
          toColour: colour,
          reason: FIRST_REASON[colour] ?? '受理评估',
          changedBy: colour === 'red' ? station.chief.id : station.officer.id,
          changedAt: assessedAt,
        });
        last = assessedAt;
        changes = 1;
        // About one case in five is assessed again: mostly escalated after a failed village mediation.
        const later = officeHours(new Date(assessedAt.getTime() + (2 + rand() * 12) * DAY), now);
        if (!extreme && later < now && rand() < 0.22) {
          const escalate = colour !== 'red' && rand() < 0.65;
          const next = escalate ? up(level) : down(level);
          const nextColour = escalate ? (colour === 'green' ? 'orange' : 'red') : colour === 'red' ? 'orange' : 'green';
          if (next !== level) {
            level = next;
            assessments.push({
              caseId: id,
              level,
              factors: escalate
                ? { ...factors, repeatCalls: true, threats: factors.threats || rand() < 0.3 }
                : { ...factors, threats: false },
              note: escalate
                ? `复评：${ASSESS_NOTE[level]}，调解一次未成`
                : `复评：${ASSESS_NOTE[level]}，主要诉求已解决`,
              assessedBy: station.chief.id,
              assessedAt: later,
            });
          }
          if (nextColour !== colour) {
            colours.push({
              caseId: id,
              scheme: DEFAULT_COLOUR_SCHEME,
              fromColour: colour,
              toColour: nextColour,
              reason: escalate ? (UP_REASON[nextColour] ?? '调解未果，升级') : DOWN_REASON,
              changedBy: station.chief.id,
              changedAt: later,
            });
            colour = nextColour;
          }
          changes = 2;
          last = later;
        }
      }
      const householdId = plan.matter ? plan.matter.household_id : atVillage ? null : household.id;
      const unitPath = plan.matter ? plan.matter.unit_path : atVillage ? village.path : household.unitPath;

      // The parties: persons sealed with masks; some carry a valid ID number; one child comes with a guardian.
      const specs = [...made.parties];
      if (!minorDone && story.title === '学生摘果园葡萄赔偿纠纷') {
        minorDone = true;
        const guardian = specs.find((p) => p.role === 'respondent');
        if (guardian) guardian.relation = '监护人（父亲）';
        specs.push({
          kind: 'person',
          role: 'respondent',
          name: personName(rand),
          relation: '未成年当事人（14岁），由父亲陪同',
          idNumber: idNumber(rand, yearsAgo(now, 14, rand)),
          phone: false,
        });
      }
      const caseParties: PartyRow[] = [];
      for (const p of specs) {
        const withId = p.kind === 'person' && !p.idNumber && rand() < 0.35;
        const id18 = p.idNumber ?? (withId ? idNumber(rand, yearsAgo(now, between(rand, 22, 70), rand)) : null);
        caseParties.push({
          id: crypto.randomUUID(),
          ...partyRow(keys, id, {
            kind: p.kind,
            role: p.role,
            name: p.name,
            relation: p.relation,
            phone: p.phone ? mobile(rand) : undefined,
            idNumber: id18 ?? undefined,
            householdId: p.ownHousehold ? (householdId ?? undefined) : undefined,
          }),
          createdAt: at,
        });
      }
      // The child's father attends as the guardian (治安调解: a party under 16 comes with a guardian).
      const child = caseParties.find((p) => p.relation?.startsWith('未成年'));
      const father = caseParties.find((p) => p.relation?.startsWith('监护人'));
      if (child && father) father.guardianOfId = child.id;
      parties.push(...caseParties);

      const caseRow: CaseRow = {
        id,
        number: '',
        stationId: station.id,
        unitPath,
        householdId,
        matterId: plan.matter?.id ?? null,
        source: plan.source,
        category,
        subcategory,
        title,
        facts,
        level: unassessed ? null : level,
        colourScheme: DEFAULT_COLOUR_SCHEME,
        colour,
        status: unassessed ? 'accepted' : status,
        collective: factors.collective,
        acceptedAt: at,
        createdBy: staffIn.id,
        createdAt: at,
        updatedAt: last,
        version: 1 + changes,
      };
      const workCase: WorkCase = {
        row: caseRow,
        parties: caseParties.map((p) => ({
          id: p.id,
          role: p.role,
          kind: p.kind,
          guardianOfId: p.guardianOfId ?? null,
          phoneIndex: p.phoneIndex ?? null,
        })),
        village: village.name,
        amount: factors.amountYuan,
      };
      if (!unassessed) caseRow.status = planWork(rand, now, calendar, workCase, station, work);
      cases.push(caseRow);
      if (plan.matter) linkedEvents.push({ caseId: id, matterId: plan.matter.id, at, desk: station.desk });
    }
  }

  // Numbers in the order the cases were accepted: MD + Beijing date + the sequence.
  cases.sort((a, b) => (a.acceptedAt as Date).getTime() - (b.acceptedAt as Date).getTime());
  const seq = rowsOf<{ n: string }>(
    await tx.execute(sql`SELECT nextval('dispute_number_seq')::text AS n FROM generate_series(1, ${cases.length})`),
  ).map((r) => r.n);
  const numberOf = new Map<string, string>();
  cases.forEach((c, i) => {
    const date = new Date((c.acceptedAt as Date).getTime() + BEIJING).toISOString().slice(0, 10).replace(/-/g, '');
    c.number = `MD${date}-${itemAt(seq, i).padStart(6, '0')}`;
    numberOf.set(c.id, c.number);
  });

  await insertMany(tx, disputeCases, cases);
  await insertMany(tx, disputeParties, parties);
  await notePartyPhones(tx, sql`true`);
  await insertMany(tx, disputeAssessments, assessments);
  await insertMany(tx, disputeColourChanges, colours);
  numberAgreements(work, numberOf);
  const batches: [PgTable, object[]][] = [
    [disputeSessions, work.sessions],
    [disputeAgreements, work.agreements],
    [disputeDuties, work.duties],
    [disputeTransfers, work.transfers],
    [disputeTransferUpdates, work.updates],
    [disputeFollowUps, work.followUps],
    [disputeSatisfaction, work.satisfaction],
  ];
  for (const [table, rows] of batches) await insertMany(tx, table, rows as never);
  // The resident's timeline says the matter became a dispute case (the resident reads it too).
  if (linkedEvents.length > 0)
    await tx.insert(matterEvents).values(
      linkedEvents.map((e) => ({
        matterId: e.matterId,
        type: 'matter.to_dispute',
        actorType: 'staff' as const,
        actorId: e.desk.id,
        actorName: e.desk.name,
        fromStatus: null,
        toStatus: null,
        payload: { disputeId: e.caseId, disputeNumber: numberOf.get(e.caseId) },
        at: e.at,
      })),
    );
  return cases.length;
}
