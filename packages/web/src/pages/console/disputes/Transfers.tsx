/** The case page's Transfers section (step 2 of 矛盾纠纷). */
import type { DisputeView } from '@jingmin/shared';

export function Transfers(_props: { d: DisputeView; canHandle: boolean; onChanged(next: DisputeView): void }) {
  return null;
}
