/** A host's extra posts in a room: 失物招领 and 发起议事 (being built). */
import type { RoomView } from '@jingmin/shared';

export interface RoomToolProps {
  room: RoomView;
  onPosted(): void;
}

export function NewItemButton(_props: RoomToolProps) {
  return null;
}
