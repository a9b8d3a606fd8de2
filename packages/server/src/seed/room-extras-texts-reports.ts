/** The posts residents report in the 议事厅 (demo data, not real people). Placeholders as in room-extras-texts.ts. */
import type { RoomReportReason } from '@jingmin/shared';
import type { Audience } from './room-stories.js';

/** A post residents report: a host hides it (with the reason, and perhaps a word to the room) or dismisses it. */
export interface ReportTale {
  rooms: Audience[];
  body: string;
  reasons: RoomReportReason[];
  note?: string;
  end: { hide: string; say?: string } | 'dismissed' | 'open';
}

export const REPORTS: ReportTale[] = [
  {
    rooms: ['rural'],
    body: '紧急扩散！听说镇上自来水厂的水被人投毒了，这几天千万别喝自来水，赶紧告诉家里人！',
    reasons: ['rumour', 'rumour', 'rumour'],
    note: '自来水厂说没这回事',
    end: {
      hide: '经核实，镇自来水厂供水正常，该消息不实，已隐藏。请勿转发未经核实的消息',
      say: '【辟谣】群里有人转“自来水被投毒”的消息，经和镇自来水厂核实：供水正常、水质检测合格，消息不实。编造、转发谣言可能违法，请大家不信谣、不传谣。',
    },
  },
  {
    rooms: ['rural'],
    body: '大家认清楚，{place}那个开白色面包车的刘某，欠我工钱大半年不还，他家就住村东头第三家！',
    reasons: ['privacy', 'abuse'],
    end: { hide: '含他人姓氏、住址等个人信息，已隐藏。欠款纠纷可以 @ 民警或找村调委会调解' },
  },
  {
    rooms: ['rural', 'urban'],
    body: '低价出售新款手机，全新未拆封，先交 200 定金包邮到家，名额有限，要的加我微信。',
    reasons: ['fraud', 'fraud', 'ad'],
    end: { hide: '疑似诈骗（先交定金），已隐藏。网上买东西请走正规平台，不要私下转账' },
  },
  {
    rooms: ['rural'],
    body: '自家散养的土鸡蛋，一块五一个，在村东头，要的直接来拿，不送货。',
    reasons: ['ad'],
    end: 'dismissed',
  },
  {
    rooms: ['rural'],
    body: '村道上那几个大坑修了三个月还没修好，到底有没有人管？天天颠得腰疼！',
    reasons: ['abuse'],
    end: 'dismissed',
  },
  {
    rooms: ['rural'],
    body: '听说最近有人开面包车在村里转悠，专门抢小孩，大家看好孩子！',
    reasons: ['rumour', 'rumour'],
    note: '没听派出所说过，别吓人',
    end: 'open',
  },
  {
    rooms: ['rural'],
    body: '专业疏通下水道、维修水管，价格实惠，随叫随到，需要的私聊。',
    reasons: ['ad'],
    end: 'open',
  },
  {
    rooms: ['urban'],
    body: '小道消息：{place}要拆迁了，按人头赔，赶紧把户口迁进来！',
    reasons: ['rumour', 'rumour'],
    end: {
      hide: '经向街道核实，没有拆迁计划，消息不实，已隐藏。迁户口请以户籍窗口的政策为准',
      say: '【辟谣】关于“小区要拆迁、按人头赔”的说法，经向城关街道核实：目前没有任何拆迁计划。请大家不要轻信，更不要为此迁户口。',
    },
  },
  {
    rooms: ['urban'],
    body: '3 号楼 502 那家天天半夜吵架，男的还动手打老婆，那男的叫什么大家都知道，谁去管管！',
    reasons: ['privacy'],
    end: { hide: '含他人住址等个人信息，已隐藏。遇到家暴请直接拨打 110，或私下 @ 民警反映，我们会上门' },
  },
  {
    rooms: ['urban'],
    body: '出两张周末的演唱会门票，原价转，先转账后发电子票，要的私聊。',
    reasons: ['fraud', 'fraud'],
    end: { hide: '疑似票务诈骗（先转账后发票），已隐藏。买票请走官方平台' },
  },
  {
    rooms: ['urban'],
    body: '楼下超市今天特价，白菜五毛一斤，鸡蛋四块五一斤，买的快去。',
    reasons: ['ad'],
    end: 'dismissed',
  },
  {
    rooms: ['urban'],
    body: '物业真是太不负责任了，电梯坏了三天没人修，老人只能爬楼！',
    reasons: ['abuse'],
    end: 'dismissed',
  },
  {
    rooms: ['urban'],
    body: '谁家的狗天天在 2 单元门口拉屎？主人太没素质了，再让我看见别怪我不客气！',
    reasons: ['abuse'],
    end: 'open',
  },
  {
    rooms: ['urban'],
    body: '招兼职：在家用手机操作，每天一两个小时，日结 100 到 300，宝妈学生都可以，有意私聊。',
    reasons: ['fraud', 'fraud'],
    note: '像是骗人的兼职',
    end: 'open',
  },
];
