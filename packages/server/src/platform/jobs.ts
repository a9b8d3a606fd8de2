/**
 * Jobs: a small registry over pg-boss 10 (11+ needs Node 22). Modules register
 * a handler by name, with a cron schedule (Asia/Shanghai), a fixed interval, or
 * neither; a use case queues work with `enqueue(tx, …)` inside its own
 * transaction, so the job commits or rolls back with the change that causes it.
 * Works on a PostgreSQL server (through the app's pool) and on embedded PGlite.
 */
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database, Tx } from '../db/client.js';
import { type AppDeps, type Ctx, systemCtx } from './context.js';

/** What a job does with its data; it runs as the system (no actor), like the deadline sweep. */
export type JobHandler<T extends object> = (ctx: Ctx, data: T) => Promise<void>;

export interface JobDefinition<T extends object = object> {
  /** `<module>.<verb>`, e.g. `matters.sweep-deadlines`; also the pg-boss queue. */
  name: string;
  handler: JobHandler<T>;
  /** Minute-granular cron in Asia/Shanghai time; pg-boss sends it once across processes. */
  cron?: string;
  /** Every this many seconds, once per interval across processes; 0 turns the job off. */
  everySeconds?: number;
}

export interface EnqueueOptions {
  /** Not before this time (or this many seconds from now). */
  startAfter?: Date | number;
}

const TIME_ZONE = 'Asia/Shanghai';

/**
 * pg-boss's own timers, kept modest so an idle server costs next to nothing:
 * maintenance (expire, archive, drop) every 5 minutes, the cron check every 30 s,
 * no state monitoring. Finished jobs leave the job table after an hour (the longest
 * interval's slot must stay unique while it lasts) and the archive after a day.
 */
const BOSS_OPTIONS = {
  maintenanceIntervalSeconds: 300,
  cronMonitorIntervalSeconds: 30,
  cronWorkerIntervalSeconds: 30,
  archiveCompletedAfterSeconds: 3_600,
  deleteAfterHours: 24,
} satisfies PgBoss.ConstructorOptions;

/** Workers of scheduled jobs are woken by their tick or cron; the poll is only a safety net. */
const SCHEDULED_POLL_SECONDS = 30;
/** Queued work (notifications and the like) is picked up within two seconds. */
const QUEUED_POLL_SECONDS = 2;

