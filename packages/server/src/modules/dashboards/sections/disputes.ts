/**
 * The dashboard's disputes section (矛盾纠纷): cases accepted (摸排 among them), resolved, 化解率 and transferred in
 * the period, the stock open at its end and its ageing, and the 三色 colours. Every count is a set of
 * modules/disputes/case-sets.ts — the conditions the monthly analysis counts with — and the cases list filters by
 * the same set (`GET /disputes?set=`), so each number opens its own cases.
 */
import {
  COLOUR_SCHEMES,
  type ColourLevel,
  DISPUTE_AGE_LABELS,
  DISPUTE_AGES,
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  type DisputeSet,
  NO_COLOUR,
  type SectionChart,
} from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/rows.js';
import type { Ctx } from '../../../platform/context.js';
import { readOnce } from '../../../platform/shared-reads.js';
import { agedAt, aliased, caseSetSql, casesUnder, type Range, ts } from '../../disputes/case-sets.js';
import { drillPeriod, type FigureSpec, type FigureValue, type SectionScope, type SectionSpec } from './section.js';

const c = aliased('c');

/** Every colour key of the shipped schemes, once, named by the first scheme that has it (as the analysis merges). */
const COLOURS: ColourLevel[] = COLOUR_SCHEMES.flatMap((s) => s.levels).filter(
  (l, i, all) => all.findIndex((x) => x.key === l.key) === i,
);

const rangeOf = (scope: SectionScope): Range => ({ from: scope.bounds.start, to: scope.bounds.asOf });
const drill = (scope: SectionScope, extra: Record<string, string>) => ({
  list: 'disputes' as const,
  query: drillPeriod(scope, extra),
});
const colourId = (key: string) => `colour_${key}`;

/** The section's counts in one pass over the subtree's cases accepted before the period's end (figures and charts). */
async function counts(ctx: Ctx, scope: SectionScope): Promise<Map<string, number>> {
  const { start, asOf } = scope.bounds;
  const rows = await readOnce(ctx, `disputes ${scope.path} ${start.toISOString()} ${asOf.toISOString()}`, () =>
    countCases(ctx, scope, false),
  );
  return rows.get('') ?? new Map();
}

/** The named counts, for the whole subtree ('') or by station (each case of its station's own area). */
async function countCases(
  ctx: Ctx,
  scope: SectionScope,
  byStation: boolean,
): Promise<Map<string, Map<string, number>>> {
  const r = rangeOf(scope);
  const set = (s: DisputeSet, and: SQL = sql`true`) => sql`(${caseSetSql(c, s, r)} AND ${and})`;
  const named: [string, SQL][] = [
    ['accepted', set('accepted')],
    ['proactive', set('accepted', sql`c.source = 'proactive'`)],
    ['resolved', set('resolved')],
    ['base', set('resolution_base')],
    ['transferred', set('transferred')],
    ['open', set('open')],
    ...COLOURS.map((l): [string, SQL] => [colourId(l.key), set('period', sql`c.colour = ${l.key}`)]),
    [colourId(NO_COLOUR), set('period', sql`c.colour IS NULL`)],
    ...DISPUTE_AGES.map((a): [string, SQL] => [`age_${a}`, agedAt(c, r.to, a)]),
  ];
  const rows = rowsOf<Record<string, number | string>>(
    await ctx.db.execute(sql`SELECT ${byStation ? sql`s.id::text` : sql`''`} AS station_id, ${sql.join(
      named.map(([id, cond]) => sql`count(*) FILTER (WHERE ${cond})::int AS ${sql.raw(`"${id}"`)}`),
      sql`, `,
    )}
      FROM dispute_cases c
      ${byStation ? sql`JOIN units s ON s.id = c.station_id AND starts_with(c.unit_path, s.path)` : sql``}
      WHERE ${casesUnder(c, scope.path)} AND c.accepted_at < ${ts(r.to)}
      ${byStation ? sql`GROUP BY s.id` : sql``}`),
  );
  return new Map(rows.map((row) => [String(row.station_id), new Map(named.map(([id]) => [id, Number(row[id] ?? 0)]))]));
}

async function compute(ctx: Ctx, scope: SectionScope): Promise<FigureValue[]> {
  return valuesOf(scope, await counts(ctx, scope));
}

/** A bureau's stations side by side: one pass over the bureau's cases, by station. */
async function computeStations(ctx: Ctx, path: string, scopes: SectionScope[]): Promise<FigureValue[][]> {
  const first = scopes[0];
  if (!first) return [];
  const byStation = await countCases(ctx, { ...first, path }, true);
  return scopes.map((scope) => valuesOf(scope, byStation.get(scope.unitId) ?? new Map()));
}

function valuesOf(scope: SectionScope, n: Map<string, number>): FigureValue[] {
  const get = (id: string) => n.get(id) ?? 0;
  const [resolved, base] = [get('resolved'), get('base')];
  return [
    { id: 'accepted', value: get('accepted'), drill: drill(scope, { set: 'accepted' }) },
    { id: 'proactive', value: get('proactive'), drill: drill(scope, { set: 'accepted', source: 'proactive' }) },
    { id: 'resolved', value: resolved, drill: drill(scope, { set: 'resolved' }) },
    {
      id: 'resolutionRate',
      value: base === 0 ? null : resolved / base,
      parts: { numerator: resolved, denominator: base },
      drill: drill(scope, { set: 'resolution_base' }),
    },
    { id: 'transferred', value: get('transferred'), drill: drill(scope, { set: 'transferred' }) },
    { id: 'open', value: get('open'), drill: drill(scope, { set: 'open' }) },
    ...COLOURS.map((l) => ({
      id: colourId(l.key),
      value: get(colourId(l.key)),
      drill: drill(scope, { set: 'period', colour: l.key }),
    })),
  ];
}

