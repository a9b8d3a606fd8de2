/**
 * 反诈统计: received, verified, contacted within the deadline, each outcome, money prevented from loss and lost — in
 * all, by fraud type and by month (Beijing time) — over the instructions of a station or of the actor's whole scope.
 * Counts and money only: no person. Purged instructions count like any other.
 */
import { FRAUD_TYPES, type FraudFigures, type FraudFiguresQuery, type FraudType } from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { fraudInstructions, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { canSeePath, visibleUnits } from '../../platform/scope.js';

const MAX_MONTHS = 60;
const f = fraudInstructions;

type Counts = FraudFigures['totals'];
type Row = Counts & { fraud_type: FraudType; month: string };
const FIELDS: (keyof Counts)[] = [
  'received',
  'verified',
  'contactedInTime',
  'dissuaded',
  'defrauded',
  'unreachable',
  'falseAlarm',
  'amountPrevented',
  'amountLost',
];

const zero = (): Counts => Object.fromEntries(FIELDS.map((k) => [k, 0])) as Counts;
function add(into: Counts, r: Counts) {
  for (const k of FIELDS) into[k] += Number(r[k]);
  return into;
}

function slot<K>(map: Map<K, Counts>, key: K): Counts {
  const found = map.get(key);
  if (found) return found;
  const fresh = zero();
  map.set(key, fresh);
  return fresh;
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
/** The first moment of a month in Beijing. */
const monthStart = (i: number) => new Date(Date.UTC(Math.floor(i / 12), i % 12, 1) - 8 * 3_600_000);

async function whereOf(ctx: Ctx, stationId: string | undefined) {
  const actor = actorOf(ctx);
  if (!stationId) return visibleUnits(actor, f.unitPath);
  const [station] = await ctx.db
    .select({ path: units.path })
    .from(units)
    .where(and(eq(units.id, stationId), eq(units.kind, 'station')));
  if (!station) throw new AppError('NOT_FOUND', { what: 'station' });
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  return eq(f.stationId, stationId);
}

export async function fraudFigures(ctx: Ctx, q: FraudFiguresQuery): Promise<FraudFigures> {
  const from = monthIndex(q.from);
  const to = monthIndex(q.to);
  if (from > to) throw invalid(ctx, 'from', '开始月份不能晚于结束月份', 'must not be after `to`');
  if (to - from + 1 > MAX_MONTHS) throw invalid(ctx, 'to', '统计区间最长 60 个月', 'the period is at most 60 months');
  const where = await whereOf(ctx, q.stationId);
  const rows = rowsOf<Row>(
    await ctx.db.execute(sql`
      SELECT ${f.fraudType} AS fraud_type,
             to_char(${f.receivedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
             count(*)::int AS "received",
             count(*) FILTER (WHERE ${f.status} = 'verified')::int AS "verified",
             count(*) FILTER (WHERE ${f.contactedAt} <= ${f.deadlineAt})::int AS "contactedInTime",
             count(*) FILTER (WHERE ${f.outcome} = 'dissuaded')::int AS "dissuaded",
             count(*) FILTER (WHERE ${f.outcome} = 'defrauded')::int AS "defrauded",
             count(*) FILTER (WHERE ${f.outcome} = 'unreachable')::int AS "unreachable",
             count(*) FILTER (WHERE ${f.outcome} = 'false_alarm')::int AS "falseAlarm",
             coalesce(sum(${f.amountPrevented}), 0)::bigint AS "amountPrevented",
             coalesce(sum(${f.amountLost}), 0)::bigint AS "amountLost"
        FROM ${f}
       WHERE ${where}
         AND ${f.receivedAt} >= ${monthStart(from).toISOString()}::timestamptz
         AND ${f.receivedAt} < ${monthStart(to + 1).toISOString()}::timestamptz
       GROUP BY 1, 2`),
  );
  const totals = zero();
  const byType = new Map<FraudType, Counts>();
  const byMonth = new Map<string, Counts>();
  for (const r of rows) {
    add(totals, r);
    add(slot(byType, r.fraud_type), r);
    add(slot(byMonth, r.month), r);
  }
  return {
    totals,
    byType: FRAUD_TYPES.filter((t) => byType.has(t)).map((t) => ({ fraudType: t, ...(byType.get(t) as Counts) })),
    byMonth: Array.from({ length: to - from + 1 }, (_, k) => {
      const month = monthOf(from + k);
      return { month, ...(byMonth.get(month) ?? zero()) };
    }),
  };
}
