/** A lost/found notice's particulars in a member's view, and 已找到/已归还 for its poster (being built). */
import type { RoomPostView } from '@jingmin/shared';

export interface MemberPostPartProps {
  post: RoomPostView;
  mine: boolean;
  /** The member's phone token; null when reading without a membership. */
  phoneToken: string | null;
  onChanged?(): void;
}

export function ItemCard(_props: MemberPostPartProps) {
  return null;
}
