/**
 * The 考核指标 page as a chief and a bureau supervisor read it: rendered (React's server renderer, no browser) from a
 * KpiDashboard answer already in the query cache, exactly as it would arrive from GET /dashboards/kpis.
 */
import { KpiDashboard, type KpiFigures } from '@jingmin/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { LangProvider } from '../../../i18n';
import DashboardPage from './index';
import { drillLink, kpiQueryKey, pointsDelta, presetPeriod, readQuery } from './model';

// The language preference lives in localStorage; the console's default (zh-CN) is what is tested.
const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  },
});

const zeroCounts = {
  take_due: 0,
  take_on_time: 0,
  take_late: 0,
  resolve_due: 0,
  resolve_on_time: 0,
  resolve_late: 0,
  open_overdue: 0,
  resolved: 0,
  reopened: 0,
  rated: 0,
  satisfied: 0,
  unsatisfied: 0,
  unrated: 0,
  submitted: 0,
  escalated: 0,
};

function figures(
  from: string,
  to: string,
  counts: Partial<typeof zeroCounts>,
  callbacks = { due: 0, done: 0 },
): KpiFigures {
  const c = { ...zeroCounts, ...counts };
  const rate = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    from,
    to,
    asOf: `${to}T16:00:00.000Z`,
    counts: c,
    rates: {
      takenOnTime: rate(c.take_on_time, c.take_due),
      resolvedOnTime: rate(c.resolve_on_time, c.resolve_due),
      satisfaction: rate(c.satisfied, c.rated),
      reopenRate: rate(c.reopened, c.resolved),
      callbackRate: rate(callbacks.done, callbacks.due),
    },
    callbacks,
    firstResponse: { buckets: [10, 6, 3, 1, 0, 0, 0], median: 12, p90: 45, missing: 2 },
    resolution: { buckets: [1, 4, 10, 5, 2, 0, 0], median: 1500, p90: 5000, missing: 0 },
  };
}

const NOV = { from: '2026-11-01', to: '2026-11-30' };
const station = (unitId: string, unitName: string, counts: Partial<typeof zeroCounts>) => ({
  unitId,
  unitName,
  current: figures(NOV.from, NOV.to, counts),
});

// 上月 of 2 December 2026 is November; 上期 the 30 days before it, 去年同期 November 2025.
const chief: KpiDashboard = KpiDashboard.parse({
  unitId: '11111111-1111-4111-8111-111111111111',
  unitName: '柳塘派出所',
  unitKind: 'station',
  current: figures(
    NOV.from,
    NOV.to,
    {
      take_due: 40,
      take_on_time: 38,
      take_late: 2,
      resolve_due: 50,
      resolve_on_time: 45,
      resolve_late: 5,
      open_overdue: 1,
      resolved: 48,
      reopened: 3,
      rated: 20,
      satisfied: 19,
      unsatisfied: 1,
      unrated: 28,
      escalated: 1,
    },
    { due: 4, done: 3 },
  ),
  previous: figures('2026-10-02', '2026-10-31', {
    resolve_due: 40,
    resolve_on_time: 34, // 85.0%: 按时办结率 rose 5.0 points
    take_due: 10,
    take_on_time: 10,
    resolved: 30,
    reopened: 3, // 10.0% → 6.3%: 发回重办率 fell 3.8 points (better)
    rated: 10,
    satisfied: 10,
    escalated: 3,
  }),
  lastYear: figures('2025-11-01', '2025-11-30', { resolve_due: 10, resolve_on_time: 9 }),
  stations: [],
});

function render(data: KpiDashboard, url: string) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  const { query } = readQuery(new URL(url, 'http://x').searchParams);
  client.setQueryData(kpiQueryKey(query), data);
  return renderToString(
    createElement(
      LangProvider,
      null,
      createElement(
        QueryClientProvider,
        { client },
        createElement(MemoryRouter, { initialEntries: [url] }, createElement(DashboardPage)),
      ),
    ),
  );
}

