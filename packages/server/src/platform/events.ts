/**
 * Live updates across processes. Every notification is an outbox row written
 * with the change; NOTIFY wakes each process's hub, which reads the new rows
 * and hands them to its connected clients by topic. A client that reconnects
 * with Last-Event-ID gets what it missed from the outbox; a slow poll covers
 * a NOTIFY lost while the listening connection was down.
 */
import { and, arrayOverlaps, asc, gt, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Database } from '../db/client.js';
import { outbox } from '../db/schema/index.js';
import { OUTBOX_CHANNEL } from './outbox.js';

const LOOKBACK = 200;

export interface OutboxEvent {
  id: number;
  type: string;
  topics: string[];
  payload: unknown;
}

interface Subscriber {
  topics: Set<string>;
  send(event: OutboxEvent): void;
}

export class EventHub {
  private subscribers = new Set<Subscriber>();
  private lastId = 0;
  private listener?: pg.Client;
  private unlisten?: () => Promise<void>;
  private poll?: NodeJS.Timeout;
  private draining: Promise<void> = Promise.resolve();
  /** Ids delivered lately: ids are assigned before commit, so a lower id can appear after a higher one. */
  private recent = new Set<number>();

  constructor(
    private database: Database,
    private log: { error(obj: unknown, msg?: string): void } = console,
  ) {}

  async start() {
    const [row] = await this.database.db.select({ id: sql<number>`coalesce(max(${outbox.id}), 0)::int` }).from(outbox);
    this.lastId = row?.id ?? 0;
    for (let id = Math.max(1, this.lastId - LOOKBACK + 1); id <= this.lastId; id++) this.recent.add(id);
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
    this.subscribers.clear();
  }

  /** Reads rows after the last one seen, in order; serialised so none is delivered twice. */
  private drain() {
    this.draining = this.draining.then(async () => {
      try {
        const from = Math.max(0, this.lastId - LOOKBACK);
        const rows = await this.database.db
          .select()
          .from(outbox)
          .where(gt(outbox.id, from))
          .orderBy(asc(outbox.id))
          .limit(1000);
        for (const row of rows) {
          if (this.recent.has(row.id) || row.id <= from) continue;
          this.remember(row.id);
          this.lastId = Math.max(this.lastId, row.id);
          this.deliver({ id: row.id, type: row.type, topics: row.topics, payload: row.payload });
        }
      } catch (err) {
        this.log.error({ err }, 'could not read the outbox');
      }
    });
    return this.draining;
  }

  private remember(id: number) {
    this.recent.add(id);
    if (this.recent.size > LOOKBACK * 4) {
      const floor = this.lastId - LOOKBACK;
      for (const old of this.recent) if (old <= floor) this.recent.delete(old);
    }
  }

  private deliver(event: OutboxEvent) {
    for (const s of this.subscribers) if (event.topics.some((t) => s.topics.has(t))) s.send(event);
  }

  /**
   * Subscribes to topics after replaying what the client missed since
   * `afterId`. Live events are held back until the replay is sent, and
   * nothing is sent twice.
   */
  async subscribe(topics: string[], afterId: number | null, send: (event: OutboxEvent) => void): Promise<() => void> {
    const sent = new Set<number>();
    let held: OutboxEvent[] | null = [];
    const emit = (event: OutboxEvent) => {
      if (sent.has(event.id) || (afterId !== null && event.id <= afterId)) return;
      sent.add(event.id);
      if (sent.size > 1000) sent.delete(sent.values().next().value as number);
      send(event);
    };
    const subscriber: Subscriber = { topics: new Set(topics), send: (e) => (held ? held.push(e) : emit(e)) };
    this.subscribers.add(subscriber);
    if (afterId !== null) {
      const missed = await this.database.db
        .select()
        .from(outbox)
        .where(and(gt(outbox.id, afterId), arrayOverlaps(outbox.topics, topics)))
        .orderBy(asc(outbox.id))
        .limit(500);
      for (const row of missed) emit({ id: row.id, type: row.type, topics: row.topics, payload: row.payload });
    }
    for (const e of held) emit(e);
    held = null;
    return () => this.subscribers.delete(subscriber);
  }
}
