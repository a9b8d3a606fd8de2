/** The case page's CloseCase section (step 2 of 矛盾纠纷). */
import type { DisputeView } from '@jingmin/shared';

export function CloseCase(_props: { d: DisputeView; canHandle: boolean; onChanged(next: DisputeView): void }) {
  return null;
}
