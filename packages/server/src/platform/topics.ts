/**
 * Live topics: the one naming of who hears an outbox row. A matter's rows go
 * to every unit on its path (so any account scoped to a subtree hears exactly
 * its subtree, a grid worker only their village), to the department holding
 * it, and — for what residents may read — to the matter's own page.
 */

/** `unit:<id>` for each unit on a materialised path such as `/root/station/village/`. */
export function unitTopics(unitPath: string): string[] {
  return unitPath
    .split('/')
    .filter(Boolean)
    .map((id) => `unit:${id}`);
}

export const unitTopic = (unitId: string) => `unit:${unitId}`;
export const matterTopic = (matterId: string) => `matter:${matterId}`;
export const departmentTopic = (departmentId: string) => `department:${departmentId}`;
/** Control messages to one staff member's open streams (their session ended). */
export const staffTopic = (staffId: string) => `staff:${staffId}`;
/** A 议事厅 room's posts and changes, heard by its members' streams (and by staff through the room's unit path). */
export const roomTopic = (roomId: string) => `room:${roomId}`;
/** Control messages to one room member's open streams (removed from the room: the stream closes). */
export const roomMemberTopic = (memberId: string) => `room-member:${memberId}`;
