/**
 * The work on the demo's dispute cases, by the status each case reached: the channel chosen for its cause and
 * who handles it; sessions planned and held (治安调解 within its working-day deadlines, a few escalated); the
 * 调解协议书 with its duties and their performance; follow-ups 7 and 30 days after (a few overdue); each
 * party's satisfaction; transfers to the 司法所, 人社所 or 市场监管所 (accepted, in progress, one returned); cases
 * not settled with their next attempt, some re-mediated through another channel; closes by 三个不放 and a
 * few by the chief's override. Timings follow the station's working days.
 */
import {
  addWorkingDays,
  type DisputeStatus,
  type MediationChannel,
  type SessionResult,
  shanghaiDayEnd,
  toCalendarDate,
  type WorkingDayCalendar,
} from '@jingmin/shared';
import type {
  disputeAgreements,
  disputeCases,
  disputeDuties,
  disputeFollowUps,
  disputeSatisfaction,
  disputeSessions,
  disputeTransfers,
  disputeTransferUpdates,
} from '../db/schema/index.js';
import { officeHours, pick, type Rand } from './names.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;

interface Person {
  id: string;
  name: string;
}

export interface WorkStation {
  name: string;
  rural: boolean;
  officer: Person;
  aux: Person;
  chief: Person;
  mediator: Person;
  /** Partner departments by name (司法所, 人社所, 市场监管所, 村委会 …). */
  departments: Record<string, string>;
}

export interface WorkCase {
  row: typeof disputeCases.$inferInsert & { id: string };
  parties: { id: string; role: string; kind: string; guardianOfId: string | null; phoneIndex: string | null }[];
  village: string;
  amount: number | null;
}

export interface WorkRows {
  sessions: (typeof disputeSessions.$inferInsert & { id: string })[];
  agreements: (typeof disputeAgreements.$inferInsert & { id: string })[];
  duties: (typeof disputeDuties.$inferInsert)[];
  transfers: (typeof disputeTransfers.$inferInsert & { id: string })[];
  updates: (typeof disputeTransferUpdates.$inferInsert)[];
  followUps: (typeof disputeFollowUps.$inferInsert)[];
  satisfaction: (typeof disputeSatisfaction.$inferInsert)[];
}

export const emptyWork = (): WorkRows => ({
  sessions: [],
  agreements: [],
  duties: [],
  transfers: [],
  updates: [],
  followUps: [],
  satisfaction: [],
});

/** The channel a station picks by the dispute's cause (DOMAIN.md §2), and the body that receives it. */
function channelFor(rand: Rand, c: WorkCase, st: WorkStation): { channel: MediationChannel; body: string | null } {
  const sub = c.row.subcategory ?? '';
  const town = st.rural ? '柳塘镇' : '城关街道';
  const people = () => ({
    channel: 'people' as const,
    body: rand() < 0.5 && st.rural ? `${c.village}村人民调解委员会` : `${town}人民调解委员会`,
  });
  if (c.row.category === 'labour') return { channel: 'joint', body: `${town}人社所、司法所（三所联动）` };
  if (c.row.category === 'land_demolition')
    return rand() < 0.6 ? people() : { channel: 'joint', body: '派出所、司法所、律师事务所（三所联动）' };
  if (sub === '交通事故') return { channel: 'professional', body: '青禾县道路交通事故纠纷人民调解委员会' };
  if (sub === '医疗') return { channel: 'professional', body: '青禾县医疗纠纷人民调解委员会' };
  if (sub === '物业') return { channel: 'professional', body: '青禾县物业纠纷人民调解委员会' };
  if (sub === '债务' && rand() < 0.25) return { channel: 'judicial', body: '青禾县人民法院诉前调解' };
  if (sub === '损害赔偿' || (sub === '邻里' && rand() < 0.5) || c.row.category === 'safety')
    return { channel: 'police', body: null };
  return people();
}

