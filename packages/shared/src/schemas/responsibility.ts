/**
 * 三级网格责任体系 and 十户联防: the roles a station keeps as data (level 1 责任区, level 2 村/社区, level 3 网格/十户),
 * who holds them for each village and grid (staff, or a person without an account), and the 联防组 of about
 * ten neighbouring households with their 户长.
 */
import { z } from 'zod';
import { Id, MobilePhone, Name, Shown, text } from './common.js';

export const RESPONSIBILITY_LEVELS = [1, 2, 3] as const;
export type ResponsibilityLevel = (typeof RESPONSIBILITY_LEVELS)[number];
/** Who may hold a role: staff with an account, a person without one, or either. */
export const HOLDER_KINDS = ['staff', 'person', 'either'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/** The level names as the card shows them. */
export const RESPONSIBILITY_LEVEL_LABELS: Record<ResponsibilityLevel, { zh: string; en: string }> = {
  1: { zh: '一级 · 责任区（警务区）', en: 'Level 1 · police beat' },
  2: { zh: '二级 · 村（社区）', en: 'Level 2 · village / community' },
  3: { zh: '三级 · 网格 / 十户', en: 'Level 3 · grid / ten households' },
};

/** Role keys the beats (modules/beats) feed: the beat's responsible officer and its auxiliaries. */
export const BEAT_OFFICER_ROLE = 'beat_officer';
export const BEAT_AUXILIARY_ROLE = 'beat_auxiliary';

export const ResponsibilityRole = z
  .object({
    /** Stable key (letters, digits, _): holders refer to it, so renaming keeps them. */
    key: text(40, 1).regex(/^[a-z][a-z0-9_]*$/, { message: 'must be lowercase letters, digits or _' }),
    /** The role's name (角色名称). */
    name: Name.pipe(text(30, 1)),
    /** 1 责任区, 2 村/社区, 3 网格/十户. */
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** Who may hold it. */
    holder: z.enum(HOLDER_KINDS),
    /** What the role does (职责), a line or two. */
    about: text(200).optional(),
  })
  .strict();
export type ResponsibilityRole = z.infer<typeof ResponsibilityRole>;

export const ResponsibilitySettings = z
  .object({
    /** The station's roles, in the order the card shows them within each level. */
    roles: z.array(ResponsibilityRole).min(1).max(40),
  })
  .strict();
export type ResponsibilitySettings = z.infer<typeof ResponsibilitySettings>;

/** 理川's three-level system: the roles a station starts with. */
export const DEFAULT_RESPONSIBILITY_ROLES: ResponsibilityRole[] = [
  {
    key: BEAT_OFFICER_ROLE,
    name: '责任区民警',
    level: 1,
    holder: 'staff',
    about: '警务区的责任民警，负责区内警情、矛盾纠纷和走访',
  },
  { key: BEAT_AUXILIARY_ROLE, name: '责任区辅警', level: 1, holder: 'staff', about: '协助责任区民警开展工作' },
  { key: 'village_auxiliary', name: '驻村辅警', level: 2, holder: 'staff', about: '一村一辅警，在村便民服务中心办公' },
  { key: 'village_cadre_stationed', name: '驻村干部', level: 2, holder: 'person', about: '乡镇派驻本村的干部' },
  { key: 'village_cadre', name: '村干部', level: 2, holder: 'person', about: '村（居）委会干部' },
  { key: 'grid_member', name: '网格员', level: 3, holder: 'either', about: '采集信息、上报事件、入户走访' },
  { key: 'olive_volunteer', name: '橄榄义警', level: 3, holder: 'either', about: '参与巡逻、宣传和矛盾排查的志愿者' },
  {
    key: 'household_leader',
    name: '十户联防户长',
    level: 3,
    holder: 'person',
    about: '联系约十户邻里，互相照看、及时报告',
  },
];

/** Where a holder shown on a unit comes from. */
export const HolderSource = z.object({
  /** own: held here; unit: held at the village above; beat: the beat covering this place names them. */
  kind: z.enum(['own', 'unit', 'beat']),
  /** The unit or beat it comes from, by name. */
  id: Id,
  name: Shown,
});
export type HolderSource = z.infer<typeof HolderSource>;

export const ResponsibilityHolder = z.object({
  /** The holding's id (null for one the beats name: changed on the beat). */
  id: Id.nullable(),
  roleKey: Shown,
  kind: z.enum(['staff', 'person']),
  staffId: Id.nullable(),
  /** Staff by name; a person by name, masked (张*明) unless the reader is the station's own staff. */
  name: Shown,
  /** A person's phone, masked likewise; null for staff. */
  phone: Shown.nullable(),
  note: Shown.nullable(),
  inherited: z.boolean(),
  source: HolderSource,
});
export type ResponsibilityHolder = z.infer<typeof ResponsibilityHolder>;

export const UnitResponsibilities = z.object({
  unitId: Id,
  unitName: Shown,
  unitKind: Shown,
  stationId: Id,
  /** The three levels, each with the station's roles of that level and their holders. */
  levels: z.array(
    z.object({
      level: z.number().int(),
      label: Shown,
      roles: z.array(
        z.object({
          key: Shown,
          name: Shown,
          holder: z.enum(HOLDER_KINDS),
          about: Shown.nullable(),
          holders: z.array(ResponsibilityHolder),
        }),
      ),
    }),
  ),
  /** 'manage': add and remove holders, edit the roles. */
  allowedActions: z.array(z.enum(['manage'])),
});
export type UnitResponsibilities = z.infer<typeof UnitResponsibilities>;

/** One holder of a role for a village or grid: a staff member, or a person by name and mobile. */
export const ResponsibilityInput = z
  .object({
    roleKey: text(40, 1),
    /** A staff holder (active staff of the station) … */
    staffId: Id.optional(),
    /** … or a person without an account. */
    name: Name.pipe(text(30, 1)).optional(),
    phone: MobilePhone.optional(),
    note: text(200).optional(),
  })
  .strict();
export type ResponsibilityInput = z.infer<typeof ResponsibilityInput>;

/** A 十户联防组 as lists show it. */
export const HouseholdGroupSummary = z.object({
  id: Id,
  unitId: Id,
  name: Shown,
  memberCount: z.number().int(),
  leaderHouseholdId: Id.nullable(),
  leaderAddress: Shown.nullable(),
  /** The 户长, masked unless the reader is the station's own staff. */
  leaderName: Shown.nullable(),
  leaderPhone: Shown.nullable(),
  /** The first and last address, in order, for a quick read of where the group lies. */
  firstAddress: Shown.nullable(),
  lastAddress: Shown.nullable(),
  version: z.number().int(),
});
export type HouseholdGroupSummary = z.infer<typeof HouseholdGroupSummary>;

export const HouseholdGroupList = z.object({
  unitId: Id,
  items: z.array(HouseholdGroupSummary),
  /** Households of the grid, and how many are in no group yet. */
  households: z.number().int(),
  ungrouped: z.number().int(),
  allowedActions: z.array(z.enum(['manage'])),
});
export type HouseholdGroupList = z.infer<typeof HouseholdGroupList>;

export const HouseholdGroupMember = z.object({ householdId: Id, address: Shown, doorplateCode: Shown.nullable() });
export type HouseholdGroupMember = z.infer<typeof HouseholdGroupMember>;

export const HouseholdGroup = HouseholdGroupSummary.extend({ members: z.array(HouseholdGroupMember) });
export type HouseholdGroup = z.infer<typeof HouseholdGroup>;

export const HouseholdGroupInput = z
  .object({
    /** 组名, e.g. 第3联防组. */
    name: Name.pipe(text(40, 1)),
    /** 2–20 households of the grid, none in another group. */
    householdIds: z.array(Id).min(2).max(20),
    /** The 户长's household: one of the members. */
    leaderHouseholdId: Id,
    leaderName: Name.pipe(text(30, 1)).optional(),
    leaderPhone: MobilePhone.optional(),
  })
  .strict();
export type HouseholdGroupInput = z.infer<typeof HouseholdGroupInput>;

export const HouseholdGroupUpdate = HouseholdGroupInput.extend({ version: z.number().int().min(1) }).strict();
export type HouseholdGroupUpdate = z.infer<typeof HouseholdGroupUpdate>;

/** Groups proposed for the grid's ungrouped households (nothing saved). */
export const HouseholdGroupProposal = z.object({
  items: z.array(
    z.object({
      name: Shown,
      householdIds: z.array(Id),
      leaderHouseholdId: Id,
      members: z.array(HouseholdGroupMember),
    }),
  ),
});
export type HouseholdGroupProposal = z.infer<typeof HouseholdGroupProposal>;
