/**
 * 五必评 through the API: a request another module opens is answered once by
 * the resident, checked against the template version shown; each station sets
 * its own template versions, and a staff session never answers.
 */
import { randomUUID } from 'node:crypto';
import { type EvaluationType, presetTemplate } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evaluationAnswers, units } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { requestEvaluation } from './evaluations.service.js';

let t: TestApp;
let resident: Client;
beforeAll(async () => {
  t = await buildTestApp();
  resident = t.anonymous();
}, 60_000);
afterAll(() => t.close());

/** What the meeting module will do after a meeting is held: open a request in its own transaction. */
async function openRequest(type: EvaluationType = 'meeting', station: 'stationA' | 'stationB' = 'stationA') {
  const stationId = t.fx.units[station];
  const [unit] = await t.deps.database.db.select().from(units).where(eq(units.id, stationId));
  const ctx = systemCtx(t.deps, pino({ level: 'silent' }));
  const { id, token } = await t.deps.database.db.transaction((tx) =>
    requestEvaluation(tx, ctx, {
      type,
      subject: { type, id: randomUUID() },
      stationId,
      unitPath: unit!.path,
      expiresInDays: 7,
    }),
  );
  return { id, token, url: `/api/v1/public/evaluations/${token}` };
}

/** The stored answer to one request. */
async function answerTo(requestId: string) {
  const db = t.deps.database.db;
  const [answer] = await db.select().from(evaluationAnswers).where(eq(evaluationAnswers.requestId, requestId));
  return answer;
}

const error = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;
const templateUrl = (type: EvaluationType, station = t.fx.units.stationA) =>
  `/api/v1/stations/${station}/evaluation-templates/${type}`;

