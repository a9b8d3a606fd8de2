/**
 * 五必评 figures (评价统计): what each figure counts, said once, in plain words.
 * The server computes by these rules, the console page prints them under
 * 计算说明 and the XLSX export carries them on its first sheet (说明), so
 * the chief reads exactly what the numbers mean.
 */
import type { Label } from '../i18n.js';

/** An officer's satisfaction is shown only from this many rated answers up; below it reads 样本不足. */
export const MIN_ANSWERS_PER_OFFICER = 5;

/** The longest range one figures request may cover. */
export const FIGURES_MAX_MONTHS = 24;

/** Months are counted in Beijing time (UTC+8, no daylight saving). */
export const FIGURES_TIME_ZONE = 'Asia/Shanghai';
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export interface FigureDefinition {
  /** Stable id, also the field name in the figures' counts where there is one. */
  id: string;
  label: Label;
  /** How it is computed, in one plain sentence. */
  how: Label;
}

/** Every figure of the page and the export, in the order they are explained. */
export const FIGURE_DEFINITIONS: readonly FigureDefinition[] = [
  {
    id: 'month',
    label: { zh: '统计月份', en: 'Month' },
    how: {
      zh: `每条评价按“发出评价请求”（即工作办完）时的北京时间计入月份；所选月份范围之外的不计入。图中某月有满意度的评价不足 ${MIN_ANSWERS_PER_OFFICER} 条时不画满意率的点（如刚开始的月份），条数照常显示。`,
      en: `Each evaluation counts in the month (Beijing time) its request was opened, i.e. when the work was done; months outside the range are left out. A month with fewer than ${MIN_ANSWERS_PER_OFFICER} rated answers gets no satisfaction point on the chart (such as a month just begun); its counts are shown as usual.`,
    },
  },
  {
    id: 'requests',
    label: { zh: '发出评价', en: 'Requests' },
    how: {
      zh: '本所在所选月份内发出的评价请求数（每件事、每次接待、每次会议扫码、每次走访、每条意见答复各一条）。',
      en: 'Evaluation requests the station opened in the range (one per matter round, reception, meeting scan, visit or answer).',
    },
  },
  {
    id: 'answered',
    label: { zh: '已评价', en: 'Answered' },
    how: {
      zh: '群众已提交的评价数，不含“待确认”的评价。',
      en: 'Requests the resident answered, leaving out answers awaiting the chief (to confirm).',
    },
  },
  {
    id: 'rated',
    label: { zh: '有满意度', en: 'Rated' },
    how: {
      zh: '已评价中回答了满意度题目的条数，是满意率的分母。',
      en: 'Answered evaluations that answered the satisfaction question: the denominator of the satisfaction rate.',
    },
  },
  {
    id: 'satisfied',
    label: { zh: '满意（含基本满意）', en: 'Satisfied' },
    how: {
      zh: '满意度选在量表中标为“满意”的选项的条数：三级量表为“满意”“基本满意”，好差评五级为“非常满意”“满意”“基本满意”。',
      en: 'Rated answers whose option the scale marks as satisfied: 满意 and 基本满意 on the three-level scale, the first three levels on the 好差评 scale.',
    },
  },
  {
    id: 'satisfactionRate',
    label: { zh: '满意率', en: 'Satisfaction rate' },
    how: {
      zh: '满意率 = 满意（含基本满意）÷ 有满意度的评价数；旁边总是写出条数。没有评价的不算满意，也不算不满意。',
      en: 'Satisfaction rate = satisfied ÷ rated, always shown with the counts; requests never answered count neither way.',
    },
  },
  {
    id: 'unrated',
    label: { zh: '未评满意度', en: 'No satisfaction given' },
    how: {
      zh: '已提交但没有回答满意度题目的评价，单独列出，不计入满意率。',
      en: 'Answers that left the satisfaction question out: shown apart, outside the satisfaction rate.',
    },
  },
  {
    id: 'expired',
    label: { zh: '过期未评价', en: 'Expired unanswered' },
    how: {
      zh: '已过评价期限仍没有提交的请求：记为“未评价”，单独列出，从不默认为满意。',
      en: 'Requests past their deadline with no answer: "not rated", shown apart, never taken as satisfied.',
    },
  },
  {
    id: 'open',
    label: { zh: '待评价', en: 'Awaiting answer' },
    how: {
      zh: '还在评价期限内、群众尚未提交的请求；不计入任何比率。',
      en: 'Requests still within their deadline and not answered yet: left out of every rate.',
    },
  },
  {
    id: 'responseRate',
    label: { zh: '参评率', en: 'Response rate' },
    how: {
      zh: '参评率 = 已评价 ÷（已评价 + 过期未评价）；待评价和待确认都不计入。',
      en: 'Response rate = answered ÷ (answered + expired unanswered); requests awaiting an answer or the chief are left out.',
    },
  },
  {
    id: 'flagged',
    label: { zh: '待确认', en: 'To confirm' },
    how: {
      zh: '同一台设备（或同一地址加同一设备特征）短时间内提交多条评价时被标出，所长确认前不计入任何数字和比率（也不计入复核与回访）；确认后按正常评价计入。',
      en: 'Answers flagged as many from one device in a short time: left out of every figure and rate (reviews and callbacks too) until the chief accepts them, then counted as usual.',
    },
  },
  {
    id: 'officer',
    label: { zh: '按民警', en: 'By officer' },
    how: {
      zh: `按被评价的民警（办理人、接待人、走访人等）统计；某位民警有满意度的评价不足 ${MIN_ANSWERS_PER_OFFICER} 条时不显示其数字，只标“样本不足”。`,
      en: `By the officer whose work was rated; an officer with fewer than ${MIN_ANSWERS_PER_OFFICER} rated answers shows no figures, only "sample too small".`,
    },
  },
  {
    id: 'team',
    label: { zh: '按队', en: 'By team' },
    how: {
      zh: '按被评价民警现在所在的队统计；没有指定民警或民警未编入队的，计入“未编入队”。',
      en: 'By the team the rated officer belongs to now; evaluations with no officer or an officer in no team count under "no team".',
    },
  },
  {
    id: 'village',
    label: { zh: '按村（社区）', en: 'By village' },
    how: {
      zh: '按工作所在的村（社区）统计（网格上的工作计入其所在村）；在所本级进行的（如窗口接待、所里开会）计入“所本级”。',
      en: 'By the village the work belongs to (a grid counts in its village); work at the station itself (the window, meetings there) counts under "station level".',
    },
  },
  {
    id: 'reviewsOpened',
    label: { zh: '复核发起', en: 'Reviews opened' },
    how: {
      zh: '不满意的评价自动发起复核；统计所选月份内评价请求对应的复核条数。',
      en: 'Each unsatisfied answer opens a review; counted for the requests in the range.',
    },
  },
  {
    id: 'reviewsClosedOnTime',
    label: { zh: '按时回访', en: 'Called back on time' },
    how: {
      zh: '已回访（复核已关闭）中，回访结果记录时间不晚于回访期限的条数；按时率 = 按时回访 ÷ 复核发起。',
      en: 'Closed reviews whose callback outcome was recorded by the due time; on-time rate = on time ÷ opened.',
    },
  },
  {
    id: 'reviewsOverdue',
    label: { zh: '逾期未回访', en: 'Overdue' },
    how: {
      zh: '还没有回访结果、且已过回访期限的复核。',
      en: 'Reviews with no callback outcome yet, past their due time.',
    },
  },
  {
    id: 'callbacksDone',
    label: { zh: '回访完成', en: 'Callbacks done' },
    how: {
      zh: '已记录回访结果（经解释群众认可、群众仍不满意、责令整改）的复核条数，并按结果分列。',
      en: 'Reviews with a recorded callback outcome (explained, still unsatisfied, rectification), split by outcome.',
    },
  },
];

/** A month as `YYYY-MM`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month (Beijing time) an instant falls in. */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

/** The instant a month starts in Beijing time. */
export function monthStart(month: string): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1) - BEIJING_OFFSET_MS);
}

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to && months.length <= FIGURES_MAX_MONTHS * 4; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** [start, end) of a month range in Beijing time. */
export function monthRange(from: string, to: string): { start: Date; end: Date } {
  return { start: monthStart(from), end: monthStart(addMonths(to, 1)) };
}

/** A share, or null when nothing was counted (never a default 100%). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** "98.5%" — or "—" when there is nothing to divide. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
