/**
 * 平安联盟 tasks through the API: the desk sends an active volunteer of its station a task at a household of the
 * volunteer's grid (its address only) or a place in words, for a matter whose timeline shows it; the volunteer
 * reads only its own tasks — never the resident's name or phone — accepts, declines or reports them done; the
 * desk withdraws open ones; finished tasks stay finished; done tasks count in the month's contributions.
 */
import { randomUUID } from 'node:crypto';
import type { DeskReceipt, MyVolunteerTaskView, VolunteerContributions, VolunteerTaskView } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, staff, volunteerProfiles, volunteerTasks } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let desk: Client;
let chief: Client;
const v: Record<'a1' | 'a2' | 'pending' | 'b1', { id: string; client: Client }> = {} as never;
let matterId = '';
const RESIDENT = '张桂兰';
const RESIDENT_PHONE = '13800001111';

/** A volunteer as the station's approval leaves it: a staff row of the volunteer role and its profile. */
async function addVolunteer(username: string, name: string, unitId: string, stationId: string, approved = true) {
  const id = await addStaff(t, username, ['volunteer'], unitId);
  await t.deps.database.db.update(staff).set({ displayName: name }).where(eq(staff.id, id));
  await t.deps.database.db.insert(volunteerProfiles).values({
    staffId: id,
    stationId,
    phoneIndex: `test-${randomUUID()}`,
    kind: '义警',
    approvedAt: approved ? t.clock.now() : null,
  });
  return { id, client: await t.as(username) };
}

