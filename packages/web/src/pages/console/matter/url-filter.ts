/**
 * A matter list's filters live in the page address (`?counter=overdue&status=…`), so a 工作台 counter
 * is a plain link to the list it counts, and a filtered list can be reloaded or shared as it is.
 */
import { MATTER_COUNTERS, type MatterCounter } from '@jingmin/shared';
import { useSearchParams } from 'react-router';

/**
 * Where each 工作台 counter opens: the desk for those who hold it, else 我的任务. 不满意待复核 counts the
 * open reviews of every evaluation type, not matters: it opens the reviews page (评价复核).
 */
export const counterLink = (page: 'desk' | 'tasks', counter: MatterCounter) =>
  counter === 'awaiting_review' ? '/console/reviews' : `/console/${page}?counter=${counter}`;

/** The list's filters from the address, and a setter that keeps the others (null removes one). */
export function useUrlFilter() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('counter');
  const counter = MATTER_COUNTERS.find((c) => c === raw) ?? null;
  const set = (next: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v === null || v === '') out.delete(k);
          else out.set(k, v);
        }
        return out;
      },
      { replace: true },
    );
  return { counter, get: (key: string) => params.get(key), set };
}
