/** A lost/found notice's particulars for hosts, and 已找到/已归还 (being built). */
import type { RoomPostView } from '@jingmin/shared';

export interface StaffPostPartProps {
  post: RoomPostView;
  canPost: boolean;
  canModerate: boolean;
  onChanged(): void;
}

export function StaffItem(_props: StaffPostPartProps) {
  return null;
}
