/** How a rate reads: 96.0%（n=25，区间 80.5%–99.3%）. */
import type { CheckRateRow } from '@jingmin/shared';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function formatRate(r: CheckRateRow['knowsOfficer'], t: (zh: string, en: string) => string): string {
  if (r.rate === null || r.low === null || r.high === null) return t('—（尚无答复）', '— (no answers yet)');
  return t(
    `${pct(r.rate)}（n=${r.answered}，区间 ${pct(r.low)}–${pct(r.high)}）`,
    `${pct(r.rate)} (n=${r.answered}, interval ${pct(r.low)}–${pct(r.high)})`,
  );
}

export { dateTime as formatTime } from '../../matter/labels';
