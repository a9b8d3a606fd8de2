/**
 * Error codes, their HTTP status and their zh/en messages. The server throws
 * `AppError(code, params)`; the one error handler turns it into
 * `{ error: { code, message, details } }` in the caller's language.
 */

import { DISPUTE_STATUS_LABELS, DISPUTE_STEP_LABELS, type DisputeStatus, type DisputeStep } from './domain/disputes.js';
import { MATTER_CHANNEL_SPECS, MATTER_STATUS_LABELS, type MatterChannel, type MatterStatus } from './domain/matters.js';
import {
  WARNING_ACTION_LABELS,
  WARNING_STATUS_LABELS,
  type WarningAction,
  type WarningStatus,
} from './domain/warnings.js';
import type { Label, Locale } from './i18n.js';
import {
  VOLUNTEER_STATE_LABELS,
  VOLUNTEER_TASK_ACTION_LABELS,
  VOLUNTEER_TASK_STATUS_LABELS,
  type VolunteerState,
  type VolunteerTaskAction,
  type VolunteerTaskStatus,
} from './schemas/alliance.js';
import { SESSION_STAGE_LABELS, type SessionStage } from './schemas/auth.js';

export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  PASSWORD_POLICY: 400,
  ROLE_SEPARATION: 400,
  IMPORT_FILE_INVALID: 400,
  INVALID_PARENT: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  TOTP_INVALID: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  STAGE_REQUIRED: 403,
  ADDRESS_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  USERNAME_TAKEN: 409,
  INVALID_TRANSITION: 409,
  HAS_CHILDREN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  SIGN_IN_THROTTLED: 429,
  TOO_FREQUENT: 429,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  IDEMPOTENCY_MISMATCH: 422,
  PHONE_CODE_INVALID: 400,
  PHOTOS_UNAVAILABLE: 400,
  PHOTO_UNREADABLE: 415,
  PHONE_SESSION_REQUIRED: 401,
  MATTER_CLOSED: 409,
  NOTHING_TO_CHASE: 409,
  EXTERNAL_NO_TAKEN: 409,
  PRIVACY_REQUEST_OPEN: 409,
  PRIVACY_DELETED: 409,
  PRIVACY_ANSWERED: 409,
  PRIVACY_MATTER_OPEN: 409,
  GRANT_PERIOD: 400,
  EVALUATION_ANSWERED: 409,
  EVALUATION_EXPIRED: 410,
  EVALUATION_BY_STAFF: 403,
  REVIEW_CALLBACK_BY_RATED: 409,
  REVIEW_NO_CALLBACK: 409,
  REVIEW_CLOSED: 409,
  ANSWER_ACCEPTED: 409,
  ANSWER_NOT_FLAGGED: 409,
  NOT_A_DISPUTE_MATTER: 409,
  DISPUTE_EXISTS: 409,
  DISPUTE_MATTER_NOT_ACCEPTED: 409,
  DISPUTE_NO_CHANNEL: 409,
  DISPUTE_STEP_NOT_ALLOWED: 409,
  DISPUTE_SESSION_LIMIT: 409,
  DISPUTE_SESSION_OPEN: 409,
  DISPUTE_SESSION_HELD: 409,
  DISPUTE_GUARDIAN_MISSING: 409,
  DISPUTE_DUTY_PERFORMED: 409,
  DISPUTE_SESSION_NO_AGREEMENT: 409,
  DISPUTE_TRANSFER_OPEN: 409,
  DISPUTE_TRANSFER_ANSWERED: 409,
  DISPUTE_TRANSFER_NOT_ACCEPTED: 409,
  DISPUTE_FOLLOW_UP_DONE: 409,
  DISPUTE_CLOSE_REFUSED: 409,
  DISPUTE_CLOSED: 409,
  REPORT_PUBLISHED: 409,
  BEAT_NAME_TAKEN: 409,
  BEAT_CODE_TAKEN: 409,
  VISIT_ALREADY_RAISED: 409,
  ENTRY_TOO_OLD: 409,
  HAZARD_VERIFY_OWN_FIX: 409,
  VOLUNTEER_PHONE_TAKEN: 409,
  VOLUNTEER_STATE: 409,
  VOLUNTEER_TASK_VOLUNTEER_STATE: 409,
  VOLUNTEER_TASK_OUT_OF_SCOPE: 422,
  VOLUNTEER_TASK_MATTER_FOREIGN: 422,
  VOLUNTEER_TASK_STATUS: 409,
  RESPONSIBILITY_ROLE_HELD: 409,
  RESPONSIBILITY_HELD: 409,
  HOUSEHOLD_GROUPED: 409,
  HOUSEHOLD_GROUP_NAME_TAKEN: 409,
  PATROL_TEAM_NAME_TAKEN: 409,
  PATROL_POINT_CODE_TAKEN: 409,
  PATROL_ROUTE_NAME_TAKEN: 409,
  PATROL_SESSION_OPEN: 409,
  PATROL_NO_SESSION: 409,
  PATROL_SESSION_ENDED: 409,
  PATROL_POINT_FOREIGN: 409,
  PATROL_ALREADY_CHECKED: 409,
  PATROL_SCAN_TIME: 400,
  PATROL_NOT_MEMBER: 403,
  PATROL_NOT_STARTER: 403,
  ROOM_NOT_HOST: 403,
  ROOM_NOT_MEMBER: 403,
  ROOM_CLOSED: 409,
  ROOM_MUTED: 409,
  ROOM_REMOVED: 403,
  ROOM_HOST_FOREIGN: 422,
  ROOM_MENTION_NOT_HOST: 422,
  ROOM_POST_STATUS: 409,
  ROOM_POST_HAS_MATTER: 409,
  ROOM_NICKNAME_TAKEN: 409,
  ROOM_POST_KIND: 409,
  ROOM_ITEM_CLOSED: 409,
  ROOM_TOPIC_CLOSED: 409,
  ROOM_ALREADY_VOTED: 409,
  ROOM_VOTE_OPTION: 422,
  ROOM_REPORT_OWN: 422,
  WARNING_STATUS: 409,
  WARNING_REVIEW_OWN: 409,
  WARNING_REVIEW_REQUIRED: 409,
  WARNING_TARGET_FOREIGN: 422,
  WARNING_SMS_CAP: 409,
  UPSTREAM_KEY_INVALID: 401,
  UPSTREAM_ADDRESS_NOT_ALLOWED: 403,
  UPSTREAM_REPLAY_MISMATCH: 422,
  FRAUD_UNROUTABLE: 422,
  FRAUD_VERIFIED: 409,
  FRAUD_NOT_HANDLER: 403,
  FRAUD_PURGED: 409,
  SMS_UNAVAILABLE: 503,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

