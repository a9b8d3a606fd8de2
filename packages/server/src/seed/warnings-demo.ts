/**
 * 宣传与预警 in the demo, for 柳塘派出所: nearly every household's doorplate scanned over two years (about 5,012 of
 * 5,096, the first scans early when the plates went up, then a tail); a year of notices in every category and
 * priority (a few withdrawn with their corrections, two scheduled, drafts, one urgent awaiting the chief) with their
 * reach per grid — 3,000 and more openings for a typical station-wide notice, acknowledgements where asked, thanks
 * and likes —; receipts only for the notices whose receipts are still kept (older ones purged, counts kept); a few
 * hundred phones subscribed (sealed with the demo's keys, as phones are everywhere) and replies with answers.
 * Set-based SQL over JSON rows: a few statements, fast on the embedded database.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_WARNING_CATEGORIES, DEFAULT_WARNING_RULES, warningSmsSummary } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { phoneIndexOf } from '../modules/residents/phone.service.js';
import type { AppDeps } from '../platform/context.js';
import { sealField } from '../platform/crypto.js';
import { itemAt, mobile, officeHours, pick, type Rand } from './names.js';
import { insertJson } from './room-extras-rows.js';
import { deliveredFigures, type Row, seedReach } from './warnings-demo-reach.js';
import { type NoticeText, PENDING_NOTICES, REPLIES, SENT_NOTICES, WITHDRAWN_NOTICES } from './warnings-demo-texts.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Households left unscanned, as a share: 84 of 5,096. */
const UNSCANNED = 84 / 5096;
const SUBSCRIBED_PHONES = 320;
/** 柳塘 keeps receipts a month (its rule; the default is DEFAULT_WARNING_RULES.receiptDays). */
const RECEIPT_DAYS = 30;

interface Scene {
  rand: Rand;
  now: Date;
  station: { id: string; path: string };
  villages: { id: string; name: string; path: string }[];
  staff: Record<'chief' | 'officer' | 'duty', string>;
}

const label = (key: string) => DEFAULT_WARNING_CATEGORIES.find((c) => c.key === key)?.label.zh ?? key;

/** First scans: all but ~1.6% of the homes, two years back, most when the plates went up (f = τ^0.4). */
async function firstScans(tx: Tx, s: Scene) {
  await tx.execute(sql`
    WITH h AS (
      SELECT id, row_number() OVER (ORDER BY md5(id::text)) AS n, count(*) OVER () AS total
        FROM households WHERE unit_path LIKE ${`${s.station.path}%`} AND kind = 'household'),
    scanned AS (SELECT id, n, total - round(total * ${UNSCANNED}::float8) AS k FROM h)
    UPDATE households x
       SET first_scanned_at = ${s.now.toISOString()}::timestamptz
             - make_interval(secs => (730 * 86400 * (1 - power((scanned.n - 0.5) / scanned.k, 2.5)))::float8)
      FROM scanned WHERE x.id = scanned.id AND scanned.n <= scanned.k`);
}

/** Villages a local notice (weather, fire) names go to those villages; the rest go to the whole station. */
function targetsOf(s: Scene, text: NoticeText) {
  const named = s.villages.filter((v) => `${text.title}${text.body}`.includes(v.name));
  const local = (text.category === 'alert' || text.category === 'fire') && named.length > 0;
  const units = local ? named : [s.station];
  return { target_unit_ids: units.map((u) => u.id), target_paths: units.map((u) => u.path) };
}

const expiryOf = (text: NoticeText, sent: Date) =>
  text.priority === 'urgent'
    ? new Date(sent.getTime() + 3 * DAY)
    : text.priority === 'advisory'
      ? new Date(sent.getTime() + 30 * DAY)
      : null;

/** When the daily retention pass (03:47 Beijing) would have purged a notice's receipts, if it has by now. */
function purgedAt(s: Scene, sent: Date, expires: Date | null, withdrawn: Date | null): Date | null {
  const due = Math.min(
    expires?.getTime() ?? Infinity,
    withdrawn?.getTime() ?? Infinity,
    sent.getTime() + RECEIPT_DAYS * DAY,
  );
  const pass = new Date(due + 8 * HOUR);
  pass.setUTCHours(19, 47, 0, 0); // 03:47 Beijing of the next day
  const at = new Date(pass.getTime() - 8 * HOUR + (pass.getTime() - 8 * HOUR < due ? DAY : 0));
  return at <= s.now ? at : null;
}

