import type { WarningReachUnit } from '@jingmin/shared';
import { describe, expect, it } from 'vitest';
import {
  areasOf,
  choiceOf,
  composerSteps,
  inputOf,
  NO_TARGET,
  rateText,
  reachRows,
  readPeriodDrill,
  type TreeUnit,
  targetOf,
} from './model';

const S = '00000000-0000-4000-8000-000000000001';
const grid = (id: string): TreeUnit => ({ id, kind: 'grid', children: [] });
// 柳塘警务室 (an office under the station) holds 东岭村 (two grids) and 西坪村 (one grid); 南湾镇 (a township) holds 南湾社区.
const tree: TreeUnit[] = [
  {
    id: 'office',
    kind: 'police_office',
    children: [
      { id: 'dongling', kind: 'village', children: [grid('dl-1'), grid('dl-2')] },
      { id: 'xiping', kind: 'village', children: [grid('xp-1')] },
    ],
  },
  { id: 'nanwan-town', kind: 'township', children: [{ id: 'nanwan', kind: 'village', children: [] }] },
];

describe('the target chosen on the tree', () => {
  it('names a ticked village once, not with its grids', () => {
    expect(areasOf(tree, ['dongling', 'dl-1', 'dl-2'])).toEqual(['dongling']);
  });

  it('names single grids when their village is only half ticked', () => {
    expect(areasOf(tree, ['dl-2', 'xp-1', 'xiping'])).toEqual(['dl-2', 'xiping']);
  });

  it('turns a ticked police office into its villages (an office is no area), keeps a ticked township', () => {
    expect(areasOf(tree, ['office', 'dongling', 'dl-1', 'dl-2', 'xiping', 'xp-1'])).toEqual(['dongling', 'xiping']);
    expect(areasOf(tree, ['nanwan-town', 'nanwan'])).toEqual(['nanwan-town']);
  });

  it('sends the station id for the whole station, whatever is ticked', () => {
    expect(targetOf(S, tree, { ...NO_TARGET, wholeStation: true, checked: ['nanwan'] })).toEqual({
      unitIds: [S],
      roomIds: [],
      subscribers: false,
    });
  });

  it('keeps rooms and subscribers beside the areas, and is null when nothing is chosen', () => {
    expect(targetOf(S, tree, { ...NO_TARGET, checked: ['nanwan'], roomIds: ['r1'], subscribers: true })).toEqual({
      unitIds: ['nanwan'],
      roomIds: ['r1'],
      subscribers: true,
    });
    expect(targetOf(S, tree, { ...NO_TARGET, subscribers: true })).toEqual({
      unitIds: [],
      roomIds: [],
      subscribers: true,
    });
    expect(targetOf(S, tree, NO_TARGET)).toBeNull();
  });

  it('reads a saved target back into ticks', () => {
    const saved = {
      units: [{ id: 'dongling', name: '东岭村', kind: 'village' }],
      rooms: [{ id: 'r1', name: '平安东岭' }],
      subscribers: false,
    };
    expect(choiceOf(S, saved)).toEqual({
      wholeStation: false,
      checked: ['dongling'],
      roomIds: ['r1'],
      subscribers: false,
    });
    expect(choiceOf(S, { ...saved, units: [{ id: S, name: '柳塘派出所', kind: 'station' }] }).wholeStation).toBe(true);
  });
});