beforeAll(async () => {
  t = await buildTestApp();
  desk = await t.as('a.duty');
  chief = await t.as('a.chief');
  const { stationA, stationB, gridA1, gridA2, gridB1 } = t.fx.units;
  v.a1 = await addVolunteer('v.a1', '李秀英', gridA1, stationA);
  v.a2 = await addVolunteer('v.a2', '赵志强', gridA2, stationA);
  v.pending = await addVolunteer('v.pending', '孙大伟', gridA1, stationA);
  v.b1 = await addVolunteer('v.b1', '周建华', gridB1, stationB);
  await t.deps.database.db
    .update(volunteerProfiles)
    .set({ approvedAt: null })
    .where(eq(volunteerProfiles.staffId, v.pending.id));
  // A matter with the resident's name and phone in it: none of it may reach the volunteer.
  const res = await desk.post(
    '/api/v1/matters/desk',
    {
      channel: 'phone',
      kind: 'help',
      body: `${RESIDENT}老人独居，降压药吃完了，女儿在外地打工（${RESIDENT_PHONE}），请人帮忙送药`,
      householdId: t.fx.households.a[0],
      callerPhone: RESIDENT_PHONE,
    },
    { 'idempotency-key': randomUUID() },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  matterId = (res.body as DeskReceipt).id;
}, 60_000);
afterAll(() => t.close());

const error = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;
const url = () => `/api/v1/stations/${t.fx.units.stationA}/volunteer-tasks`;
const send = (body: Record<string, unknown>, client = desk) => client.post(url(), body);

async function sent(body: Record<string, unknown>) {
  const res = await send({ volunteerId: v.a1.id, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as VolunteerTaskView;
}

async function timelineTypes(id: string) {
  const res = await desk.get(`/api/v1/matters/${id}`);
  return (res.body as { timeline: { type: string; note: string | null }[] }).timeline;
}

describe('the desk sends a volunteer a task', () => {
  it('is the desk’s: anonymous 401, an officer without the desk 403, a volunteer 403', async () => {
    const body = { volunteerId: v.a1.id, title: '看望独居老人', place: '村口' };
    expect((await t.anonymous().post(url(), body)).status).toBe(401);
    expect((await send(body, await t.as('a.officer'))).status).toBe(403);
    expect((await send(body, v.a1.client)).status).toBe(403);
    expect((await v.a1.client.get(url())).status).toBe(403);
    expect((await (await t.as('a.officer')).get(url())).status).toBe(403);
  });

  it('copies only the household’s address and shows the volunteer on the matter’s timeline', async () => {
    const dueAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const task = await sent({
      title: '看望独居老人（送药）',
      detail: '帮老人到卫生室取降压药送到家，看看老人身体情况',
      householdId: t.fx.households.a[0],
      matterId,
      dueAt,
    });
    expect(task).toMatchObject({
      status: 'sent',
      place: 'A村1组1号',
      volunteerName: '李秀英',
      volunteerState: 'active',
      matterId,
      dueAt,
      sentByName: 'a.duty',
      allowedActions: ['cancel'],
    });
    const sentEvent = (await timelineTypes(matterId)).find((e) => e.type === 'matter.volunteer_sent');
    expect(sentEvent?.note).toContain('李秀英');
  });

  it('refuses a place outside the volunteer’s grid, an inactive volunteer, another station’s, bad input', async () => {
    const outside = await send({ volunteerId: v.a2.id, title: '看望老人', householdId: t.fx.households.a[1] });
    expect(outside.status).toBe(422);
    expect(error(outside).message).toBe('A村1组2号不在志愿者赵志强服务的A村第2网格内，请派给当地的志愿者');
    const pending = await send({ volunteerId: v.pending.id, title: '看望老人', place: '村口' });
    expect(pending.status).toBe(409);
    expect(error(pending).message).toBe('志愿者孙大伟当前为“待审核”，不能接收任务');
    expect((await send({ volunteerId: v.b1.id, title: '看望老人', place: '村口' })).status).toBe(404);
    expect((await send({ volunteerId: v.a1.id, title: '看望', householdId: t.fx.households.b[0] })).status).toBe(404);
    for (const bad of [
      { volunteerId: v.a1.id, title: '看望老人' },
      { volunteerId: v.a1.id, title: '看望老人', place: '村口', householdId: t.fx.households.a[0] },
      { volunteerId: v.a1.id, title: '看望老人', place: '村口', phone: RESIDENT_PHONE },
    ])
      expect((await send(bad)).status).toBe(400);
    // A phone number never rides along in the task's words.
    const phone = await send({
      volunteerId: v.a1.id,
      title: '看望老人',
      place: '村口',
      detail: `有事联系${RESIDENT_PHONE}`,
    });
    expect(phone.status).toBe(400);
    expect(error(phone).message).toContain('detail');
  });
});

describe('the volunteer takes its own tasks', () => {
  it('reads the task and the address, never the resident’s name or phone', async () => {
    const res = await v.a1.client.get('/api/v1/alliance/tasks');
    expect(res.status).toBe(200);
    const mine = res.body as MyVolunteerTaskView[];
    expect(mine).toEqual([
      expect.objectContaining({
        title: '看望独居老人（送药）',
        place: 'A村1组1号',
        status: 'sent',
        stationName: 'A派出所',
        allowedActions: ['accept', 'decline', 'done'],
      }),
    ]);
    const one = await v.a1.client.get(`/api/v1/alliance/tasks/${mine[0]!.id}`);
    for (const body of [JSON.stringify(res.body), JSON.stringify(one.body)]) {
      expect(body).not.toMatch(/1[3-9]\d{9}/);
      expect(body).not.toContain(RESIDENT);
      expect(body).not.toContain(matterId);
      expect(body).not.toContain('降压药吃完了');
    }
    // Another volunteer, of another grid or station, finds nothing.
    for (const other of [v.a2, v.b1]) {
      expect((await other.client.get('/api/v1/alliance/tasks')).body).toEqual([]);
      expect((await other.client.get(`/api/v1/alliance/tasks/${mine[0]!.id}`)).status).toBe(404);
      expect((await other.client.post(`/api/v1/alliance/tasks/${mine[0]!.id}/accept`, {})).status).toBe(404);
    }
    // Staff without field.task have no 我的任务 here.
    expect((await desk.get('/api/v1/alliance/tasks')).status).toBe(403);
  });

  it('accepts, reports done with a note, and a finished task stays finished', async () => {
    const [task] = (await v.a1.client.get('/api/v1/alliance/tasks')).body as MyVolunteerTaskView[];
    const id = task!.id;
    const stale = await v.a1.client.post(`/api/v1/alliance/tasks/${id}/accept`, { version: task!.version + 1 });
    expect(stale.status).toBe(409);
    const accepted = await v.a1.client.post(`/api/v1/alliance/tasks/${id}/accept`, { version: task!.version });
    expect(accepted.body).toMatchObject({ status: 'accepted', allowedActions: ['decline', 'done'] });
    const again = await v.a1.client.post(`/api/v1/alliance/tasks/${id}/accept`, {});
    expect(again.status).toBe(409);
    expect(error(again).message).toBe('该任务当前为“已接收”，不能接收');
    expect((await v.a1.client.post(`/api/v1/alliance/tasks/${id}/done`, { note: '' })).status).toBe(400);
    const done = await v.a1.client.post(`/api/v1/alliance/tasks/${id}/done`, {
      note: '药已送到，老人精神不错，血压正常',
    });
    expect(done.body).toMatchObject({
      status: 'done',
      doneNote: '药已送到，老人精神不错，血压正常',
      allowedActions: [],
    });
    const late = await v.a1.client.post(`/api/v1/alliance/tasks/${id}/decline`, { reason: '不在村里' });
    expect(error(late).message).toBe('该任务当前为“已完成”，不能退回');
    const withdraw = await desk.post(`/api/v1/volunteer-tasks/${id}/cancel`, { reason: '不用去了' });
    expect(withdraw.status).toBe(409);
    expect(error(withdraw).message).toBe('该任务当前为“已完成”，不能撤回');
    const events = await timelineTypes(matterId);
    expect(events.find((e) => e.type === 'matter.volunteer_done')?.note).toBe('药已送到，老人精神不错，血压正常');
  });

  it('declines with a reason; the desk reads it', async () => {
    const task = await sent({ title: '查看村口路灯是否损坏', place: '村口石桥旁路灯' });
    const res = await v.a1.client.post(`/api/v1/alliance/tasks/${task.id}/decline`, { reason: '这两天在县城' });
    expect(res.body).toMatchObject({ status: 'declined', declineReason: '这两天在县城' });
    const list = (await desk.get(`${url()}?status=declined`)).body as VolunteerTaskView[];
    expect(list.map((x) => [x.title, x.declineReason])).toEqual([['查看村口路灯是否损坏', '这两天在县城']]);
    const [audit] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'alliance.task.decline'), eq(auditLog.targetId, task.id)));
    expect(audit?.details).toMatchObject({ from: 'sent', to: 'declined', volunteerId: v.a1.id });
    expect(JSON.stringify(audit?.details)).not.toContain('县城');
  });

  it('is withdrawn by the desk with a reason the volunteer reads', async () => {
    const task = await sent({ title: '劝导占道晾晒', place: '二组晒谷场路口' });
    expect((await v.a2.client.get(`/api/v1/alliance/tasks/${task.id}`)).status).toBe(404);
    expect(
      (await (await t.as('b.chief')).post(`/api/v1/volunteer-tasks/${task.id}/cancel`, { reason: '重复' })).status,
    ).toBe(404);
    const res = await desk.post(`/api/v1/volunteer-tasks/${task.id}/cancel`, { reason: '村委会已处理' });
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: '村委会已处理', allowedActions: [] });
    const mine = await v.a1.client.get(`/api/v1/alliance/tasks/${task.id}`);
    expect(mine.body).toMatchObject({ status: 'cancelled', cancelReason: '村委会已处理' });
    const done = await v.a1.client.post(`/api/v1/alliance/tasks/${task.id}/done`, { note: '已劝导' });
    expect(error(done).message).toBe('该任务当前为“已撤回”，不能报告完成');
  });
});