describe('a resident answers an evaluation once', () => {
  it('opens with the station and the preset questions, accepts one answer, then says it was given', async () => {
    const { id, url } = await openRequest();
    const opened = await resident.get(url);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ type: 'meeting', stationName: 'A派出所', template: { version: 0 } });
    const first = await resident.post(url, { version: 0, answers: { overall: 'satisfied' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 0 });
    const again = await resident.post(url, { version: 0, answers: { overall: 'unsatisfied', wrong: ['slow'] } });
    expect(again.status).toBe(409);
    expect(error(again)).toMatchObject({ code: 'EVALUATION_ANSWERED', message: '这次评价已经提交过了，感谢您的参与' });
    expect((await resident.get(url)).status).toBe(409);
    const answer = await answerTo(id);
    expect(answer).toMatchObject({ satisfied: true, templateVersion: 0, templateId: null, flagged: false });
  });

  it('records the answer in the audit without what the resident wrote', async () => {
    const { url } = await openRequest('visit');
    const remark = '民警很耐心，谢谢';
    expect((await resident.post(url, { version: 0, answers: { overall: 'satisfied', remark } })).status).toBe(200);
    const entries = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'evaluation.answer'));
    expect(entries.map((e) => e.details)).toContainEqual({ type: 'visit', version: 0 });
    expect(JSON.stringify(entries)).not.toContain(remark);
  });

  it('says in plain words that an unknown link is not found and an expired one has expired', async () => {
    const unknown = await resident.get(`/api/v1/public/evaluations/${'x'.repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect(error(unknown).message).toBe('未找到该评价');
    const { url } = await openRequest();
    t.clock.advance(8 * 86_400_000);
    for (const res of [await resident.get(url), await resident.post(url, { version: 0, answers: {} })]) {
      expect(res.status).toBe(410);
      expect(error(res)).toMatchObject({ code: 'EVALUATION_EXPIRED' });
      expect(error(res).message).toContain('已过期');
    }
  });

  it('names the question that is wrong, and accepts a skipped question left empty', async () => {
    const { url } = await openRequest('answer');
    const missing = await resident.post(url, { version: 0, answers: { overall: 'unsatisfied' } });
    expect(missing.status).toBe(400);
    expect(error(missing).message).toBe('输入有误：第 2 题“哪里做得不好？”必须回答');
    const option = await resident.post(url, { version: 0, answers: { overall: '很好' } });
    expect(error(option).message).toContain('第 1 题“您对这次意见反馈满意吗？”的回答不在选项之内');
    const long = await resident.post(url, { version: 0, answers: { overall: 'satisfied', remark: '长'.repeat(501) } });
    expect(error(long).message).toContain('第 3 题“还有什么想说的？”最多 500 个字');
    const skipped = await resident.post(url, { version: 0, answers: { overall: 'satisfied', wrong: ['slow'] } });
    expect(error(skipped).message).toContain('第 2 题“哪里做得不好？”按前面的回答应跳过');
    const english = await t.anonymous({ locale: 'en' }).post(url, { version: 0, answers: { overall: 'unsatisfied' } });
    expect(error(english).message).toBe('Invalid input: question 2 "What went wrong?" must be answered');
    expect((await resident.post(url, { version: 0, answers: { overall: 'fairly_satisfied' } })).status).toBe(200);
  });

  it('refuses a staff session: staff cannot evaluate on a resident’s behalf', async () => {
    const { url } = await openRequest();
    const officer = await t.as('a.officer');
    const res = await officer.post(url, { version: 0, answers: { overall: 'satisfied' } });
    expect(res.status).toBe(403);
    expect(error(res)).toMatchObject({ code: 'EVALUATION_BY_STAFF' });
    expect(error(res).message).toContain('工作人员不能代群众评价');
    // The request is still the resident's to answer.
    expect((await resident.post(url, { version: 0, answers: { overall: 'satisfied' } })).status).toBe(200);
  });
});

describe('a station’s templates', () => {
  it('lets staff of the station read the template in force, the preset until the chief sets one', async () => {
    const res = await (await t.as('a.officer')).get(templateUrl('reception'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 0, isPreset: true, type: 'reception' });
    expect((await t.anonymous().get(templateUrl('reception'))).status).toBe(401);
  });

  it('uses the 好差评 five-level scale once the chief sets it', async () => {
    const chief = await t.as('a.chief');
    const saved = await chief.put(templateUrl('reception'), presetTemplate('reception', 'five'));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, isPreset: false });
    const { id, url } = await openRequest('reception');
    const opened = (await resident.get(url)).body as { template: { version: number; questions: unknown[] } };
    expect(opened.template.version).toBe(1);
    expect(JSON.stringify(opened.template.questions)).toContain('非常不满意');
    const res = await resident.post(url, { version: 1, answers: { overall: 'very_satisfied' } });
    expect(res.status).toBe(200);
    const answer = await answerTo(id);
    expect(answer).toMatchObject({ satisfied: true, templateVersion: 1 });
    expect(answer?.templateId).toBeTruthy();
  });

  it('keeps an answer’s version when the chief saves a new one, and checks a late answer against what it was shown', async () => {
    const chief = await t.as('a.chief');
    const { id, url } = await openRequest('visit');
    expect(
      (await resident.post(url, { version: 0, answers: { overall: 'unsatisfied', wrong: ['slow'] } })).status,
    ).toBe(200);
    const shownBefore = await openRequest('visit');
    const stars = {
      questions: [{ id: 'stars', kind: 'stars', label: { zh: '打几颗星？', en: 'How many stars?' }, required: true }],
    };
    expect((await chief.put(templateUrl('visit'), stars)).body).toMatchObject({ version: 1 });
    const old = await answerTo(id);
    expect(old).toMatchObject({ templateVersion: 0, satisfied: false });
    // Opened before the change, answered after: checked against version 0, as shown.
    const late = await resident.post(shownBefore.url, { version: 0, answers: { overall: 'satisfied' } });
    expect(late.status).toBe(200);
    const unknownVersion = await resident.post((await openRequest('visit')).url, { version: 7, answers: {} });
    expect(unknownVersion.status).toBe(400);
    expect(error(unknownVersion).message).toContain('第 7 版');
    // Stars only: no scale, so the answer is not rated either way.
    const starredRequest = await openRequest('visit');
    const starred = await resident.post(starredRequest.url, { version: 1, answers: { stars: 5 } });
    expect(starred.status).toBe(200);
    const latest = await answerTo(starredRequest.id);
    expect(latest).toMatchObject({ templateVersion: 1, satisfied: null });
  });

  it('lets only this station’s chief change it', async () => {
    const stars = presetTemplate('matter', 'five');
    const otherChief = await t.as('b.chief');
    const refused = await otherChief.put(templateUrl('matter'), stars);
    expect(refused.status).toBe(403);
    expect((await otherChief.get(templateUrl('matter'))).status).toBe(403);
    expect((await (await t.as('a.duty')).put(templateUrl('matter'), stars)).status).toBe(403);
    expect((await (await t.as('a.chief')).get(templateUrl('matter'))).body).toMatchObject({ version: 0 });
  });

  it('refuses an unsound template, naming what is wrong', async () => {
    const chief = await t.as('a.chief');
    const [first] = presetTemplate('meeting').questions;
    const noSatisfied = { ...first!, options: first!.options!.map((o) => ({ ...o, satisfied: false })) };
    const res = await chief.put(templateUrl('meeting'), { questions: [noSatisfied] });
    expect(res.status).toBe(400);
    expect(error(res).message).toContain('satisfied');
    expect(
      (await chief.put(`/api/v1/stations/${t.fx.units.townA}/evaluation-templates/meeting`, presetTemplate('meeting')))
        .status,
    ).toBe(404);
  });
});
