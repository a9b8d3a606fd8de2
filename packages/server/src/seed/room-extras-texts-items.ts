/** What the 议事厅's lost and found notices say (demo data, not real people). Placeholders as in room-extras-texts.ts. */
import type { RoomItemClosing } from '@jingmin/shared';
import { type Reply, reply as r } from './room-extras-texts.js';
import type { Audience } from './room-stories.js';

/** 失物招领/寻物启事: a host posts what was handed in at the station; `close` says how it ended (none: open). */
export interface ItemTale {
  kind: 'lost' | 'found';
  rooms: Audience[];
  what: string;
  where: string;
  body: string;
  /** Hours before the post it was lost or found. */
  hoursBefore: number;
  byHost?: boolean;
  across?: boolean;
  replies: Reply[];
  close?: { as: RoomItemClosing; byHost: boolean };
}

const lost = (t: Omit<ItemTale, 'kind'>): ItemTale => ({ kind: 'lost', ...t });
const found = (t: Omit<ItemTale, 'kind'>): ItemTale => ({ kind: 'found', ...t });

export const ITEMS: ItemTale[] = [
  lost({
    rooms: ['rural'],
    what: '粉色书包',
    where: '{village}小学门口',
    hoursBefore: 2,
    body: '寻物启事：孩子放学在{village}小学门口把粉色书包落下了，侧面插着一个绿色水杯，里面有语文数学课本和作业本。有看到的麻烦在群里说一声，谢谢大家！',
    replies: [
      r('other', '我在村委会看到一个粉色书包，放在值班室桌子上，你去问问。', 40),
      r('poster', '拿到了，就是我家的！谢谢大家🙏', 55),
    ],
    close: { as: 'found', byHost: false },
  }),
  lost({
    rooms: ['rural'],
    what: '电动车钥匙（挂红色平安结）',
    where: '{village}卫生室到小卖部的路上',
    hoursBefore: 3,
    body: '寻物启事：下午在卫生室到小卖部这段路上掉了一把电动车钥匙，挂着一个红色平安结，有捡到的说一声。',
    replies: [
      r('other', '小卖部柜台上有一把挂红绳的钥匙，老板说是早上有人捡的，你来看看。', 90),
      r('poster', '是我的，拿到了，谢谢老板！', 30),
    ],
    close: { as: 'found', byHost: false },
  }),
  lost({
    rooms: ['rural'],
    what: '身份证',
    where: '{town}镇集市卖菜的一片',
    hoursBefore: 5,
    body: '寻物启事：今天赶集把身份证弄丢了，可能掉在集市卖菜那一片，有捡到的请交到派出所或者在群里说一声。',
    replies: [
      r('aux', '捡到的身份证一般会送到所里，我帮你问问。要是一直找不到，带户口簿到户籍窗口补办就行。', 12),
      r('aux', '所里有人交来一张，你带户口簿到警务室核对一下就能领。', 60 * 20),
      r('poster', '已经领回来了，谢谢{aux}！', 60 * 3),
    ],
    close: { as: 'found', byHost: true },
  }),
  found({
    rooms: ['rural'],
    what: '黑色手机',
    where: '{town}镇卫生院门口',
    hoursBefore: 3,
    byHost: true,
    across: true,
    body: '失物招领：今天上午有群众在镇卫生院门口捡到一部黑色手机，已交到派出所。请失主说出手机型号、壁纸和锁屏密码，到所里认领。',
    replies: [r('other', '帮转到家族群了。', 20), r('officer', '失主已经领回，谢谢拾金不昧的群众！', 60 * 26)],
    close: { as: 'returned', byHost: true },
  }),
  lost({
    rooms: ['rural'],
    what: '蓝色工具包（管钳、扳手）',
    where: '{place}机井边的田埂上',
    hoursBefore: 20,
    body: '寻物启事：昨天帮人修水泵，把一个蓝色工具包忘在田埂上了，里面有管钳、扳手、生料带，吃饭的家伙，谁看到了说一声。',
    replies: [
      r('other', '是不是放在机井房边上那个？我早上路过看见了，没动它。', 120),
      r('poster', '对对，已经拿回来了，谢谢！', 90),
    ],
    close: { as: 'found', byHost: false },
  }),
  lost({
    rooms: ['rural'],
    what: '棕色钱包（有医保卡）',
    where: '{village}村口公交站',
    hoursBefore: 16,
    body: '寻物启事：昨天傍晚在村口公交站等车时丢了一个棕色钱包，里面有点现金和老人的医保卡，医保卡对老人很重要，麻烦大家留意。',
    replies: [
      r('grid', '我问了公交站旁边的几家，还没人看到，大家帮忙留意一下。', 30),
      r('other', '问问公交司机，有时候捡到会交到县城车站。', 50),
    ],
  }),
  found({
    rooms: ['rural'],
    what: '一串钥匙（三把，挂小葫芦）',
    where: '{village}老桥边',
    hoursBefore: 1,
    body: '失物招领：在老桥边捡到一串钥匙，三把，挂着一个小葫芦，放在村委会值班室了。',
    replies: [
      r('other', '像是放牛的老张家的，我跟他说一声。', 40),
      r('other', '是我家老爷子的，已经去拿了，谢谢！', 80),
    ],
    close: { as: 'returned', byHost: true },
  }),
  found({
    rooms: ['rural'],
    what: '黑色双肩包',
    where: '{village}警务室门口',
    hoursBefore: 2,
    byHost: true,
    across: true,
    body: '失物招领：今天有群众交到警务室一个黑色双肩包，里面有几件衣服和一个充电宝，失主请到警务室说明包里物品后领取。',
    replies: [r('other', '已转发。', 25)],
  }),
  lost({
    rooms: ['rural'],
    what: '助听器（肉色）',
    where: '{village}广场或回家路上',
    hoursBefore: 14,
    body: '寻物启事：我妈的助听器掉了，肉色的，很小，可能在广场或者回家路上，老人离了它听不见，谢谢大家帮忙看看。',
    replies: [
      r('other', '昨晚跳完舞我在长椅上看到一个小东西，不知道是不是，交给领队王姐了。', 60 * 3),
      r('poster', '就是那个！已经拿到了，太感谢了。', 60 * 2),
    ],
    close: { as: 'found', byHost: false },
  }),
  lost({
    rooms: ['urban'],
    what: '儿童电话手表（粉色表带）',
    where: '{place}游乐场',
    hoursBefore: 2,
    body: '寻物启事：孩子在小区游乐场玩的时候把电话手表弄丢了，粉色表带，大家看到了麻烦说一声。',
    replies: [r('other', '游乐场旁边的物业亭有一个，你去问问。', 35), r('poster', '拿到了！谢谢！', 40)],
    close: { as: 'found', byHost: false },
  }),
  lost({
    rooms: ['urban'],
    what: '蓝色卡套（工牌、门禁卡）',
    where: '{place}北门',
    hoursBefore: 3,
    body: '寻物启事：早上在小区北门丢了一个蓝色卡套，里面有公司工牌和门禁卡，捡到的放门卫室就行。',
    replies: [r('other', '门卫室有人交了一个蓝色卡套，你去看看。', 80), r('poster', '已领，谢谢门卫大哥。', 200)],
    close: { as: 'found', byHost: false },
  }),
  found({
    rooms: ['urban'],
    what: '黑色钱包',
    where: '{place}南门快递柜旁',
    hoursBefore: 1,
    body: '失物招领：在南门快递柜旁边捡到一个黑色钱包，里面有银行卡和一些现金，已交到物业服务中心，失主带身份证去领。',
    replies: [r('officer', '谢谢你！我已经帮忙联系上失主，他下班就去物业领。', 25), r('other', '好人👍', 10)],
    close: { as: 'returned', byHost: true },
  }),
  lost({
    rooms: ['urban'],
    what: '白色蓝牙耳机（右耳）',
    where: '{place}健身器材区',
    hoursBefore: 4,
    body: '寻物启事：在小区健身器材那边丢了一只白色蓝牙耳机（右耳），有看到的告诉我一声，谢谢。',
    replies: [r('other', '去物业问问，上周我丢的钥匙就是在物业找到的。', 60)],
  }),
  found({
    rooms: ['urban'],
    what: '身份证',
    where: '人民路公交站',
    hoursBefore: 4,
    byHost: true,
    across: true,
    body: '失物招领：有群众在人民路公交站捡到一张身份证，已交到城关派出所。身份证信息不在群里发，请失主带户口簿到户籍窗口核对后领取。',
    replies: [r('officer', '失主已领回。', 60 * 30)],
    close: { as: 'returned', byHost: true },
  }),
  lost({
    rooms: ['urban'],
    what: '学生证和公交卡（绿色恐龙卡套）',
    where: '{place}到文昌小学的路上',
    hoursBefore: 3,
    body: '寻物启事：孩子的学生证和公交卡丢了，装在一个绿色恐龙卡套里，可能掉在去文昌小学的路上。',
    replies: [
      r('other', '早上在文昌路口的早点铺看到一个恐龙卡套，老板收着呢。', 45),
      r('poster', '拿到了，谢谢！', 120),
    ],
    close: { as: 'found', byHost: false },
  }),
  found({
    rooms: ['urban'],
    what: '黑色雨伞和一袋菜',
    where: '{place}3号楼楼下花坛边',
    hoursBefore: 1,
    body: '失物招领：3号楼楼下花坛边有一把黑色雨伞和一袋刚买的菜，放在一楼门厅了，谁家的快下来拿。',
    replies: [r('other', '是我家的！刚才手提不过来忘了，谢谢邻居！', 15)],
    close: { as: 'returned', byHost: false },
  }),
  lost({
    rooms: ['urban'],
    what: '老花镜（黑框，棕色眼镜盒）',
    where: '{village}服务中心',
    hoursBefore: 20,
    body: '寻物启事：社区义诊那天在服务中心落下一副老花镜，黑框，装在棕色眼镜盒里。',
    replies: [r('grid', '服务中心前台有一副，我给你留着，明天上午来拿。', 30)],
    close: { as: 'found', byHost: true },
  }),
  lost({
    rooms: ['urban'],
    what: '汽车钥匙（小熊挂件）',
    where: '{place}地下车库',
    hoursBefore: 6,
    body: '寻物启事：在地下车库丢了一把汽车钥匙，挂着一个小熊挂件，捡到的请交物业，谢谢。',
    replies: [],
  }),
  lost({
    rooms: ['drivers'],
    what: '红色证件夹（驾驶证、行驶证）',
    where: '国道边加油站',
    hoursBefore: 2,
    body: '寻物启事：在国道边加油站加完油，驾驶证和行驶证不见了，装在红色证件夹里，不知道落柜台了还是掉车下了，谁看到说一声。',
    replies: [r('other', '加油站收银台有一个红证件夹，收银员说等人来拿。', 40), r('poster', '拿到了，谢谢兄弟！', 60)],
    close: { as: 'found', byHost: false },
  }),
  found({
    rooms: ['drivers'],
    what: '手机（屏幕有裂纹）',
    where: '服务区停车场',
    hoursBefore: 1,
    body: '失物招领：在服务区停车场捡到一部手机，屏幕有裂纹，已交给服务区值班室。',
    replies: [r('other', '我兄弟的，他已经去值班室取了，谢谢！', 70)],
    close: { as: 'returned', byHost: false },
  }),
  lost({
    rooms: ['drivers'],
    what: '绿色篷布',
    where: '国道{town}段',
    hoursBefore: 8,
    body: '寻物启事：国道{town}段掉了一块绿色篷布，卷着的，有捡到的师傅麻烦说一声，必有重谢。',
    replies: [r('aux', '大家留意一下，看到了在群里说，别停在行车道上捡。', 15)],
  }),
  lost({
    rooms: ['riders'],
    what: '黄色头盔（贴名字贴）',
    where: '{place}门口取餐点',
    hoursBefore: 1,
    body: '寻物启事：中午在取餐点头盔被人拿错了，黄色的，侧面贴着名字贴。',
    replies: [
      r('other', '我拿的好像是你的，一样的头盔，我的是蓝色贴纸，换一下？', 50),
      r('poster', '换好了，哈哈。', 40),
    ],
    close: { as: 'found', byHost: false },
  }),
  found({
    rooms: ['riders'],
    what: '钱包',
    where: '锦绣华庭门口',
    hoursBefore: 1,
    across: true,
    body: '失物招领：送单时在锦绣华庭门口捡到一个钱包，已交到锦绣社区警务室。',
    replies: [r('aux', '收到，已经联系上失主，他下午来领。谢谢你！', 30)],
    close: { as: 'returned', byHost: true },
  }),
  lost({
    rooms: ['riders'],
    what: '蓝色外卖保温箱',
    where: '人民路口奶茶店门口',
    hoursBefore: 2,
    body: '寻物启事：外卖保温箱忘在人民路口奶茶店门口了，蓝色的，有平台标志。',
    replies: [r('other', '奶茶店老板收起来了，在店里。', 30), r('poster', '拿到了，谢谢！', 45)],
    close: { as: 'found', byHost: false },
  }),
];
