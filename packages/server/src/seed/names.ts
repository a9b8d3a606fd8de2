/**
 * Generated Chinese names and numbers for demo data: plausible, deterministic, not real people;
 * and the lookups the seed makes into lists and maps it built itself.
 */

export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = ReturnType<typeof rng>;

export function pick<T>(rand: Rand, items: readonly T[]): T {
  return itemAt(items, Math.floor(rand() * items.length));
}

/** `items[i]` where the seed knows `i` is in range: a miss is a bug in the seed. */
export function itemAt<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`seed: no item ${i} in a list of ${items.length}`);
  return item;
}

/** `record[key]` where the seed itself created `key`: a miss is a bug in the seed. */
export function valueAt<T>(record: Readonly<Record<string, T>>, key: string): T {
  const value = record[key];
  if (value === undefined) throw new Error(`seed: nothing under ${key}`);
  return value;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力国林春梅兰凤云志鹏飞斌宇浩凯晨欣怡佳琪子涵俊峰海燕雪婷慧琳博瑞泽宁安康';

export function personName(rand: Rand): string {
  const given = pick(rand, [...GIVEN]) + (rand() < 0.7 ? pick(rand, [...GIVEN]) : '');
  return pick(rand, [...SURNAMES]) + given;
}

/** A fictitious mobile number in the 139 range. */
export function mobile(rand: Rand): string {
  return `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
}

const BEIJING_OFFSET = 8 * 3_600_000;

/**
 * A staff member's moment moved into Beijing office hours (8:30–18:00): one in the evening or the night becomes
 * the next morning's, 8:30 to 10:00 (the minute taken from the moment itself, so the seed's random sequence — and
 * with it everything else generated — stays as it was). Never after `now`: when the next morning is still to
 * come, the end of the last office hours (17:59) instead.
 */
export function officeHours(t: Date, now: Date): Date {
  const beijing = new Date(t.getTime() + BEIJING_OFFSET);
  const minutes = beijing.getUTCHours() * 60 + beijing.getUTCMinutes();
  if (minutes >= 8 * 60 + 30 && minutes < 18 * 60) return t;
  if (minutes >= 18 * 60) beijing.setUTCDate(beijing.getUTCDate() + 1);
  beijing.setUTCHours(8, 30 + (Math.floor(t.getTime() / 60_000) % 90), 0, 0);
  const moved = new Date(beijing.getTime() - BEIJING_OFFSET);
  if (moved <= now) return moved;
  // The next office hours are still to come (the demo seeded in the evening): the end of the last ones instead,
  // so a time seeded late today never reads 18:00 or later whatever the hour the demo is started.
  const back = new Date(t.getTime() + BEIJING_OFFSET);
  if (minutes < 8 * 60 + 30) back.setUTCDate(back.getUTCDate() - 1);
  back.setUTCHours(17, 59, 59, 0);
  const ended = new Date(back.getTime() - BEIJING_OFFSET);
  return ended <= now ? ended : t <= now ? t : now;
}
