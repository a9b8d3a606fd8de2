/** The desk list reads a dashboard's drill-down from its address: the list's query and the tag's words. */
import { describe, expect, it } from 'vitest';
import { drillQuery, drillWords, hasDrill, readDrill } from './drill';

const read = (query: string) => {
  const params = new URLSearchParams(query);
  return readDrill((k) => params.get(k));
};
const UNIT = '3f2b8a64-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('the desk list’s drill-down', () => {
  it('takes a bar of intake by kind: the KPI set over its period, the kind and the unit', () => {
    const d = read(`kpi=submitted&from=2026-11-01&to=2026-11-30&kind=consult&unitId=${UNIT}`);
    expect(drillQuery(d)).toEqual({
      kpi: 'submitted',
      from: '2026-11-01',
      to: '2026-11-30',
      kind: 'consult',
      unitId: UNIT,
    });
    expect(drillWords(d).zh).toBe('考核指标：受理（2026-11-01 至 2026-11-30） · 类型：咨询 · 所选单位及其下级');
  });

  it('takes a bar of intake by hour, and the 0 o’clock bar too', () => {
    expect(drillQuery(read('kpi=submitted&from=2026-11-01&to=2026-11-30&hour=0'))).toMatchObject({ hour: '0' });
    expect(drillWords(read('hour=13')).zh).toBe('13时（北京时间）提交');
  });

  it('drops what is not sound: an unknown set, a period missing or reversed, an hour off the clock', () => {
    for (const q of [
      'kpi=nope&from=2026-11-01&to=2026-11-30',
      'kpi=submitted&from=2026-11-01',
      'kpi=submitted&from=2026-11-30&to=2026-11-01',
      'hour=24',
      'hour=x',
      'kind=weather',
      'unitId=abc',
    ])
      expect(hasDrill(read(q)), q).toBe(false);
    expect(hasDrill(read('status=open'))).toBe(false);
  });
});
