/**
 * Alerts about hazards (隐患台账): the sweep publishes `hazard.overdue` once per overdue hazard; reading the
 * outbox, the delivery job tells the station's chiefs and the hazard's responsible person, keyed by the
 * event's `seq` like a matter's events (so a second read queues nothing twice). At sending, a delivery
 * with neither matter nor case finds its hazard through that outbox row. Texts name the kind and place.
 */
import type { AlertHazard } from '@jingmin/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { hazards, outbox, units } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { hazardSettings, kindName } from '../hazards/settings.js';
import { queueDeliveries } from './deliver.js';
import { recipientsByIds, stationChiefs } from './notify.queries.js';

/** The hazard as an alert names it: the kind's name, the village or grid and the place in words. */
async function alertHazard(
  db: Queryable,
  hazardId: string,
): Promise<(AlertHazard & { stationId: string; responsibleId: string }) | null> {
  const [h] = await db
    .select({
      id: hazards.id,
      stationId: hazards.stationId,
      responsibleId: hazards.responsibleId,
      kind: hazards.kind,
      place: hazards.place,
      unitName: units.name,
    })
    .from(hazards)
    .innerJoin(units, eq(units.id, hazards.unitId))
    .where(eq(hazards.id, hazardId));
  if (!h) return null;
  const { kinds } = await hazardSettings(db, h.stationId);
  return {
    id: h.id,
    stationId: h.stationId,
    responsibleId: h.responsibleId,
    kind: kindName(kinds, h.kind),
    place: `${h.unitName}·${h.place}`.slice(0, 80),
  };
}

/** Deliveries for one `hazard.overdue` outbox row: the station's chiefs and the responsible person, once each. */
export async function queueForHazard(tx: Tx, ctx: Ctx, row: { seq: number | null; payload: unknown }) {
  const hazardId = (row.payload as { hazardId?: string }).hazardId;
  if (!hazardId || row.seq === null) return 0;
  const h = await alertHazard(tx, hazardId);
  if (!h) return 0;
  const chiefs = await stationChiefs(tx, h.stationId);
  const owner = chiefs.some((c) => c.staffId === h.responsibleId) ? [] : await recipientsByIds(tx, [h.responsibleId]);
  const alert = {
    reason: 'breached' as const,
    matterId: null,
    disputeId: null,
    hazard: { id: h.id, kind: h.kind, place: h.place },
    number: null,
    kind: null,
    urgent: false,
  };
  return (await queueDeliveries(tx, ctx, row.seq, alert, [...chiefs, ...owner])).length;
}

/** The hazards named by the outbox rows of these deliveries (by `seq`), for the texts at sending. */
export async function hazardsOfEvents(db: Queryable, seqs: number[]): Promise<Map<number, AlertHazard>> {
  const found = new Map<number, AlertHazard>();
  if (seqs.length === 0) return found;
  const rows = await db
    .select({ seq: outbox.seq, type: outbox.type, payload: outbox.payload })
    .from(outbox)
    .where(and(inArray(outbox.seq, seqs)));
  for (const r of rows) {
    const hazardId = (r.payload as { hazardId?: string }).hazardId;
    if (r.seq === null || !hazardId) continue;
    const h = await alertHazard(db, hazardId);
    if (h) found.set(r.seq, { id: h.id, kind: h.kind, place: h.place });
  }
  return found;
}