const POINTS: Record<string, [string, string]> = {
  土地承包: [
    '续签承包合同时承包费的标准和上涨幅度',
    '出租方有权按行情调整承包费，但一次上涨幅度过大；承包方应按期支付承包费',
  ],
  损害赔偿: ['损失的范围和赔偿金额', '造成损失的一方应承担赔偿责任，受损方对损失金额的主张应有依据'],
  宅基地: ['两户宅基地的边界和院墙滴水位置', '双方均应以确权资料为准，不得擅自越界施工'],
  拖欠工资: ['拖欠工资的数额和支付时间', '劳务公司应按约定足额支付工资，工人应配合核对考勤'],
  婚姻家庭: ['子女抚养和赡养老人的分担', '双方均有抚养子女、赡养老人的义务，应互谅互让'],
  债务: ['借款本金、利息和还款期限', '借款人应按约定归还借款，出借人同意适当延长期限'],
  邻里: ['施工时间、噪音和相邻关系', '双方应遵守相邻关系规定，互谅互让、友好相处'],
};
const pointsOf = (sub: string | null): [string, string] =>
  POINTS[sub ?? ''] ?? ['损失承担和后续处理', '双方对纠纷的发生各有责任，应本着互谅互让的原则协商解决'];

const dutyText = (sub: string | null, amount: number | null) => {
  const yuan = amount ? `${Math.max(100, Math.round(amount / 100) * 100)}元` : null;
  switch (sub) {
    case '土地承包':
      return '承包方按每亩每年420元续签承包合同，当年承包费一次付清';
    case '拖欠工资':
      return `劳务公司向工人足额支付所欠工资${yuan ?? ''}`;
    case '宅基地':
      return '被申请人按确权边界拆除越界部分院墙，滴水改向自家院内';
    case '邻里':
      return '装修方每日8:00—12:00、14:00—18:00施工，节假日不施工';
    case '婚姻家庭':
      return '双方每月各承担老人生活费500元，子女由女方抚养，男方每月支付抚养费1000元';
    default:
      return yuan ? `被申请人一次性赔偿申请人损失${yuan}` : '双方互相赔礼道歉，今后互不追究';
  }
};

const OVERRIDES = [
  '申请人已搬离本地，多次电话联系不上，无法回访满意度；协议已全部履行，经所务会研究同意结案',
  '一方当事人对结果仍有意见，但协议已履行完毕、隐患已消除，已告知其诉讼途径，经所长审批结案',
];
const RETURN_REASON = '不属于本部门职责范围，建议由村（居）调委会先行调解';

/** 调解未成, in the words a handler writes: what stands between the parties, by the case's category. */
const FAIL_REASONS: Record<string, string> = {
  labour: '工时和欠薪数额双方各执一词，需人社所调取考勤记录核实后再调',
  land_demolition: '补偿标准分歧较大，一方要求按新标准计算，需镇政府答复后再调',
  public_order: '被申请人两次未到场，申请人坚持要求书面道歉',
  safety: '责任划分双方不认可，需等待鉴定结论',
  other: '双方对赔偿金额分歧较大，约定冷静一段时间后再调',
};
const SESSION_NOTES: Record<SessionResult, string> = {
  agreement: '双方陈述事实后，民警释法说理，调解员提出方案，双方同意并当场签字',
  partial: '主要赔偿事项达成一致，后续维修事宜另行约定',
  none: '双方对赔偿金额分歧较大，情绪激动，本次未达成协议',
  adjourned: '一方需回家与家人商量，约定另行调解',
};

/** A Beijing-time moment on `day` at hh:mm. */
const at = (day: string, hh: number, mm = 0) =>
  new Date(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);