/** pg-boss over the app's database, outside any transaction. */
function databaseExecutor(database: Database): PgBoss.Db {
  const { pool, pglite } = database;
  if (pool) return { executeSql: (text, values) => pool.query(text, values) };
  if (!pglite) throw new Error('jobs: the database has neither a pool nor PGlite');
  return {
    executeSql: async (text, values) => {
      if (values?.length) return pglite.query(text, values);
      // Without parameters pg-boss may send several statements (its schema, locked maintenance): query() takes one.
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

interface RawClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss over the caller's transaction. Drizzle keeps the transaction's own
 * connection on its session: a pg PoolClient, or PGlite's transaction (PGlite has
 * one connection: a query on the shared handle inside a transaction would wait forever).
 */
function transactionExecutor(tx: Tx): PgBoss.Db {
  const client = (tx as unknown as { session?: { client?: RawClient } }).session?.client;
  if (typeof client?.query !== 'function') throw new Error('enqueue: not a Drizzle transaction on pg or PGlite');
  return { executeSql: (text, values) => client.query(text, values) };
}

let sender: PgBoss | undefined;

/** pg-boss's `send` needs an instance for its defaults only; every send passes its own executor. */
function jobSender(): PgBoss {
  sender ??= new PgBoss({
    ...BOSS_OPTIONS,
    db: { executeSql: () => Promise.reject(new Error('enqueue: jobs are sent inside a transaction')) },
  });
  return sender;
}

/**
 * Queues job `name` inside `tx`: it runs after the transaction commits, never if
 * it rolls back. The job's queue must exist (created when a registry that knows
 * the job starts); otherwise this throws and the transaction rolls back.
 */
export async function enqueue(tx: Tx, name: string, data: object, options: EnqueueOptions = {}): Promise<string> {
  const id = await jobSender().send(name, data, { ...options, db: transactionExecutor(tx) });
  if (!id) throw new Error(`job ${name} was not queued: no such queue (is it registered, and has the registry run?)`);
  return id;
}

/** The registry of one process: register at build, `start` when the app is ready, `stop` at close. */
export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private boss: PgBoss | undefined;
  private stopped = false;

  constructor(
    private readonly deps: AppDeps,
    private readonly log: FastifyBaseLogger,
  ) {}

  register<T extends object>(job: JobDefinition<T>): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    if (this.boss) throw new Error(`job ${job.name} registered after the registry started`);
    this.jobs.set(job.name, job as unknown as JobDefinition);
  }

  /** Whether pg-boss runs in this process: off with JINGMIN_JOBS=0 or when every job is turned off. */
  get running(): boolean {
    return this.boss !== undefined;
  }

  /** Starts pg-boss (installing its schema on first use) and every job that is on; nothing when none is. */
  async start(): Promise<void> {
    const jobs = this.deps.config.jobs.enabled ? [...this.jobs.values()].filter((j) => j.everySeconds !== 0) : [];
    if (jobs.length === 0 || this.stopped) return;
    const boss = new PgBoss({
      ...BOSS_OPTIONS,
      db: databaseExecutor(this.deps.database),
      schedule: jobs.some((j) => j.cron),
    });
    boss.on('error', (err) => this.log.error({ err }, 'job queue failed'));
    await boss.start();
    this.boss = boss;
    for (const job of jobs) await this.startJob(boss, job);
  }

  /** Stops the ticks and the workers, letting a running job finish (up to 10 s). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, timeout: 10_000 });
  }

  private async startJob(boss: PgBoss, job: JobDefinition): Promise<void> {
    const scheduled = Boolean(job.cron || job.everySeconds);
    // A missed tick is caught by the next one: retrying a scheduled job only doubles the work.
    await boss.createQueue(job.name, { name: job.name, retryLimit: scheduled ? 0 : 3, retryBackoff: !scheduled });
    const log = this.log.child({ job: job.name });
    const pollingIntervalSeconds = scheduled ? SCHEDULED_POLL_SECONDS : QUEUED_POLL_SECONDS;
    const workerId = await boss.work<object>(job.name, { pollingIntervalSeconds }, async ([item]) => {
      if (!item) return;
      try {
        await job.handler(systemCtx(this.deps, log), item.data);
      } catch (err) {
        log.error({ err, jobId: item.id }, 'job failed');
        throw err;
      }
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: TIME_ZONE });
    if (job.everySeconds) this.tick(boss, job, job.everySeconds, workerId);
  }

  /**
   * Sub-minute schedules (pg-boss 10's cron counts minutes): every process ticks in
   * the middle of each interval-long slot and sends the job with a singleton key and
   * `singletonSeconds` = the interval. pg-boss keeps one job per (queue, key, slot)
   * under a unique index, so the job runs once per tick across processes, on whichever
   * worker fetches it; the process whose send won wakes its own worker at once. Unlike a
   * job that re-schedules itself, no chain breaks when a process dies mid-run: any live
   * process sends the next slot. Ticking mid-slot keeps a small clock skew between
   * process and database from moving a send into a neighbour slot.
   */
  private tick(boss: PgBoss, job: JobDefinition, seconds: number, workerId: string) {
    const ms = seconds * 1000;
    const next = () => {
      if (this.stopped) return;
      const now = Date.now();
      let at = Math.floor(now / ms) * ms + ms / 2;
      if (at <= now) at += ms;
      const timer = setTimeout(fire, at - now);
      timer.unref();
      this.timers.set(job.name, timer);
    };
    const fire = () => {
      boss
        .send(job.name, {}, { singletonKey: job.name, singletonSeconds: seconds })
        .then((id) => id && boss.notifyWorker(workerId))
        .catch((err) => this.log.error({ err, job: job.name }, 'could not send a scheduled job'))
        .finally(next);
    };
    next();
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRegistry;
  }
}
