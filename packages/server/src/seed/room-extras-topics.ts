/** The hosts' 议事 topics in the 议事厅 (room-extras.ts): the topic, its comments, the members' ballots, the answer. */
import { itemAt, officeHours } from './names.js';
import { BEIJING, DAY, MIN } from './patrols.js';
import {
  beijingAt,
  daytime,
  filler,
  type Post,
  post,
  type Room,
  type Row,
  type Scene,
  shuffled,
  thread,
} from './room-extras-scene.js';
import type { TopicTale } from './room-extras-texts-topics.js';

/** A host's topic, its comments and the members' votes; answered some days after voting closed, or still open. */
export function topic(s: Scene, room: Room, tale: TopicTale, topics: Row[], votes: Row[]) {
  const fill = filler(s, room);
  const open = tale.answer === null;
  const at = officeHours(beijingAt(s, open ? 1 + s.rand() * 2 : 12 + s.rand() * 66, 9, 17), s.now);
  const head = post(s, room, at, fill(tale.body), {
    kind: 'topic',
    work_type: 'deliberation',
    staff_id: room.officer.id,
  });
  thread(s, room, head, null, tale.comments, fill);
  const closesAt = tale.days === null ? null : new Date(at.getTime() + tale.days * DAY);
  const answeredAt = open
    ? null
    : officeHours(new Date(at.getTime() + ((tale.days ?? 3) + 1 + s.rand() * 3) * DAY), s.now);
  const done = answeredAt ? dayOf(new Date(answeredAt.getTime() - (1 + Math.floor(s.rand() * 2)) * DAY)) : '';
  topics.push({
    post_id: head.id,
    question: fill(tale.question),
    options: tale.options.map(fill),
    closes_at: closesAt,
    answer: tale.answer === null ? null : fill(tale.answer).replaceAll('{done}', done),
    answered_at: answeredAt,
    answered_by: answeredAt ? room.officer.id : null,
  });
  const until = Math.min(closesAt?.getTime() ?? Infinity, answeredAt?.getTime() ?? Infinity, s.now.getTime());
  votes.push(...ballots(s, room, head, tale.weights, new Date(until)));
}

/** 11月20日: a Beijing day as the answers write it. */
const dayOf = (t: Date) => {
  const b = new Date(t.getTime() + BEIJING);
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日`;
};

/**
 * A third or so of the room votes (a dozen to sixty), one each, most in the first evenings; the options' shares follow
 * `weights` (largest remainders), so the most weighted option — the one the answer names — leads.
 */
function ballots(s: Scene, room: Room, head: Post, weights: number[], until: Date): Row[] {
  const start = head.created_at.getTime();
  const span = until.getTime() - start;
  const voters = shuffled(
    s.rand,
    room.members.filter((m) => m.joinedAt < head.created_at),
  );
  const share = (0.28 + s.rand() * 0.17) * Math.min(1, span / (2 * DAY));
  const n = Math.min(voters.length, 60, Math.max(12, Math.round(voters.length * share)));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((n * w) / total));
  const byRemainder = weights.map((w, i) => [(n * w) / total - Math.floor((n * w) / total), i] as const);
  byRemainder.sort((a, b) => b[0] - a[0]);
  const left = n - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) {
    const i = itemAt(byRemainder, k)[1];
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const options = counts.flatMap((c, i) => Array<number>(c).fill(i));
  return voters.slice(0, n).map((m, k) => {
    let t = daytime(new Date(start + s.rand() ** 2.2 * span));
    if (t.getTime() <= start || t >= until)
      t = new Date(start + Math.floor(1 + s.rand() * Math.min(90, span / MIN - 1)) * MIN);
    return { post_id: head.id, member_id: m.id, option: itemAt(options, k), voted_at: t };
  });
}