function noticeRow(s: Scene, text: NoticeText, sent: Date | null, extra: Row = {}): Row {
  const urgent = text.priority === 'urgent';
  const author = urgent || s.rand() < 0.6 ? s.staff.officer : s.staff.duty;
  const created = new Date((sent ?? s.now).getTime() - (urgent ? 50 : 90 + s.rand() * 600) * 60_000);
  const expires = sent ? expiryOf(text, sent) : null;
  const withdrawn = (extra.withdrawn_at as Date | undefined) ?? null;
  const sms = urgent && sent !== null;
  return {
    id: randomUUID(),
    station_id: s.station.id,
    station_path: s.station.path,
    category: text.category,
    priority: text.priority,
    title: text.title,
    body: text.body,
    ack_required: text.ack,
    expires_at: expires,
    status: sent ? 'sent' : 'draft',
    ...targetsOf(s, text),
    sms,
    sms_text: sms ? warningSmsSummary(label(text.category), text.title) : null,
    sms_done_at: sms && sent ? new Date(sent.getTime() + 6 * 60_000) : null,
    delivered_households: 0,
    sms_sent: 0,
    scheduled_at: null,
    sent_at: sent,
    withdrawn_at: null,
    correction: null,
    receipts_purged_at: sent ? purgedAt(s, sent, expires, withdrawn) : null,
    author_id: author,
    reviewer_id: urgent && sent ? s.staff.chief : null,
    reviewed_at: urgent && sent ? new Date(sent.getTime() - 20 * 60_000) : null,
    created_at: created,
    updated_at: withdrawn ?? sent ?? created,
    version: sent ? 3 : 1,
    ...extra,
  };
}

/** The year's notices: sent ones spread over it in office hours, withdrawn ones among them, then what is pending. */
function notices(s: Scene): Row[] {
  const rows: Row[] = [];
  const all = SENT_NOTICES.length + WITHDRAWN_NOTICES.length;
  const withdrawnAt = new Set(
    WITHDRAWN_NOTICES.map((_, i) => Math.floor(((i + 1) * all) / (WITHDRAWN_NOTICES.length + 1))),
  );
  let sent = 0;
  let withdrawn = 0;
  for (let i = 0; i < all; i++) {
    const day = s.now.getTime() - (362 - (i * 358) / all) * DAY - s.rand() * DAY;
    const at = officeHours(new Date(day), s.now);
    if (withdrawnAt.has(i)) {
      const text = itemAt(WITHDRAWN_NOTICES, withdrawn++);
      const gone = new Date(at.getTime() + (1 + s.rand() * 2) * HOUR);
      rows.push(noticeRow(s, text, at, { status: 'withdrawn', withdrawn_at: gone, correction: text.correction }));
    } else rows.push(noticeRow(s, itemAt(SENT_NOTICES, sent++), at));
  }
  for (const [i, text] of PENDING_NOTICES.entries()) {
    const row = noticeRow(s, text, null, { status: text.status });
    if (text.status === 'scheduled')
      row.scheduled_at = officeHours(new Date(s.now.getTime() + (2 + i * 18) * DAY), new Date(8e15));
    if (text.status === 'in_review') {
      row.created_at = new Date(s.now.getTime() - 35 * 60_000);
      row.updated_at = new Date(s.now.getTime() - 20 * 60_000);
    }
    rows.push(row);
  }
  return rows;
}

/** A few hundred verified phones following categories for their household's area; some with SMS, a few stopped. */
async function subscriptions(tx: Tx, s: Scene, keys: AppDeps['keys']): Promise<Row[]> {
  const homes = rowsOf<{ id: string; unit_path: string; unit_id: string; first_scanned_at: string }>(
    await tx.execute(sql`
      SELECT id, unit_path, unit_id, first_scanned_at FROM households
       WHERE unit_path LIKE ${`${s.station.path}%`} AND kind = 'household' AND first_scanned_at IS NOT NULL
       ORDER BY md5(id::text) LIMIT ${SUBSCRIBED_PHONES}`),
  );
  const phones = new Set<string>();
  const keysOf = DEFAULT_WARNING_CATEGORIES.map((c) => c.key).filter((k) => k !== 'antifraud');
  return homes.map((h) => {
    let phone = mobile(s.rand);
    while (phones.has(phone)) phone = mobile(s.rand);
    phones.add(phone);
    const since = new Date(new Date(h.first_scanned_at).getTime() + s.rand() * 30 * DAY);
    const created = since < s.now ? since : s.now;
    const sms = s.rand() < 0.45;
    const stopped = !sms && s.rand() < 0.12;
    return {
      id: randomUUID(),
      station_id: s.station.id,
      phone_index: phoneIndexOf(keys.data, phone),
      phone_enc: sealField(keys.data, phone),
      household_id: h.id,
      unit_path: h.unit_path,
      categories: ['antifraud', ...keysOf.filter(() => s.rand() < 0.4)],
      sms: sms,
      sms_opted_at: sms || stopped ? created : null,
      sms_stopped_at: stopped
        ? new Date(created.getTime() + (s.rand() * (s.now.getTime() - created.getTime())) / 1.5)
        : null,
      created_at: created,
      updated_at: created,
      unit_id: h.unit_id,
    };
  });
}

