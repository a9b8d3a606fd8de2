/**
 * The dashboard's 宣传预警 section: the reach of the notices sent in the period as the warnings module keeps it
 * (delivered households as stored when sent, opened and acknowledged from the per-grid `warning_reach` counters —
 * never blended into one rate), the households' QR scan coverage now, and the anti-fraud instructions received in the
 * period: 劝阻成功率 and the money kept from loss. Each figure opens the notices or the instructions it counted, with
 * the lists' own filters (warnings/list-filter.ts, fraud/list-filter.ts: one definition each).
 */
import { DEFAULT_WARNING_CATEGORIES, FRAUD_OUTCOME_LABELS, FRAUD_OUTCOMES, type SectionChart } from '@jingmin/shared';
import { and, sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/rows.js';
import { fraudInstructions as f, warnings as w } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { instructionsUnder, receivedIn } from '../../fraud/list-filter.js';
import { householdsByPath } from '../../warnings/coverage.js';
import { noticesUnder, sentIn } from '../../warnings/list-filter.js';
import { drillPeriod, type FigureValue, type SectionScope, type SectionSpec } from './section.js';

const n = (v: unknown) => Number(v ?? 0);
const rate = (num: number, den: number) => (den > 0 ? num / den : null);

/** The notices sent in the period under the scope's unit. */
const sentWhere = (s: SectionScope) => and(noticesUnder(s.path), sentIn(s.bounds));
/** The instructions received in the period under the scope's unit. */
const receivedWhere = (s: SectionScope) => and(instructionsUnder(s.path), receivedIn(s.bounds));

const fraudDrill = (s: SectionScope, extra: Record<string, string> = {}) => ({
  list: 'fraud' as const,
  query: drillPeriod(s, { view: 'all', ...extra }),
});

async function reach(ctx: Ctx, s: SectionScope) {
  const [row] = rowsOf<Record<string, number>>(
    await ctx.db.execute(sql`
      WITH sent AS (SELECT id, delivered_households FROM ${w} WHERE ${sentWhere(s)})
      SELECT (SELECT count(*) FROM sent)::int AS sent,
             (SELECT coalesce(sum(delivered_households), 0) FROM sent)::bigint AS delivered,
             coalesce(sum(r.opened), 0)::bigint AS opened,
             coalesce(sum(r.acknowledged), 0)::bigint AS acknowledged
        FROM warning_reach r WHERE r.warning_id IN (SELECT id FROM sent)`),
  );
  return row ?? {};
}

async function fraud(ctx: Ctx, s: SectionScope) {
  const [row] = rowsOf<Record<string, number>>(
    await ctx.db.execute(sql`
      SELECT count(*)::int AS received,
             count(*) FILTER (WHERE ${f.outcome} IS NOT NULL)::int AS verified,
             count(*) FILTER (WHERE ${f.outcome} = 'dissuaded')::int AS dissuaded,
             coalesce(sum(${f.amountPrevented}), 0)::bigint AS prevented
        FROM ${f} WHERE ${receivedWhere(s)}`),
  );
  return row ?? {};
}

async function compute(ctx: Ctx, s: SectionScope): Promise<FigureValue[]> {
  const [r, fr, homes] = await Promise.all([reach(ctx, s), fraud(ctx, s), householdsByPath(ctx.db, s.path)]);
  const notices = { list: 'notices' as const, query: drillPeriod(s) };
  const households = homes.reduce((sum, p) => sum + p.households, 0);
  const scanned = homes.reduce((sum, p) => sum + p.scanned, 0);
  return [
    { id: 'sent', value: n(r.sent), drill: notices },
    { id: 'delivered', value: n(r.delivered), drill: notices },
    { id: 'opened', value: n(r.opened), drill: notices },
    { id: 'acknowledged', value: n(r.acknowledged), drill: notices },
    {
      id: 'scanCoverage',
      value: rate(scanned, households),
      parts: { numerator: scanned, denominator: households },
      drill: null,
    },
    { id: 'fraudReceived', value: n(fr.received), drill: fraudDrill(s) },
    {
      id: 'dissuadeRate',
      value: rate(n(fr.dissuaded), n(fr.verified)),
      parts: { numerator: n(fr.dissuaded), denominator: n(fr.verified) },
      drill: fraudDrill(s, { outcome: 'dissuaded' }),
    },
    { id: 'amountPrevented', value: n(fr.prevented), drill: fraudDrill(s, { status: 'verified' }) },
  ];
}

/** Notices sent by category, and the period's instructions by outcome; each bar opens its list. */
async function charts(ctx: Ctx, s: SectionScope): Promise<SectionChart[]> {
  const [byCategory, byOutcome] = await Promise.all([
    ctx.db.execute(sql`SELECT ${w.category} AS key, count(*)::int AS n FROM ${w} WHERE ${sentWhere(s)}
      GROUP BY 1 ORDER BY 2 DESC, 1`),
    ctx.db.execute(sql`SELECT ${f.outcome}::text AS key, count(*)::int AS n FROM ${f}
      WHERE ${receivedWhere(s)} AND ${f.outcome} IS NOT NULL GROUP BY 1`),
  ]);
  const categories = rowsOf<{ key: string; n: number }>(byCategory);
  const outcomes = new Map(rowsOf<{ key: string; n: number }>(byOutcome).map((r) => [r.key, n(r.n)]));
  const en = ctx.locale === 'en';
  const categoryName = (key: string) => {
    const c = DEFAULT_WARNING_CATEGORIES.find((x) => x.key === key);
    return c ? (en ? c.label.en : c.label.zh) : key;
  };
  return [
    {
      id: 'sentByCategory',
      title: { zh: '期内发布的通知（按类别）', en: 'Notices sent, by category' },
      kind: 'bar',
      categories: categories.map((c) => categoryName(c.key)),
      series: [
        {
          name: { zh: '发布条数', en: 'Sent' },
          data: categories.map((c) => n(c.n)),
          drills: categories.map((c) => ({ list: 'notices' as const, query: drillPeriod(s, { category: c.key }) })),
        },
      ],
    },
    {
      id: 'fraudOutcomes',
      title: { zh: '期内接收的反诈指令（按核查结果）', en: 'Anti-fraud instructions received, by outcome' },
      kind: 'pie',
      categories: FRAUD_OUTCOMES.map((o) => (en ? FRAUD_OUTCOME_LABELS[o].en : FRAUD_OUTCOME_LABELS[o].zh)),
      series: [
        {
          name: { zh: '指令数', en: 'Instructions' },
          data: FRAUD_OUTCOMES.map((o) => outcomes.get(o) ?? 0),
          drills: FRAUD_OUTCOMES.map((o) => fraudDrill(s, { outcome: o })),
        },
      ],
    },
  ];
}

export const warningsSection: SectionSpec = {
  area: 'warnings',
  figures: [
    {
      id: 'sent',
      label: { zh: '发布通知', en: 'Notices sent' },
      kind: 'count',
      how: {
        zh: '期内发布的预警与宣传条数（含发布后撤回的），按发布时间计；点开为这些通知。',
        en: 'Notices sent in the period (withdrawn ones included), by the time sent; opens those notices.',
      },
    },
    {
      id: 'delivered',
      label: { zh: '送达户数', en: 'Households reached' },
      kind: 'count',
      how: {
        zh: '期内发布的各条通知送达户数之和：发布时目标区域内的住户（不含企业门牌）；点开为这些通知，各条送达户数相加即此数。',
        en: 'The households each notice of the period reached when sent (homes in its areas, not businesses), summed; opens those notices.',
      },
    },
    {
      id: 'opened',
      label: { zh: '查看人次', en: 'Opened' },
      kind: 'count',
      how: {
        zh: '期内发布的各条通知被查看的设备数之和（按网格记的查看计数）；点开为这些通知，各条查看数相加即此数。',
        en: 'Devices that opened each notice of the period (the per-grid counters), summed; opens those notices.',
      },
    },
    {
      id: 'acknowledged',
      label: { zh: '知晓人次', en: 'Acknowledged' },
      kind: 'count',
      how: {
        zh: '期内发布的各条通知被点“已知晓”的设备数之和（只有要求确认的预警可点）；点开为这些通知。',
        en: 'Devices that tapped “acknowledged” on each notice of the period (only notices asking for it), summed; opens those notices.',
      },
    },
    {
      id: 'scanCoverage',
      label: { zh: '扫码覆盖率', en: 'QR scan coverage' },
      kind: 'rate',
      now: true,
      how: {
        zh: '门牌页被扫码打开过的住户 ÷ 全部住户（不含企业门牌），截至现在；没有可点开的清单。',
        en: 'Households whose doorplate page was ever opened ÷ all households (not businesses), as of now; no list behind it.',
      },
    },
    {
      id: 'fraudReceived',
      label: { zh: '接收反诈指令', en: 'Anti-fraud instructions' },
      kind: 'count',
      how: {
        zh: '期内接收的反诈预警指令数，按接收时间计；点开为这些指令（值班台、所长可看）。',
        en: 'Anti-fraud instructions received in the period; opens them (for the desk and the chief).',
      },
    },
    {
      id: 'dissuadeRate',
      label: { zh: '劝阻成功率', en: 'Dissuasion rate' },
      kind: 'rate',
      how: {
        zh: '期内接收的指令中核查结果为“劝阻成功”的 ÷ 已登记核查结果的；尚未核查的不计。点开为劝阻成功的指令（分子）。',
        en: 'Instructions of the period verified as dissuaded ÷ those with an outcome; unverified ones apart. Opens the dissuaded ones (numerator).',
      },
    },
    {
      id: 'amountPrevented',
      label: { zh: '挽回损失（元）', en: 'Kept from loss (yuan)' },
      kind: 'amount',
      how: {
        zh: '期内接收的指令核查时登记的挽损金额之和（元）；点开为已核查的指令，各条挽损金额相加即此数。',
        en: 'The money kept from loss recorded on verifying the instructions of the period (yuan); opens the verified ones.',
      },
    },
  ],
  compute,
  charts,
};