type Templates = Record<ErrorCode, string>;

const zh: Templates = {
  VALIDATION: '输入有误：{detail}',
  BAD_REQUEST: '请求格式有误：{detail}',
  PASSWORD_POLICY: '密码不符合要求：{detail}',
  ROLE_SEPARATION: '三员分立：一个账号不能同时担任系统管理员、安全管理员、审计管理员中的两个角色',
  IMPORT_FILE_INVALID: '导入文件无法读取：{detail}',
  INVALID_PARENT: '“{child}”不能放在“{parent}”下面',
  UNAUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  SESSION_EXPIRED: '登录已超时，请重新登录',
  TOTP_INVALID: '动态验证码不正确或已使用，请输入验证器上最新的 6 位数字',
  FORBIDDEN: '您没有执行此操作的权限',
  CSRF: '请求来源校验失败，请刷新页面后重试',
  STAGE_REQUIRED: '请先完成：{stage}',
  ADDRESS_NOT_ALLOWED: '管理员账号只能从授权的管理终端登录',
  NOT_FOUND: '未找到{what}',
  METHOD_NOT_ALLOWED: '不支持该操作',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  USERNAME_TAKEN: '用户名“{username}”已被使用',
  INVALID_TRANSITION: '当前状态“{from}”不能变为“{to}”',
  HAS_CHILDREN: '该节点下还有下级或门牌，不能删除',
  PAYLOAD_TOO_LARGE: '提交的内容太大（上限 {limit}）',
  UNSUPPORTED_MEDIA: '不支持的文件类型：{detail}',
  ACCOUNT_LOCKED: '连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试或联系安全管理员',
  RATE_LIMITED: '提交太频繁了，请稍后再试；如有急事请拨打 110',
  SIGN_IN_THROTTLED: '该网络地址登录失败次数过多，请 {minutes} 分钟后再试',
  TOO_FREQUENT: '操作太频繁了，请稍后再试',
  IDEMPOTENCY_KEY_REQUIRED: '请求缺少 Idempotency-Key（防重复提交编号），请刷新页面后重试',
  IDEMPOTENCY_MISMATCH: '这个提交编号已用于另一份内容，请刷新页面后重新提交',
  PHONE_CODE_INVALID: '验证码不正确或已过期，请重新获取',
  PHOTOS_UNAVAILABLE: '有照片已失效（上传超过一天未提交），请删掉后重新添加',
  PHOTO_UNREADABLE: '无法识别这张照片：请选用手机拍的 JPEG、PNG 或 WebP 图片',
  PHONE_SESSION_REQUIRED: '请先验证手机号码',
  MATTER_CLOSED: '该事项已结束，如有新情况请重新提交',
  NOTHING_TO_CHASE: '这件事项目前没有派给任何人，无需催办；请先派单',
  EXTERNAL_NO_TAKEN: '{noun} {externalNo} 已经登记过{existing}，请勿重复登记',
  PRIVACY_REQUEST_OPEN: '已有一项删除申请正在办理，请等待派出所答复',
  PRIVACY_DELETED: '该事项的个人信息已应群众要求删除，不能再更改',
  PRIVACY_ANSWERED: '该申请已经答复过了，请刷新后查看',
  PRIVACY_MATTER_OPEN: '事项尚未办结（关闭、无效或合并），暂不能删除；可先答复不予删除并说明原因',
  GRANT_PERIOD: '临时授权的截止时间须晚于现在，且不超过 {days} 天',
  EVALUATION_ANSWERED: '这次评价已经提交过了，感谢您的参与',
  EVALUATION_EXPIRED: '这次评价已过期，不能再提交；如有意见可以联系派出所',
  EVALUATION_BY_STAFF: '工作人员不能代群众评价，请退出工作账号后由群众本人评价',
  REVIEW_CALLBACK_BY_RATED: '回访不能由被评价的本人承担，请另选一名本所工作人员',
  REVIEW_NO_CALLBACK: '请先指定回访人，再登记回访结果',
  REVIEW_CLOSED: '这条复核已经回访完毕，不能再更改',
  ANSWER_ACCEPTED: '这条评价已经确认计入，无需再次确认',
  ANSWER_NOT_FLAGGED: '这条评价没有被标记，本来就计入统计',
  NOT_A_DISPUTE_MATTER: '只有“矛盾纠纷”类事项可以转为矛盾纠纷案件',
  DISPUTE_EXISTS: '该事项已经转为矛盾纠纷案件 {number}，请勿重复转案',
  DISPUTE_MATTER_NOT_ACCEPTED: '请先受理该事项（定下类别和紧急程度），再转为矛盾纠纷案件',
  DISPUTE_STEP_NOT_ALLOWED: '案件现在是“{status}”，不能{step}',
  DISPUTE_NO_CHANNEL: '请先选定分流化解渠道（治安调解、人民调解等），再安排调解',
  DISPUTE_SESSION_LIMIT:
    '治安调解最多 {max} 次，已经调解 {held} 次：请转其他渠道，或登记调解未成并告知当事人可依法起诉',
  DISPUTE_SESSION_OPEN: '已有一次调解尚未记录结果，请先登记那次调解',
  DISPUTE_SESSION_HELD: '这次调解已经登记了结果，不能再改',
  DISPUTE_GUARDIAN_MISSING: '当事人 {party} 未满 {age} 周岁，其监护人必须到场：请先登记监护人并勾选其到场',
  DISPUTE_DUTY_PERFORMED: '该履行事项已登记为履行',
  DISPUTE_SESSION_NO_AGREEMENT: '没有达成（或部分达成）协议的调解，也没有移交部门的调处，不能制作调解协议书',
  DISPUTE_TRANSFER_OPEN: '该案件已移交给 {department}，尚未办结',
  DISPUTE_TRANSFER_ANSWERED: '该移交已经答复过，请刷新后查看',
  DISPUTE_TRANSFER_NOT_ACCEPTED: '请先接收该移交，再登记进展或办理结果',
  DISPUTE_FOLLOW_UP_DONE: '该回访已经登记',
  DISPUTE_CLOSE_REFUSED: '三个不放：{missing}，不能结案',
  DISPUTE_CLOSED: '该案件已结案',
  REPORT_PUBLISHED: '该报告已发布，不能再修改',
  BEAT_NAME_TAKEN: '本所已有名为“{name}”的警务区',
  BEAT_CODE_TAKEN: '本所已有编号为“{code}”的警务区',
  VISIT_ALREADY_RAISED: '这次走访已转为{what}，不能重复登记',
  HAZARD_VERIFY_OWN_FIX: '整改须由责任人和整改上报人以外的人复核',
  VOLUNTEER_PHONE_TAKEN: '这个手机号已经申请过平安志愿者，请等待派出所审核或直接登录',
  VOLUNTEER_STATE: '该志愿者当前为“{state}”，不能这样操作',
  VOLUNTEER_TASK_VOLUNTEER_STATE: '志愿者{name}当前为“{state}”，不能接收任务',
  VOLUNTEER_TASK_OUT_OF_SCOPE: '{place}不在志愿者{name}服务的{unit}内，请派给当地的志愿者',
  VOLUNTEER_TASK_MATTER_FOREIGN: '该事项不属于志愿者所在的{station}，不能派该志愿者协助',
  VOLUNTEER_TASK_STATUS: '该任务当前为“{status}”，不能{action}',
  RESPONSIBILITY_ROLE_HELD: '角色“{role}”还有 {count} 位担任者，请先移除他们再删除该角色',
  RESPONSIBILITY_HELD: '{name}已是{unit}的{role}',
  HOUSEHOLD_GROUPED: '{address}已在“{group}”中，一户只能加入一个联防组',
  HOUSEHOLD_GROUP_NAME_TAKEN: '本网格已有名为“{name}”的联防组',
  ENTRY_TOO_OLD: '这条离线记录在手机上保存已超过 {days} 天，无法确认是否已经提交过，请核对后重新登记',
  PATROL_TEAM_NAME_TAKEN: '本所已有名为“{name}”的巡逻队',
  PATROL_POINT_CODE_TAKEN: '本所已有编号为“{code}”的必到点',
  PATROL_ROUTE_NAME_TAKEN: '本所已有名为“{name}”的必巡线',
  PATROL_SESSION_OPEN: '您已有一次巡逻正在进行，请先结束它',
  PATROL_NO_SESSION: '请先开始巡逻，再扫必到点二维码打卡',
  PATROL_SESSION_ENDED: '本次巡逻已结束，不能再打卡',
  PATROL_POINT_FOREIGN: '该二维码是{station}的必到点，不属于本次巡逻所在的派出所，不能打卡',
  PATROL_ALREADY_CHECKED: '本次巡逻已在该点打卡',
  PATROL_SCAN_TIME: '打卡时间{reason}',
  PATROL_NOT_MEMBER: '您不是该巡逻队的队员：平安志愿者只能开始和参加自己所在巡逻队的巡逻',
  PATROL_NOT_STARTER: '只有本次巡逻的发起人或所长可以上报本次巡逻发现的问题',
  ROOM_NOT_HOST: '您不是“{room}”的群主或管理员，不能在该群{action}',
  ROOM_NOT_MEMBER: '请先加入“{room}”再发言',
  ROOM_CLOSED: '“{room}”已关闭，不能再发言或加入',
  ROOM_MUTED: '您在“{room}”被禁言，还剩 {minutes} 分钟（原因：{reason}）',
  ROOM_REMOVED: '您已被移出“{room}”，{until}前不能再加入（原因：{reason}）',
  ROOM_HOST_FOREIGN: '{name}不是本所的民警、辅警或网格员，不能担任群主或管理员',
  ROOM_MENTION_NOT_HOST: '只能 @ 本群的群主或管理员',
  ROOM_POST_STATUS: '这条发言当前为“{status}”，不能{action}',
  ROOM_POST_HAS_MATTER: '这条发言已转为事项 {number}',
  ROOM_NICKNAME_TAKEN: '本群已有人使用昵称“{nickname}”，请换一个',
  ROOM_POST_KIND: '这条发言不是{kind}，不能{action}',
  ROOM_ITEM_CLOSED: '这条启事已标记为“{closedAs}”',
  ROOM_TOPIC_CLOSED: '这个议题已结束投票',
  ROOM_ALREADY_VOTED: '您已经投过票了（{option}），每人只能投一次',
  ROOM_VOTE_OPTION: '这个议题没有第 {option} 个选项',
  ROOM_REPORT_OWN: '不能举报自己的发言',
  WARNING_STATUS: '该预警当前为“{status}”，不能{action}',
  WARNING_REVIEW_OWN: '紧急预警须由另一位所长审核，不能审核自己起草的预警',
  WARNING_REVIEW_REQUIRED: '紧急预警须先提交所长审核，审核通过后发布',
  WARNING_TARGET_FOREIGN: '发布范围超出了本所辖区或您的权限：{detail}',
  WARNING_SMS_CAP: '今日短信已达上限（{cap} 条），请明日再发或不发短信',
  UPSTREAM_KEY_INVALID: '接入密钥无效或已停用',
  UPSTREAM_ADDRESS_NOT_ALLOWED: '请求来源地址不在该接入方的允许列表中',
  UPSTREAM_REPLAY_MISMATCH: '预警指令 {externalId} 已接收过，但这次的内容不同；如需更正请使用新的编号',
  FRAUD_UNROUTABLE: '无法确定该指令属于哪个派出所：请提供门牌编号、可匹配的地址或派出所代码',
  FRAUD_VERIFIED: '该预警指令已核查，结果不能再修改',
  FRAUD_NOT_HANDLER: '该预警指令不由您处置',
  FRAUD_PURGED: '该预警指令的个人信息已按保存期限删除',
  SMS_UNAVAILABLE: '短信暂时发送失败，请稍后再试；也可以不填手机号直接提交',
  INTERNAL: '系统内部错误，请稍后再试（编号 {requestId}）',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
};

