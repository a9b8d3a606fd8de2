/** Jurisdiction tree, teams, partner departments and households. */
import { z } from 'zod';
import { ADDRESS_KINDS, DEPARTMENT_KINDS, TEAM_KINDS, UNIT_KINDS } from '../domain/org.js';
import { ContactPhone, Id, Name, Shown, text } from './common.js';

/** Administrative or grid code (GB/T 2260, 统计用区划代码, CJ/T 349 grid code …). */
export const UnitCode = text(32).regex(/^[0-9A-Za-z-]*$/, { message: 'digits, letters and dashes only' });

export const UnitView = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: z.enum(UNIT_KINDS),
  name: Shown,
  code: Shown.nullable(),
  phone: Shown.nullable(),
  address: Shown.nullable(),
  childCount: z.number().int(),
  householdCount: z.number().int(),
});
export type UnitView = z.infer<typeof UnitView>;

export const CreateUnitInput = z
  .object({
    parentId: Id,
    kind: z.enum(UNIT_KINDS),
    /** 名称 */ name: Name,
    code: UnitCode.optional(),
    /** 值班电话 (stations, offices) */ phone: ContactPhone.optional(),
    address: text(200).optional(),
  })
  .strict();
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

export const UpdateUnitInput = z
  .object({
    name: Name.optional(),
    code: UnitCode.nullable().optional(),
    phone: ContactPhone.nullable().optional(),
    address: text(200).nullable().optional(),
    /** Moves the node under another parent of an allowed kind. */
    parentId: Id.optional(),
  })
  .strict();
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;

export const UnitChildrenQuery = z.object({ parentId: Id.optional() }).strict();

export const TeamView = z.object({ id: z.uuid(), stationId: z.uuid(), name: Shown, kind: z.enum(TEAM_KINDS) });
export type TeamView = z.infer<typeof TeamView>;
export const CreateTeamInput = z.object({ stationId: Id, name: Name, kind: z.enum(TEAM_KINDS) }).strict();
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

export const DepartmentView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  name: Shown,
  kind: z.enum(DEPARTMENT_KINDS),
  phone: Shown.nullable(),
});
export type DepartmentView = z.infer<typeof DepartmentView>;
export const CreateDepartmentInput = z
  .object({ unitId: Id, name: Name, kind: z.enum(DEPARTMENT_KINDS), phone: ContactPhone.optional() })
  .strict();
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentInput>;

/** Doorplate code: the household's number on the plate system (门牌编码), unique in the deployment. */
export const DoorplateCode = text(40, 1).regex(/^[0-9A-Za-z-]+$/, { message: 'digits, letters and dashes only' });

export const HouseholdView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: Shown,
  address: Shown,
  /** A household, or an enterprise/unit (企业/单位) with its name. */
  kind: z.enum(ADDRESS_KINDS),
  name: Shown.nullable(),
  doorplateCode: Shown,
  createdAt: z.iso.datetime(),
});
export type HouseholdView = z.infer<typeof HouseholdView>;

export const HouseholdQuery = z
  .object({
    unitId: Id,
    q: text(100).optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type HouseholdQuery = z.infer<typeof HouseholdQuery>;

export const CreateHouseholdInput = z
  .object({
    unitId: Id,
    /** 完整地址 */ address: text(200, 2),
    doorplateCode: DoorplateCode,
    kind: z.enum(ADDRESS_KINDS).default('household'),
    /** 企业/单位名称: required for an enterprise, none for a household. */
    name: text(100, 2).optional(),
  })
  .strict()
  .refine((v) => (v.kind === 'enterprise') === (v.name !== undefined), {
    path: ['name'],
    message: 'an enterprise needs its name; a household has none',
  });
export type CreateHouseholdInput = z.infer<typeof CreateHouseholdInput>;

/** One row of a household import file; `grid` names the target grid by code or by name under the import root. */
export const HouseholdImportRow = z.object({
  grid: text(100, 1),
  address: text(200, 2),
  doorplateCode: DoorplateCode,
});
export type HouseholdImportRow = z.infer<typeof HouseholdImportRow>;

export const ImportRowError = z.object({ row: z.number().int(), field: Shown, message: Shown });
export const HouseholdImportResult = z.object({
  imported: z.number().int(),
  failed: z.number().int(),
  errors: z.array(ImportRowError),
});
export type HouseholdImportResult = z.infer<typeof HouseholdImportResult>;

/** One unit on the way from the caller's scope root down to a unit (breadcrumb). */
export const UnitAncestor = z.object({
  id: z.uuid(),
  /** 名称 */ name: Shown,
  kind: z.enum(UNIT_KINDS),
});

/** A unit with the path down to it. */
export const UnitDetail = UnitView.extend({ /** From the top down. */ ancestors: z.array(UnitAncestor) });
export type UnitDetail = z.infer<typeof UnitDetail>;

/** `GET /households/export`: what to export, in which format, and why (the reason is audited). */
export const HouseholdExportQuery = z
  .object({
    /** The unit whose subtree is exported. */ unitId: Id,
    /** File format. */ format: z.enum(['csv', 'xlsx']).default('csv'),
    /** 导出事由 */ reason: text(200, 2),
  })
  .strict();
export type HouseholdExportQuery = z.infer<typeof HouseholdExportQuery>;

/** `POST /households/import`: the unit the file's grids are looked up under. */
export const HouseholdImportQuery = z.object({ /** Import root. */ unitId: Id }).strict();

/** The public address a doorplate's QR code opens. */
export const DoorplateLink = z.object({ /** Full URL with the doorplate token. */ url: Shown });
export type DoorplateLink = z.infer<typeof DoorplateLink>;

/** `GET /households/:id/doorplate.:format`: the QR code of one household. */
export const DoorplateQrParams = z
  .object({ /** The household. */ id: Id, /** Image format. */ format: z.enum(['svg', 'png']) })
  .strict();

/** `GET /units/:id/doorplates.pdf`: printing every plate of a subtree is audited with its reason. */
export const DoorplateSheetQuery = z.object({ /** 打印事由 */ reason: text(200, 2) }).strict();
