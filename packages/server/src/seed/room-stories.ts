/**
 * What the demo's 议事厅 say (demo data, not real people): threads of the seven kinds of work modelled on Anhui's
 * 网上警民议事厅 — a resident "@"s the officer and is answered within minutes, the group finds a lost school bag,
 * a music school's noise is settled, anti-fraud warnings, 秸秆禁烧, 防溺水, 冬季取暖, where to put speed bumps.
 * Placeholders: {officer} / {aux} the staff's 警官 name, {place} the village or estate, {town} 柳塘 or 城关.
 */
import type { MatterKind, RoomPostKind, RoomWorkType } from '@jingmin/shared';

/** Who speaks: the asking resident, another resident, or a host. */
export type Voice = 'resident' | 'other' | 'officer' | 'aux' | 'grid';

export interface Step {
  by: Voice;
  body: string;
  /** Minutes after the step before. */
  after: number;
  kind?: RoomPostKind;
  /** "@"s the officer: a request with a clock, answered by the next host step. */
  at?: boolean;
  /** Replies to the thread's first post (a host's answer to an "@" replies to the "@"). */
  reply?: boolean;
}

/** Which rooms a story fits. */
export type Audience = 'rural' | 'urban' | 'drivers' | 'riders';

export interface Story {
  work: RoomWorkType;
  rooms: Audience[];
  steps: Step[];
  /** The host made the first post a matter; `open` ones are still being handled. */
  matter?: { kind: MatterKind; open: boolean };
}

const ask = (body: string): Step => ({ by: 'resident', body, after: 0, at: true });
const answer = (body: string, after = 3, by: Voice = 'officer'): Step => ({ by, body, after, reply: true });
const say = (by: Voice, body: string, after: number, reply = true): Step => ({ by, body, after, reply });

