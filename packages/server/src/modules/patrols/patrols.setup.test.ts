/**
 * 巡逻防控 set-up through the API: the chief names teams (staff and volunteers, the volunteers' names sealed and
 * shown to the station only), 必到点 in the station's villages and grids with a QR code that prints and rotates,
 * and 必巡线 as ordered points; names and codes are the station's own (409), a stale version is a conflict, bad
 * input names its field in Chinese, and neither read-only roles nor another station change anything.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PatrolPoint, PatrolPointList, PatrolRoute, PatrolTeam, PatrolTeamList } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, patrolTeamMembers } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { SHEET } from './point-sheet.js';

let t: TestApp;
let chief: Client;
beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_URL: 'https://jingmin.example.gov.cn' });
  chief = await t.as('a.chief');
}, 60_000);
afterAll(() => t.close());

const A = () => `/api/v1/stations/${t.fx.units.stationA}`;
const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;
async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

describe('巡逻队', () => {
  it('keeps the anonymous and read-only roles out, and another station’s chief', async () => {
    expect((await t.anonymous().get(`${A()}/patrol-teams`)).status).toBe(401);
    const officer = await t.as('a.officer');
    expect((await officer.get(`${A()}/patrol-teams`)).status).toBe(200);
    expect((await officer.post(`${A()}/patrol-teams`, { name: '护校队', kind: '护校队' })).status).toBe(403);
    expect((await (await t.as('b.chief')).get(`${A()}/patrol-teams`)).status).toBe(403);
    expect((await (await t.as('b.chief')).post(`${A()}/patrol-teams`, { name: '护校队', kind: '护校队' })).status).toBe(
      403,
    );
  });

  it('names a team of staff and volunteers, seals the volunteers and shows them to the station only', async () => {
    const team = await ok<PatrolTeam>(
      chief.post(`${A()}/patrol-teams`, {
        name: 'A村义警巡逻队',
        kind: '义警巡逻队',
        members: [{ name: '王德胜', role: 'leader' }, { name: '李秀兰' }, { staffId: t.fx.staffIds['a.aux'] }],
      }),
    );
    expect(team.members.map((m) => [m.name, m.role, m.volunteer])).toEqual([
      ['王德胜', 'leader', true],
      ['李秀兰', 'member', true],
      ['a.aux', 'member', false],
    ]);
    const rows = await t.deps.database.db.select().from(patrolTeamMembers).where(eq(patrolTeamMembers.teamId, team.id));
    expect(rows.map((r) => r.nameSealed ?? '').join()).not.toContain('王德胜');
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'patrol.team_create'), eq(auditLog.targetId, team.id)));
    expect(entry).toMatchObject({ result: 'ok' });
    expect(JSON.stringify(entry?.details)).not.toContain('王德胜');
    // The grid worker of the station reads the names; none but the station's own staff would.
    const list = await ok<PatrolTeamList>((await t.as('a.grid')).get(`${A()}/patrol-teams`));
    expect(list.items[0]?.members[0]?.name).toBe('王德胜');
  });

  it('refuses a taken name with 409, bad members in Chinese, and a stale version', async () => {
    const taken = await chief.post(`${A()}/patrol-teams`, { name: 'A村义警巡逻队', kind: '义警巡逻队' });
    expect(taken.status).toBe(409);
    expect(errorOf(taken).message).toContain('本所已有名为“A村义警巡逻队”的巡逻队');
    const foreign = await chief.post(`${A()}/patrol-teams`, {
      name: '游击巡逻队',
      kind: '游击巡逻队',
      members: [{ staffId: t.fx.staffIds['b.officer'] }],
    });
    expect(foreign.status).toBe(400);
    expect(errorOf(foreign).message).toContain('队员应为本所在岗的工作人员');
    const both = await chief.post(`${A()}/patrol-teams`, { name: '游击巡逻队', kind: '游击', members: [{}] });
    expect(errorOf(both).message).toContain('二选一');
    const empty = await chief.post(`${A()}/patrol-teams`, { name: '', kind: '游击' });
    expect(empty.status).toBe(400);
    expect(errorOf(empty).message).toMatch(/输入有误/);
    const [team] = (await ok<PatrolTeamList>(chief.get(`${A()}/patrol-teams`))).items;
    const body = { name: team!.name, kind: team!.kind, members: [], version: team!.version };
    const changed = await ok<PatrolTeam>(chief.put(`/api/v1/patrol-teams/${team!.id}`, body));
    expect(changed.version).toBe(team!.version + 1);
    const stale = await chief.put(`/api/v1/patrol-teams/${team!.id}`, body);
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('CONFLICT');
    expect((await (await t.as('b.chief')).put(`/api/v1/patrol-teams/${team!.id}`, body)).status).toBe(404);
    expect((await chief.delete(`/api/v1/patrol-teams/${team!.id}`)).status).toBe(200);
    const after = await ok<PatrolTeamList>(chief.get(`${A()}/patrol-teams`));
    expect(after.items.find((x) => x.id === team!.id)?.active).toBe(false);
  });
});

describe('必到点与必巡线', () => {
  const points: PatrolPoint[] = [];
  it('adds points in the station’s villages and grids, each code once', async () => {
    for (const [i, unitId] of [t.fx.units.gridA1, t.fx.units.gridA2, t.fx.units.villageA].entries())
      points.push(
        await ok<PatrolPoint>(
          chief.post(`${A()}/patrol-points`, { unitId, name: `必到点${i + 1}`, code: `A-P0${i + 1}`, place: '村口' }),
        ),
      );
    expect(points[0]).toMatchObject({ code: 'A-P01', unit: { id: t.fx.units.gridA1 }, active: true });
    expect(points[0]!.url).toMatch(/^https:\/\/jingmin\.example\.gov\.cn\/pp\/[A-Za-z0-9_-]{22}$/);
    const taken = await chief.post(`${A()}/patrol-points`, { unitId: t.fx.units.gridA1, name: '重复', code: 'A-P01' });
    expect(taken.status).toBe(409);
    expect(errorOf(taken).message).toContain('本所已有编号为“A-P01”的必到点');
    const elsewhere = await chief.post(`${A()}/patrol-points`, {
      unitId: t.fx.units.gridB1,
      name: '外所',
      code: 'A-P09',
    });
    expect(elsewhere.status).toBe(400);
    expect(errorOf(elsewhere).message).toContain('应为本所的村（社区）或网格');
    const badCode = await chief.post(`${A()}/patrol-points`, { unitId: t.fx.units.gridA1, name: '坏', code: 'A P/1' });
    expect(badCode.status).toBe(400);
    // Field workers read the points, without their codes' addresses.
    const seen = await ok<PatrolPointList>((await t.as('a.officer')).get(`${A()}/patrol-points`));
    expect(seen.items.map((p) => p.url)).toEqual([null, null, null]);
  });

  it('rotates a point’s code and changes it with its version', async () => {
    const p = points[0]!;
    const rotated = await ok<PatrolPoint>(chief.post(`/api/v1/patrol-points/${p.id}/rotate`, {}));
    expect(rotated.url).not.toBe(p.url);
    const body = {
      unitId: t.fx.units.gridA1,
      name: '村委会门口',
      code: 'A-P01',
      place: '大门东侧',
      version: rotated.version,
    };
    const changed = await ok<PatrolPoint>(chief.put(`/api/v1/patrol-points/${p.id}`, body));
    expect(changed).toMatchObject({ name: '村委会门口', url: rotated.url, version: rotated.version + 1 });
    expect((await chief.put(`/api/v1/patrol-points/${p.id}`, body)).status).toBe(409);
    points[0] = changed;
  });

  it('orders a route over the station’s active points, each once', async () => {
    const ids = points.map((p) => p.id);
    const route = await ok<PatrolRoute>(
      chief.post(`${A()}/patrol-routes`, { name: '晚间必巡线', pointIds: [ids[2], ids[0], ids[1]] }),
    );
    expect(route.points.map((p) => p.code)).toEqual(['A-P03', 'A-P01', 'A-P02']);
    const twice = await chief.post(`${A()}/patrol-routes`, { name: '重复点', pointIds: [ids[0], ids[0]] });
    expect(errorOf(twice).message).toContain('只能出现一次');
    const taken = await chief.post(`${A()}/patrol-routes`, { name: '晚间必巡线', pointIds: [ids[0]] });
    expect(taken.status).toBe(409);
    expect(errorOf(taken).message).toContain('必巡线');
    const updated = await ok<PatrolRoute>(
      chief.put(`/api/v1/patrol-routes/${route.id}`, { name: '晚间必巡线', pointIds: [ids[0], ids[1]], version: 1 }),
    );
    expect(updated.points.map((p) => p.code)).toEqual(['A-P01', 'A-P02']);
    expect(
      (await chief.put(`/api/v1/patrol-routes/${route.id}`, { name: 'x', pointIds: [ids[0]], version: 1 })).status,
    ).toBe(409);
    // A retired point leaves the walk and no new route may name it.
    expect((await chief.delete(`/api/v1/patrol-points/${ids[1]}`)).status).toBe(200);
    const list = await ok<{ items: PatrolRoute[] }>(chief.get(`${A()}/patrol-routes`));
    expect(list.items[0]?.points.map((p) => p.code)).toEqual(['A-P01']);
    const retired = await chief.post(`${A()}/patrol-routes`, { name: '新线', pointIds: [ids[1]] });
    expect(errorOf(retired).message).toContain('启用中的必到点');
    expect((await chief.delete(`/api/v1/patrol-routes/${route.id}`)).status).toBe(200);
  });

  it('prints the active points on A4 with the Chinese font and QR codes that open the check-in page', async () => {
    expect((await (await t.as('a.officer')).get(`${A()}/patrol-points.pdf`)).status).toBe(403);
    expect((await chief.get(`${A()}/patrol-points.pdf?ids=nonsense`)).status).toBe(400);
    const res = await chief.get(`${A()}/patrol-points.pdf?ids=${points[0]!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.raw.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\+WenQuanYiMicroHei/);
    if (spawnSync('pdftoppm', ['-v']).error !== undefined) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jm-pp-'));
    fs.writeFileSync(path.join(dir, 'sheet.pdf'), pdf);
    spawnSync('pdftoppm', [
      '-png',
      '-r',
      '144',
      '-f',
      '1',
      '-l',
      '1',
      path.join(dir, 'sheet.pdf'),
      path.join(dir, 'page'),
    ]);
    const page = PNG.sync.read(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.png'))!)));
    fs.rmSync(dir, { recursive: true, force: true });
    const s = 144 / 72;
    const w = Math.round(((SHEET.width - SHEET.margin * 2 - SHEET.gap) / 2) * s);
    const crop = {
      x: Math.round(SHEET.margin * s),
      y: Math.round((SHEET.margin + 30) * s),
      w,
      h: Math.round((SHEET.qr + 20) * s),
    };
    const out = new Uint8ClampedArray(crop.w * crop.h * 4);
    for (let row = 0; row < crop.h; row++) {
      const from = ((crop.y + row) * page.width + crop.x) * 4;
      out.set(page.data.subarray(from, from + crop.w * 4), row * crop.w * 4);
    }
    expect(jsQR(out, crop.w, crop.h)?.data).toBe(points[0]!.url);
  });
});
