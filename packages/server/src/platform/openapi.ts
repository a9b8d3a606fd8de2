/**
 * The API's OpenAPI document (/api/openapi.json) and its browsable docs (/api/docs).
 *
 * A route documents itself in its `schema`:
 *   tags: ['matters']            its area, a key of API_AREAS (shown as "码上办事项 Matters")
 *   summary: '派单'               Chinese, one line
 *   description: '…'             Chinese (English may follow), what it does and for whom
 *   errors: ['INVALID_TRANSITION'] only the codes its own rules throw
 * Everything else about its errors is derived here from the route itself — its
 * guard (`config.public`, `config.capability`, `config.stream`), its method and
 * its inputs — with statuses and texts from shared/errors.ts. The document then
 * carries, per operation, `x-error-codes`, an error response per status and a
 * line listing the codes in the description. openapi.test.ts holds every route to it.
 */
import swagger from '@fastify/swagger';
import { ERROR_STATUS, type ErrorCode, errorMessage } from '@jingmin/shared';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

declare module 'fastify' {
  interface FastifySchema {
    /** Error codes the route's own rules answer, beyond those its guard and inputs imply (see openapi.ts). */
    errors?: readonly ErrorCode[];
  }
}

/** The areas the docs group operations by; a route's `tags` names one of these keys. */
export const API_AREAS = {
  meta: { zh: '系统信息', en: 'Meta', about: '前端启动时读取的公开设置。' },
  auth: { zh: '登录与会话', en: 'Sign-in', about: '工作人员登录、双因素认证、改密码、退出。' },
  staff: { zh: '人员账号', en: 'Staff accounts', about: '系统管理员管账号，安全管理员授角色、解锁、重置双因素。' },
  policies: { zh: '安全策略', en: 'Security policies', about: '密码、会话、登录限制等策略，由安全管理员维护。' },
  audit: { zh: '审计日志', en: 'Audit trail', about: '审计管理员查询审计记录并校验审计链。' },
  jurisdiction: {
    zh: '辖区',
    en: 'Jurisdiction',
    about: '县局、派出所、乡镇、村（社区）、网格的树，警务队与联动部门，网格责任。',
  },
  households: { zh: '门牌户', en: 'Households', about: '门牌户的维护、导入、导出。' },
  doorplates: { zh: '门牌码', en: 'Doorplate codes', about: '门牌二维码、打印页、换码。' },
  matters: { zh: '码上办事项', en: 'Matters', about: '值班台与承办人：列表、统计、每一步办理、留言、实时推送。' },
  desk: { zh: '码上办设置', en: 'Matter settings', about: '各派出所的办理时限、提交限制与承诺。' },
  resident: {
    zh: '群众端',
    en: 'Residents',
    about: '扫门牌码提交、凭查询链接跟进、验证手机号查看“我的事项”。无需账号。',
  },
  privacy: { zh: '个人信息', en: 'Personal data', about: '群众查询、更正、删除个人信息的请求与答复。' },
  notify: {
    zh: '工作通知',
    en: 'Staff notifications',
    about: '工作人员接收派单、催办、超期等通知的渠道与免打扰时段。',
  },
  scope: { zh: '临时授权', en: 'Scope grants', about: '在本辖区内给他人限时的查看权限。' },
  checks: { zh: '双率抽查', en: 'Checks', about: '抽取民警责任区的门牌户，交叉互评知晓率与熟悉率。' },
  evaluations: { zh: '五必评', en: 'Evaluations', about: '群众对各项工作的评价，各所的评价题目。' },
  calendar: { zh: '工作日历', en: 'Working days', about: '法定节假日与调休，计算工作日时限。' },
  disputes: {
    zh: '矛盾纠纷',
    en: 'Disputes',
    about:
      '矛盾纠纷案件：受理（码上办转案、来所、电话、110 移交、摸排）、分类、分级评估、三色、当事人，以及各所的纠纷设置。',
  },
  rooms: {
    zh: '议事厅',
    en: 'Community rooms',
    about: '网上警民议事厅（一警一群）：建群、群主与管理员、入群、发言与“@”、转为事项、管理与审核、规则。',
  },
  field: {
    zh: '警格网格外勤',
    en: 'Field work',
    about: '走访入户（三线合一、走访计划与覆盖率、关爱走访）、巡逻防控（必到点、必巡线、打卡）、隐患台账。',
  },
  warnings: {
    zh: '宣传与预警',
    en: 'Warnings',
    about:
      '预警与宣传：起草、所长审核紧急预警、定时与发布、撤回更正、发布前覆盖预览、送达/查看/已知晓三项统计、扫码覆盖、群众订阅与留言、音视频。',
  },
  fraud: {
    zh: '反诈预警',
    en: 'Anti-fraud',
    about:
      '反诈预警劝阻（快接、快推、快核、快反）：上游平台推送指令（接入密钥、IP 白名单、幂等）、按网格分派责任民警、临期升级、核查劝阻、签名回调反馈、统计与保存期限。',
  },
  dashboards: {
    zh: '监督汇总',
    en: 'Dashboards',
    about:
      '考核指标（按时签收率、按时办结率、满意率、发回重办率、回访率、提级督办，口径与 12345 热线一致）：派出所和县局、上期和去年同期对比，每个数字可下钻到事项列表。',
  },
  reports: {
    zh: '分析报告',
    en: 'Reports',
    about: '按月生成的分析报告（如矛盾纠纷每月综合分析）：草稿、所长点评、发布、档案，导出 PDF 和 XLSX。',
  },
} as const satisfies Record<string, { zh: string; en: string; about: string }>;
export type ApiArea = keyof typeof API_AREAS;

