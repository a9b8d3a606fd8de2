/** A 议事 topic in a member's view: the options, one vote, the station's answer (being built). */
import type { MemberPostPartProps } from './ItemCard';

export function TopicCard(_props: MemberPostPartProps) {
  return null;
}
