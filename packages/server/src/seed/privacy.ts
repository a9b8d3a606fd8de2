/**
 * Two residents' deletion requests in the demo, so the desk's 个人信息申请
 * queue has something to show: one answered (a closed dispute whose mediation
 * record the law keeps, refused with a reason) and one still waiting.
 */
import { addWorkingDays, DEFAULT_MATTER_SETTINGS, workingDayCalendar } from '@jingmin/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { calendarDays, matterEvents, matters, privacyRequests } from '../db/schema/index.js';

const REFUSAL =
  '您好！这件邻里纠纷经过了调解，调解记录依法需要保存，暂时不能删除。保存期满后会一并删除。您的手机号如不想保留，可以在本页面直接撤回。';

const DAY = 86_400_000;

async function pickMatter(tx: Tx, stationId: string, status: 'closed' | 'in_progress', kind?: 'dispute') {
  const [row] = await tx
    .select({ id: matters.id, createdAt: matters.createdAt })
    .from(matters)
    .where(
      and(
        eq(matters.stationId, stationId),
        eq(matters.status, status),
        kind ? eq(matters.kind, kind) : undefined,
        // Not one sent back (发回重办): its rounds are the story there.
        sql`NOT EXISTS (SELECT 1 FROM matter_events x WHERE x.matter_id = ${matters.id} AND x.type = 'matter.reopen')`,
      ),
    )
    .orderBy(desc(matters.createdAt))
    .limit(1);
  return row ?? null;
}

export async function seedPrivacyRequests(tx: Tx, now: Date, stationId: string, desk: { id: string; name: string }) {
  const calendar = workingDayCalendar(await tx.select().from(calendarDays));
  const days = DEFAULT_MATTER_SETTINGS.privacy.answerWorkingDays;
  const answered = await pickMatter(tx, stationId, 'closed', 'dispute');
  const waiting = await pickMatter(tx, stationId, 'in_progress');
  if (!answered || !waiting) return 0;
  const askedOld = new Date(now.getTime() - 6 * DAY);
  const answeredAt = new Date(askedOld.getTime() + 2 * DAY);
  const askedNew = new Date(now.getTime() - DAY);
  const rows = await tx
    .insert(privacyRequests)
    .values([
      {
        matterId: answered.id,
        stationId,
        kind: 'delete',
        status: 'refused',
        dueOn: addWorkingDays(calendar, askedOld, days),
        answer: REFUSAL,
        answeredBy: desk.id,
        answeredAt,
        createdAt: askedOld,
        updatedAt: answeredAt,
      },
      {
        matterId: waiting.id,
        stationId,
        kind: 'delete',
        dueOn: addWorkingDays(calendar, askedNew, days),
        createdAt: askedNew,
        updatedAt: askedNew,
      },
    ])
    .returning({ id: privacyRequests.id, matterId: privacyRequests.matterId });
  const idOf = (matterId: string) => rows.find((r) => r.matterId === matterId)?.id;
  const asked = (matterId: string, at: Date) => ({
    matterId,
    type: 'matter.deletion_requested',
    actorType: 'resident' as const,
    payload: { requestId: idOf(matterId), answerWorkingDays: days },
    at,
  });
  await tx.insert(matterEvents).values([
    asked(answered.id, askedOld),
    {
      matterId: answered.id,
      type: 'matter.deletion_refused',
      actorType: 'staff',
      actorId: desk.id,
      actorName: desk.name,
      note: REFUSAL,
      payload: { requestId: idOf(answered.id) },
      at: answeredAt,
    },
    asked(waiting.id, askedNew),
  ]);
  return rows.length;
}
