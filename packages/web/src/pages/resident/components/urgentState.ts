/**
 * What the urgent banner shows, as plain data: the area's urgent notices still to be seen, newest first. A notice
 * comes in when the page loads the area's notices or when `warning.sent` arrives live; it leaves when it is
 * withdrawn (`warning.withdrawn`), acknowledged (已知晓) or, when no acknowledgement is asked, closed by the resident.
 */
import type { PublicNotice } from '@jingmin/shared';

export interface UrgentItem {
  id: string;
  title: string;
  ackRequired: boolean;
  sentAt: string;
}

export type UrgentAction =
  /** The area's current notices (on load, and again after the stream reconnects). */
  | { type: 'loaded'; notices: PublicNotice[] }
  /** `warning.sent` with priority urgent, once the notice itself was fetched. */
  | { type: 'sent'; notice: PublicNotice }
  | { type: 'withdrawn'; id: string }
  | { type: 'acknowledged'; id: string }
  | { type: 'closed'; id: string };

export interface UrgentState {
  items: UrgentItem[];
  /** Closed or acknowledged on this device: a later load does not bring them back. */
  done: string[];
}

export const EMPTY_URGENT: UrgentState = { items: [], done: [] };

/** An urgent notice still live that this device has not yet dealt with. */
export function wantsBanner(n: PublicNotice, done: readonly string[]): boolean {
  return n.priority === 'urgent' && !n.withdrawn && !n.mine.acknowledged && !done.includes(n.id);
}

const item = (n: PublicNotice): UrgentItem => ({
  id: n.id,
  title: n.title,
  ackRequired: n.ackRequired,
  sentAt: n.sentAt,
});
const newestFirst = (a: UrgentItem, b: UrgentItem) => Date.parse(b.sentAt) - Date.parse(a.sentAt);

export function urgentReducer(state: UrgentState, action: UrgentAction): UrgentState {
  switch (action.type) {
    case 'loaded':
      return {
        ...state,
        items: action.notices
          .filter((n) => wantsBanner(n, state.done))
          .map(item)
          .sort(newestFirst),
      };
    case 'sent': {
      const n = action.notice;
      const others = state.items.filter((i) => i.id !== n.id);
      if (!wantsBanner(n, state.done)) return { ...state, items: others };
      return { ...state, items: [item(n), ...others].sort(newestFirst) };
    }
    case 'withdrawn':
      return { ...state, items: state.items.filter((i) => i.id !== action.id) };
    case 'acknowledged':
    case 'closed':
      return {
        items: state.items.filter((i) => i.id !== action.id),
        done: state.done.includes(action.id) ? state.done : [...state.done, action.id].slice(-100),
      };
  }
}
