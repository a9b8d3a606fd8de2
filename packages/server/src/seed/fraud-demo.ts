/**
 * 反诈预警劝阻 in the demo: the county's 「县反诈中心预警平台」 (pull mode; its key is made and thrown away, so nobody
 * holds it) and a year of instructions — most in 柳塘 —, every type with the weights the county sees (刷单返利 and
 * 虚假投资 the most), mostly 劝阻成功 with about 250,000 元 kept from loss in 柳塘, a few 已被骗, 未联系上 and 误报,
 * nearly all contacted within the deadline, and three still open today (one close to its deadline) with the
 * stations' officers. Names and phones sealed with the demo's data key like any other person's. Two set inserts.
 */
import {
  DEFAULT_FRAUD_RULES,
  type FraudFollowUp,
  type FraudLevel,
  type FraudOutcome,
  type FraudType,
  fraudDeadline,
  maskName,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { fraudInstructions, fraudUpstreams } from '../db/schema/index.js';
import { maskPhone, randomToken, sealField, sm3 } from '../platform/crypto.js';
import { insertMany } from './bulk.js';
import { itemAt, mobile, personName, type Rand, rng } from './names.js';

export interface FraudDemoStation {
  id: string;
  path: string;
  /** The officer who answers for its grids, and the desk who enters and reassigns. */
  officerId: string;
  deskId: string;
  /** How many instructions over the year, and the money kept from loss they add up to. */
  count: number;
  prevented: number;
}

const TYPE_WEIGHTS: [FraudType, number][] = [
  ['rebate', 22],
  ['investment', 18],
  ['customer_service', 9],
  ['loan', 8],
  ['authority', 8],
  ['shopping', 7],
  ['acquaintance', 7],
  ['credit', 5],
  ['romance', 5],
  ['game', 4],
  ['ai_imitation', 4],
  ['other', 3],
];
const DETAILS: Partial<Record<FraudType, string>> = {
  rebate: '疑似参与网络刷单，已按“客服”指引下载陌生APP，存在继续转账风险。',
  investment: '近期多次向陌生账户转账“投资理财”，涉案平台已列入预警名单。',
  customer_service: '接到冒充快递客服电话称“理赔”，正被引导开启屏幕共享。',
  loan: '正在办理“无抵押低息贷款”，被要求先交“解冻金”。',
  authority: '接到冒充公安来电称其涉嫌洗钱，要求转入“安全账户”。',
  acquaintance: '被冒充“领导”的QQ号要求代为转账。',
};
const MINUTE = 60_000;

function weighted(rand: Rand): FraudType {
  const total = TYPE_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  let r = rand() * total;
  for (const [t, w] of TYPE_WEIGHTS) {
    r -= w;
    if (r < 0) return t;
  }
  return 'other';
}

function outcomeOf(rand: Rand): FraudOutcome {
  const r = rand();
  return r < 0.8 ? 'dissuaded' : r < 0.87 ? 'defrauded' : r < 0.94 ? 'unreachable' : 'false_alarm';
}

async function sequence(tx: Tx, name: string, n: number): Promise<number[]> {
  const rows = rowsOf<{ v: string }>(await tx.execute(sql`SELECT nextval(${name}) AS v FROM generate_series(1, ${n})`));
  return rows.map((r) => Number(r.v));
}

async function homesOf(tx: Tx, path: string) {
  return rowsOf<{ id: string; unit_id: string; unit_path: string; address: string }>(
    await tx.execute(sql`SELECT id, unit_id, unit_path, address FROM households
      WHERE unit_path LIKE ${`${path}%`} AND kind = 'household' ORDER BY doorplate_code LIMIT 600`),
  );
}

type Row = typeof fraudInstructions.$inferInsert;

/** One station's instructions: `open` of them today, the rest over the past year. */
async function stationRows(
  tx: Tx,
  key: Buffer,
  rand: Rand,
  now: Date,
  s: FraudDemoStation,
  upstreamId: string,
  open: number,
) {
  const homes = await homesOf(tx, s.path);
  const rows: Row[] = [];
  for (let k = 0; k < s.count; k++) {
    const isOpen = k >= s.count - open;
    const home = itemAt(homes, Math.floor(rand() * homes.length));
    const fraudType = weighted(rand);
    const level: FraudLevel = rand() < 0.45 ? 'high' : rand() < 0.8 ? 'medium' : 'low';
    const minutesAgo = isOpen ? (k === s.count - 1 ? 8 : 3 + (k % 5)) : 60 + Math.floor(rand() * 364 * 24 * 60);
    const receivedAt = new Date(now.getTime() - minutesAgo * MINUTE);
    const deadlineAt = fraudDeadline(receivedAt, isOpen && k === s.count - 1 ? 'high' : level, DEFAULT_FRAUD_RULES);
    const name = personName(rand);
    const phone = mobile(rand);
    const fromDesk = rand() < 0.12;
    const outcome = outcomeOf(rand);
    const span = deadlineAt.getTime() - receivedAt.getTime();
    const contactedAt = new Date(receivedAt.getTime() + span * (rand() < 0.93 ? 0.2 + rand() * 0.7 : 1.2 + rand()));
    const verifiedAt = new Date(contactedAt.getTime() + (5 + Math.floor(rand() * 40)) * MINUTE);
    const followUps: FraudFollowUp[] =
      outcome === 'dissuaded'
        ? ['app_installed', ...(rand() < 0.4 ? (['family_talk'] as const) : [])]
        : outcome === 'defrauded'
          ? ['bank_alert', 'case_filed']
          : [];
    rows.push({
      number: '',
      stationId: s.id,
      unitId: home.unit_id,
      unitPath: home.unit_path,
      householdId: home.id,
      upstreamId: fromDesk ? null : upstreamId,
      externalId: fromDesk
        ? null
        : `QHFZ${receivedAt.toISOString().slice(0, 10).replaceAll('-', '')}${String(k).padStart(4, '0')}`,
      contentDigest: sm3(`${s.id}:${k}`),
      issuedAt: new Date(receivedAt.getTime() - 2 * MINUTE),
      receivedAt,
      nameEnc: sealField(key, name),
      nameMasked: maskName(name),
      phoneEnc: sealField(key, phone),
      phoneMasked: maskPhone(phone),
      addressEnc: sealField(key, home.address),
      detailEnc: DETAILS[fraudType] ? sealField(key, DETAILS[fraudType]) : null,
      fraudType,
      level: isOpen && k === s.count - 1 ? 'high' : level,
      deadlineAt,
      status: isOpen ? 'open' : 'verified',
      assigneeId: s.officerId,
      routedTo: 'officer',
      ...(isOpen
        ? { feedbackStatus: fromDesk ? 'none' : 'pending' }
        : {
            method: rand() < 0.7 ? 'phone' : rand() < 0.7 ? 'visit' : 'family',
            contactedAt,
            outcome,
            amountLost: outcome === 'defrauded' ? 2_000 + Math.floor(rand() * 60) * 500 : 0,
            amountPrevented: outcome === 'dissuaded' ? 1 + Math.floor(rand() * 100) : 0,
            attempts: outcome === 'unreachable' ? 3 + Math.floor(rand() * 3) : 1,
            followUps,
            verifiedAt,
            verifiedBy: s.officerId,
            feedbackStatus: fromDesk ? 'none' : 'sent',
            feedbackSentAt: fromDesk ? null : new Date(verifiedAt.getTime() + 10 * MINUTE),
          }),
      createdBy: fromDesk ? s.deskId : null,
      createdAt: receivedAt,
      updatedAt: isOpen ? receivedAt : verifiedAt,
    } as Row);
  }
  // Weights become yuan: the station's total kept from loss, in hundreds.
  const weights = rows.reduce((n, r) => n + (r.amountPrevented ?? 0), 0) || 1;
  for (const r of rows)
    if (r.amountPrevented) r.amountPrevented = Math.round(((r.amountPrevented / weights) * s.prevented) / 100) * 100;
  return rows;
}

/**
 * Seeds the upstream and the instructions; answers how many instructions. Call inside the demo's transaction, after
 * the stations' households, staff and beats exist.
 */
export async function seedFraudDemo(
  tx: Tx,
  dataKey: Buffer,
  now: Date,
  county: { bureau: { id: string; path: string }; stations: FraudDemoStation[] },
): Promise<number> {
  const rand = rng(4113);
  const apiKey = `jmk_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')
    .slice(0, 8)}`;
  const [up] = await tx
    .insert(fraudUpstreams)
    .values({
      unitId: county.bureau.id,
      unitPath: county.bureau.path,
      name: '县反诈中心预警平台',
      keyPrefix: apiKey,
      keyHash: sm3(randomToken(32)),
      allowedIps: ['10.99.0.0/16'],
      feedback: 'pull',
      webhookSecretEnc: sealField(dataKey, randomToken(32)),
      createdAt: new Date(now.getTime() - 400 * 24 * 60 * MINUTE),
      lastUsedAt: new Date(now.getTime() - 2 * MINUTE),
    })
    .returning({ id: fraudUpstreams.id });
  const rows: Row[] = [];
  for (const [i, s] of county.stations.entries())
    rows.push(...(await stationRows(tx, dataKey, rand, now, s, up?.id ?? '', i === 0 ? 2 : 1)));
  rows.sort((a, b) => (a.receivedAt as Date).getTime() - (b.receivedAt as Date).getTime());
  const numbers = await sequence(tx, 'fraud_number_seq', rows.length);
  const pulled = rows.filter((r) => r.feedbackStatus === 'sent');
  const seqs = await sequence(tx, 'fraud_feedback_seq', pulled.length);
  rows.forEach((r, k) => {
    const day = new Date((r.receivedAt as Date).getTime() + 8 * 3_600_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    r.number = `FZ${day}-${String(numbers[k]).padStart(6, '0')}`;
  });
  pulled.forEach((r, k) => {
    r.feedbackSeq = seqs[k] ?? null;
  });
  await insertMany(tx, fraudInstructions, rows);
  return rows.length;
}
