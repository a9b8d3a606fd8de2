/** What a patrol found, for its detail: the matters recorded from it (巡逻发现) and the hazards found on it. */
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { hazards, matters, patrolSessionMatters } from '../../db/schema/index.js';

/** What the patrol found: the matters recorded from it and the hazards found on it. */
export async function findingsOf(db: Queryable, sessionId: string) {
  const raised = await db
    .select({
      id: matters.id,
      number: matters.number,
      kind: matters.kind,
      status: matters.status,
      createdAt: matters.createdAt,
    })
    .from(patrolSessionMatters)
    .innerJoin(matters, eq(matters.id, patrolSessionMatters.matterId))
    .where(eq(patrolSessionMatters.sessionId, sessionId))
    .orderBy(asc(matters.createdAt), asc(matters.number));
  const found = await db
    .select({
      id: hazards.id,
      kind: hazards.kind,
      place: hazards.place,
      status: hazards.status,
      foundAt: hazards.foundAt,
    })
    .from(hazards)
    .where(eq(hazards.patrolSessionId, sessionId))
    .orderBy(asc(hazards.foundAt), asc(hazards.id));
  return {
    matters: raised.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    hazards: found.map((h) => ({ ...h, foundAt: h.foundAt.toISOString() })),
  };
}
