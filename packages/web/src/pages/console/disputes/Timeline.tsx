/** The case's timeline, newest first. */
import type { DisputeView } from '@jingmin/shared';

export function Timeline(_props: { d: DisputeView }) {
  return null;
}
