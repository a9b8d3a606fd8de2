/**
 * Live updates across processes. Every notification is an outbox row written
 * with the change; the sealer gives rows their delivery order (`seq`) after
 * commit, one sealer at a time, and NOTIFYs. Each process's hub then reads
 * the rows after the last `seq` it delivered, in order: a row becomes visible
 * only after every smaller `seq`, so nothing is skipped or sent twice,
 * whatever order the writers committed in. Rows reach subscribers through a
 * topic index, not a scan of every connection. A reconnecting client resumes
 * from its Last-Event-ID; a slow poll covers a NOTIFY lost while the
 * listening connection was down.
 */
import { and, arrayOverlaps, asc, gt, isNotNull, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Database } from '../db/client.js';
import { outbox } from '../db/schema/index.js';
import { OUTBOX_CHANNEL } from './outbox.js';

const PAGE = 1000;

export interface OutboxEvent {
  /** Delivery order: the SSE id a browser sends back as Last-Event-ID. */
  seq: number;
  type: string;
  topics: string[];
  payload: unknown;
}

interface Subscriber {
  topics: readonly string[];
  send(event: OutboxEvent): void;
}

type Row = typeof outbox.$inferSelect;
const toEvent = (row: Row): OutboxEvent => ({
  seq: row.seq ?? 0,
  type: row.type,
  topics: row.topics,
  payload: row.payload,
});

export class EventHub {
  private byTopic = new Map<string, Set<Subscriber>>();
  private lastSeq = 0;
  private listener?: pg.Client;
  private unlisten?: () => Promise<void>;
  private poll?: NodeJS.Timeout;
  private draining: Promise<void> = Promise.resolve();

  constructor(
    private database: Database,
    private log: { error(obj: unknown, msg?: string): void } = console,
  ) {}

  /** Connections held by this process. */
  get connections() {
    const all = new Set<Subscriber>();
    for (const set of this.byTopic.values()) for (const s of set) all.add(s);
    return all.size;
  }

  async start() {
    const [row] = await this.database.db
      .select({ seq: sql<number>`coalesce(max(${outbox.seq}), 0)::int` })
      .from(outbox);
    this.lastSeq = row?.seq ?? 0;
    const wake = () => void this.drain();
    if (this.database.pglite) {
      this.unlisten = await this.database.pglite.listen(OUTBOX_CHANNEL, wake);
    } else if (this.database.pool) {
      // A dedicated connection: LISTEN lives on a session, not on pooled queries.
      this.listener = await this.database.pool.connect().then((c) => c as unknown as pg.Client);
      this.listener.on('notification', wake);
      this.listener.on('error', (err) => this.log.error({ err }, 'outbox listener failed'));
      await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    }
    this.poll = setInterval(wake, 5_000);
    this.poll.unref();
  }

  async stop() {
    if (this.poll) clearInterval(this.poll);
    await this.unlisten?.();
    // Destroyed, not returned: a pooled connection must not keep listening.
    if (this.listener) (this.listener as unknown as pg.PoolClient).release(true);
    this.byTopic.clear();
  }

  /** Reads the rows after the last one delivered, in order; serialised so none is delivered twice. */
  drain() {
    this.draining = this.draining.then(async () => {
      try {
        for (;;) {
          const rows = await this.database.db
            .select()
            .from(outbox)
            .where(gt(outbox.seq, this.lastSeq))
            .orderBy(asc(outbox.seq))
            .limit(PAGE);
          for (const row of rows) {
            this.lastSeq = row.seq ?? this.lastSeq;
            this.deliver(toEvent(row));
          }
          if (rows.length < PAGE) break;
        }
      } catch (err) {
        this.log.error({ err }, 'could not read the outbox');
      }
    });
    return this.draining;
  }

  private deliver(event: OutboxEvent) {
    const reached = new Set<Subscriber>();
    for (const topic of event.topics) for (const s of this.byTopic.get(topic) ?? []) reached.add(s);
    for (const s of reached) s.send(event);
  }

  private add(s: Subscriber) {
    for (const topic of s.topics) {
      const set = this.byTopic.get(topic) ?? new Set<Subscriber>();
      set.add(s);
      this.byTopic.set(topic, set);
    }
  }

  private remove(s: Subscriber) {
    for (const topic of s.topics) {
      const set = this.byTopic.get(topic);
      set?.delete(s);
      if (set?.size === 0) this.byTopic.delete(topic);
    }
  }

  /**
   * Subscribes to topics after replaying what the client missed since
   * `afterSeq`. Live events are held back until the replay is sent; every
   * event goes out once, in order.
   */
  async subscribe(topics: string[], afterSeq: number | null, send: (event: OutboxEvent) => void) {
    let sentUpTo = afterSeq ?? this.lastSeq;
    let held: OutboxEvent[] | null = [];
    const emit = (event: OutboxEvent) => {
      if (event.seq <= sentUpTo) return;
      sentUpTo = event.seq;
      send(event);
    };
    const subscriber: Subscriber = { topics, send: (e) => (held ? held.push(e) : emit(e)) };
    this.add(subscriber);
    try {
      if (afterSeq !== null) await this.replay(topics, afterSeq, emit);
      for (const e of held) emit(e);
    } finally {
      held = null;
    }
    return () => this.remove(subscriber);
  }

  private async replay(topics: string[], afterSeq: number, emit: (e: OutboxEvent) => void) {
    let from = afterSeq;
    for (;;) {
      const missed = await this.database.db
        .select()
        .from(outbox)
        .where(and(isNotNull(outbox.seq), gt(outbox.seq, from), arrayOverlaps(outbox.topics, topics)))
        .orderBy(asc(outbox.seq))
        .limit(PAGE);
      for (const row of missed) emit(toEvent(row));
      if (missed.length < PAGE) return;
      from = missed.at(-1)?.seq ?? from;
    }
  }
}