describe('a suspended volunteer and the month’s thanks', () => {
  it('keeps a suspended volunteer’s open tasks as they are and shows its state; it gets no new ones', async () => {
    const task = await send({ volunteerId: v.a2.id, title: '提醒出租屋房东登记', place: 'A村第2网格新村路' });
    expect(task.status).toBe(200);
    const suspended = await chief.post(`/api/v1/volunteers/${v.a2.id}/suspend`, { reason: '外出务工半年' });
    expect(suspended.status).toBe(200);
    const list = (await desk.get(`${url()}?volunteerId=${v.a2.id}`)).body as VolunteerTaskView[];
    expect(list).toEqual([
      expect.objectContaining({ status: 'sent', volunteerState: 'suspended', allowedActions: ['cancel'] }),
    ]);
    const refused = await send({ volunteerId: v.a2.id, title: '协助寻找走失老人线索', place: '后山' });
    expect(refused.status).toBe(409);
    expect(error(refused).message).toBe('志愿者赵志强当前为“已暂停”，不能接收任务');
  });

  it('counts tasks done in the month', async () => {
    const month = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const res = await chief.get(`/api/v1/stations/${t.fx.units.stationA}/volunteer-contributions?month=${month}`);
    const items = (res.body as VolunteerContributions).items;
    expect(items.find((i) => i.name === '李秀英')).toMatchObject({ tasks: 1 });
    expect(items.find((i) => i.name === '赵志强')).toMatchObject({ tasks: 0 });
    const rows = await t.deps.database.db.select().from(volunteerTasks).where(eq(volunteerTasks.status, 'done'));
    expect(rows).toHaveLength(1);
  });
});