async function charts(ctx: Ctx, scope: SectionScope): Promise<SectionChart[]> {
  const n = await counts(ctx, scope);
  const r = rangeOf(scope);
  const byCategory = new Map(
    rowsOf<{ category: string; n: number }>(
      await ctx.db.execute(sql`SELECT c.category, count(*)::int AS n FROM dispute_cases c
        WHERE ${casesUnder(c, scope.path)} AND ${caseSetSql(c, 'accepted', r)} GROUP BY c.category`),
    ).map((x) => [x.category, Number(x.n)]),
  );
  // Colours no case of the period has are left out: a station shows its own scheme's.
  const colours = [...COLOURS.map((l) => ({ key: l.key, name: l.name.zh })), { key: NO_COLOUR, name: '未定色' }]
    .map((x) => ({ ...x, count: n.get(colourId(x.key)) ?? 0 }))
    .filter((x) => x.count > 0);
  return [
    {
      id: 'ageing',
      title: { zh: '期末在办案件的在办时长', en: 'Open cases at the end by days since acceptance' },
      kind: 'bar',
      categories: DISPUTE_AGES.map((a) => DISPUTE_AGE_LABELS[a].zh),
      series: [
        {
          name: { zh: '在办', en: 'Open' },
          data: DISPUTE_AGES.map((a) => n.get(`age_${a}`) ?? 0),
          drills: DISPUTE_AGES.map((a) => drill(scope, { set: 'open', age: a })),
        },
      ],
    },
    {
      id: 'colours',
      title: { zh: '三色分布（期末在办或期内受理）', en: 'Colours (open at the end or accepted)' },
      kind: 'pie',
      categories: colours.map((x) => x.name),
      series: [
        {
          name: { zh: '案件', en: 'Cases' },
          data: colours.map((x) => x.count),
          drills: colours.map((x) => drill(scope, { set: 'period', colour: x.key })),
        },
      ],
    },
    {
      id: 'byCategory',
      title: { zh: '按类别受理', en: 'Accepted by category' },
      kind: 'bar',
      categories: DISPUTE_CATEGORIES.map((k) => DISPUTE_CATEGORY_LABELS[k].zh),
      series: [
        {
          name: { zh: '受理', en: 'Accepted' },
          data: DISPUTE_CATEGORIES.map((k) => byCategory.get(k) ?? 0),
          drills: DISPUTE_CATEGORIES.map((k) => drill(scope, { set: 'accepted', category: k })),
        },
      ],
    },
  ];
}

const OPEN_HOW = '受理早于期末、期末时尚未化解结案的案件（调解未成、待再次化解的仍算在办）';
const OPEN_HOW_EN = 'accepted before the end and not resolved and closed by then (not settled ones included)';

const figures: FigureSpec[] = [
  {
    id: 'accepted',
    label: { zh: '受理', en: 'Accepted' },
    kind: 'count',
    how: { zh: '受理时间在期内的案件（含摸排发现的）。', en: 'Cases accepted in the period, found ones included.' },
  },
  {
    id: 'proactive',
    label: { zh: '其中摸排', en: 'Of which found proactively' },
    kind: 'count',
    how: { zh: '期内受理的案件中来源为“摸排”的。', en: 'Cases accepted in the period that were found proactively.' },
  },
  {
    id: 'resolved',
    label: { zh: '化解', en: 'Resolved' },
    kind: 'count',
    how: { zh: '结案（已化解）时间在期内的案件。', en: 'Cases closed as resolved in the period.' },
  },
  {
    id: 'resolutionRate',
    label: { zh: '化解率（点开为分母）', en: 'Resolution rate (opens its base)' },
    kind: 'rate',
    how: {
      zh: '期内化解 ÷（期初在办 + 期内受理），与每月矛盾纠纷分析的化解率相同；点开列出分母的案件。',
      en: 'Resolved in the period over open at the start plus accepted, as the monthly analysis; opens the base.',
    },
  },
  {
    id: 'transferred',
    label: { zh: '移交', en: 'Transferred' },
    kind: 'count',
    how: {
      zh: '期内移交给职能部门、调委会等的案件，一案移交多次只算一件。',
      en: 'Cases transferred to a department or committee in the period; a case sent twice counts once.',
    },
  },
  {
    id: 'open',
    label: { zh: '在办（期末）', en: 'Open (at the end)' },
    kind: 'count',
    how: { zh: `${OPEN_HOW}。`, en: `Cases ${OPEN_HOW_EN}.` },
    now: true,
  },
  ...COLOURS.map(
    (l): FigureSpec => ({
      id: colourId(l.key),
      label: { zh: `${l.name.zh}色案件`, en: `${l.name.en} cases` },
      kind: 'count',
      how: {
        zh: `期末在办或期内受理的案件中，当前颜色为“${l.name.zh}”的（各颜色方案中同名的颜色合计）。`,
        en: `Cases open at the end or accepted in the period whose colour is now ${l.name.en} (any scheme).`,
      },
    }),
  ),
];

export const disputesSection: SectionSpec = { area: 'disputes', figures, compute, computeStations, charts };
