/** The 议事厅's posts made dispute cases (demo data, not real people). Placeholders as in room-extras-texts.ts. */
import type { DisputeCategory } from '@jingmin/shared';
import { type Reply, reply as r } from './room-extras-texts.js';
import type { Audience } from './room-stories.js';

/** A post a host made a dispute case: the thread, and the case it opened (`recent`: not yet assessed). */
export interface CaseTale {
  rooms: Audience[];
  /** The resident's "@" to the officer, and the thread under it (the officer's first reply answers it). */
  ask: string;
  replies: Reply[];
  title: string;
  category: DisputeCategory;
  subcategory: string;
  facts: string;
  recent: boolean;
}

export const CASES: CaseTale[] = [
  {
    rooms: ['rural'],
    ask: '@{officer}，上游养鸭场的污水直接排到沟里，流进我家鱼塘，这两天死了好多鱼，找他说他还不认，怎么办？',
    replies: [
      r(
        'officer',
        '先别去堵他家的排水口，死鱼拍照、留几条冻起来做证据。这事我转成矛盾纠纷来调，明天上午和村调委会一起去两家看看。',
        4,
      ),
      r('other', '那个鸭棚去年也往沟里排过，味道大得很。', 15),
      r('grid', '今天和{officer}、村调委会到两家看了，取了水样，约好在村委会调解室坐下来谈赔偿和排污的事。', 60 * 22),
    ],
    title: '养鸭场排污致鱼塘死鱼赔偿纠纷',
    category: 'public_order',
    subcategory: '损害赔偿',
    facts:
      '{village}村民在议事厅反映：上游养鸭场污水排入水沟流进其承包的鱼塘，造成成批死鱼，与养殖户协商未果。民警会同村调委会到现场查看、取水样，约双方到村委会调解室协商赔偿和排污整改。',
    recent: false,
  },
  {
    rooms: ['rural'],
    ask: '@{officer}，隔壁盖房子把两家中间的排水沟填了，昨晚下雨水全灌进我家院子，说了还跟我吵，你们来看看吧。',
    replies: [
      r('officer', '收到，先别争，人没事吧？这事我转成矛盾纠纷，今天下午和网格员上门看排水沟。', 5),
      r('poster', '人没事，就是院子里全是水。好的，等你们。', 6),
    ],
    title: '建房填埋排水沟致积水倒灌纠纷',
    category: 'public_order',
    subcategory: '邻里',
    facts:
      '{village}村民在议事厅反映：邻居翻建房屋时填埋了两家之间的排水沟，雨后积水倒灌其院内，双方发生争吵。民警将会同网格员上门查看排水沟，组织两家协商恢复排水。',
    recent: true,
  },
  {
    rooms: ['urban'],
    ask: '@{officer}，楼上卫生间又漏水了，我家天花板泡得掉皮，楼上说不是他家的问题，物业也推来推去，这都第三回了。',
    replies: [
      r('officer', '收到。这事我转成矛盾纠纷，先请物业查漏点，查清楚了约两家一起到社区调解室谈。', 5),
      r('other', '我家楼上也漏过，最后是物业做闭水试验才查清的。', 12),
      r('aux', '物业今天做了闭水试验，漏点在楼上卫生间地面防水层，已经约了两家到社区调解室谈维修和赔偿。', 60 * 24),
    ],
    title: '楼上漏水赔偿纠纷',
    category: 'public_order',
    subcategory: '损害赔偿',
    facts:
      '{village}居民在议事厅反映：楼上卫生间反复漏水，泡坏其家天花板，楼上业主不认可，物业未能协调。民警请物业做闭水试验查明漏点在楼上卫生间地面防水层，约双方到社区调解室协商维修和赔偿。',
    recent: false,
  },
  {
    rooms: ['urban'],
    ask: '@{officer}，地下车库我买的车位天天被同一辆车占着，贴了条也不挪，今天早上跟车主吵起来了，差点动手。',
    replies: [
      r('officer', '先别动手，冷静。这事我转成矛盾纠纷，今天和物业一起找车主谈，你把车位的产权证明准备一下。', 4),
      r('poster', '好的，谢谢{officer}。', 5),
    ],
    title: '地下车位被占纠纷',
    category: 'other',
    subcategory: '物业',
    facts:
      '{village}居民在议事厅反映：其购买的地下车位长期被同一车辆占用，张贴告知无效，双方当日发生争吵。民警将会同物业联系车主，核对车位产权，组织双方协商。',
    recent: true,
  },
];
