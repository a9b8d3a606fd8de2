/** A 议事 topic for hosts: the counts and the station's answer (being built). */
import type { StaffPostPartProps } from './StaffItem';

export function StaffTopic(_props: StaffPostPartProps) {
  return null;
}
