/** The 议事厅's posts a host made dispute cases (room-extras.ts): the "@", its thread, the case and its mediation. */
import { randomUUID } from 'node:crypto';
import {
  type AssessmentFactors,
  addWorkingDays,
  DEFAULT_COLOUR_SCHEME,
  DEFAULT_ROOM_RULES,
  toCalendarDate,
  type WorkingDayCalendar,
  workingDayCalendar,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import {
  calendarDays,
  disputeAssessments,
  disputeCases,
  disputeColourChanges,
  disputeSessions,
} from '../db/schema/index.js';
import { itemAt, officeHours } from './names.js';
import { MIN } from './patrols.js';
import { beijingAt, filler, post, type Room, type Scene, speaker, spread, thread } from './room-extras-scene.js';
import { CASES, type CaseTale } from './room-extras-texts-cases.js';

type CaseRow = typeof disputeCases.$inferInsert & { id: string; acceptedAt: Date };

interface CaseWork {
  assessments: (typeof disputeAssessments.$inferInsert)[];
  colours: (typeof disputeColourChanges.$inferInsert)[];
  sessions: (typeof disputeSessions.$inferInsert)[];
}

/**
 * Two "@"s a station a host made dispute cases (source 议事厅) right after answering them: the older one assessed
 * (一般, green), given to the people's mediation with a session planned; the recent one still to be assessed. The
 * cases carry no parties yet — a room knows its members by nickname only; the officer adds them at the session.
 */
export async function roomCases(tx: Tx, s: Scene, rooms: Room[]): Promise<number> {
  const calendar = workingDayCalendar(
    await tx.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays),
  );
  const cases: CaseRow[] = [];
  const work: CaseWork = { assessments: [], colours: [], sessions: [] };
  for (const [room, tale] of spread(s, rooms, CASES)) {
    const made = caseOf(s, room, tale);
    if (!made) continue;
    cases.push(made.row);
    if (!tale.recent) mediate(s, room, made, calendar, work);
  }
  await numberCases(tx, cases);
  if (cases.length === 0) return 0;
  await tx.insert(disputeCases).values(cases);
  if (work.assessments.length) await tx.insert(disputeAssessments).values(work.assessments);
  if (work.colours.length) await tx.insert(disputeColourChanges).values(work.colours);
  if (work.sessions.length) await tx.insert(disputeSessions).values(work.sessions);
  return cases.length;
}

/** Assessed 一般 and green within the hour, given to the people's mediation, a session planned in the days ahead. */
function mediate(s: Scene, room: Room, made: Made, calendar: WorkingDayCalendar, work: CaseWork) {
  const caseId = made.row.id;
  const by = room.officer.id;
  const assessedAt = officeHours(new Date(made.row.acceptedAt.getTime() + Math.floor(20 + s.rand() * 90) * MIN), s.now);
  const rural = room.audience === 'rural';
  work.assessments.push({
    caseId,
    level: 'simple',
    factors: made.factors,
    note: '事实清楚、争议小，当场可调',
    assessedBy: by,
    assessedAt,
  });
  work.colours.push({
    caseId,
    scheme: DEFAULT_COLOUR_SCHEME,
    fromColour: null,
    toColour: 'green',
    reason: '受理评估：矛盾较小，村（居）级可化解',
    changedBy: by,
    changedAt: assessedAt,
  });
  const day = addWorkingDays(calendar, s.now, 1 + Math.floor(s.rand() * 2));
  work.sessions.push({
    caseId,
    seq: 1,
    channel: 'people',
    plannedAt: new Date(`${day}T${s.rand() < 0.5 ? '10' : '15'}:00:00+08:00`),
    place: rural ? `${room.village}村委会调解室` : `${room.village}居委会调解室`,
    mediatorIds: [by, ...(room.mediator ? [room.mediator.id] : [])],
    outsideMediators: rural ? '村调委会主任' : '社区调委会主任',
    createdBy: by,
    createdAt: made.arranged,
  });
  Object.assign(made.row, {
    level: 'simple',
    colour: 'green',
    status: 'mediating',
    channel: 'people',
    receivingBody: rural ? `${room.village}人民调解委员会` : `${room.town}街道人民调解委员会`,
    handlerId: by,
    updatedAt: made.arranged,
    version: 4,
  });
}

type Made = NonNullable<ReturnType<typeof caseOf>>;

/** The "@" and its thread, the officer's first reply answering it; the case opened minutes after that reply. */
function caseOf(s: Scene, room: Room, tale: CaseTale) {
  const fill = filler(s, room);
  const at = beijingAt(s, tale.recent ? 1 : 3 + s.rand() * 3, 8, 19);
  const poster = speaker(s, room, at);
  const id = randomUUID();
  const head = post(s, room, at, fill(tale.ask), {
    work_type: 'dispute',
    member_id: poster.id,
    mentions: [room.officer.id],
    answer_due_at: new Date(at.getTime() + DEFAULT_ROOM_RULES.answerMinutes * MIN),
    dispute_id: id,
  });
  const replies = thread(s, room, head, poster, tale.replies, fill);
  const answer = replies.find((p) => p.staff_id === room.officer.id);
  if (!answer) return null;
  head.answered_at = answer.created_at;
  head.answered_by = room.officer.id;
  const acceptedAt = new Date(answer.created_at.getTime() + Math.floor(2 + s.rand() * 6) * MIN);
  const last = replies.at(-1)?.created_at ?? acceptedAt;
  const row: CaseRow = {
    id,
    number: '',
    stationId: room.stationId,
    unitPath: poster.homePath ?? room.unitPath,
    householdId: poster.householdId,
    source: 'room',
    category: tale.category,
    subcategory: tale.subcategory,
    title: tale.title,
    facts: fill(tale.facts),
    colourScheme: DEFAULT_COLOUR_SCHEME,
    status: 'accepted',
    acceptedAt,
    createdBy: room.officer.id,
    createdAt: acceptedAt,
    updatedAt: acceptedAt,
  };
  const factors: AssessmentFactors = {
    people: 2,
    amountYuan: null,
    threats: false,
    earlierViolence: false,
    repeatCalls: /第三回|说了不听|还不认/.test(tale.ask),
    collective: false,
    otherRisk: false,
  };
  return { row, factors, arranged: last > acceptedAt ? last : new Date(acceptedAt.getTime() + 30 * MIN) };
}

/** Case numbers from the shared sequence, dated by the day each was accepted (Beijing), in that order. */
async function numberCases(tx: Tx, cases: CaseRow[]) {
  if (cases.length === 0) return;
  cases.sort((a, b) => a.acceptedAt.getTime() - b.acceptedAt.getTime());
  const numbers = rowsOf<{ n: string }>(
    await tx.execute(sql`SELECT nextval('dispute_number_seq')::text AS n FROM generate_series(1, ${cases.length})`),
  );
  for (const [i, c] of cases.entries())
    c.number = `MD${toCalendarDate(c.acceptedAt).replace(/-/g, '')}-${itemAt(numbers, i).n.padStart(6, '0')}`;
}
