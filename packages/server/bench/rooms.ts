/**
 * npm run bench -- rooms: 网上警民议事厅 at a county's scale. 200 area rooms (× BENCH_SCALE) over four stations,
 * 10,000 members with verified phones — one room of 5,000, the rest spread over the other 199 — and a history of
 * 1,000,000 posts in the big room, generated with set-based SQL into a template database kept between runs. Every
 * member's stream opens on one server process; members post through the other (the rooms in turn, each post by a
 * random member) and the load process times each post from sending it to its event on every stream of its room.
 * Baselines of the same run: the bare insert (POST /bench/insert) on the posting process for the posts' rate, and
 * the history page's own SELECT over one connection for paging.
 */
import { createHash, randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createDeps } from '../src/platform/boot.js';
import { sm3 } from '../src/platform/crypto.js';
import { quiet, timed } from './api.js';
import { openInWaves, openStream, quantile } from './live.js';
import type { HammerResult, hammer } from './load.js';
import { BENCH_KEYS, contentHash, fromTemplate, SCALE } from './servers.js';

const ROOMS = Math.max(2, Math.round(200 * SCALE));
const BIG_ROOM = Math.round(5000 * SCALE);
const OTHER_MEMBERS = Math.round(5000 * SCALE);
const HISTORY = Math.round(1_000_000 * SCALE);
/** Posts in each of the other rooms, so every room has a past. */
const OTHER_HISTORY = 50;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const BUREAU = '00000000-0000-4000-8000-0000000000c1';
const POST = JSON.stringify({ body: '村口的路灯坏了好几天了，晚上接孩子放学看不清路，麻烦问问什么时候能修好。' });

/** Member n's phone token: the template keeps only its hash (as phone sessions do), the bench derives it again. */
const TOKEN_SEED = 'jingmin bench room member';
export const memberToken = (n: number) => createHash('sha256').update(`${TOKEN_SEED} ${n}`).digest('base64url');

/**
 * The tree (bureau → 4 stations → township → one village per room), a host per station, the rooms and their
 * members (numbered: 0 … BIG_ROOM-1 in room 1, then runs of about 25 over the rest), the big room's history (an
 * announcement by the host every 500th post, 1% hidden, 0.5% deleted, over a year) and a little in every other
 * room; the stations' post limits lifted, as a load from a few addresses would hit them.
 */
