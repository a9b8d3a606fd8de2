/** 发起议事: a host opens a topic with a question and options (being built). */
import type { RoomToolProps } from './RoomTools';

export function OpenTopicButton(_props: RoomToolProps) {
  return null;
}
