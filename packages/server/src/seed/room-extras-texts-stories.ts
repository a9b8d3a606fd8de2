/** The particulars of the stories' own lost and found notices (demo data, not real people). */
import type { RoomItemClosing } from '@jingmin/shared';

/**
 * The particulars of the stories' own notices (room-stories.ts), found by how each begins: closed `minutes`
 * after the reply that begins with `reply` by its author, or after the notice by a host.
 */
export interface StoryItem {
  starts: string;
  what: string;
  where: (body: string) => string;
  hoursBefore: number;
  across?: boolean;
  close: { as: RoomItemClosing; reply?: string; minutes: number };
}

const between = (re: RegExp, suffix: string, or: string) => (body: string) => {
  const m = re.exec(body);
  return m?.[1] ? `${m[1]}${suffix}` : or;
};

export const STORY_ITEMS: StoryItem[] = [
  {
    starts: '寻物启事：孩子放学路上把蓝色书包',
    what: '蓝色书包（挂小熊挂件）',
    where: between(/大概在(.+?)之间/, '之间', '放学路上'),
    hoursBefore: 2,
    close: { as: 'found', reply: '就是这个', minutes: 5 },
  },
  {
    starts: '寻物启事：今天下午在村道上掉了一个红色工具箱',
    what: '红色工具箱（扳手、套筒、千斤顶）',
    where: () => '村道上',
    hoursBefore: 3,
    close: { as: 'found', reply: '是我的', minutes: 4 },
  },
  {
    starts: '失物招领：桥头路边捡到一个红色工具箱',
    what: '红色工具箱',
    where: () => '桥头路边',
    hoursBefore: 1,
    across: true,
    close: { as: 'returned', minutes: 50 },
  },
  {
    starts: '失物招领：在',
    what: '黑色钱包（有身份证和几张卡）',
    where: between(/在(.+?)门口捡到/, '门口', '小区门口'),
    hoursBefore: 1,
    close: { as: 'returned', reply: '谢谢你！我联系上失主了', minutes: 300 },
  },
];