const en: Templates = {
  VALIDATION: 'Invalid input: {detail}',
  BAD_REQUEST: 'Malformed request: {detail}',
  PASSWORD_POLICY: 'The password does not meet the policy: {detail}',
  ROLE_SEPARATION:
    'Separation of duties: one account cannot hold two of system administrator, security administrator and auditor',
  IMPORT_FILE_INVALID: 'The import file cannot be read: {detail}',
  INVALID_PARENT: 'A "{child}" cannot be placed under a "{parent}"',
  UNAUTHENTICATED: 'Please sign in first',
  INVALID_CREDENTIALS: 'Wrong username or password',
  SESSION_EXPIRED: 'Your session has expired; please sign in again',
  TOTP_INVALID: 'The one-time code is wrong or already used; enter the latest 6 digits from your authenticator',
  FORBIDDEN: 'You are not allowed to do this',
  CSRF: 'Request origin check failed; reload the page and try again',
  STAGE_REQUIRED: 'Please complete this step first: {stage}',
  ADDRESS_NOT_ALLOWED: 'Administrator accounts may sign in only from authorised management terminals',
  NOT_FOUND: '{what} not found',
  METHOD_NOT_ALLOWED: 'This operation is not supported',
  CONFLICT: 'Someone else changed this record; reload and try again',
  USERNAME_TAKEN: 'The username "{username}" is already taken',
  INVALID_TRANSITION: 'The status "{from}" cannot change to "{to}"',
  HAS_CHILDREN: 'This node still has children or households and cannot be deleted',
  PAYLOAD_TOO_LARGE: 'The request is too large (limit {limit})',
  UNSUPPORTED_MEDIA: 'Unsupported file type: {detail}',
  ACCOUNT_LOCKED:
    'Too many failed sign-ins; the account is locked for {minutes} minutes or until a security administrator unlocks it',
  RATE_LIMITED: 'Too many submissions; please try again later, and call 110 if it is urgent',
  SIGN_IN_THROTTLED: 'Too many failed sign-ins from this network address; try again in {minutes} minutes',
  TOO_FREQUENT: 'Too many requests; please try again shortly',
  IDEMPOTENCY_KEY_REQUIRED: 'The request needs an Idempotency-Key; reload the page and try again',
  IDEMPOTENCY_MISMATCH: 'This submission key was already used for different content; reload the page and submit again',
  PHONE_CODE_INVALID: 'The code is wrong or has expired; ask for a new one',
  PHOTOS_UNAVAILABLE:
    'Some photos have expired (uploaded over a day ago and never sent); remove them and add them again',
  PHOTO_UNREADABLE: 'This photo cannot be read: choose a JPEG, PNG or WebP picture',
  PHONE_SESSION_REQUIRED: 'Please verify your phone number first',
  MATTER_CLOSED: 'This matter is closed; please submit a new one if something has changed',
  NOTHING_TO_CHASE: 'Nobody holds this matter yet, so there is no one to chase; dispatch it first',
  EXTERNAL_NO_TAKEN: 'The {noun} {externalNo} is already recorded{existing}; it cannot be recorded twice',
  PRIVACY_REQUEST_OPEN: 'A deletion request is already waiting for the station’s answer',
  PRIVACY_DELETED:
    'The personal information of this matter was deleted at the resident’s request; it cannot be changed',
  PRIVACY_ANSWERED: 'This request was already answered; reload to see the answer',
  PRIVACY_MATTER_OPEN:
    'The matter is not finished (closed, invalid or merged), so it cannot be deleted yet; you may refuse with a reason',
  GRANT_PERIOD: 'A scope grant must end after now and within {days} days',
  EVALUATION_ANSWERED: 'This evaluation was already given; thank you',
  EVALUATION_EXPIRED: 'This evaluation has expired and can no longer be given; you may contact the station',
  EVALUATION_BY_STAFF: 'Staff cannot evaluate on a resident’s behalf; sign out and let the resident answer',
  REVIEW_CALLBACK_BY_RATED: 'The person rated cannot make the callback; choose another member of the station',
  REVIEW_NO_CALLBACK: 'Assign someone to call back before recording the outcome',
  REVIEW_CLOSED: 'This review has been called back and closed; it cannot change',
  ANSWER_ACCEPTED: 'This answer has already been accepted into the figures',
  ANSWER_NOT_FLAGGED: 'This answer was not flagged; it already counts in the figures',
  NOT_A_DISPUTE_MATTER: 'Only a matter of kind dispute can be opened as a dispute case',
  DISPUTE_EXISTS: 'This matter is already dispute case {number}; it cannot be opened twice',
  DISPUTE_MATTER_NOT_ACCEPTED: 'Accept the matter first (kind and urgency), then open it as a dispute case',
  DISPUTE_STEP_NOT_ALLOWED: 'The case is "{status}" and cannot {step} now',
  DISPUTE_NO_CHANNEL: 'Choose the mediation channel first, then plan a session',
  DISPUTE_SESSION_LIMIT:
    'Police mediation allows at most {max} sessions and {held} were held: choose another channel, or record it as not settled',
  DISPUTE_SESSION_OPEN: 'A planned session has no result yet; record it first',
  DISPUTE_SESSION_HELD: 'This session already has its result; it cannot change',
  DISPUTE_GUARDIAN_MISSING:
    'Party {party} is under {age}: their guardian must attend (add the guardian and mark them present)',
  DISPUTE_DUTY_PERFORMED: 'This duty is already recorded as performed',
  DISPUTE_SESSION_NO_AGREEMENT:
    'No session reached an agreement (nor a partial one) and no department mediated it: there is no agreement to record',
  DISPUTE_TRANSFER_OPEN: 'The case is with {department} and not done yet',
  DISPUTE_TRANSFER_ANSWERED: 'This transfer was already answered; reload to see it',
  DISPUTE_TRANSFER_NOT_ACCEPTED: 'Accept the transfer first, then record its progress or result',
  DISPUTE_FOLLOW_UP_DONE: 'This follow-up is already recorded',
  DISPUTE_CLOSE_REFUSED: 'Not yet: {missing}; the case cannot close',
  DISPUTE_CLOSED: 'This case is closed',
  REPORT_PUBLISHED: 'This report is published and cannot change',
  BEAT_NAME_TAKEN: 'The station already has a beat named "{name}"',
  BEAT_CODE_TAKEN: 'The station already has a beat with the code "{code}"',
  VISIT_ALREADY_RAISED: 'This visit already raised a {what}',
  HAZARD_VERIFY_OWN_FIX: 'The fix must be verified by someone other than its owner and whoever reported it',
  VOLUNTEER_PHONE_TAKEN: 'This phone has applied already: wait for the station, or sign in',
  VOLUNTEER_STATE: 'The volunteer is {state}: not possible now',
  VOLUNTEER_TASK_VOLUNTEER_STATE: 'Volunteer {name} is {state} and cannot receive tasks',
  VOLUNTEER_TASK_OUT_OF_SCOPE:
    '{place} is outside {unit}, where volunteer {name} serves: send a volunteer of that place',
  VOLUNTEER_TASK_MATTER_FOREIGN: 'The matter is not of {station}, the volunteer’s station',
  VOLUNTEER_TASK_STATUS: 'The task is {status}: cannot {action} it',
  RESPONSIBILITY_ROLE_HELD: '"{role}" is still held by {count}; remove the holders first',
  RESPONSIBILITY_HELD: '{name} already holds {role} in {unit}',
  HOUSEHOLD_GROUPED: '{address} is already in "{group}"; a household joins one group only',
  HOUSEHOLD_GROUP_NAME_TAKEN: 'The grid already has a group named "{name}"',
  ENTRY_TOO_OLD:
    'This offline entry was kept on the phone for more than {days} days; it may have been sent already: check and record it again',
  PATROL_TEAM_NAME_TAKEN: 'The station already has a patrol team named "{name}"',
  PATROL_POINT_CODE_TAKEN: 'The station already has a patrol point with the code "{code}"',
  PATROL_ROUTE_NAME_TAKEN: 'The station already has a patrol route named "{name}"',
  PATROL_SESSION_OPEN: 'You already have a patrol under way; end it first',
  PATROL_NO_SESSION: 'Start a patrol first, then scan the points',
  PATROL_SESSION_ENDED: 'This patrol has ended; no more check-ins',
  PATROL_POINT_FOREIGN: 'This code is a patrol point of {station}, not of this patrol’s station; no check-in',
  PATROL_ALREADY_CHECKED: 'This patrol has already checked in at this point',
  PATROL_SCAN_TIME: 'The scan time {reason}',
  PATROL_NOT_MEMBER:
    'You are not a member of this patrol team: a volunteer starts and joins only its own team’s patrols',
  PATROL_NOT_STARTER: 'Only who started this patrol, or the chief, reports what it found',
  ROOM_NOT_HOST: 'You are not a host of "{room}": you cannot {action} there',
  ROOM_NOT_MEMBER: 'Join "{room}" before posting',
  ROOM_CLOSED: '"{room}" is closed: no new posts or members',
  ROOM_MUTED: 'You are muted in "{room}" for {minutes} more minutes (reason: {reason})',
  ROOM_REMOVED: 'You were removed from "{room}" and may join again after {until} (reason: {reason})',
  ROOM_HOST_FOREIGN: '{name} is not an officer, auxiliary or grid worker of the station and cannot host',
  ROOM_MENTION_NOT_HOST: 'You can "@" only the hosts of this room',
  ROOM_POST_STATUS: 'This post is {status}: cannot {action} it',
  ROOM_POST_HAS_MATTER: 'This post is already matter {number}',
  ROOM_NICKNAME_TAKEN: 'Someone in this room already uses the nickname "{nickname}"',
  ROOM_POST_KIND: 'This post is not a {kind}: cannot {action} it',
  ROOM_ITEM_CLOSED: 'This notice is already marked "{closedAs}"',
  ROOM_TOPIC_CLOSED: 'Voting on this topic has ended',
  ROOM_ALREADY_VOTED: 'You already voted ({option}); one vote each',
  ROOM_VOTE_OPTION: 'This topic has no option {option}',
  ROOM_REPORT_OWN: 'You cannot report your own post',
  WARNING_STATUS: 'This warning is "{status}" and cannot be {action}',
  WARNING_REVIEW_OWN: 'An urgent warning is reviewed by another chief, not by its author',
  WARNING_REVIEW_REQUIRED: 'An urgent warning goes out after the chief approves it: submit it for review',
  WARNING_TARGET_FOREIGN: 'The audience lies outside the station or your scope: {detail}',
  WARNING_SMS_CAP: "Today's SMS cap ({cap}) is reached; send tomorrow or without SMS",
  UPSTREAM_KEY_INVALID: 'The API key is not valid or no longer active',
  UPSTREAM_ADDRESS_NOT_ALLOWED: "The request's address is not on this upstream's allow-list",
  UPSTREAM_REPLAY_MISMATCH:
    'Instruction {externalId} was received before with other content; send a correction under a new id',
  FRAUD_UNROUTABLE:
    'No station can be found for this instruction: give a doorplate code, an address we know or a station code',
  FRAUD_VERIFIED: 'This instruction is verified; its result cannot change',
  FRAUD_NOT_HANDLER: 'This instruction is not yours to handle',
  FRAUD_PURGED: "This instruction's personal data was deleted after the retention period",
  SMS_UNAVAILABLE: 'The text message could not be sent; try again later, or submit without a phone number',
  INTERNAL: 'Internal error; please try again later (reference {requestId})',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable; please try again later',
};

