/**
 * What the API docs say about each step on a matter (`POST /matters/:id/<step>`), registered by one
 * helper in matters.routes.ts. The errors every step shares come from the step's guard and inputs
 * (platform/openapi.ts); these are the ones the flow itself answers.
 */
import type { ErrorCode } from '@jingmin/shared';

interface StepDoc {
  summary: string;
  description: string;
  errors: ErrorCode[];
}

/** A status step: the flow may refuse it, and another screen may have changed the matter first. */
const FLOW: ErrorCode[] = ['INVALID_TRANSITION', 'CONFLICT'];
const NOTE = '说明默认仅内部可见，可选择群众可见（noteVisibility）。';

const STEPS = {
  accept: {
    summary: '受理',
    description: '值班台受理群众提交的事项，确定紧急程度（可改类型与分类），首次响应计时到此结束。',
    errors: FLOW,
  },
  invalidate: {
    summary: '不予受理',
    description: '重复、恶意或不属于受理范围的事项不予受理，须写原因；原因默认群众可见。',
    errors: FLOW,
  },
  dispatch: {
    summary: '派单',
    description: `值班台把事项派给一名民警、一个警务队或一个联动部门（三者选一），可改办结时限。${NOTE}`,
    errors: FLOW,
  },
  transfer: {
    summary: '转办',
    description: `承办人把事项转给他人或联动部门；联动部门只能转给其他部门。${NOTE}`,
    errors: FLOW,
  },
  take: { summary: '接单', description: '被派单的民警或部门确认接手，接单计时到此结束。', errors: FLOW },
  return: { summary: '退回', description: `承办人认为派错了，写明原因退回值班台重新派单。${NOTE}`, errors: FLOW },
  resolve: { summary: '办结', description: '承办人写明办结情况（群众可见），群众随后可以评价。', errors: FLOW },
  reopen: {
    summary: '重新办理',
    description: `所长复核后重新办理（如群众不满意），开始新的一轮，上一轮的办结情况与评价作为历史保留。${NOTE}`,
    errors: FLOW,
  },
  close: { summary: '结案', description: '所长复核后结案，事项不再接受留言。', errors: FLOW },
  merge: {
    summary: '合并',
    description: `把重复提交的事项合并到原事项（按回执号或 id），本事项随之结束。${NOTE}`,
    errors: [...FLOW, 'NOT_FOUND'],
  },
  reply: {
    summary: '回复群众',
    description: '给群众的回复（群众可见），可附照片；会实时出现在群众的事项页。',
    errors: ['MATTER_CLOSED', 'PHOTOS_UNAVAILABLE'],
  },
  note: {
    summary: '内部备注',
    description: '只给工作人员看的备注，可附照片；群众的事项页与推送中永远看不到。',
    errors: ['MATTER_CLOSED', 'PHOTOS_UNAVAILABLE'],
  },
  remind: {
    summary: '催办',
    description: '值班台或所长催促承办人（内部），承办人会收到通知；事项尚未派给任何人时无需催办。',
    errors: ['MATTER_CLOSED', 'NOTHING_TO_CHASE'],
  },
} as const satisfies Record<string, StepDoc>;
export type StepPath = keyof typeof STEPS;

/** Each step's docs; whether this account may take it now is the matter's `allowedActions`. */
export const STEP_DOCS = Object.fromEntries(
  Object.entries(STEPS).map(([step, d]) => [
    step,
    { ...d, description: `${d.description}能否执行以事项详情的 allowedActions 为准。` },
  ]),
) as Record<StepPath, StepDoc>;
