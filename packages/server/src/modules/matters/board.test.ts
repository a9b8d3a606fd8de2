/** 督办看板: open tasks by who holds them, with the deadline each races. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const submit = (plate: string, kind?: string, body?: string) => submitAt(t, plate, kind, body);
const idOf = matterIdOf;

describe('督办看板: the supervision board', () => {
  it('shows every open task by who holds it, with its deadline, overdue in its own count', async () => {
    const desk = await t.as('a.duty');
    const waiting = await submit(t.fx.doorplateTokens.a[1]!, 'help', '家里老人摔倒了起不来，需要帮忙');
    const dispatched = await submit(t.fx.doorplateTokens.a[1]!, 'consult', '咨询护照办理');
    const did = await idOf(desk, dispatched.number);
    await desk.post(`/api/v1/matters/${did}/accept`, { urgency: 'normal' });
    await desk.post(`/api/v1/matters/${did}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] });
    t.clock.advance(6 * 60_000); // past the 5-minute first response of 求助
    const board = (await desk.get('/api/v1/matters/board')).body as {
      columns: {
        ownerKind: string;
        ownerId: string | null;
        overdue: number;
        tasks: { number: string; deadline: string; overdue: boolean; ageMinutes: number }[];
      }[];
    };
    const deskColumn = board.columns[0]!;
    expect(deskColumn.ownerKind).toBe('desk');
    expect(deskColumn.tasks.find((x) => x.number === waiting.number)).toMatchObject({
      deadline: 'first_response',
      overdue: true,
      ageMinutes: 6,
    });
    expect(deskColumn.overdue).toBeGreaterThanOrEqual(1);
    const officer = board.columns.find((c) => c.ownerId === t.fx.staffIds['a.officer'])!;
    expect(officer.tasks.find((x) => x.number === dispatched.number)).toMatchObject({
      deadline: 'take',
      overdue: false,
    });
    // The overview, the list and the board count overdue the same way.
    const summary = (await desk.get('/api/v1/matters/summary')).body as { overdueNow: number };
    expect(summary.overdueNow).toBe(board.columns.reduce((n, c) => n + c.overdue, 0));
    const listed = (await desk.get(`/api/v1/matters?q=${waiting.number}`)).body as {
      items: { due: { deadline: string; overdue: boolean } }[];
    };
    expect(listed.items[0]!.due).toMatchObject({ deadline: 'first_response', overdue: true });
    expect((await (await t.as('a.officer')).get('/api/v1/matters/board')).status).toBe(403);
    const elsewhere = (await (await t.as('b.chief')).get('/api/v1/matters/board')).body as { columns: unknown[] };
    expect(JSON.stringify(elsewhere)).not.toContain(waiting.number);
  });
});
