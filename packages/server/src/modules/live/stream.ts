/**
 * One Server-Sent Events stream: replay from Last-Event-ID, then live rows in
 * delivery order, a keep-alive comment, and — for staff — an end when the
 * session ends (sign-out, suspension, a role change, or expiry).
 */
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessions } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context.js';
import { SESSION_ENDED, sessionEndsAt } from '../../platform/session.js';

const PING_MS = 25_000;

export function lastEventId(req: FastifyRequest, query: { lastEventId?: number }): number | null {
  const header = Number(req.headers['last-event-id']);
  if (Number.isInteger(header) && header >= 0) return header;
  return query.lastEventId ?? null;
}

export async function openStream(
  req: FastifyRequest,
  reply: FastifyReply,
  topics: string[],
  afterSeq: number | null,
  actor?: Actor,
  /** An event of this type is delivered, then ends the stream (a room member removed from its room). */
  endOn?: string,
) {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write('retry: 3000\n\n');
  let closed = false;
  let unsubscribe = () => undefined as unknown;
  const ping = setInterval(() => raw.write(': ping\n\n'), PING_MS);
  const stopWatching = actor ? watchExpiry(req, actor, () => end()) : () => undefined;
  const end = () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    stopWatching();
    unsubscribe();
    raw.end();
  };
  req.raw.on('close', end);
  unsubscribe = await req.server.hub.subscribe(topics, afterSeq, (e) => {
    if (e.type !== SESSION_ENDED) {
      raw.write(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e.payload)}\n\n`);
      if (e.type === endOn) end();
    } else if (actor) {
      // The session itself is the judge: a replayed notice about an older session ends nothing.
      void sessionExists(req, actor.sessionId).then((alive) => alive || end());
    }
  });
  if (closed) unsubscribe();
}

async function sessionExists(req: FastifyRequest, sessionId: string) {
  const [s] = await req.ctx.deps.database.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .catch(() => []);
  return Boolean(s);
}

/** Ends the stream when the session would have expired, unless it was used meanwhile; returns the way to stop watching. */
function watchExpiry(req: FastifyRequest, actor: Actor, end: () => void): () => void {
  const { deps } = req.ctx;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const deadline = async (): Promise<number | null> => {
    const [s] = await deps.database.db.select().from(sessions).where(eq(sessions.id, actor.sessionId));
    if (!s) return null;
    const policy = (await deps.policies.get()).session;
    const at = sessionEndsAt(s, policy);
    return at <= deps.clock.now().getTime() ? null : at;
  };
  const arm = async () => {
    const at = await deadline().catch(() => null);
    if (stopped) return;
    if (at === null) return end();
    // Capped so a moved clock or a suspended machine is noticed within a minute.
    timer = setTimeout(() => void arm(), Math.min(at - deps.clock.now().getTime() + 1000, 60_000));
    timer.unref();
  };
  void arm();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
