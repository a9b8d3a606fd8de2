/**
 * What the demo's 议事厅 say in their lost and found, their 议事 topics, the posts residents report and the posts
 * made dispute cases (demo data, not real people). Placeholders as in room-stories.ts, and {village} the room's
 * village or community, {done} the day the outcome was done (M月D日). The texts themselves are in
 * room-extras-texts-{items,stories,topics,reports,cases}.ts; here is what they share.
 */

/** A reply under a notice, topic or report: `after` minutes after the step before. */
export interface Reply {
  by: 'poster' | 'other' | 'aux' | 'grid' | 'officer';
  body: string;
  after: number;
}

/** A reply `after` minutes after the step before (written `r(…)` in the texts). */
export const reply = (by: Reply['by'], body: string, after: number): Reply => ({ by, body, after });
