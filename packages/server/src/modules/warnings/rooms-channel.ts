/**
 * Rooms as a channel of a notice: sending posts it in each target room as a pinned announcement (as its author);
 * withdrawing unpins it and posts the correction as an announcement. In the send's or withdrawal's transaction;
 * a room closed since the notice was written is passed over. Residents read rooms in Chinese, so the words are.
 */
import { WARNING_PRIORITY_LABELS } from '@jingmin/shared';
import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { announceInRoom, unpinAnnouncement } from '../rooms/announce.js';
import type { Warning } from './warnings.policy.js';

/** A room post's length limit (StaffPostInput.body). */
const ROOM_POST_MAX = 2000;

const clip = (s: string) => (s.length > ROOM_POST_MAX ? `${s.slice(0, ROOM_POST_MAX - 1)}…` : s);
const announcementKey = (w: Pick<Warning, 'id'>) => `warning:${w.id}`;
const correctionKey = (w: Pick<Warning, 'id'>) => `warning:${w.id}:correction`;

/** The announcement's text: priority and category, the title, the body. */
export function announcementText(w: Pick<Warning, 'priority' | 'title' | 'body'>, categoryLabel: string) {
  return clip(`【${WARNING_PRIORITY_LABELS[w.priority].zh}·${categoryLabel}】${w.title}\n${w.body}`);
}

export function correctionText(w: Pick<Warning, 'title'>, correction: string) {
  return clip(`【更正】此前发布的“${w.title}”已撤回。\n${correction}`);
}

/** Posts the notice in its rooms, pinned; answers how many rooms it reached. */
export async function announceWarning(tx: Tx, ctx: Ctx, w: Warning, categoryLabel: string): Promise<number> {
  let posted = 0;
  for (const roomId of w.targetRoomIds) {
    const post = await announceInRoom(tx, ctx, roomId, {
      staffId: w.authorId,
      body: announcementText(w, categoryLabel),
      pinned: true,
      workType: w.priority === 'community' ? 'law' : 'notice',
      key: announcementKey(w),
    });
    if (post) posted += 1;
  }
  return posted;
}

/** Unpins the notice in its rooms and posts the correction there. */
export async function correctWarning(tx: Tx, ctx: Ctx, w: Warning, correction: string, staffId: string) {
  for (const roomId of w.targetRoomIds) {
    await unpinAnnouncement(tx, ctx, roomId, announcementKey(w));
    await announceInRoom(tx, ctx, roomId, {
      staffId,
      body: correctionText(w, correction),
      pinned: false,
      workType: 'notice',
      key: correctionKey(w),
    });
  }
}