const SEED_SQL = `
SELECT setseed(0.36);
INSERT INTO units (id, parent_id, kind, name, path) VALUES ('${BUREAU}', NULL, 'bureau', '议事厅压测县公安局', '/${BUREAU}/');
CREATE TEMP TABLE st AS SELECT s, gen_random_uuid() AS id, gen_random_uuid() AS town FROM generate_series(1, 4) s;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT id, '${BUREAU}', 'station', '议事厅压测' || s || '派出所', '/${BUREAU}/' || id || '/' FROM st;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT town, id, 'township', '议事厅压测' || s || '镇', '/${BUREAU}/' || id || '/' || town || '/' FROM st;
INSERT INTO staff (username, display_name, password_hash, must_change_password, roles, scope_unit_id)
  SELECT 'br.' || s, '石' || s, 'x', false, ARRAY['community_officer'], id FROM st;
CREATE TEMP TABLE rm AS
  SELECT r, st.id AS station, st.town, gen_random_uuid() AS village, gen_random_uuid() AS room,
         '/${BUREAU}/' || st.id || '/' || st.town || '/' AS town_path, '议事厅压测' || r || '村' AS village_name,
         (SELECT id FROM staff WHERE username = 'br.' || st.s) AS host
    FROM generate_series(1, $ROOMS) r JOIN st ON st.s = (r - 1) % 4 + 1;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT village, town, 'village', village_name, town_path || village || '/' FROM rm;
INSERT INTO rooms (id, station_id, kind, unit_id, unit_path, name, invite_token, created_by, created_at)
  SELECT room, station, 'area', village, town_path || village || '/', village_name || '议事厅', md5('bench room ' || r),
         host, now() - interval '400 days' FROM rm;
INSERT INTO room_hosts (room_id, staff_id, role, added_at) SELECT room, host, 'owner', now() - interval '400 days' FROM rm;
CREATE TEMP TABLE mb AS
  SELECT i, CASE WHEN i < $BIG THEN 1 ELSE 2 + (i - $BIG) * ($ROOMS - 1) / $OTHERS END AS r
    FROM generate_series(0, $BIG + $OTHERS - 1) i;
INSERT INTO room_members (room_id, phone_index, nickname, place, joined_at)
  SELECT rm.room, md5('bench room member ' || mb.i), '压测成员' || mb.i, rm.village_name,
         now() - interval '390 days' + random() * interval '30 days'
    FROM mb JOIN rm ON rm.r = mb.r;
CREATE TEMP TABLE pm AS
  SELECT rm.r, rm.room, rm.host, row_number() OVER (PARTITION BY rm.r ORDER BY m.nickname) - 1 AS k, m.id
    FROM room_members m JOIN rm ON rm.room = m.room_id;
CREATE INDEX ON pm (r, k);
ANALYZE pm;
CREATE TEMP TABLE hp AS
  SELECT h.r, h.seq, h.total, floor(random() * c.n)::bigint AS k
    FROM (SELECT 1 AS r, seq, $HISTORY AS total FROM generate_series(1, $HISTORY) seq
          UNION ALL SELECT rm.r, seq, ${OTHER_HISTORY} FROM rm, generate_series(1, ${OTHER_HISTORY}) seq WHERE rm.r > 1) h
    JOIN (SELECT r, count(*) AS n FROM pm GROUP BY r) c ON c.r = h.r;
INSERT INTO room_posts (room_id, seq, kind, status, member_id, staff_id, body, hidden_reason, hidden_by, hidden_at,
                        deleted_at, created_at)
  SELECT pm.room, p.seq, CASE WHEN p.host_post THEN 'announcement' ELSE 'message' END::room_post_kind,
         CASE WHEN p.host_post OR p.x >= 0.015 THEN 'published' WHEN p.x < 0.01 THEN 'hidden' ELSE 'deleted' END::room_post_status,
         CASE WHEN NOT p.host_post THEN pm.id END, CASE WHEN p.host_post THEN pm.host END,
         CASE WHEN NOT p.host_post AND p.x >= 0.01 AND p.x < 0.015 THEN ''
              ELSE (ARRAY['请问社区哪天可以办居住证登记？', '小区东门的监控好像坏了，晚上黑乎乎的。',
                          '捡到一串钥匙，放在门卫室了，失主请来认领。', '最近有人冒充快递客服打电话要验证码，大家小心。',
                          '楼下电动车又在楼道里充电了，太危险。', '谢谢民警同志，昨天的事情已经解决了。'])[1 + floor(p.y * 6)::int]
                   || '（' || p.seq || '）' END,
         CASE WHEN NOT p.host_post AND p.x < 0.01 THEN '广告' END,
         CASE WHEN NOT p.host_post AND p.x < 0.01 THEN pm.host END,
         CASE WHEN NOT p.host_post AND p.x < 0.01 THEN p.at + interval '1 hour' END,
         CASE WHEN NOT p.host_post AND p.x >= 0.01 AND p.x < 0.015 THEN p.at + interval '1 hour' END,
         p.at
    FROM (SELECT hp.r, hp.seq, hp.k, hp.seq % 500 = 0 AS host_post, random() AS x, random() AS y,
                 now() - interval '365 days' + hp.seq * (interval '365 days' / hp.total) AS at FROM hp) p
    JOIN pm ON pm.r = p.r AND pm.k = p.k;
UPDATE rooms SET last_seq = h.top FROM (SELECT room_id, max(seq) AS top FROM room_posts GROUP BY room_id) h
 WHERE rooms.id = h.room_id;
INSERT INTO settings (key, value) SELECT 'rooms:' || id, '{"memberPostsPerMinute": 1000000, "roomPostsPerMinute": 1000000}' FROM st;
`;