/** Fills the case's work by the status it reached; returns the status it ends with (a few settle into 跟踪回访). */
export function planWork(
  rand: Rand,
  now: Date,
  cal: WorkingDayCalendar,
  c: WorkCase,
  st: WorkStation,
  out: WorkRows,
): DisputeStatus {
  const row = c.row;
  const status = row.status as DisputeStatus;
  const accepted = row.acceptedAt as Date;
  const today = toCalendarDate(now);
  if (status === 'accepted') return status;
  const { channel, body } = channelFor(rand, c, st);
  row.channel = channel;
  row.receivingBody = body;
  row.handlerId = channel === 'people' && rand() < 0.35 ? st.mediator.id : rand() < 0.75 ? st.officer.id : st.aux.id;
  const handler = row.handlerId;
  const persons = c.parties.filter((p) => !p.guardianOfId);
  const phones = new Set(c.parties.flatMap((p) => (p.phoneIndex ? [p.phoneIndex] : []))).size;
  const attendees = c.parties.map((p) => p.id);
  const place = channel === 'police' || channel === 'joint' ? `${st.name}警调对接调解室` : `${c.village}村委会调解室`;
  const mediators = channel === 'people' || channel === 'joint' ? [st.officer.id, st.mediator.id] : [st.officer.id];
  const outside = channel === 'joint' ? '司法所干部、律师' : channel === 'people' ? '村调委会主任' : null;
  let seq = 0;
  const session = (day: string, result: SessionResult | null, ch: MediationChannel = channel) => {
    seq += 1;
    const plannedAt = at(day, rand() < 0.5 ? 10 : 15);
    const heldAt = result ? new Date(plannedAt.getTime() + (60 + rand() * 60) * MIN) : null;
    out.sessions.push({
      id: crypto.randomUUID(),
      caseId: row.id,
      seq,
      channel: ch,
      plannedAt,
      place,
      mediatorIds: mediators,
      outsideMediators: outside,
      // Told by SMS when it was planned, as the module does: one text per phone on the case.
      partiesNotified: phones || null,
      attendeePartyIds: result ? attendees : [],
      otherAttendees: result && st.rural ? '村干部' : null,
      notes: result ? SESSION_NOTES[result] : null,
      result,
      heldAt,
      createdBy: handler,
      recordedBy: result ? handler : null,
      createdAt: new Date(
        Math.min(now.getTime() - 5 * MIN, Math.max(accepted.getTime() + 2 * HOUR, plannedAt.getTime() - 2 * DAY)),
      ),
    });
    return heldAt ?? plannedAt;
  };
  const firstDay = addWorkingDays(cal, accepted, rand() < 0.7 ? 1 : 2);
  const dueFirst = shanghaiDayEnd(addWorkingDays(cal, accepted, 3));

  const agreementAt = (heldAt: Date, sessionSeq: number | null, late = false) => {
    const signedOn = toCalendarDate(heldAt);
    const by = addWorkingDays(cal, signedOn, 1 + Math.floor(rand() * 8));
    const id = crypto.randomUUID();
    const [points, resp] = pointsOf(row.subcategory ?? null);
    out.agreements.push({
      id,
      caseId: row.id,
      sessionId: null,
      number: `${sessionSeq ?? 0}`,
      channel,
      facts: row.facts,
      disputePoints: points,
      responsibilities: resp,
      performanceMethod: c.amount ? '银行转账或现金当面支付，调解员见证' : '按协议约定自行履行，调解员回访核实',
      performancePlace: place,
      performanceBy: by,
      mediatingBody: body ?? st.name,
      mediatorName: st.officer.name,
      copies: c.parties.length + 1,
      signedOn,
      createdBy: handler,
      createdAt: new Date(heldAt.getTime() + 20 * MIN),
    });
    const payer = c.parties.find((p) => p.role === 'respondent') ?? c.parties[0];
    // A late payer has not paid by the date: the duty shows 逾期 and the follow-up chases it.
    const performedAt = late ? now : new Date(shanghaiDayEnd(by).getTime() - (6 + rand() * 48) * HOUR);
    out.duties.push({
      agreementId: id,
      caseId: row.id,
      partyId: payer?.id ?? null,
      description: dutyText(row.subcategory ?? null, c.amount),
      amountYuan: c.amount ? String(Math.max(100, Math.round(c.amount / 100) * 100)) : null,
      dueOn: by,
      performedAt: performedAt < now ? performedAt : null,
      performedNote: performedAt < now ? '当事人已履行，调解员电话核实' : null,
      recordedBy: performedAt < now ? handler : null,
    });
    return { id, signedOn, by, performed: performedAt < now };
  };

  /** The 7- and 30-day follow-ups; done when due (unless `leaveOpen`), each party asked in person at the last one. */
  const followUps = (agreementId: string | null, signedOn: string, opts: { closeBy?: boolean; lagging?: boolean }) => {
    let lastDone: Date | null = null;
    for (const days of [7, 30]) {
      const dueOn = toCalendarDate(new Date(at(signedOn, 12).getTime() + days * DAY));
      const doneAt = at(dueOn, 9 + Math.floor(rand() * 8), Math.floor(rand() * 60));
      const done = doneAt < now && !(opts.lagging && days === 7);
      const overdue = !done && dueOn < today;
      out.followUps.push({
        caseId: row.id,
        agreementId,
        kind: 'after_agreement',
        dueOn,
        responsibleId: handler,
        doneAt: done ? doneAt : null,
        performed: done ? true : null,
        hazardCleared: done ? true : null,
        note: done ? (days === 7 ? '电话回访，双方按协议履行' : '上门回访，双方关系缓和，无新矛盾') : null,
        remindedAt: overdue || (!done && dueOn === today) ? at(dueOn, 8) : null,
        escalatedAt: overdue ? at(toCalendarDate(new Date(at(dueOn, 12).getTime() + DAY)), 8) : null,
        recordedBy: done ? handler : null,
        createdAt: at(signedOn, 18),
      });
      if (done) lastDone = doneAt;
      if (!done) break;
    }
    if (lastDone)
      for (const p of persons)
        out.satisfaction.push({
          caseId: row.id,
          partyId: p.id,
          via: 'in_person',
          satisfied: true,
          recordedAt: lastDone,
          recordedBy: handler,
        });
    return lastDone;
  };

  const close = (lastDone: Date | null) => {
    const closedAt = officeHours(new Date((lastDone ?? accepted).getTime() + (1 + rand() * 20) * HOUR), now);
    row.closedAt = closedAt < now ? closedAt : new Date(now.getTime() - 30 * MIN);
    row.closedBy = rand() < 0.3 ? st.chief.id : handler;
  };

  const transfer = (department: string, state: 'pending' | 'accepted' | 'returned' | 'done', sending: Date) => {
    const departmentId = st.departments[department];
    if (!departmentId) return null;
    const id = crypto.randomUUID();
    const sentAt = officeHours(sending, now);
    const answeredAt = officeHours(new Date(sentAt.getTime() + (2 + rand() * 20) * HOUR), now);
    const doneAt = officeHours(new Date(answeredAt.getTime() + (3 + rand() * 10) * DAY), now);
    out.transfers.push({
      id,
      caseId: row.id,
      departmentId,
      note: '请贵单位依职责牵头调处，派出所配合',
      status: state,
      sentBy: handler,
      sentAt,
      answeredBy: state === 'pending' ? null : handler,
      answeredAt: state === 'pending' ? null : answeredAt,
      returnReason: state === 'returned' ? RETURN_REASON : null,
      resolved: state === 'done' ? true : null,
      result: state === 'done' ? '经组织双方协商达成一致，已履行完毕' : null,
      doneAt: state === 'done' ? doneAt : null,
    });
    if (state === 'accepted' || state === 'done')
      out.updates.push({
        transferId: id,
        text: '已约谈双方，正在核实有关材料',
        by: handler,
        at: officeHours(new Date(answeredAt.getTime() + DAY), now),
      });
    return state === 'done' ? doneAt : answeredAt;
  };
  const departmentFor = () =>
    row.category === 'labour'
      ? (Object.keys(st.departments).find((n) => n.includes('人社')) ?? '')
      : row.subcategory === '消费'
        ? (Object.keys(st.departments).find((n) => n.includes('市场监管')) ?? '')
        : (Object.keys(st.departments).find((n) => n.includes('司法所')) ?? '');

  switch (status) {
    case 'mediating': {
      const age = (now.getTime() - accepted.getTime()) / DAY;
      if (age > 6 && rand() < 0.6) {
        const held = session(firstDay, 'adjourned');
        const second = addWorkingDays(cal, held, 4 + Math.floor(rand() * 3));
        // The next session is planned: on its day, or — that day gone by — on the next working day to come.
        session(at(second, 10) > now ? second : addWorkingDays(cal, today, 1), null);
        if (channel === 'police') {
          row.sessionDueAt = shanghaiDayEnd(addWorkingDays(cal, held, 7));
          if (row.sessionDueAt < now) row.sessionEscalatedAt = new Date(row.sessionDueAt.getTime() + 10 * MIN);
        }
      } else {
        // Planned for its first working day, or — that day gone by without a session — for the next one to come.
        session(at(firstDay, 10) > now ? firstDay : addWorkingDays(cal, today, 1), null);
        if (channel === 'police') {
          row.sessionDueAt = dueFirst;
          if (dueFirst < now) row.sessionEscalatedAt = new Date(dueFirst.getTime() + 10 * MIN);
        }
      }
      return status;
    }
    case 'transferred': {
      const sentAt = new Date(accepted.getTime() + (4 + rand() * 30) * HOUR);
      // A department answers within days: only a transfer sent in the last three is still waiting.
      const recent = now.getTime() - sentAt.getTime() < 3 * DAY;
      if (!transfer(departmentFor(), recent ? 'pending' : 'accepted', sentAt)) {
        row.status = 'mediating';
        return 'mediating';
      }
      return status;
    }
    case 'failed': {
      let held = session(firstDay, 'none');
      if (channel === 'police') held = session(addWorkingDays(cal, held, 5), 'none');
      row.failedAt = new Date(held.getTime() + 30 * MIN);
      row.failReason = FAIL_REASONS[row.category] ?? FAIL_REASONS.other ?? null;
      row.nextAttemptOn = toCalendarDate(new Date(row.failedAt.getTime() + 14 * DAY));
      const doneAt = at(row.nextAttemptOn, 10);
      out.followUps.push({
        caseId: row.id,
        agreementId: null,
        kind: 'next_attempt',
        dueOn: row.nextAttemptOn,
        responsibleId: handler,
        doneAt: doneAt < now ? doneAt : null,
        performed: null,
        hazardCleared: doneAt < now ? false : null,
        note: doneAt < now ? '双方仍有分歧，已告知诉讼途径，继续关注，防止矛盾激化' : null,
        recordedBy: doneAt < now ? handler : null,
        createdAt: row.failedAt,
      });
      return status;
    }
    default:
      break;
  }

  // Settled cases: closed, or following up after the agreement (a case too young for it is still mediating).
  const age = (now.getTime() - accepted.getTime()) / DAY;
  if (at(firstDay, 17) > now) {
    session(firstDay, null);
    if (channel === 'police') row.sessionDueAt = dueFirst;
    row.status = 'mediating';
    return 'mediating';
  }
  if (row.category === 'labour' && (c.amount ?? 0) > 100_000) {
    const doneAt = transfer(departmentFor(), 'done', new Date(accepted.getTime() + 3 * HOUR));
    const signed = agreementAt(doneAt ?? accepted, null);
    const last = followUps(signed.id, signed.signedOn, {});
    if (status === 'closed') close(last);
    return status;
  }
  if (rand() < 0.04) transfer(departmentFor(), 'returned', new Date(accepted.getTime() + 2 * HOUR));
  const r = age < 16 ? 0 : age < 45 ? rand() * 0.93 : rand();
  let held: Date;
  if (r < 0.72) held = session(firstDay, 'agreement');
  else if (r < 0.93) {
    const first = session(firstDay, rand() < 0.5 ? 'adjourned' : 'none');
    held = session(addWorkingDays(cal, first, 3 + Math.floor(rand() * 4)), 'agreement');
  } else {
    // Not settled by 治安调解, then re-mediated by the village committee two weeks later.
    const first = session(firstDay, 'none');
    const second = session(addWorkingDays(cal, first, 5), 'none');
    row.failedAt = new Date(second.getTime() + 30 * MIN);
    row.nextAttemptOn = toCalendarDate(new Date(row.failedAt.getTime() + 14 * DAY));
    out.followUps.push({
      caseId: row.id,
      agreementId: null,
      kind: 'next_attempt',
      dueOn: row.nextAttemptOn,
      responsibleId: handler,
      doneAt: at(row.nextAttemptOn, 10),
      performed: null,
      hazardCleared: false,
      note: '双方情绪平稳，同意由村调委会再次调解',
      recordedBy: handler,
      createdAt: row.failedAt,
    });
    held = session(row.nextAttemptOn, 'agreement', 'people');
  }
  const sessionsOfCase = out.sessions.filter((s) => s.caseId === row.id);
  const last = sessionsOfCase[sessionsOfCase.length - 1];
  const lagging = status !== 'closed' && rand() < 0.35;
  const signed = agreementAt(held, last?.seq ?? null, lagging);
  const lastDone = followUps(signed.id, signed.signedOn, { lagging });
  if (status === 'closed') {
    close(lastDone);
    if (rand() < 0.03) {
      row.closeOverrideReason = pick(rand, OVERRIDES);
      row.closedBy = st.chief.id;
    }
  }
  return status;
}

/** After numbering: each agreement takes its case's number and its running letter, and its session's id. */
export function numberAgreements(out: WorkRows, numberOf: Map<string, string>) {
  const sessionIds = new Map(out.sessions.map((s) => [`${s.caseId}:${s.seq}`, s.id]));
  const count = new Map<string, number>();
  for (const a of out.agreements) {
    const n = (count.get(a.caseId) ?? 0) + 1;
    count.set(a.caseId, n);
    const seq = a.number;
    a.sessionId = seq !== '0' ? (sessionIds.get(`${a.caseId}:${seq}`) ?? null) : null;
    a.number = `${numberOf.get(a.caseId) ?? ''}-${n}`;
  }
}