/** The page's text without tags, entities decoded, so a figure reads as the chief sees it. */
const textOf = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
/** One KPI card's markup, found by its title. */
function card(html: string, title: string): string {
  const start = html.indexOf(`ant-card-head-title">${title}</div>`);
  expect(start, title).toBeGreaterThan(-1);
  const next = html.indexOf('ant-card-head-title">', start + 1);
  return html.slice(start, next === -1 ? undefined : next);
}
const GREEN = '#237804';
const RED = '#cf1322';
/** Each comparison of a card: its colour (none when level) and the arrow's spoken name. */
const changes = (cardHtml: string) =>
  [...cardHtml.matchAll(/<span style="([^"]*)" data-testid="kpi-change">.*?aria-label="(上升|下降|持平)"/g)].map(
    (m) => ({ colour: /color:(#[0-9a-f]{6})/.exec(m[1]!)?.[1] ?? null, arrow: m[2] }),
  );
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('the periods', () => {
  it('reads 本月 up to today, 上月 whole, 本季度 and 本年 from their first day', () => {
    expect(presetPeriod('month', '2026-12-02')).toEqual({ from: '2026-12-01', to: '2026-12-02' });
    expect(presetPeriod('lastMonth', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('quarter', '2026-08-20')).toEqual({ from: '2026-07-01', to: '2026-08-20' });
    expect(presetPeriod('year', '2026-08-20')).toEqual({ from: '2026-01-01', to: '2026-08-20' });
  });

  it('takes a custom range from the address, and falls back to 本月 in Beijing time for a broken one', () => {
    const params = (s: string) => new URLSearchParams(s);
    expect(readQuery(params('p=custom&from=2026-01-01&to=2026-06-30&unitId=u1')).query).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
      unitId: 'u1',
    });
    // 2026-11-30T17:00Z is already 1 December in Beijing.
    expect(readQuery(params('p=custom&from=2026-02-30&to=x'), new Date('2026-11-30T17:00:00Z'))).toEqual({
      preset: 'month',
      query: { from: '2026-12-01', to: '2026-12-01', unitId: undefined },
    });
  });

  it('tells a change in percentage points, and nothing when a side has nothing to divide', () => {
    expect(pointsDelta(0.9, 0.85)).toBe(5);
    expect(pointsDelta(3 / 48, 0.1)).toBe(-3.8);
    expect(pointsDelta(0.5, null)).toBeNull();
  });
});

describe('a station chief’s dashboard', () => {
  const html = render(chief, '/console/dashboard?p=lastMonth');
  const text = textOf(html);

  it('shows each rate with the counts behind it', () => {
    expect(text).toContain('监督分析');
    expect(text).toContain('柳塘派出所');
    expect(text).toContain('考核指标');
    expect(text).toContain('按时签收率');
    expect(text).toContain('95.0%'); // 38 / 40
    expect(text).toMatch(/按时签收 38 \/ 应签收 40/);
    expect(text).toContain('90.0%'); // 45 / 50
    expect(text).toMatch(/按时办结 45 \/ 应办结 50 （ 在办超期 1 ）/);
    expect(text).toMatch(/满意（含基本满意） 19 \/ 已评价 20/);
    expect(text).toMatch(/发回重办 3 \/ 办结 48/);
    expect(text).toContain('已回访 3 / 应回访 4');
    expect(text).toContain('75.0%');
    expect(text).toMatch(/提级督办 .*1 件/);
  });

  it('compares with 上期 and 去年同期 in percentage points, green when better and red when worse', () => {
    // 按时办结率 90.0% against 85.0% the period before (up, better) and 90.0% a year ago.
    const resolved = card(html, '按时办结率');
    expect(textOf(resolved)).toMatch(/较上期 5\.0 个百分点 较去年同期 持平/);
    expect(changes(resolved)).toEqual([
      { colour: GREEN, arrow: '上升' },
      { colour: null, arrow: '持平' },
    ]);
    // 发回重办率 6.3% against 10.0%: down 3.8 points, and lower is better.
    const reopened = card(html, '发回重办率');
    expect(textOf(reopened)).toMatch(/较上期 3\.8 个百分点 较去年同期 无可比数据/);
    expect(changes(reopened)).toEqual([{ colour: GREEN, arrow: '下降' }]);
    // 满意率 95.0% against 100%: down 5.0 points; nothing was rated a year ago.
    const satisfaction = card(html, '满意率');
    expect(textOf(satisfaction)).toMatch(/较上期 5\.0 个百分点 较去年同期 无可比数据/);
    expect(changes(satisfaction)).toEqual([{ colour: RED, arrow: '下降' }]);
    // 提级督办 1 against 3 the period before (two fewer, better), against none a year ago (one more).
    const escalated = card(html, '提级督办');
    expect(textOf(escalated)).toMatch(/较上期 2 较去年同期 1/);
    expect(changes(escalated)).toEqual([
      { colour: GREEN, arrow: '下降' },
      { colour: RED, arrow: '上升' },
    ]);
  });

  it('opens the matters behind a figure: the misses of a rate, or the set a count names, for the period', () => {
    // The unit's own matters: a station opened from the bureau's view lists only its own.
    const U = '11111111-1111-4111-8111-111111111111';
    const links = hrefs(html);
    expect(links).toContain(`/console/desk?kpi=resolve_late&from=2026-11-01&to=2026-11-30&unitId=${U}`);
    expect(links).toContain(`/console/desk?kpi=take_late&from=2026-11-01&to=2026-11-30&unitId=${U}`);
    expect(links).toContain(`/console/desk?kpi=unsatisfied&from=2026-11-01&to=2026-11-30&unitId=${U}`);
    expect(links).toContain(`/console/desk?kpi=resolve_on_time&from=2026-11-01&to=2026-11-30&unitId=${U}`);
    expect(links).toContain(drillLink('escalated', { ...NOV, unitId: U }));
    expect(html).toContain('aria-label="按时办结率：查看超期办结或在办超期的事项"');
  });

  it('titles the time charts with the median and the 90th percentile, and folds 计算说明', () => {
    expect(html).toContain('aria-label="首次响应时长：中位数 12分钟 · 90%在 45分钟内"');
    expect(html).toContain('aria-label="办结时长：中位数 1天 · 90%在 3.5天内"');
    expect(text).toContain('另有 2 件尚未回应');
    expect(text).toContain('计算说明');
    expect(text).not.toContain('各所对比');
  });
});

describe('a bureau supervisor’s dashboard', () => {
  const bureau: KpiDashboard = {
    ...chief,
    unitId: '22222222-2222-4222-8222-222222222222',
    unitName: '青禾县公安局',
    unitKind: 'bureau',
    stations: [
      station('33333333-3333-4333-8333-333333333333', '柳塘派出所', { resolve_due: 50, resolve_on_time: 45 }),
      station('44444444-4444-4444-8444-444444444444', '城关派出所', { resolve_due: 8, resolve_on_time: 2 }),
    ],
  };
  const url = '/console/dashboard?p=custom&from=2026-11-01&to=2026-11-30';
  const html = render(bureau, url);
  const text = textOf(html);

  it('sets its stations side by side, each name opening that station’s dashboard for the same period', () => {
    expect(text).toContain('各所对比');
    expect(text).toMatch(/柳塘派出所 — 0\/0 90\.0% 45\/50/);
    expect(text).toMatch(/城关派出所 — 0\/0 25\.0% 2\/8/);
    expect(hrefs(html)).toContain(
      '/console/dashboard?p=custom&from=2026-11-01&to=2026-11-30&unitId=44444444-4444-4444-8444-444444444444',
    );
    expect(html).toContain('aria-label="各所考核指标对比"');
  });
});
