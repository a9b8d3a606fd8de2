/**
 * The State Council's published holiday arrangements, as data. The migration
 * that creates `calendar_days` loads the same days (a module test checks that
 * the two agree); the bureau's administrator adds each later year by hand.
 */
import type { Label } from '../i18n.js';
import type { CalendarDayKind } from './workdays.js';

/** The seven public holidays of the annual notice, by their Chinese names. */
export const HOLIDAY_NAMES = {
  newYear: { zh: '元旦', en: "New Year's Day" },
  springFestival: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明节', en: 'Qingming Festival' },
  labourDay: { zh: '劳动节', en: 'Labour Day' },
  dragonBoat: { zh: '端午节', en: 'Dragon Boat Festival' },
  midAutumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  nationalDay: { zh: '国庆节', en: 'National Day' },
} as const satisfies Record<string, Label>;

/** The zh/en label of a day's name: a known holiday is translated, anything else is shown as written. */
export function holidayLabel(name: string): Label {
  const known = Object.values(HOLIDAY_NAMES).find((l) => l.zh === name);
  return known ?? { zh: name, en: name };
}

/** One day of a published arrangement. */
export interface CalendarPresetDay {
  date: string;
  kind: CalendarDayKind;
  name: Label;
  /** The notice it comes from. */
  source: string;
}

const SOURCE_2026 = '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）';

/** Days `from`..`to` (same month) off for `name`, plus its make-up working days. */
function holiday(month: number, from: number, to: number, name: Label, workdays: string[] = []): CalendarPresetDay[] {
  const mm = String(month).padStart(2, '0');
  const days: CalendarPresetDay[] = [];
  for (let d = from; d <= to; d++)
    days.push({ date: `2026-${mm}-${String(d).padStart(2, '0')}`, kind: 'holiday', name, source: SOURCE_2026 });
  for (const date of workdays) days.push({ date, kind: 'workday', name, source: SOURCE_2026 });
  return days;
}

/**
 * 2026, as published by 新华社 on 2025-11-04: 元旦 Jan 1–3 (Sun Jan 4 works);
 * 春节 Feb 15–23 (Sat Feb 14, Sat Feb 28 work); 清明 Apr 4–6; 劳动节 May 1–5
 * (Sat May 9 works); 端午 Jun 19–21; 中秋 Sep 25–27; 国庆 Oct 1–7 (Sun Sep 20,
 * Sat Oct 10 work).
 */
export const CALENDAR_2026: readonly CalendarPresetDay[] = [
  ...holiday(1, 1, 3, HOLIDAY_NAMES.newYear, ['2026-01-04']),
  ...holiday(2, 15, 23, HOLIDAY_NAMES.springFestival, ['2026-02-14', '2026-02-28']),
  ...holiday(4, 4, 6, HOLIDAY_NAMES.qingming),
  ...holiday(5, 1, 5, HOLIDAY_NAMES.labourDay, ['2026-05-09']),
  ...holiday(6, 19, 21, HOLIDAY_NAMES.dragonBoat),
  ...holiday(9, 25, 27, HOLIDAY_NAMES.midAutumn),
  ...holiday(10, 1, 7, HOLIDAY_NAMES.nationalDay, ['2026-09-20', '2026-10-10']),
].sort((a, b) => a.date.localeCompare(b.date));

/** Every published year the product ships with, by year. */
export const CALENDAR_PRESETS: Readonly<Record<number, readonly CalendarPresetDay[]>> = { 2026: CALENDAR_2026 };