const TEMPLATES: Record<Locale, Templates> = { 'zh-CN': zh, en };

/** What was not found: the server names it by code, the message by its label. */
export const ERROR_NOUNS = {
  matter: { zh: '该事项', en: 'Matter' },
  doorplate: { zh: '该门牌码', en: 'Doorplate code' },
  household: { zh: '该门牌', en: 'Household' },
  hazard: { zh: '该隐患', en: 'Hazard' },
  volunteer: { zh: '该志愿者', en: 'Volunteer' },
  volunteer_task: { zh: '该任务', en: 'Task' },
  unit: { zh: '该辖区节点', en: 'Unit' },
  station: { zh: '派出所', en: 'Station' },
  photo: { zh: '该照片', en: 'Photo' },
  contact_phone: { zh: '联系电话', en: 'Phone number' },
  privacy_request: { zh: '该个人信息申请', en: 'Personal-information request' },
  account: { zh: '该账号', en: 'Account' },
  scope_grant: { zh: '该临时授权', en: 'Scope grant' },
  check: { zh: '该双率抽查', en: 'Sample check' },
  evaluation: { zh: '该评价', en: 'Evaluation' },
  evaluation_review: { zh: '该复核', en: 'Review' },
  dispute: { zh: '该矛盾纠纷案件', en: 'Dispute case' },
  dispute_party: { zh: '该当事人', en: 'Party' },
  dispute_session: { zh: '该次调解', en: 'Mediation session' },
  dispute_agreement: { zh: '该调解协议书', en: 'Agreement' },
  dispute_duty: { zh: '该履行事项', en: 'Agreed duty' },
  dispute_transfer: { zh: '该移交', en: 'Transfer' },
  dispute_follow_up: { zh: '该回访', en: 'Follow-up' },
  department: { zh: '该部门', en: 'Department' },
  report: { zh: '该报告', en: 'Report' },
  room: { zh: '该议事厅群', en: 'Room' },
  room_post: { zh: '该发言', en: 'Post' },
  room_member: { zh: '该群成员', en: 'Room member' },
  api: { zh: '该接口', en: 'API' },
  warning: { zh: '该预警', en: 'Warning' },
  warning_reply: { zh: '该留言', en: 'Reply' },
  fraud_instruction: { zh: '该反诈预警指令', en: 'Anti-fraud instruction' },
  upstream: { zh: '该接入方', en: 'Upstream system' },
  media: { zh: '该媒体文件', en: 'Media file' },
} as const satisfies Record<string, Label>;
export type ErrorNoun = keyof typeof ERROR_NOUNS;