async function seedTemplate(url: string): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', JINGMIN_SWEEP_SECONDS: '0', LOG_LEVEL: 'silent', ...BENCH_KEYS }, []);
  const database = await openDatabase({ kind: 'server', url, poolSize: 2 }, quiet);
  try {
    await createDeps(config, quiet, database);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET maintenance_work_mem = '512MB'");
      await client.query(
        SEED_SQL.replaceAll('$ROOMS', String(ROOMS))
          .replaceAll('$BIG', String(BIG_ROOM))
          .replaceAll('$OTHERS', String(OTHER_MEMBERS))
          .replaceAll('$HISTORY', String(HISTORY)),
      );
      // Each member's phone session, as verifying the phone would leave it: the token's hash, the phone's index.
      const hashes = Array.from({ length: BIG_ROOM + OTHER_MEMBERS }, (_, n) => sm3(memberToken(n)));
      await client.query(
        `INSERT INTO phone_sessions (token_hash, phone_index, phone_enc, phone_masked, expires_at, created_at)
         SELECT h, md5('bench room member ' || (n - 1)), 'bench', '139****' || lpad(((n - 1) % 10000)::text, 4, '0'),
                now() + interval '10 years', now()
           FROM unnest($1::text[]) WITH ORDINALITY AS t(h, n)`,
        [hashes],
      );
      // As a database that has lived: statistics gathered and the visibility map set.
      await client.query('VACUUM (ANALYZE)');
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
}

/** A fresh database for this run, cloned from the rooms' template (built once per migrations, generator and scale). */
export function roomsDatabase() {
  const shape = [ROOMS, BIG_ROOM, OTHER_MEMBERS, HISTORY, TOKEN_SEED].join(':');
  return fromTemplate('jm_bench_rooms', contentHash([], SEED_SQL + shape), seedTemplate);
}

export interface OnlineRoom {
  id: string;
  /** Its members are numbered `first` … `first + count - 1` (their tokens follow from the number). */
  first: number;
  count: number;
}

/** The rooms with their members' numbers, the biggest first. */
export async function onlineRooms(pool: pg.Pool): Promise<OnlineRoom[]> {
  const { rows } = await pool.query<OnlineRoom>(
    `SELECT room_id AS id, min(substring(nickname FROM '[0-9]+$')::int) AS first, count(*)::int AS count
       FROM room_members WHERE left_at IS NULL GROUP BY room_id ORDER BY count(*) DESC, first`,
  );
  return rows;
}

export interface RoomsTask {
  kind: 'rooms';
  streamBase: string;
  postBase: string;
  rooms: OnlineRoom[];
  connections: number;
  seconds: number;
}

export interface RoomsResult {
  connections: number;
  baseline: HammerResult;
  posts: HammerResult;
  deliveries: number;
  missed: number;
  deliveryP50: number;
  deliveryP99: number;
  /** The biggest room's posts in the measured run, and its deliveries' p99. */
  bigPosts: number;
  bigP99: number;
  otherP99: number;
  /** From the post's acknowledgement to its events: the fan-out alone. */
  afterAckP99: number;
}

/**
 * Run in the load process: every member's stream on `streamBase`, then the bare insert and the members' posts on
 * `postBase` (a warm-up of each first), then up to 10 s for the last deliveries.
 */
