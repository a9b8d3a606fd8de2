/**
 * The texts of 柳塘派出所's year of warnings and campaigns (seed/warnings-demo.ts): anti-fraud lines after the
 * Ministry's high-incidence types (DOMAIN.md §6), 禁毒, 交通安全, 防火, 典型案例, policy and weather alerts — as a
 * township station writes them to its villages. Generated, not real; places and people are fictional.
 */
import { type NoticeText, t } from './warnings-demo-texts-kit.js';
import { SENT_FIRST } from './warnings-demo-texts-sent1.js';
import { SENT_LATER } from './warnings-demo-texts-sent2.js';

export type { NoticeText };

/** In the order they went out over the year, oldest first. */
export const SENT_NOTICES: NoticeText[] = [...SENT_FIRST, ...SENT_LATER];

/** Withdrawn after sending: the wrong detail, and the correction residents read instead. */
export const WITHDRAWN_NOTICES: (NoticeText & { correction: string })[] = [
  {
    ...t('policy', 'community', false, '户籍窗口周日照常办公', '户籍窗口本周日照常办理身份证、居住证业务。'),
    correction: '更正：户籍窗口周日不办公，周六上午 9:00—12:00 办理。前一条通知时间有误，给大家带来不便，敬请谅解。',
  },
  {
    ...t('alert', 'advisory', false, '柳塘大桥明日封闭施工', '柳塘大桥明日全天封闭施工，请绕行东岭路。'),
    correction: '更正：柳塘大桥施工改为下周二，明日正常通行。以村委会通知为准。',
  },
  {
    ...t('antidrug', 'community', false, '禁毒宣传活动改在西河村举行', '本周六禁毒宣传活动改在西河村文化广场举行。'),
    correction: '更正：活动地点仍为柳塘镇中心小学，时间不变。前一条通知地点有误。',
  },
];

/** Not sent yet: two scheduled, three drafts and one urgent notice waiting for the chief. */
export const PENDING_NOTICES: (NoticeText & { status: 'scheduled' | 'draft' | 'in_review' })[] = [
  {
    ...t(
      'antifraud',
      'advisory',
      false,
      '春节前反诈宣传：红包、抢票链接别乱点',
      '春节前“抢票加速”“红包福利”链接增多，点开可能被盗刷。购票请用官方渠道，不点陌生人发来的链接。',
    ),
    status: 'scheduled',
  },
  {
    ...t(
      'traffic',
      'community',
      false,
      '元旦假期出行交通安全提示',
      '元旦假期走亲访友车辆增多，请遵守交通规则，不酒驾、不超速，骑电动车戴头盔。',
    ),
    status: 'scheduled',
  },
  {
    ...t(
      'fire',
      'community',
      false,
      '（草稿）冬季消防演练通知',
      '拟于下月在柳塘村文化广场组织消防演练，具体时间待定。',
    ),
    status: 'draft',
  },
  {
    ...t(
      'case',
      'community',
      false,
      '（草稿）典型案例：网购退款诈骗',
      '某村民网购后接到“客服”电话……（待补充案情和提示）',
    ),
    status: 'draft',
  },
  {
    ...t(
      'policy',
      'community',
      false,
      '（草稿）平安联盟年度表彰',
      '拟对本年度表现突出的平安联盟志愿者进行表彰，名单待所长确认。',
    ),
    status: 'draft',
  },
  {
    ...t(
      'antifraud',
      'urgent',
      true,
      '紧急预警：冒充“社保局”办理养老金资格认证',
      '近日有人冒充社保局工作人员，电话通知老人办理养老金资格认证，要求提供银行卡号和验证码。社保资格认证可在“掌上12333”或村委会免费办理，不需要提供验证码。',
    ),
    status: 'in_review',
  },
];

/** What residents reply, and the station's answer (null: not answered yet). */
export const REPLIES: [string, string | null][] = [
  ['收到，已经转告家里老人了，谢谢民警提醒。', '感谢您的转告！老人是诈骗分子的重点目标，多提醒几次更放心。'],
  ['昨天我也接到过类似的电话，当时就挂了。', '做得对！接到可疑电话直接挂断，可以拨打 96110 核实。'],
  [
    '请问国家反诈中心APP在哪里下载？',
    '在手机应用商店搜索“国家反诈中心”即可下载，注册时地区选择青禾县柳塘镇。不会操作可以到派出所，我们帮您装。',
  ],
  [
    '我家老人不会用智能手机，能不能上门讲一讲？',
    '可以，已经安排社区民警本周到您村里走访时上门讲解，请留意村网格员通知。',
  ],
  ['电动车上牌需要带什么材料？', '请携带身份证、购车发票和车辆合格证，上牌免费。'],
  [
    '村口的路灯坏了，晚上走路不安全。',
    '已转告村委会和供电所处理，您也可以扫门牌码在“码上办”里反映，进度可以随时查看。',
  ],
  ['谢谢派出所，这样的提醒很有用。', '谢谢您的支持，我们会继续推送防诈提醒。'],
  [
    '有人在群里发兼职刷单的广告，怎么举报？',
    '请截图保留证据，拨打 96110 或在国家反诈中心 APP 里举报，也可以发给责任民警。',
  ],
  ['我儿子在外地，怎么提醒他？', '可以把这条提醒转发给他，也请他下载国家反诈中心 APP 并打开来电预警。'],
  ['这个电话号码是真的派出所吗？0999-6210110', '是的，0999-6210110 是柳塘派出所的值班电话，有疑问随时可以打来核实。'],
  ['能不能多发一些禁毒的宣传？孩子学校也想要资料。', null],
  ['希望派出所晚上多来我们村巡逻。', null],
];