describe('the draft the composer sends', () => {
  it('trims the title and body and carries the rest as chosen', () => {
    const target = { unitIds: ['dongling'], roomIds: [], subscribers: false };
    expect(
      inputOf(
        S,
        {
          category: 'antifraud',
          priority: 'urgent',
          title: '  警惕冒充客服退款诈骗 ',
          body: '\n近期辖区多名群众接到自称快递客服的电话……\n',
          ackRequired: true,
          expiresAt: '2026-12-31T16:00:00.000Z',
          sms: true,
          photoIds: ['p1'],
          mediaIds: [],
        },
        target,
      ),
    ).toEqual({
      stationId: S,
      category: 'antifraud',
      priority: 'urgent',
      title: '警惕冒充客服退款诈骗',
      body: '近期辖区多名群众接到自称快递客服的电话……',
      ackRequired: true,
      expiresAt: '2026-12-31T16:00:00.000Z',
      target,
      sms: true,
      photoIds: ['p1'],
      mediaIds: [],
    });
  });

  it('offers 提交审核 for 紧急 and 发布/定时发布 otherwise; a saved draft follows its actions', () => {
    expect(composerSteps('urgent', null)).toEqual(['submit']);
    expect(composerSteps('community', null)).toEqual(['send', 'schedule']);
    // The chief's own urgent notice goes out by the chief.
    expect(composerSteps('urgent', null, true)).toEqual(['send', 'schedule']);
    // An approved urgent draft may be sent by whoever the server says.
    expect(composerSteps('urgent', { priority: 'urgent', actions: ['edit', 'send', 'schedule', 'delete'] })).toEqual([
      'send',
      'schedule',
    ]);
    // Changed to 紧急 since it was saved: the rule holds until it is saved again.
    expect(composerSteps('urgent', { priority: 'advisory', actions: ['edit', 'send', 'schedule'] })).toEqual([
      'submit',
    ]);
  });
});

describe('the reach rows', () => {
  const unit = (u: Partial<WarningReachUnit> & { unitId: string }): WarningReachUnit => ({
    name: u.unitId,
    kind: 'village',
    parentId: null,
    households: 0,
    scannedHouseholds: 0,
    opened: 0,
    acknowledged: 0,
    ...u,
  });

  it('puts each grid under its village and works out the rates', () => {
    const rows = reachRows([
      unit({ unitId: 'dongling', households: 1200, scannedHouseholds: 1180, opened: 812, acknowledged: 640 }),
      unit({
        unitId: 'dl-1',
        kind: 'grid',
        parentId: 'dongling',
        households: 600,
        scannedHouseholds: 590,
        opened: 400,
      }),
      unit({ unitId: 'xiping', households: 0 }),
      unit({ unitId: 'lone', kind: 'grid', parentId: 'elsewhere', households: 3, scannedHouseholds: 1 }),
    ]);
    expect(rows.map((r) => r.unitId)).toEqual(['dongling', 'xiping', 'lone']);
    const dongling = rows[0];
    expect(dongling?.scanRate).toBe(98.3);
    expect(dongling?.openRate).toBe(67.7);
    expect(dongling?.ackRate).toBe(78.8);
    expect(dongling?.children?.map((c) => [c.unitId, c.ackRate])).toEqual([['dl-1', 0]]);
    // Nothing to divide: no rate, not 0%.
    expect(rows[1]?.scanRate).toBeNull();
    expect(rows[1]?.children).toBeUndefined();
    expect(rateText(rows[1]?.ackRate ?? null)).toBe('—');
    expect(rateText(33.3)).toBe('33.3%');
  });
});

describe('readPeriodDrill', () => {
  const get = (q: string) => (key: string) => new URLSearchParams(q).get(key);
  it('keeps a sound period and unit from the address', () => {
    expect(readPeriodDrill(get(`from=2026-11-01&to=2026-11-30&unitId=${S}`))).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      unitId: S,
    });
    expect(readPeriodDrill(get('from=2026-11-01&to=2026-11-01&unitId=abc'))).toEqual({
      from: '2026-11-01',
      to: '2026-11-01',
    });
  });
  it('drops a reversed, partial or impossible period', () => {
    expect(readPeriodDrill(get('from=2026-11-30&to=2026-11-01'))).toBeNull();
    expect(readPeriodDrill(get('from=2026-11-01'))).toBeNull();
    expect(readPeriodDrill(get('from=2026-02-30&to=2026-03-01'))).toBeNull();
    expect(readPeriodDrill(get(''))).toBeNull();
  });
});