export async function measureRooms(task: RoomsTask, run: typeof hammer): Promise<RoomsResult> {
  const arrivals = new Map<string, number[]>();
  const members = task.rooms.flatMap((room) =>
    Array.from({ length: room.count }, (_, k): [string, number] => [room.id, room.first + k]),
  );
  const open = await openInWaves(members.length, (i) => {
    const [room, n] = members[i]!;
    const url = `${task.streamBase}/api/v1/public/rooms/${room}/stream`;
    return openStream(url, { 'x-phone-token': memberToken(n) }, (frame) => {
      const at = performance.now();
      const data = frame.indexOf('\ndata: ');
      if (data < 0 || !frame.includes('\nevent: room.post\n')) return;
      const { postId } = JSON.parse(frame.slice(data + 7)) as { postId: string };
      const times = arrivals.get(postId);
      if (times) times.push(at);
      else arrivals.set(postId, [at]);
    });
  });
  try {
    const hammering = { bases: [task.postBase], connections: task.connections, seconds: task.seconds };
    const bare: autocannon.Request = {
      method: 'POST',
      path: '/bench/insert',
      headers: { 'content-type': 'application/json' },
      body: POST,
    };
    await run({ ...hammering, seconds: 2 }, bare);
    const baseline = await run(hammering, bare);
    const sent = new Map<string, { at: number; ack: number; room: OnlineRoom }>();
    let counting = false;
    let turn = 0;
    const post: autocannon.Request = {
      method: 'POST',
      setupRequest: (req, context) => {
        const room = task.rooms[turn++ % task.rooms.length]!;
        Object.assign(context, { at: performance.now(), room });
        return {
          ...req,
          path: `/api/v1/public/rooms/${room.id}/posts`,
          headers: {
            'content-type': 'application/json',
            'x-phone-token': memberToken(room.first + Math.floor(Math.random() * room.count)),
            'idempotency-key': randomUUID(),
          },
          body: POST,
        };
      },
      onResponse: (status, body, context) => {
        const { at, room } = context as { at: number; room: OnlineRoom };
        if (counting && status === 200)
          sent.set((JSON.parse(body) as { id: string }).id, { at, ack: performance.now(), room });
      },
    };
    await run({ ...hammering, seconds: 2 }, post);
    counting = true;
    const posts = await run(hammering, post);
    counting = false;
    const expected = [...sent.values()].reduce((n, s) => n + s.room.count, 0);
    const arrived = () => [...sent.keys()].reduce((n, id) => n + (arrivals.get(id)?.length ?? 0), 0);
    for (let waited = 0; waited < 10_000 && arrived() < expected; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    const big = task.rooms[0]!;
    const all: number[] = [];
    const inBig: number[] = [];
    const inOthers: number[] = [];
    const afterAck: number[] = [];
    for (const [id, { at, ack, room }] of sent)
      for (const t of arrivals.get(id) ?? []) {
        all.push(t - at);
        (room === big ? inBig : inOthers).push(t - at);
        afterAck.push(t - ack);
      }
    return {
      connections: open.length,
      baseline,
      posts,
      deliveries: all.length,
      missed: expected - all.length,
      deliveryP50: quantile(all, 0.5),
      deliveryP99: quantile(all, 0.99),
      bigPosts: [...sent.values()].filter((s) => s.room === big).length,
      bigP99: quantile(inBig, 0.99),
      otherP99: quantile(inOthers, 0.99),
      afterAckP99: quantile(afterAck, 0.99),
    };
  } finally {
    for (const req of open) req.destroy();
  }
}

/**
 * Paging the big room's history as one of its members, through the API: the newest page, one from the middle and
 * the oldest (median and p95 of REPEATS each, the slowest reported); baseline: the page's own SELECT over one
 * connection, from the middle.
 */
export async function measureHistory(pool: pg.Pool, base: string, room: OnlineRoom) {
  const { rows } = await pool.query<{ member: string; top: string }>(
    `SELECT m.id AS member, r.last_seq AS top FROM room_members m JOIN rooms r ON r.id = m.room_id
      WHERE m.room_id = $1 AND m.nickname = $2`,
    [room.id, `压测成员${room.first}`],
  );
  const { member, top } = rows[0]!;
  const headers = { 'x-phone-token': memberToken(room.first) };
  const depths = [undefined, Math.floor(Number(top) / 2), 31];
  const pages = [];
  for (const before of depths) {
    const query = before === undefined ? '' : `?before=${before}`;
    pages.push(
      await timed(REPEATS, async () => {
        const res = await fetch(`${base}/api/v1/public/rooms/${room.id}/posts${query}`, { headers });
        if (res.status !== 200) throw new Error(`history answered ${res.status} ${await res.text()}`);
        const page = (await res.json()) as { items: unknown[] };
        if (page.items.length === 0) throw new Error('history: an empty page');
      }),
    );
  }
  const baseline = await timed(REPEATS, async () => {
    await pool.query(
      `SELECT * FROM room_posts WHERE room_id = $1 AND seq < $2
          AND (status = 'published' OR (member_id = $3 AND status IN ('held', 'hidden')))
        ORDER BY seq DESC LIMIT 31`,
      [room.id, depths[1], member],
    );
  });
  const slowest = pages.reduce((a, b) => (b.median > a.median ? b : a));
  return { posts: Number(top), pages, slowest, baseline };
}