/** Fills a message template with its parameters in the caller's language. */
export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, unknown> = {}): string {
  const shown = labelled(code, params, locale);
  return TEMPLATES[locale][code].replace(/\{(\w+)\}/g, (_, key: string) => String(shown[key] ?? ''));
}

/** Identifiers in the parameters read as words: a noun, a status, a sign-in step. */
function labelled(code: ErrorCode, params: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const pick = (l: Label | undefined, fallback: unknown) => (l ? (locale === 'en' ? l.en : l.zh) : fallback);
  switch (code) {
    case 'INVALID_TRANSITION':
      return statusNames(params, locale);
    case 'DISPUTE_STEP_NOT_ALLOWED':
      return {
        ...params,
        status: pick(DISPUTE_STATUS_LABELS[params.status as DisputeStatus], params.status),
        step: pick(DISPUTE_STEP_LABELS[params.step as DisputeStep], params.step),
      };
    case 'NOT_FOUND': {
      const noun = pick(ERROR_NOUNS[params.what as ErrorNoun], params.what ?? '');
      return { ...params, what: params.number ? `${noun} ${params.number}` : noun };
    }
    case 'EXTERNAL_NO_TAKEN':
      return externalNoNames(params, locale);
    case 'STAGE_REQUIRED':
      return { ...params, stage: pick(SESSION_STAGE_LABELS[params.stage as SessionStage], params.stage) };
    case 'WARNING_STATUS':
      return {
        ...params,
        status: pick(WARNING_STATUS_LABELS[params.status as WarningStatus], params.status),
        action: pick(WARNING_ACTION_LABELS[params.action as WarningAction], params.action),
      };
    case 'VOLUNTEER_STATE':
    case 'VOLUNTEER_TASK_VOLUNTEER_STATE':
      return { ...params, state: pick(VOLUNTEER_STATE_LABELS[params.state as VolunteerState], params.state) };
    case 'VOLUNTEER_TASK_STATUS':
      return {
        ...params,
        status: pick(VOLUNTEER_TASK_STATUS_LABELS[params.status as VolunteerTaskStatus], params.status),
        action: pick(VOLUNTEER_TASK_ACTION_LABELS[params.action as VolunteerTaskAction], params.action),
      };
    default:
      return params;
  }
}

/** "警情编号 2026112300017 已经登记过，回执号 JM…": the number is named only to whoever may open that matter. */
function externalNoNames(params: Record<string, unknown>, locale: Locale) {
  const noun = MATTER_CHANNEL_SPECS[params.channel as MatterChannel]?.externalNo;
  const en = locale === 'en';
  const existing = params.number
    ? en
      ? ` as ${params.number}`
      : `，回执号 ${params.number}`
    : en
      ? ' by another station'
      : '（由其他辖区登记）';
  const fallback = en ? '110 or 12345 number' : '警情编号或工单编号';
  return { externalNo: '…', ...params, noun: noun ? (en ? noun.en : noun.zh) : fallback, existing };
}

/** "已提交 cannot become 已派单" reads better than the identifiers; `details` keep the identifiers. */
function statusNames(params: Record<string, unknown>, locale: Locale) {
  const label = (v: unknown) => {
    const l = MATTER_STATUS_LABELS[v as MatterStatus];
    return l ? (locale === 'en' ? l.en : l.zh) : v;
  };
  return { ...params, from: label(params.from), to: label(params.to) } as Record<string, unknown>;
}

/** The body every API error carries. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
