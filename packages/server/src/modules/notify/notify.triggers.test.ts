/**
 * What reaches whoever holds a matter: its dispatch (to a member, a team's
 * members, a department's liaison), a chase (催办), its deadline nearing and
 * passing, and a reopen — never a member's own step. A member who chose no
 * channel finds the text in the server log.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { choose, deliver, deliveriesOf, dispatchedMatter } from '../../test/notify.js';
import { sweepDeadlines } from '../matters/deadlines.service.js';
import { LOG_CHANNEL_MESSAGE } from './channels.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;
const sweep = () => sweepDeadlines(systemCtx(t.deps, pino({ level: 'silent' })));
const reasonsFor = async (matterId: string, username: string) =>
  (await deliveriesOf(t, matterId)).filter((d) => d.staffId === t.fx.staffIds[username]).map((d) => d.reason);

describe('the holder of a matter hears', () => {
  it('its dispatch, a chase, its taking deadline nearing and passing — each once', async () => {
    await choose(t, 'a.officer', ['browser']);
    // 求助: ten minutes to take it; the warning comes with two minutes left.
    const { id, desk } = await dispatchedMatter(t, 'a.officer', 'help', '邻居家老人一天没出门了');
    await deliver(t);
    expect((await desk.post(`/api/v1/matters/${id}/remind`, { reason: '请尽快上门看看' })).status).toBe(200);
    await deliver(t);
    t.clock.advance(7 * MINUTE);
    await sweep();
    await deliver(t);
    expect(await reasonsFor(id, 'a.officer')).toEqual(['dispatched', 'chased']);

    t.clock.advance(1.5 * MINUTE);
    await Promise.all([sweep(), sweep()]);
    await sweep();
    await deliver(t);
    expect(await reasonsFor(id, 'a.officer')).toEqual(['dispatched', 'chased', 'deadline_near']);

    t.clock.advance(2 * MINUTE);
    await sweep();
    await deliver(t);
    expect(await reasonsFor(id, 'a.officer')).toEqual(['dispatched', 'chased', 'deadline_near', 'breached']);
    const chief = await t.as('a.chief');
    const timeline = ((await chief.get(`/api/v1/matters/${id}`)).body as { timeline: { type: string }[] }).timeline;
    expect(timeline.filter((e) => e.type === 'matter.deadline_near')).toHaveLength(1);
    // The desk chased and nobody else acted: the desk itself is told nothing.
    expect(await reasonsFor(id, 'a.duty')).toEqual([]);
  });

  it('a reopen after an unsatisfied rating', async () => {
    await choose(t, 'a.officer', ['browser']);
    const { id, trackingToken } = await dispatchedMatter(t, 'a.officer', 'consult', '楼下商铺噪音扰民');
    const officer = await t.as('a.officer');
    expect((await officer.post(`/api/v1/matters/${id}/take`)).status).toBe(200);
    expect((await officer.post(`/api/v1/matters/${id}/resolve`, { outcome: '已上门劝导' })).status).toBe(200);
    await t.anonymous().post(`/api/v1/public/matters/${trackingToken}/rating`, { rating: 'unsatisfied' });
    const chief = await t.as('a.chief');
    expect((await chief.post(`/api/v1/matters/${id}/reopen`, { reason: '请再次上门核实' })).status).toBe(200);
    await deliver(t);
    expect(await reasonsFor(id, 'a.officer')).toEqual(['dispatched', 'reopened']);
  });

  it('nothing about a step they took themselves', async () => {
    await choose(t, 'a.duty', ['browser']);
    const { id } = await dispatchedMatter(t, 'a.duty', 'consult', '问一下户籍窗口几点上班');
    await deliver(t);
    expect(await deliveriesOf(t, id)).toEqual([]);
  });
});

describe('a matter held by many', () => {
  it('reaches every member of a team, and a department’s liaison account', async () => {
    const chief = await t.as('a.chief');
    const team = (
      await chief.post('/api/v1/teams', { stationId: t.fx.units.stationA, name: '巡逻一队', kind: 'patrol' })
    ).body as { id: string };
    const dept = (
      await chief.post('/api/v1/departments', {
        unitId: t.fx.units.stationA,
        name: 'A镇司法所',
        kind: 'judicial_office',
      })
    ).body as { id: string };
    const admin = await t.as('sysadmin');
    for (const username of ['a.aux', 'a.mediator'])
      expect((await admin.patch(`/api/v1/staff/${t.fx.staffIds[username]}`, { teamId: team.id })).status).toBe(200);
    expect((await admin.patch(`/api/v1/staff/${t.fx.staffIds['a.liaison']}`, { departmentId: dept.id })).status).toBe(
      200,
    );
    await choose(t, 'a.liaison', ['browser']);

    const toTeam = await dispatchedMatter(t, 'a.officer', 'consult', '小区停车位被长期占用');
    const desk = await t.as('a.duty');
    expect((await desk.post(`/api/v1/matters/${toTeam.id}/transfer`, { assigneeTeamId: team.id })).status).toBe(200);
    const toDept = await dispatchedMatter(t, 'a.officer', 'dispute', '两户因漏水起了争执');
    expect((await desk.post(`/api/v1/matters/${toDept.id}/transfer`, { assigneeDepartmentId: dept.id })).status).toBe(
      200,
    );
    await deliver(t);

    const teamRows = (await deliveriesOf(t, toTeam.id)).filter((d) => d.reason === 'transferred');
    expect(teamRows.map((d) => d.staffId).sort()).toEqual([t.fx.staffIds['a.aux'], t.fx.staffIds['a.mediator']].sort());
    const deptRows = (await deliveriesOf(t, toDept.id)).filter((d) => d.reason === 'transferred');
    expect(deptRows.map((d) => [d.staffId, d.channel, d.status])).toEqual([
      [t.fx.staffIds['a.liaison'], 'browser', 'sent'],
    ]);
  });
});

describe('a member who chose no channel', () => {
  it('finds the text in the server log, with the receipt number and nothing of the resident', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const { id, number } = await dispatchedMatter(t, 'a.grid', 'consult', '村口路灯坏了三天了');
    await t.app.sealer.flush();
    await deliver(t, log);

    expect((await deliveriesOf(t, id)).map((d) => [d.channel, d.status])).toEqual([['log', 'sent']]);
    const line = lines
      .map((l) => JSON.parse(l) as { msg: string; text?: string })
      .find((l) => l.msg === LOG_CHANNEL_MESSAGE);
    expect(line?.text).toBe(`【警民】新派单：回执号 ${number}（咨询），请登录工作台处理。`);
    expect(lines.join('\n')).not.toContain('村口路灯坏了三天了');
  });
});
