/**
 * Alerts about anti-fraud instructions (反诈预警). An instruction routed or assigned to an officer reaches that officer
 * (reason `dispatched`; routed to nobody, the station's desk); its deadline nearing reaches the desk (`deadline_near`);
 * its deadline passing reaches the desk and the chief (`breached`). Keyed by the outbox row's `seq`, like a matter's
 * events, so a second read queues nothing twice. All are urgent: a person may be losing money now. Texts name the
 * instruction's number, type and level — never the person.
 */
import { FRAUD_LEVEL_LABELS, FRAUD_TYPE_LABELS, type NotifyReason } from '@jingmin/shared';
import { eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { fraudInstructions, outbox } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import {
  FRAUD_ALERT_EVENTS,
  FRAUD_ASSIGNED_EVENT,
  FRAUD_DEADLINE_NEAR_EVENT,
  FRAUD_ESCALATED_EVENT,
  FRAUD_ROUTED_EVENT,
} from '../fraud/constants.js';
import type { Alert } from './channels.js';
import { queueDeliveries } from './deliver.js';
import { type Recipient, recipientsByIds, stationChiefs, stationDesk } from './notify.queries.js';

/** An instruction an alert is about: its number, type and level as people read them. */
export interface AlertFraud {
  id: string;
  number: string;
  /** 刷单返利 … */
  type: string;
  /** 高风险 … */
  level: string;
}

export const isFraudEvent = (type: string) => (FRAUD_ALERT_EVENTS as readonly string[]).includes(type);

const REASONS: Record<string, NotifyReason> = {
  [FRAUD_ROUTED_EVENT]: 'dispatched',
  [FRAUD_ASSIGNED_EVENT]: 'dispatched',
  [FRAUD_DEADLINE_NEAR_EVENT]: 'deadline_near',
  [FRAUD_ESCALATED_EVENT]: 'breached',
};

type Row = { seq: number | null; type: string; payload: unknown };

async function instructionOf(db: Queryable, id: string) {
  const [i] = await db
    .select({
      id: fraudInstructions.id,
      number: fraudInstructions.number,
      stationId: fraudInstructions.stationId,
      assigneeId: fraudInstructions.assigneeId,
      fraudType: fraudInstructions.fraudType,
      level: fraudInstructions.level,
    })
    .from(fraudInstructions)
    .where(eq(fraudInstructions.id, id));
  if (!i) return null;
  const alert: AlertFraud = {
    id: i.id,
    number: i.number,
    type: FRAUD_TYPE_LABELS[i.fraudType].zh,
    level: FRAUD_LEVEL_LABELS[i.level].zh,
  };
  return { ...i, alert };
}

async function recipientsFor(tx: Tx, row: Row, i: { stationId: string; assigneeId: string | null }) {
  const p = row.payload as { assigneeId?: string | null; actorId?: string };
  if (row.type === FRAUD_ESCALATED_EVENT) {
    const both = [...(await stationDesk(tx, i.stationId)), ...(await stationChiefs(tx, i.stationId))];
    return [...new Map(both.map((r) => [r.staffId, r])).values()];
  }
  if (row.type === FRAUD_DEADLINE_NEAR_EVENT) return stationDesk(tx, i.stationId);
  const to = p.assigneeId ?? null;
  const people: Recipient[] = to ? await recipientsByIds(tx, [to]) : await stationDesk(tx, i.stationId);
  return people.filter((r) => r.staffId !== p.actorId);
}

/** Deliveries for one anti-fraud outbox row. */
export async function queueForFraud(tx: Tx, ctx: Ctx, row: Row): Promise<number> {
  const id = (row.payload as { instructionId?: string }).instructionId;
  const reason = REASONS[row.type];
  if (!id || !reason || row.seq === null) return 0;
  const i = await instructionOf(tx, id);
  if (!i) return 0;
  const alert: Alert = {
    reason,
    matterId: null,
    disputeId: null,
    fraud: i.alert,
    number: i.number,
    kind: null,
    urgent: true,
  };
  return (await queueDeliveries(tx, ctx, row.seq, alert, await recipientsFor(tx, row, i))).length;
}

/** The instructions named by the outbox rows of these deliveries (by `seq`), for the texts at sending. */
export async function fraudOfEvents(db: Queryable, seqs: number[]): Promise<Map<number, AlertFraud>> {
  const found = new Map<number, AlertFraud>();
  if (seqs.length === 0) return found;
  const rows = await db
    .select({ seq: outbox.seq, type: outbox.type, payload: outbox.payload })
    .from(outbox)
    .where(inArray(outbox.seq, seqs));
  for (const r of rows) {
    const id = (r.payload as { instructionId?: string }).instructionId;
    if (r.seq === null || !id || !isFraudEvent(r.type)) continue;
    const i = await instructionOf(db, id);
    if (i) found.set(r.seq, i.alert);
  }
  return found;
}