/** The tag an area is shown under: Chinese, then English. */
export const areaTag = (area: ApiArea) => `${API_AREAS[area].zh} ${API_AREAS[area].en}`;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Any route may fail inside: a bug, or the database going away. */
const ALWAYS: ErrorCode[] = ['INTERNAL', 'SERVICE_UNAVAILABLE'];

/** Every code a route can answer: implied by its guard, method and inputs, plus its own `errors`. */
export function routeErrors(route: Pick<RouteOptions, 'method' | 'config' | 'schema'>): ErrorCode[] {
  const schema = (route.schema ?? {}) as FastifySchema;
  const config = route.config ?? {};
  const methods = [route.method].flat().map(String);
  const codes = new Set<ErrorCode>();
  const takesBody = Boolean(schema.body) || Boolean(schema.consumes?.length);
  if (schema.params || schema.querystring || schema.headers || takesBody) codes.add('VALIDATION');
  if (takesBody) for (const c of ['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA'] as const) codes.add(c);
  if (methods.some((m) => UNSAFE.has(m)) || config.stream) codes.add('CSRF');
  if (!config.public) for (const c of ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'STAGE_REQUIRED'] as const) codes.add(c);
  if (config.capability) codes.add('FORBIDDEN');
  if (schema.params) codes.add('NOT_FOUND');
  for (const c of schema.errors ?? []) codes.add(c);
  for (const c of ALWAYS) codes.add(c);
  return [...codes].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b] || a.localeCompare(b));
}

/** "权限" line: who may call the route. */
function accessLine(config: RouteOptions['config']): string {
  if (config?.public) return '权限：公开，无需登录。';
  const cap = config?.capability ? `，并具备能力 \`${config.capability}\`` : '';
  return `权限：需要工作人员登录${cap}。`;
}

/** The message templates' parameters, shown as "…" in the docs. */
const PLACEHOLDERS = Object.fromEntries(
  [
    'detail',
    'what',
    'stage',
    'from',
    'to',
    'limit',
    'minutes',
    'requestId',
    'username',
    'child',
    'parent',
    'days',
    'number',
  ].map((k) => [k, '…']),
);

function errorLines(codes: ErrorCode[]): string {
  const plain = (code: ErrorCode) => errorMessage(code, 'zh-CN', PLACEHOLDERS);
  return codes.map((c) => `- \`${c}\` (${ERROR_STATUS[c]}) ${plain(c)}`).join('\n');
}

/** One error response per status, naming its codes: `{ error: { code, message, details } }`. */
function errorResponses(codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const c of codes) byStatus.set(ERROR_STATUS[c], [...(byStatus.get(ERROR_STATUS[c]) ?? []), c]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: list.join(', '),
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', enum: list },
              message: {
                type: 'string',
                description: '调用者语言（Accept-Language）的说明 / message in the caller’s language',
              },
              details: {},
            },
          },
        },
      },
    ]),
  );
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** The zod transform, then the docs: area tags, access and error codes. */
function transform(input: TransformInput) {
  const out = jsonSchemaTransform(input);
  const route = (input as unknown as { route: RouteOptions }).route;
  const schema = { ...(out.schema as Record<string, unknown>) };
  const codes = routeErrors(route);
  const tags = ((schema.tags as string[] | undefined) ?? []).map((t) => (t in API_AREAS ? areaTag(t as ApiArea) : t));
  const description = [schema.description, accessLine(route.config), `可能的错误 Errors:\n${errorLines(codes)}`]
    .filter(Boolean)
    .join('\n\n');
  delete schema.errors;
  return {
    url: out.url,
    schema: {
      ...schema,
      tags,
      description,
      'x-error-codes': codes,
      response: { ...errorResponses(codes), ...(schema.response as object | undefined) },
    },
  };
}

/** Registers the OpenAPI document; /api/openapi.json and /api/docs are added by the app. */
export async function installOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: '警民 Jingmin API',
        version: '0.1.0',
        description:
          '社区警务服务平台接口。错误一律为 `{ error: { code, message, details } }`，message 使用调用者的语言；' +
          '每个接口列出它可能返回的错误码（`x-error-codes`）。\n\n' +
          'Community-police service platform. Errors: `{ error: { code, message, details } }` in the caller’s ' +
          'language; each operation lists the codes it can answer (`x-error-codes`).',
      },
      tags: (Object.keys(API_AREAS) as ApiArea[]).map((a) => ({ name: areaTag(a), description: API_AREAS[a].about })),
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jm_sid' } } },
    },
    transform: transform as never,
  });
}
