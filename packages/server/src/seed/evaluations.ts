/**
 * Six months of 五必评 in the demo: every resolved matter opened its round's
 * evaluation (answered where the matter was rated, otherwise pending or
 * expired, never counted as satisfied), window receptions rated at the
 * station's window QR, meetings of the four kinds with their attendance and
 * attendees' answers, household visits by the police and grid lines, the
 * chief's reviews of every unsatisfied answer with their callbacks, and one
 * burst of answers from one phone waiting for the chief (待确认).
 *
 * Matters' answers are written with one INSERT … SELECT from the matters the
 * history seeded; the rest are generated here and inserted in batches.
 */
import { randomUUID } from 'node:crypto';
import {
  type Answers,
  DEFAULT_MATTER_SETTINGS,
  DEFAULT_WINDOW_SERVICES,
  type MeetingType,
  presetTemplate,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import {
  careVisitRequests,
  evaluationAnswers,
  evaluationRequests,
  evaluationTemplates,
  meetings,
  visits,
} from '../db/schema/index.js';
import { receptionTemplate, windowSettingKey, withNewWindowCode } from '../modules/receptions/receptions.service.js';
import { randomToken, sm3 } from '../platform/crypto.js';
import { saveSetting } from '../platform/settings.js';
import { insertMany } from './bulk.js';
import { REOPENED, seedRoundEvaluations } from './evaluation-rounds.js';
import { itemAt, pick, type Rand } from './names.js';
import { yearOfVisits } from './visits.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Beijing time is UTC+8 all year. */
const BEIJING = 8 * HOUR;

interface Person {
  id: string;
  name: string;
}

export interface EvaluationStation {
  id: string;
  path: string;
  name: string;
  chief: Person;
  officer: Person;
  aux: Person;
  grid: Person;
  /** Villages (or communities); the grid worker's is the first. */
  villages: { name: string; path: string }[];
  households: { id: string; unitPath: string }[];
  /** Its enterprises and units (inspected by the police line). */
  enterprises: { id: string; unitPath: string }[];
  /** Each village's grid worker (the first village's is `grid`). */
  gridWorkers: { villagePath: string; id: string }[];
}

type RequestRow = typeof evaluationRequests.$inferInsert;
type AnswerRow = typeof evaluationAnswers.$inferInsert;

/** A request's secret is never kept; the demo's are random and thrown away like real ones. */
const tokenHash = () => sm3(`evaluation:${randomToken(24)}`);
const deviceHash = () => sm3(`demo-device:${randomToken(12)}`);

/** 满意 most of the time: [satisfied, fairly satisfied, unsatisfied] weights. */
function scaleAnswer(rand: Rand, weights: [number, number]): 'satisfied' | 'fairly_satisfied' | 'unsatisfied' {
  const r = rand();
  return r < weights[0] ? 'satisfied' : r < weights[0] + weights[1] ? 'fairly_satisfied' : 'unsatisfied';
}

const WRONG = ['slow', 'attitude', 'unresolved', 'unclear'] as const;

function answersFor(
  rand: Rand,
  overall: ReturnType<typeof scaleAnswer>,
  remarks: { good: string[]; bad: string[] },
  extra: Answers = {},
): Answers {
  const answers: Answers = { ...extra, overall };
  if (overall === 'unsatisfied') {
    answers.wrong = [pick(rand, WRONG)];
    answers.remark = pick(rand, remarks.bad);
  } else if (rand() < 0.25) answers.remark = pick(rand, remarks.good);
  return answers;
}

/** 09:00–17:00 Beijing time on a weekday `daysAgo` days back; null on a weekend. */
function workingHour(now: Date, daysAgo: number, rand: Rand): Date | null {
  const day = new Date(now.getTime() - daysAgo * DAY);
  const local = new Date(day.getTime() + BEIJING);
  const weekday = local.getUTCDay();
  if (weekday === 0 || weekday === 6) return null;
  local.setUTCHours(9 + Math.floor(rand() * 8), Math.floor(rand() * 60), 0, 0);
  return new Date(local.getTime() - BEIJING);
}

const RECEPTION_REMARKS = {
  good: ['窗口民警很耐心，一次就办好了', '材料不全也帮我想办法了，谢谢', '办得很快，十分钟就好了', '服务态度好'],
  bad: ['排队时间太长，只开了一个窗口', '让我回去补材料跑了两趟', '中午窗口没人'],
};
const MEETING_REMARKS = {
  good: ['讲的反诈案例很实用，回去给家里老人说', '通报很及时，希望多开', '有问题当场就答复了', '民警讲得很清楚'],
  bad: ['会议时间太短，没轮到我提问', '通知太晚了'],
};
const VISIT_REMARKS = {
  good: ['民警上门讲了防诈骗，老人很受用', '留了联系卡，有事方便找', '帮我们检查了电线，很细心', '来得很及时'],
  bad: ['说了半天没解决我家的事', '来的时候家里没人，也没留个电话'],
};

const MEETING_PLACES = ['村委会二楼会议室', '文化礼堂', '村民活动中心'];

/** The month's meetings: a 治安通报会 every month, a 恳谈会 or 房东大会 in turn, a 报告工作会 each quarter. */
function meetingPlan(month: number): MeetingType[] {
  const plan: MeetingType[] = ['security_briefing', month % 2 === 0 ? 'community_dialogue' : 'landlords'];
  if (month % 3 === 0) plan.push('work_report');
  return plan;
}

export async function seedEvaluations(tx: Tx, rand: Rand, now: Date, stations: EvaluationStation[]) {
  const expiresDays = DEFAULT_MATTER_SETTINGS.evaluation.expiresDays;
  const requests: RequestRow[] = [];
  const answers: AnswerRow[] = [];
  const meetingRows: (typeof meetings.$inferInsert)[] = [];
  const visitRows: (typeof visits.$inferInsert)[] = [];
  const careRows: (typeof careVisitRequests.$inferInsert)[] = [];
  const templateRows: (typeof evaluationTemplates.$inferInsert)[] = [];

  /** A request answered (or not) on the preset template, version 0. */
  const addRequest = (row: Omit<RequestRow, 'tokenHash'>, answer: { at: Date; answers: Answers } | null) => {
    const id = randomUUID();
    requests.push({ ...row, id, tokenHash: tokenHash(), answeredAt: answer?.at ?? null });
    if (answer)
      answers.push({
        requestId: id,
        templateId: null,
        templateVersion: 0,
        answers: answer.answers,
        satisfied: answer.answers.overall !== 'unsatisfied',
        deviceHash: deviceHash(),
        createdAt: answer.at,
      });
  };

  for (const station of stations) {
    // 接待来访必评: the window's template asks which service first (the station's list, then 其他).
    const receptionId = randomUUID();
    templateRows.push({
      id: receptionId,
      stationId: station.id,
      type: 'reception',
      version: 1,
      questions: receptionTemplate(presetTemplate('reception'), DEFAULT_WINDOW_SERVICES).questions,
      createdBy: station.chief.id,
      createdAt: new Date(now.getTime() - 190 * DAY),
    });
    const services = [...DEFAULT_WINDOW_SERVICES.map((_, i) => `s${i + 1}`), 'other'];
    for (let d = 1; d < 182; d++) {
      const scans = 3 + Math.floor(rand() * 7);
      for (let k = 0; k < scans; k++) {
        const at = workingHour(now, d, rand);
        if (!at) break;
        // Some scan at the window and leave without answering: the request expires as 未评价.
        const answered = rand() < 0.9;
        const overall = scaleAnswer(rand, [0.9, 0.08]);
        const stars = overall === 'unsatisfied' ? 2 + Math.floor(rand() * 2) : rand() < 0.8 ? 5 : 4;
        const serviceAnswer = { service: rand() < 0.9 ? pick(rand, services.slice(0, -1)) : 'other', staff: stars };
        const id = randomUUID();
        requests.push({
          id,
          type: 'reception',
          subjectType: 'reception',
          subjectId: randomUUID(),
          stationId: station.id,
          unitPath: station.path,
          tokenHash: tokenHash(),
          expiresAt: new Date(at.getTime() + DAY),
          answeredAt: answered ? new Date(at.getTime() + 60_000 + rand() * 10 * 60_000) : null,
          createdAt: at,
        });
        if (answered)
          answers.push({
            requestId: id,
            templateId: receptionId,
            templateVersion: 1,
            answers: answersFor(rand, overall, RECEPTION_REMARKS, serviceAnswer),
            satisfied: overall !== 'unsatisfied',
            deviceHash: deviceHash(),
            createdAt: new Date(at.getTime() + 2 * 60_000),
          });
      }
    }

    // 召开会议必评: six months of meetings in the station's villages and its own meeting room.
    for (let m = 0; m < 6; m++) {
      meetingPlan(m).forEach((type, k) => {
        const heldAt = workingHour(now, 12 + m * 30 + k * 9, rand) ?? workingHour(now, 14 + m * 30 + k * 9, rand);
        if (!heldAt) return;
        const village = pick(rand, station.villages).name;
        const place = type === 'work_report' ? `${station.name}三楼会议室` : `${village}${pick(rand, MEETING_PLACES)}`;
        const attendance = type === 'landlords' ? 18 + Math.floor(rand() * 25) : 30 + Math.floor(rand() * 60);
        const id = randomUUID();
        const host = type === 'work_report' ? station.chief : station.officer;
        meetingRows.push({
          id,
          stationId: station.id,
          unitPath: station.path,
          type,
          place,
          heldAt,
          hostStaffId: host.id,
          attendance,
          qrCode: randomToken(18),
          createdBy: station.chief.id,
          createdAt: new Date(heldAt.getTime() - 3 * DAY),
        });
        for (let a = 0; a < attendance; a++) {
          const scanned = new Date(heldAt.getTime() + rand() * HOUR);
          const answered = rand() < 0.8;
          addRequest(
            {
              type: 'meeting',
              subjectType: 'meeting',
              subjectId: id,
              stationId: station.id,
              unitPath: station.path,
              ratedStaffId: host.id,
              expiresAt: new Date(scanned.getTime() + DAY),
              createdAt: scanned,
            },
            answered
              ? {
                  at: new Date(scanned.getTime() + 5 * 60_000),
                  answers: answersFor(rand, scaleAnswer(rand, [0.93, 0.062]), MEETING_REMARKS),
                }
              : null,
          );
        }
      });
    }
    // The latest unsatisfied answers, still with the chief: one from the window this morning, one after a visit.
    const morning = new Date(now.getTime() - 5 * HOUR);
    const windowId = randomUUID();
    requests.push({
      id: windowId,
      type: 'reception',
      subjectType: 'reception',
      subjectId: randomUUID(),
      stationId: station.id,
      unitPath: station.path,
      tokenHash: tokenHash(),
      expiresAt: new Date(morning.getTime() + DAY),
      answeredAt: new Date(morning.getTime() + 10 * 60_000),
      createdAt: morning,
    });
    answers.push({
      requestId: windowId,
      templateId: receptionId,
      templateVersion: 1,
      answers: {
        service: 's1',
        overall: 'unsatisfied',
        wrong: ['slow'],
        staff: 3,
        remark: '中午窗口没人，等了一个多小时',
      },
      satisfied: false,
      deviceHash: deviceHash(),
      createdAt: new Date(morning.getTime() + 10 * 60_000),
    });
    const yesterday = new Date(now.getTime() - 30 * HOUR);
    const home = pick(rand, station.households);
    const visitId = randomUUID();
    visitRows.push({
      id: visitId,
      stationId: station.id,
      unitPath: home.unitPath,
      householdId: home.id,
      line: 'police',
      staffId: station.aux.id,
      visitedAt: yesterday,
      note: '了解邻里矛盾情况，已做疏导。',
      createdAt: yesterday,
    });
    addRequest(
      {
        type: 'visit',
        subjectType: 'visit',
        subjectId: visitId,
        stationId: station.id,
        unitPath: home.unitPath,
        ratedStaffId: station.aux.id,
        householdId: home.id,
        expiresAt: new Date(yesterday.getTime() + expiresDays * DAY),
        createdAt: yesterday,
      },
      {
        at: new Date(yesterday.getTime() + 3 * HOUR),
        answers: { overall: 'unsatisfied', wrong: ['unresolved'], remark: '说了半天没解决我家的事，隔壁还是天天吵' },
      },
    );

    // One still to come, so the page shows a meeting whose QR will be scanned.
    meetingRows.push({
      id: randomUUID(),
      stationId: station.id,
      unitPath: station.path,
      type: 'security_briefing',
      place: `${itemAt(station.villages, 0).name}村委会二楼会议室`,
      heldAt: new Date(Math.ceil((now.getTime() + 2 * DAY) / HOUR) * HOUR),
      hostStaffId: station.officer.id,
      attendance: 0,
      qrCode: randomToken(18),
      createdBy: station.chief.id,
      createdAt: now,
    });

    // 走访入户必评: a year of visits by the three lines (seed/visits.ts), each with its evaluation.
    const year = yearOfVisits(rand, now, station);
    careRows.push(...year.care);
    for (const v of year.rows) {
      visitRows.push(v);
      const expiresAt = new Date(v.visitedAt.getTime() + expiresDays * DAY);
      const answered = rand() < (expiresAt > now ? 0.4 : 0.6);
      addRequest(
        {
          type: 'visit',
          subjectType: 'visit',
          subjectId: v.id,
          stationId: station.id,
          unitPath: v.unitPath,
          ratedStaffId: v.staffId,
          householdId: v.householdId,
          expiresAt,
          createdAt: v.visitedAt,
        },
        answered
          ? {
              at: new Date(Math.min(now.getTime(), v.visitedAt.getTime() + (0.2 + rand() * 48) * HOUR)),
              answers: answersFor(rand, scaleAnswer(rand, [0.88, 0.09]), VISIT_REMARKS),
            }
          : null,
      );
    }
  }

  await tx.insert(evaluationTemplates).values(templateRows);
  // The window QR the receptions were scanned from hangs at each station's window: shown and printable on first start.
  for (const station of stations) {
    const madeAt = new Date(now.getTime() - 190 * DAY);
    const window = withNewWindowCode({ services: [...DEFAULT_WINDOW_SERVICES] }, madeAt);
    await saveSetting(tx, windowSettingKey(station.id), window, station.chief.id, madeAt);
  }
  await tx.insert(meetings).values(meetingRows);
  await insertMany(tx, visits, visitRows);
  await insertMany(tx, careVisitRequests, careRows);
  await insertMany(tx, evaluationRequests, requests);
  await insertMany(tx, evaluationAnswers, answers);

  await seedMatterEvaluations(tx, now, expiresDays);
  await seedFlood(tx, rand, now, itemAt(stations, 0), itemAt(templateRows, 0).id ?? null);
  await seedReviews(tx, now, stations);
  return { requests: requests.length, meetings: meetingRows.length, visits: visitRows.length };
}

/**
 * 接处警必评 and 意见反馈必评 for the seeded matters: each resolved matter's round-1 request (a suggestion's
 * answer is rated as 意见反馈), answered where the matter was rated, with varied reasons when unsatisfied
 * (the rating's words on the timeline too); a matter sent back has a request per round (evaluation-rounds.ts).
 */
async function seedMatterEvaluations(tx: Tx, now: Date, expiresDays: number) {
  await tx.execute(sql`
    WITH reasons(i, wrong, comment) AS (
      VALUES (0, 'slow', '处理太慢了，等了两天才有人联系'),
             (1, 'unresolved', '问题没有彻底解决，晚上还是很吵'),
             (2, 'attitude', '电话里说话有点不耐烦'),
             (3, 'unclear', '没说清楚下一步该找谁')
    )
    UPDATE matters m SET rating_comment = r.comment
      FROM reasons r
     WHERE m.rating = 'unsatisfied' AND r.i = abs(hashtext(m.id::text)) % 4 AND NOT ${REOPENED}`);
  await tx.execute(sql`
    UPDATE matter_events e SET note = m.rating_comment
      FROM matters m
     WHERE e.matter_id = m.id AND e.type = 'matter.rate' AND m.rating = 'unsatisfied'
       AND e.note IS DISTINCT FROM m.rating_comment AND NOT ${REOPENED}`);
  await tx.execute(sql`
    INSERT INTO evaluation_requests
      (id, type, subject_type, subject_id, station_id, unit_path, subject_round, rated_staff_id, household_id,
       token_hash, expires_at, answered_at, created_at)
    SELECT gen_random_uuid(),
           (CASE WHEN m.kind = 'suggestion' THEN 'answer' ELSE 'matter' END)::evaluation_type,
           'matter', m.id, m.station_id, m.unit_path, 1, m.assignee_staff_id, m.household_id,
           encode(sha256(convert_to(gen_random_uuid()::text || m.id::text, 'UTF8')), 'hex'),
           m.resolved_at + make_interval(days => ${expiresDays}::int), m.rated_at, m.resolved_at
      FROM matters m
     WHERE m.resolved_at IS NOT NULL AND m.resolved_at <= ${now.toISOString()}::timestamptz AND NOT ${REOPENED}`);
  await tx.execute(sql`
    INSERT INTO evaluation_answers (request_id, template_version, answers, satisfied, device_hash, created_at)
    SELECT r.id, 0,
           jsonb_strip_nulls(jsonb_build_object(
             'overall', CASE m.rating WHEN 'satisfied' THEN 'satisfied'
                                      WHEN 'basically_satisfied' THEN 'fairly_satisfied' ELSE 'unsatisfied' END,
             'wrong', CASE WHEN m.rating = 'unsatisfied' THEN jsonb_build_array(
                        (ARRAY['slow', 'unresolved', 'attitude', 'unclear'])[abs(hashtext(m.id::text)) % 4 + 1]) END,
             'remark', m.rating_comment)),
           m.rating <> 'unsatisfied',
           encode(sha256(convert_to(r.id::text, 'UTF8')), 'hex'),
           m.rated_at
      FROM evaluation_requests r
      JOIN matters m ON m.id = r.subject_id
     WHERE r.subject_type = 'matter' AND m.rating IS NOT NULL`);
  await seedRoundEvaluations(tx, expiresDays);
}

/**
 * One afternoon someone rated the window five times from one phone within minutes: the answers after the
 * station's limit wait for the chief (待确认) and stay out of the figures; an earlier burst was accepted.
 */
async function seedFlood(tx: Tx, rand: Rand, now: Date, station: EvaluationStation, templateId: string | null) {
  const { floodMaxAnswers } = DEFAULT_MATTER_SETTINGS.evaluation;
  for (const [daysAgo, accepted] of [
    [9, false],
    [40, true],
  ] as const) {
    const start = workingHour(now, daysAgo, rand) ?? workingHour(now, daysAgo + 2, rand) ?? now;
    const device = deviceHash();
    const key = sm3(`demo-key:${randomToken(12)}`);
    for (let k = 0; k < floodMaxAnswers + 2; k++) {
      const at = new Date(start.getTime() + k * 90_000);
      const id = randomUUID();
      await tx.insert(evaluationRequests).values({
        id,
        type: 'reception',
        subjectType: 'reception',
        subjectId: randomUUID(),
        stationId: station.id,
        unitPath: station.path,
        tokenHash: tokenHash(),
        expiresAt: new Date(at.getTime() + DAY),
        answeredAt: at,
        createdAt: at,
      });
      const flagged = k >= floodMaxAnswers;
      await tx.insert(evaluationAnswers).values({
        requestId: id,
        templateId,
        templateVersion: templateId ? 1 : 0,
        answers: { service: 's1', overall: 'satisfied', staff: 5 },
        satisfied: true,
        deviceHash: device,
        deviceKeyHash: key,
        flagged,
        acceptedBy: flagged && accepted ? station.chief.id : null,
        acceptedAt: flagged && accepted ? new Date(at.getTime() + DAY) : null,
        createdAt: at,
      });
    }
  }
}

const OUTCOME_NOTES = {
  explained: '已电话回访，说明了处理经过和原因，群众表示理解。',
  still_unsatisfied: '已回访，群众仍认为处理时间过长，意见已记录并报所长。',
  rectification: '经复核确有拖延，责令承办人员整改，整改后再次回访。',
  reopened: '回访核实问题确未解决，责令承办人整改，已发回重新办理。',
} as const;

/** A review the matter history closed on the timeline before sending the round back (its id in the event). */
const REVIEWED_BEFORE = sql`EXISTS (SELECT 1 FROM matter_events d
  WHERE d.type = 'matter.review_done' AND d.matter_id = r.subject_id AND d.payload->>'reviewId' = v.id::text
    AND EXISTS (SELECT 1 FROM matter_events x WHERE x.matter_id = d.matter_id AND x.type = 'matter.reopen'
                 AND x.id > d.id))`;

/**
 * 不满意不放过: a review for every unsatisfied answer. Those older than two days were called back by the
 * chief (mostly within the promised hours, a few late) and closed; the latest wait, some with a callback
 * assigned. A matter's resident sees the review requested and done on the timeline, and the matter closes.
 * A matter's round that was sent back was reviewed first, closed with 整改: the history wrote those events
 * with the review's id and time (matter-reopens.ts), which the review takes here.
 */
async function seedReviews(tx: Tx, now: Date, stations: EvaluationStation[]) {
  const hours = DEFAULT_MATTER_SETTINGS.review.callbackHours;
  const chiefs = sql.join(
    stations.map((s) => sql`(${s.id}::uuid, ${s.chief.id}::uuid, ${s.chief.name})`),
    sql`, `,
  );
  const nowAt = sql`${now.toISOString()}::timestamptz`;
  await tx.execute(sql`
    WITH chiefs(station_id, chief_id, chief_name) AS (VALUES ${chiefs}),
    reopened AS (
      SELECT d.matter_id, (d.payload->>'reviewId')::uuid AS review_id, d.at AS closed_at,
             (d.payload->>'rectificationDueAt')::timestamptz AS rectification_due_at,
             1 + (SELECT count(*) FROM matter_events x
                   WHERE x.matter_id = d.matter_id AND x.type = 'matter.reopen' AND x.id < d.id)::int AS round
        FROM matter_events d
       WHERE d.type = 'matter.review_done'
    ),
    picked AS (
      SELECT a.id AS answer_id, r.id AS request_id, r.station_id, r.unit_path, a.created_at, c.chief_id,
             abs(hashtext(a.id::text)) % 20 AS h, o.review_id, o.closed_at AS reviewed_at,
             o.rectification_due_at AS reviewed_due_at
        FROM evaluation_answers a
        JOIN evaluation_requests r ON r.id = a.request_id
        JOIN chiefs c ON c.station_id = r.station_id
        LEFT JOIN reopened o ON r.subject_type = 'matter' AND o.matter_id = r.subject_id AND o.round = r.subject_round
       WHERE a.satisfied = false
    ),
    timed AS (
      SELECT p.*, coalesce(p.reviewed_at,
               p.created_at + make_interval(hours => CASE WHEN h < 2 THEN ${hours}::int + 6 + h * 5 ELSE 2 + h END))
               AS closed_at,
             CASE WHEN p.review_id IS NOT NULL OR p.created_at < ${nowAt} - interval '2 days' THEN 'closed'
                  WHEN h % 2 = 0 THEN 'callback_assigned' ELSE 'open' END AS status,
             CASE WHEN p.review_id IS NOT NULL THEN 'reopened'
                  WHEN h < 14 THEN 'explained' WHEN h < 17 THEN 'still_unsatisfied' ELSE 'rectification' END AS outcome
        FROM picked p
    )
    INSERT INTO evaluation_reviews
      (id, request_id, answer_id, station_id, unit_path, status, due_at, callback_staff_id, assigned_by, assigned_at,
       outcome, outcome_note, rectification_due_at, closed_by, closed_at, created_at)
    SELECT coalesce(review_id, gen_random_uuid()), request_id, answer_id, station_id, unit_path,
           status::evaluation_review_status,
           created_at + make_interval(hours => ${hours}::int),
           CASE WHEN status <> 'open' THEN chief_id END,
           CASE WHEN status <> 'open' THEN chief_id END,
           CASE WHEN status <> 'open' THEN created_at + interval '1 hour' END,
           CASE WHEN status = 'closed'
                THEN (CASE outcome WHEN 'reopened' THEN 'rectification' ELSE outcome END)::evaluation_callback_outcome END,
           CASE WHEN status = 'closed' THEN (CASE outcome WHEN 'explained' THEN ${OUTCOME_NOTES.explained}
                  WHEN 'still_unsatisfied' THEN ${OUTCOME_NOTES.still_unsatisfied}
                  WHEN 'reopened' THEN ${OUTCOME_NOTES.reopened}
                  ELSE ${OUTCOME_NOTES.rectification} END) END,
           CASE WHEN status = 'closed' AND outcome IN ('rectification', 'reopened')
                THEN coalesce(reviewed_due_at, closed_at + interval '21 days') END,
           CASE WHEN status = 'closed' THEN chief_id END,
           CASE WHEN status = 'closed' THEN closed_at END,
           created_at
      FROM timed`);
  // The matter's timeline: the review promised at the rating, done at the callback; then the matter closes.
  await tx.execute(sql`
    INSERT INTO matter_events (matter_id, type, actor_type, from_status, to_status, payload, at)
    SELECT r.subject_id, 'matter.review_requested', 'resident', NULL, NULL,
           jsonb_build_object('rating', 'unsatisfied', 'callbackHours', ${hours}::int, 'dueAt', v.due_at),
           v.created_at
      FROM evaluation_reviews v JOIN evaluation_requests r ON r.id = v.request_id
     WHERE r.subject_type = 'matter' AND NOT ${REVIEWED_BEFORE}`);
  await tx.execute(sql`
    WITH chiefs(station_id, chief_id, chief_name) AS (VALUES ${chiefs})
    INSERT INTO matter_events (matter_id, type, actor_type, actor_id, actor_name, from_status, to_status, payload, at)
    SELECT r.subject_id, e.type, 'staff', c.chief_id, c.chief_name,
           e.from_status::matter_status, e.to_status::matter_status, e.payload,
           v.closed_at + e.after
      FROM evaluation_reviews v
      JOIN evaluation_requests r ON r.id = v.request_id
      JOIN chiefs c ON c.station_id = v.station_id
      CROSS JOIN LATERAL (VALUES
        ('matter.review_done', NULL, NULL, jsonb_build_object('reviewId', v.id, 'outcome', v.outcome,
           'rectificationDueAt', v.rectification_due_at), interval '0'),
        ('matter.close', 'rated', 'closed', '{}'::jsonb, interval '1 minute')
      ) AS e(type, from_status, to_status, payload, after)
     WHERE r.subject_type = 'matter' AND v.status = 'closed' AND NOT ${REVIEWED_BEFORE}`);
  await tx.execute(sql`
    UPDATE matters m SET status = 'closed', closed_at = v.closed_at + interval '1 minute', updated_at = v.closed_at
      FROM evaluation_reviews v JOIN evaluation_requests r ON r.id = v.request_id
     WHERE r.subject_type = 'matter' AND r.subject_id = m.id AND v.status = 'closed' AND m.status = 'rated'
       AND NOT ${REVIEWED_BEFORE}`);
}