export const STORIES: Story[] = [
  {
    work: 'service',
    rooms: ['rural', 'urban'],
    steps: [
      ask('@{officer}，我家户口簿找不到了，补办要带什么？'),
      answer('户主或家里成年人带上本人身份证，到派出所户籍窗口当场就能补，不收费。工作日上午 8:30 开门，中午不休息。'),
      say('resident', '好的，谢谢{officer}，明天就去。', 4),
    ],
  },
  {
    work: 'service',
    rooms: ['rural', 'urban', 'drivers', 'riders'],
    steps: [
      ask('@{officer}，身份证下个月到期，周末能去办吗？要多久能拿到？'),
      answer(
        '到期前三个月就可以换领。户籍窗口周六上午也开，带旧证就行，现场照相采指纹，一般 15 个工作日左右能取，也可以选邮寄到家。',
      ),
      say('other', '我上个月刚换的，选的邮寄，10 天就收到了。', 12),
    ],
  },
  {
    work: 'service',
    rooms: ['rural', 'urban'],
    steps: [
      ask('@{officer}，孩子满月了，上户口需要准备什么？'),
      answer(
        '出生医学证明、父母双方身份证和户口簿、结婚证。孩子出生一个月内申报；也可以在“出生一件事”里网上一起办，少跑一趟。',
        5,
      ),
      say('resident', '收到，网上办方便多了👍', 6),
    ],
  },
  {
    work: 'service',
    rooms: ['rural', 'drivers', 'riders'],
    steps: [
      ask('@{officer}，外地来的工友要在这边办居住证，怎么弄？'),
      answer(
        '住满半年、有稳定工作或住所的，带身份证、租房合同或单位证明、照片来窗口登记，15 天内制证。先在这边做居住登记，时间从登记那天算。',
        6,
      ),
    ],
  },
  {
    work: 'service',
    rooms: ['urban', 'riders'],
    steps: [
      ask('@{officer}，应聘要开无犯罪记录证明，派出所能开吗？'),
      answer(
        '能开。本人带身份证到户籍窗口申请，能当场出的当场出，需要核查的 3 个工作日内出，现在也可以申请电子证明。',
        4,
      ),
      say('resident', '谢谢，省得跑冤枉路了。', 3),
    ],
  },
  {
    work: 'virtue',
    rooms: ['rural', 'urban'],
    steps: [
      {
        by: 'resident',
        kind: 'lost',
        body: '寻物启事：孩子放学路上把蓝色书包弄丢了，书包上挂着小熊挂件，里面有课本和作业本，大概在小学到{place}路口之间。有看到的麻烦在群里说一声，谢谢大家！',
        after: 0,
      },
      say('aux', '大家留意一下，看到了在群里说，或者送到警务室。', 9),
      say('other', '是不是这个？刚在小卖部门口台阶上看到一个蓝书包，挂着小熊，我先放店里了。', 46),
      say('resident', '就是这个！已经拿到了，太感谢了，好人一生平安🙏', 25),
      say('officer', '点赞！拾金不昧，咱们群里的好邻居。', 8),
    ],
  },
  {
    work: 'virtue',
    rooms: ['rural', 'drivers'],
    steps: [
      {
        by: 'resident',
        kind: 'lost',
        body: '寻物启事：今天下午在村道上掉了一个红色工具箱，里面是修车用的扳手、套筒和千斤顶，吃饭的家伙，谁捡到了请联系，必有重谢。',
        after: 0,
      },
      {
        by: 'other',
        kind: 'found',
        body: '失物招领：桥头路边捡到一个红色工具箱，有扳手套筒，已经交到{town}派出所警务室了，失主去认领吧。',
        after: 80,
        reply: false,
      },
      say('resident', '是我的！已经从警务室拿回来了，谢谢这位兄弟，谢谢{aux}。', 35),
    ],
  },
  {
    work: 'virtue',
    rooms: ['urban', 'riders'],
    steps: [
      {
        by: 'resident',
        kind: 'found',
        body: '失物招领：在{place}门口捡到一个黑色钱包，有身份证和几张卡，失主请到小区门卫室认领，核对身份证信息。',
        after: 0,
      },
      say('officer', '谢谢你！我联系上失主了，他说下班就去门卫室拿。', 18),
      say('other', '现在这样的人不多了，点赞👍', 7),
    ],
  },
  {
    work: 'dispute',
    rooms: ['urban'],
    steps: [
      ask('@{officer}，楼下新开的音乐培训学校天天晚上九点多还在敲架子鼓，孩子睡不了觉，能不能管管？'),
      answer('收到，今晚我和社区一起过去看看，先了解他们的上课时间。', 5),
      say('other', '我家也是，楼板都在震。', 11),
      say(
        'officer',
        '跟学校负责人谈过了：晚上八点半以后不上鼓课，鼓房加装隔音棉，下周完工。大家再有情况随时在群里说。',
        60 * 26,
      ),
      say('resident', '这两天晚上安静多了，谢谢{officer}和社区！', 60 * 72),
    ],
    matter: { kind: 'dispute', open: false },
  },
  {
    work: 'dispute',
    rooms: ['rural'],
    steps: [
      ask('@{officer}，邻居家在我家宅基地边上砌猪圈，占了半米多，说了不听，怎么办？'),
      answer('先别动手，也别去拆。明天上午我和村调委会的人一起去现场，把两家的宅基地证拿出来对一对。', 4),
      say('grid', '我先去量一下，拍个照发给{officer}。', 20),
      say('officer', '现场看过了，按宅基地证猪圈往回退 60 公分，两家都签了调解协议，村调委会过半个月回访。', 60 * 28),
    ],
    matter: { kind: 'dispute', open: false },
  },
  {
    work: 'dispute',
    rooms: ['rural', 'urban'],
    steps: [
      say('resident', '隔壁家的狗天天半夜叫，好几次差点咬到小孩，跟他家说了好几回了。', 0, false),
      say('grid', '我记下了，下午上门跟他家说一说，遛狗要牵绳，晚上关好。', 15),
      say('resident', '谢谢，这两天好多了。', 60 * 50),
    ],
  },
  {
    work: 'safety',
    rooms: ['rural', 'urban'],
    steps: [
      ask('@{officer}，{place}路口那盏路灯坏了快一个星期了，晚上黑乎乎的，老人孩子走路不安全。'),
      answer('收到，我转成事项交给供电所，修好了在群里说。', 6),
      say('officer', '供电所今天换了灯头，路灯已经亮了，大家晚上出行注意安全。', 60 * 30),
    ],
    matter: { kind: 'report', open: false },
  },
  {
    work: 'safety',
    rooms: ['rural'],
    steps: [
      ask('@{officer}，村小学门口的河边护栏松了好几根，放学孩子老在那儿玩，太危险了。'),
      answer('收到，已经记成事项，明天带村里的人去看，先拉警戒带。', 7),
      say('aux', '警戒带已经拉好了，放学时我在这边看着。', 50),
    ],
    matter: { kind: 'help', open: true },
  },
  {
    work: 'safety',
    rooms: ['urban'],
    steps: [
      ask('@{officer}，{place}好几个单元楼道里堆满纸箱和电动车，还有人楼道里充电，万一着火跑都跑不出来。'),
      answer('这是消防隐患，我转成事项，和物业一起清理，楼道里充电的先劝离。', 5),
      say('other', '支持！早该清了。', 9),
      say('aux', '今天和物业清了两个单元，明天继续，电动车请到小区充电棚充电。', 60 * 22),
    ],
    matter: { kind: 'report', open: true },
  },
  {
    work: 'safety',
    rooms: ['urban', 'riders'],
    steps: [
      ask('@{officer}，昨晚电动车停在楼下被偷了，绿色的雅迪，锁了的，怎么办？'),
      answer('先别着急，把购车发票或车架号照片准备好，我这边先把小区和路口的监控调出来看，需要你来所里做个笔录。', 4),
      say('resident', '好的，下午过去。', 5),
      say('officer', '车找到了，在城东废品站，人已经查到了，你带上钥匙来领车。', 60 * 52),
    ],
    matter: { kind: 'report', open: false },
  },
  {
    work: 'notice',
    rooms: ['rural', 'urban'],
    steps: [
      say('resident', '刚接到个电话，说我快递丢了要给我理赔，让我下载个软件开屏幕共享，这是不是骗子？', 0, false),
      say(
        'officer',
        '是骗子！冒充客服退款、理赔，让你开屏幕共享、转账的都是诈骗，马上挂断，别下载。拿不准就打 96110 问。',
        3,
      ),
      say('resident', '幸好没点，已经挂了，谢谢{officer}。', 4),
      say('other', '我妈前几天也接到过，差点转了钱。', 10),
    ],
  },
  {
    work: 'law',
    rooms: ['rural', 'urban', 'riders'],
    steps: [
      say('resident', '群里有没有人知道，网上那种点赞关注就给钱的兼职是真的吗？我家孩子想在寒假做。', 0, false),
      say(
        'officer',
        '千万别做！先给你小额返利，再让你垫钱做“联单任务”，越陷越深，这就是刷单返利诈骗，占电诈案件的三分之一。所有要先垫钱的兼职都是骗局。',
        4,
      ),
      say('other', '转给家里孩子看看。', 15),
    ],
  },
  {
    work: 'law',
    rooms: ['rural'],
    steps: [
      ask('@{officer}，村里有人在河里电鱼，这个违法吗？'),
      answer('违法。电鱼破坏渔业资源，情节严重的构成非法捕捞水产品罪，还很危险。看到了告诉我位置，我们去处理。', 5),
      say('aux', '已经到河边了，人劝走了，电鱼工具暂扣。', 40),
    ],
  },
  {
    work: 'law',
    rooms: ['drivers'],
    steps: [
      ask('@{officer}，货车拉货超载一点点有事吗？老板让多装两吨。'),
      answer(
        '超载不但罚款扣分，刹车距离变长，出了事故要负主要责任，货主和老板也要担责。按核定载质量装，别拿命开玩笑。',
        4,
      ),
      say('other', '这个是真的，去年国道上那个事故就是超载。', 9),
    ],
  },
  {
    work: 'safety',
    rooms: ['drivers'],
    steps: [
      say('resident', '国道 105 公里处往县城方向路面塌了个大坑，晚上开过去差点爆胎，大家绕着点。', 0, false),
      say('officer', '谢谢提醒！已经转成事项交给公路段，先放锥桶，大家夜间经过减速。', 6),
      say('officer', '公路段今天上午补好了。', 60 * 20),
    ],
    matter: { kind: 'report', open: false },
  },
  {
    work: 'safety',
    rooms: ['drivers'],
    steps: [
      ask('@{officer}，昨晚在加油站边上停车睡觉，油箱被人偷了半箱油，有没有人管？'),
      answer('收到，已经立事项，我们查一下加油站的监控。大家夜里停车尽量停在有监控、有人值守的服务区，油箱加锁。', 5),
      say('other', '上个月我也被偷过，那边晚上没灯。', 14),
    ],
    matter: { kind: 'report', open: true },
  },
  {
    work: 'notice',
    rooms: ['drivers'],
    steps: [
      say('officer', '明天起国道柳塘段修路，单向通行，7:00–19:00 有人指挥，货车请提前绕行县道。', 0, false),
      say('resident', '收到，谢谢提醒。', 8),
      say('other', '绕县道要多走多少？', 12),
      say('officer', '多十来公里，县道限高 4.5 米，高栏车注意。', 5),
    ],
  },
  {
    work: 'virtue',
    rooms: ['drivers'],
    steps: [
      say('resident', '今天在国道上看见一辆三轮车翻沟里了，我和两个师傅把老人拉上来，已经打了 120。', 0, false),
      say('officer', '好样的！老人已经送到卫生院，没大碍，谢谢几位师傅。', 30),
    ],
  },
  {
    work: 'deliberation',
    rooms: ['rural', 'urban'],
    steps: [
      say(
        'officer',
        '【议事】好几位反映小学门口车速太快，想装减速带，装在哪儿？1. 校门口两侧各 30 米；2. {place}路口；3. 两处都装。大家说说看法。',
        0,
        false,
      ),
      say('resident', '选 3，路口那边早上送孩子的电动车特别多。', 20),
      say('other', '校门口就够了，减速带太多拖拉机过不去。', 35),
      say('grid', '网格里开会也讨论了，大多数人倾向两处都装，路口装缓坡的。', 60 * 5),
      say('officer', '汇总大家的意见：两处都装，路口用缓坡减速带，交管部门下周施工。谢谢大家参与！', 60 * 30),
    ],
  },
  {
    work: 'deliberation',
    rooms: ['urban', 'riders'],
    steps: [
      say(
        'officer',
        '【议事】不少骑手反映进小区送餐要登记半天，门卫又担心陌生人进出。大家看：1. 小区门口设外卖柜；2. 骑手扫码登记后进；3. 维持现状。',
        0,
        false,
      ),
      say('resident', '外卖柜好，放柜里我们下楼拿。', 15),
      say('other', '扫码登记可以，别让我们在门口等五分钟。', 22),
      say('officer', '和物业商量了：先试扫码登记，一分钟进门，外卖柜物业申请下来再装。', 60 * 40),
    ],
    matter: { kind: 'suggestion', open: false },
  },
  {
    work: 'notice',
    rooms: ['riders'],
    steps: [
      say('officer', '提醒各位骑手：人民路、解放路路口这周查闯红灯、逆行、不戴头盔，跑单再急也请守规矩。', 0, false),
      say('resident', '收到，头盔一直戴着的。', 6),
      say('other', '超时扣钱啊……不过还是安全第一。', 9),
    ],
  },
  {
    work: 'safety',
    rooms: ['riders'],
    steps: [
      ask('@{officer}，电瓶改装能跑得快点，有人说查到要罚，是吗？'),
      answer('私自改装电池、拆限速都不行，罚款不说，电池改装最容易起火。请到正规店换原厂电池，充电别放楼道。', 5),
    ],
  },
  {
    work: 'dispute',
    rooms: ['riders'],
    steps: [
      ask('@{officer}，送餐时跟一个顾客吵起来了，他说要投诉我还推了我一把，我该怎么办？'),
      answer('别还手，先离开，在哪个小区？我让社区警务室的同事过去看看，有监控的话我们调出来。', 4),
      say('aux', '到了，双方都冷静下来了，顾客道了歉，事情说开了。', 35),
      say('resident', '谢谢{aux}。', 10),
    ],
  },
  {
    work: 'safety',
    rooms: ['rural'],
    steps: [
      ask('@{officer}，我家老爷子有点糊涂，下午出门到现在没回来，穿灰棉袄戴蓝帽子。'),
      answer('别急，马上发到各个群里，辅警和网格员一起找。你先去他常去的地方看看。', 2),
      say('aux', '大家留意：八十岁左右老人，灰棉袄蓝帽子，看到请在群里说。', 3),
      say('other', '河堤那边有个老人往下湾方向走，是不是？', 35),
      say('aux', '找到了，已经送回家，人没事。', 25),
    ],
    matter: { kind: 'help', open: false },
  },
];
