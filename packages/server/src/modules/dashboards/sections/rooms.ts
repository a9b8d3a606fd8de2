/**
 * The dashboard's 警民群 section: the rooms and their members, the rooms and members active in the period, the "@" to
 * staff made in it and the share answered in time (the rooms' own rule, rooms/period.ts), and the posts made matters
 * (matters of the channel 议事厅 received in the period, the desk's own KPI set). Room figures open the rooms list of
 * the period; the matters open the desk's list.
 */
import type { SectionChart } from '@jingmin/shared';
import { and, count, eq } from 'drizzle-orm';
import { matters } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { under } from '../../../platform/scope.js';
import { isActiveRoom, roomsOfPeriod } from '../../rooms/period.js';
import { kpiSetSql } from '../kpi-sets.js';
import { drillPeriod, type FigureValue, type SectionScope, type SectionSpec } from './section.js';

/** 转为事项: matters recorded from a room post (channel 议事厅) in the period under the scope. */
const madeFromPosts = (s: SectionScope) =>
  and(eq(matters.channel, 'room'), under(matters.unitPath, s.path), kpiSetSql('submitted', s.bounds));
const MATTERS_QUERY = { kpi: 'submitted', channel: 'room' };

async function compute(ctx: Ctx, s: SectionScope): Promise<FigureValue[]> {
  const [list, [made]] = await Promise.all([
    roomsOfPeriod(ctx, s.path, s.bounds),
    ctx.db.select({ n: count() }).from(matters).where(madeFromPosts(s)),
  ]);
  const active = list.filter(isActiveRoom);
  const sum = (k: 'members' | 'activeMembers' | 'mentions' | 'answeredInTime' | 'mentionsDue') =>
    list.reduce((n, r) => n + r[k], 0);
  const rooms = { list: 'rooms' as const, query: drillPeriod(s) };
  const posted = { list: 'rooms' as const, query: drillPeriod(s, { posted: '1' }) };
  const due = sum('mentionsDue');
  return [
    { id: 'rooms', value: list.length, drill: rooms },
    { id: 'members', value: sum('members'), drill: rooms },
    { id: 'activeRooms', value: active.length, drill: posted },
    { id: 'activeMembers', value: sum('activeMembers'), drill: posted },
    { id: 'mentions', value: sum('mentions'), drill: posted },
    {
      id: 'answeredInTime',
      value: due > 0 ? sum('answeredInTime') / due : null,
      parts: { numerator: sum('answeredInTime'), denominator: due },
      drill: posted,
    },
    {
      id: 'toMatters',
      value: Number(made?.n ?? 0),
      drill: { list: 'matters', query: drillPeriod(s, MATTERS_QUERY) },
    },
  ];
}

/** The period's "@" per room: answered in time, and the rest of those due. */
async function charts(ctx: Ctx, s: SectionScope): Promise<SectionChart[]> {
  const list = (await roomsOfPeriod(ctx, s.path, s.bounds)).filter((r) => r.mentions > 0);
  const drills = list.map(() => ({ list: 'rooms' as const, query: drillPeriod(s, { posted: '1' }) }));
  return [
    {
      id: 'mentionsByRoom',
      title: { zh: '各群“@”答复情况', en: '"@" answered, by room' },
      kind: 'bar',
      categories: list.map((r) => r.name),
      series: [
        { name: { zh: '按时答复', en: 'In time' }, data: list.map((r) => r.answeredInTime), drills },
        {
          name: { zh: '超时或未答复', en: 'Late or open' },
          data: list.map((r) => r.mentionsDue - r.answeredInTime),
          drills,
        },
      ],
    },
  ];
}

export const roomsSection: SectionSpec = {
  area: 'rooms',
  figures: [
    {
      id: 'rooms',
      label: { zh: '警民群', en: 'Rooms' },
      kind: 'count',
      how: {
        zh: '期末已建的议事厅群数（片区群和专题群）；点开为这些群。',
        en: 'Community rooms (area and group rooms) existing at the period’s end; opens them.',
      },
    },
    {
      id: 'members',
      label: { zh: '群成员', en: 'Members' },
      kind: 'count',
      how: {
        zh: '期末各群在群成员数之和（同一人在两个群记两次）；点开为这些群，各群成员数相加即此数。',
        en: 'Members of each room at the period’s end, summed (one person in two rooms counts twice); opens the rooms.',
      },
    },
    {
      id: 'activeRooms',
      label: { zh: '活跃群', en: 'Active rooms' },
      kind: 'count',
      how: {
        zh: '期内有发言的群数；点开为这些群。',
        en: 'Rooms with a post in the period; opens them.',
      },
    },
    {
      id: 'activeMembers',
      label: { zh: '发言成员', en: 'Members who posted' },
      kind: 'count',
      how: {
        zh: '期内在群里发过言的群众（按群计）；点开为有发言的群，各群发言成员数相加即此数。',
        en: 'Residents who posted in the period, per room; opens the rooms with posts.',
      },
    },
    {
      id: 'mentions',
      label: { zh: '“@”民警', en: '"@" to staff' },
      kind: 'count',
      how: {
        zh: '期内群众“@”工作人员的发言数；点开为有发言的群，各群“@”数相加即此数。',
        en: 'Posts of the period that "@" staff; opens the rooms with posts, whose "@" add up to it.',
      },
    },
    {
      id: 'answeredInTime',
      label: { zh: '“@”按时答复率', en: '"@" answered in time' },
      kind: 'rate',
      how: {
        zh: '期内的“@”中在答复时限内答复的 ÷ 期末已到期的（已答复，或已过答复时限仍未答复）；尚未到时限的不计。点开为有发言的群，每群列出两数。',
        en: '"@" of the period answered within the answer time ÷ those due by the period’s end (answered, or past the answer time); not yet due apart. Opens the rooms with both counts.',
      },
    },
    {
      id: 'toMatters',
      label: { zh: '发言转事项', en: 'Posts made matters' },
      kind: 'count',
      how: {
        zh: '期内由群里的发言转为事项（渠道“议事厅”）的事项数，按登记时间计；点开为接警台的这些事项。',
        en: 'Matters recorded from a room post (channel “room”) in the period; opens them on the desk.',
      },
    },
  ],
  compute,
  charts,
};
