/**
 * What the demo's 议事厅 hosts announce and residents chat about (demo data): the season's warnings (防溺水,
 * 秸秆禁烧, 冬季取暖), anti-fraud reminders (冒充客服退款, 刷单返利), the 户籍 counter's hours, the pinned rules.
 * Placeholders as in room-stories.ts.
 */
import type { RoomWorkType } from '@jingmin/shared';
import type { Audience } from './room-stories.js';

/** A host's announcements: `season` months (1–12) it fits, `rooms` where; pinned ones stay on top. */
export interface Notice {
  work: RoomWorkType;
  rooms: Audience[];
  body: string;
  season?: number[];
}

export const NOTICES: Notice[] = [
  {
    work: 'safety',
    rooms: ['rural', 'urban'],
    season: [7, 8],
    body: '【防溺水】暑假到了，请家长看好孩子：不私自下水、不擅自与同学结伴游泳、不在无家长带领下游泳、不到不熟悉的水域游泳。看到孩子在河边玩耍请及时劝离。',
  },
  {
    work: 'law',
    rooms: ['rural'],
    season: [9, 10, 11],
    body: '【秸秆禁烧】秋收时节，严禁在田间地头焚烧秸秆和垃圾，违者依法处罚；烟雾影响国道行车，极易引发事故和火灾。秸秆可以联系村里统一收储还田。',
  },
  {
    work: 'safety',
    rooms: ['rural', 'urban'],
    season: [11, 12, 1],
    body: '【冬季取暖防一氧化碳中毒】用煤炉、炭火取暖一定要装烟囱并保持通畅，睡前开窗留缝，不要在密闭房间里烧炭；家里有独居老人的请多打个电话。',
  },
  {
    work: 'notice',
    rooms: ['rural', 'urban', 'drivers', 'riders'],
    body: '【反诈提醒】近期冒充电商客服“退款”“理赔”诈骗高发：官方客服不会让你开屏幕共享，不会让你转账到“安全账户”。接到 96110 的电话请一定接听。',
  },
  {
    work: 'notice',
    rooms: ['rural', 'urban', 'riders'],
    body: '【反诈提醒】“刷单返利”是最常见的诈骗：先给小甜头，再让你垫付做“联单任务”，提不出现。凡是要先垫钱的兼职都是诈骗，请转告家里的学生和老人。',
  },
  {
    work: 'service',
    rooms: ['rural', 'urban', 'drivers', 'riders'],
    body: '【户籍窗口时间】{town}派出所户籍窗口：周一至周五 8:30–17:30（中午不休），周六 9:00–12:00。办身份证请带户口簿或旧证，现场照相，15 个工作日左右可取，可选邮寄。',
  },
  {
    work: 'notice',
    rooms: ['rural', 'urban', 'drivers', 'riders'],
    season: [9, 10],
    body: '【国庆出行】国庆假期车多人多，出行请系好安全带、不酒驾不疲劳驾驶；外出前关好门窗水电，贵重物品不要放车里。',
  },
  {
    work: 'law',
    rooms: ['rural', 'urban', 'drivers', 'riders'],
    body: '【法治宣传】新修订的《治安管理处罚法》2026 年 1 月 1 日起施行：邻里纠纷自行和解或经人民调解达成协议并履行的，可以不予处罚。有矛盾先调解，别动手。',
  },
  {
    work: 'safety',
    rooms: ['urban', 'riders'],
    body: '【消防提醒】电动车请不要在楼道、家里充电，不要私拉电线“飞线充电”，小区充电棚已经开放，扫码即可充电。',
  },
  {
    work: 'safety',
    rooms: ['drivers'],
    body: '【行车安全】国道柳塘段近期大雾，早上 6–9 点能见度低，请开雾灯、降速、保持车距，严禁疲劳驾驶，连续开车 4 小时请休息 20 分钟。',
  },
  {
    work: 'virtue',
    rooms: ['rural', 'urban'],
    body: '【点赞】感谢热心群众帮助走失老人平安回家，也感谢大家在群里转发寻人信息，平安是大家一起守出来的！',
  },
];

/** The pinned rules every room opens with. */
export const RULES_NOTICE =
  '【群公告】欢迎加入{room}！本群由{town}派出所社区民警管理，{officer}、{aux}为管理员。有事可以直接 @ 我们，一般几分钟内回复；紧急情况请直接拨打 110。请文明发言，不发广告、不传谣言，个人电话、身份证号等隐私请不要发在群里。';

/** What residents say between the stories. */
export const CHATTER: Record<Audience, string[]> = {
  rural: [
    '明天镇上赶集，路边摆摊的多，开车的慢点。',
    '今年桃子收成不错，有要的私聊。',
    '村口的小卖部今天有便宜的化肥。',
    '天气预报说后天降温，家里老人多穿点。',
    '{place}这条路修好了，走着舒服多了，谢谢村里。',
    '有没有人知道卫生院打疫苗要预约吗？',
    '晚上广场舞八点开始，欢迎大家来。',
    '今晚停电吗？怎么灯一闪一闪的。',
    '谁家的羊跑到我地里来了，快来牵回去。',
    '村卫生室下周三免费测血糖，六十岁以上的都可以去。',
    '今年的新农合交了没？村里说月底截止。',
    '下湾那边的桥在修，去镇上绕一下。',
    '谁家有收割机？想请人帮忙收两亩稻子。',
    '今天镇上有人收旧家电，价格还行。',
    '晚上出门记得带手电，村道上有积水。',
    '有没有人去县城？想搭个顺风车。',
  ],
  urban: [
    '{place}门口又有人乱停车，消防通道都堵了。',
    '今天小区停水到下午三点，大家提前接点水。',
    '楼下新开的早点铺豆浆不错。',
    '周末社区有义诊，老人可以去量量血压。',
    '电梯又坏了，物业什么时候修？',
    '有没有人拼车去火车站？',
    '快递柜满了，放门卫室了。',
    '小区里晚上遛狗请牵绳，吓到孩子了。',
    '菜市场门口新开了家修鞋配钥匙的，挺方便。',
    '谁家孩子的滑板车落在楼下花坛边了。',
    '今晚广场有露天电影，带孩子去看看。',
    '地下车库的灯又不亮了，晚上停车小心。',
    '楼上装修太吵了，物业说周末不让施工的呀。',
    '社区老年食堂今天有饺子，十块钱一份。',
    '最近小区门口有推销保健品的，家里老人别上当。',
  ],
  drivers: [
    '县道那边今天查超载，大家注意。',
    '服务区今天热水免费。',
    '有没有去省城的回程货？',
    '雾太大了，我在路边等等再走。',
    '前面收费站排了两公里。',
  ],
  riders: [
    '今天单子真多，中午都没吃饭。',
    '文昌府北门门禁又坏了。',
    '下雨了，兄弟们骑慢点。',
    '锦绣华庭的电梯排队好久。',
    '谁有多的头盔？我的扣坏了。',
  ],
};

/** How residents answer a host's announcement. */
export const ACKS = [
  '收到',
  '收到，谢谢{officer}',
  '已转发到家族群',
  '👍',
  '好的，知道了',
  '转给家里老人看看',
  '谢谢提醒',
  '辛苦了',
  '已转发',
];