/** Replies from subscribed phones on a dozen sent notices, most answered by the community officer within hours. */
function replies(s: Scene, sent: Row[], subs: Row[]): Row[] {
  const rows: Row[] = [];
  const recent = sent.filter((n) => n.status === 'sent').slice(-30);
  for (const [i, [body, answer]] of REPLIES.entries()) {
    const notice = itemAt(recent, (i * 7 + 3) % recent.length);
    const sub = pick(s.rand, subs);
    const at = new Date((notice.sent_at as Date).getTime() + (0.5 + s.rand() * 20) * HOUR);
    const when = at < s.now ? at : s.now;
    const answered = answer ? officeHours(new Date(when.getTime() + (1 + s.rand() * 5) * HOUR), s.now) : null;
    rows.push({
      id: randomUUID(),
      warning_id: notice.id,
      phone_index: sub.phone_index,
      unit_id: sub.unit_id,
      body,
      answer,
      answered_by: answer ? s.staff.officer : null,
      answered_at: answered,
      created_at: when,
    });
  }
  return rows;
}

async function sceneOf(tx: Tx, rand: Rand, now: Date): Promise<Scene> {
  const units = rowsOf<{ id: string; name: string; path: string; kind: string }>(
    await tx.execute(sql`
      SELECT u.id, u.name, u.path, u.kind FROM units st JOIN units u ON u.path LIKE st.path || '%'
       WHERE st.name = '柳塘派出所' AND u.kind IN ('station', 'village') ORDER BY u.path`),
  );
  const people = rowsOf<{ username: string; id: string }>(
    await tx.execute(sql`SELECT username, id FROM staff WHERE username IN ('lt.chief', 'lt.officer', 'lt.duty')`),
  );
  const station = units.find((u) => u.kind === 'station');
  const id = (u: string) => people.find((p) => p.username === u)?.id;
  const [chief, officer, duty] = [id('lt.chief'), id('lt.officer'), id('lt.duty')];
  if (!station || !chief || !officer || !duty) throw new Error('seed: 柳塘派出所 and its staff come first');
  return { rand, now, station, villages: units.filter((u) => u.kind === 'village'), staff: { chief, officer, duty } };
}

/**
 * Call after the households and staff exist (anywhere after seedStaff in seedDemo):
 * `await seedWarnings(tx, deps.keys, rng(41), deps.clock.now())`.
 */
export async function seedWarnings(tx: Tx, keys: AppDeps['keys'], rand: Rand, now: Date) {
  const s = await sceneOf(tx, rand, now);
  await firstScans(tx, s);
  const rows = notices(s);
  const subs = await subscriptions(tx, s, keys);
  const homes = await deliveredFigures(tx, s.station.path, rows, subs);
  await insertJson(tx, 'warnings', rows);
  await insertJson(
    tx,
    'warning_subscriptions',
    subs.map(({ unit_id: _, ...sub }) => sub),
  );
  await insertJson(tx, 'warning_replies', replies(s, rows, subs));
  await tx.execute(sql`
    INSERT INTO settings (key, value) VALUES (${`warnings:${s.station.id}`},
      ${JSON.stringify({ ...DEFAULT_WARNING_RULES, smsSignature: '柳塘派出所', receiptDays: RECEIPT_DAYS })}::jsonb)
    ON CONFLICT (key) DO NOTHING`);
  const reach = await seedReach(tx, s, rows, homes);
  return { notices: rows.length, subscriptions: subs.length, ...reach };
}
