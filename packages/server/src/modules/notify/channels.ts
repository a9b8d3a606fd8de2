/**
 * The channels behind one interface. WeCom and SMS reach a phone through
 * their providers; `log` writes the text to the server log (the default when
 * a member chose nothing); `browser` is not sent from here at all: the
 * delivery job publishes it on the member's own live stream and the console
 * shows it (see deliver.ts).
 */
import {
  type AlertHazard,
  type AlertRoomMention,
  type DeliveryChannel,
  MATTER_KIND_LABELS,
  type MatterKind,
  NOTIFY_REASON_LABELS,
  type NotifyReason,
} from '@jingmin/shared';
import type { AppDeps, Ctx } from '../../platform/context.js';
import { openField } from '../../platform/crypto.js';
import { SmsError } from '../../platform/sms/sms.js';
import { createWecomClient, type WecomClient, WecomError } from '../../platform/wecom/wecom.js';
import type { AlertFraud } from './fraud-alerts.js';
import type { Recipient } from './notify.queries.js';

/** What a message says: why, which matter (its 回执号 and kind) or dispute case (its number), never anyone's words. */
export interface Alert {
  reason: NotifyReason;
  matterId: string | null;
  /** A dispute case's alert: `number` is then the case's number. */
  disputeId?: string | null;
  /** A hazard's alert (隐患逾期): its kind and place. */
  hazard?: AlertHazard | null;
  /** A 议事厅 "@" unanswered in time: the room and whether it reached the desk. */
  roomMention?: AlertRoomMention | null;
  /** An anti-fraud instruction (反诈预警): its number, type and level, never the person. */
  fraud?: AlertFraud | null;
  number: string | null;
  kind: MatterKind | null;
  urgent: boolean;
}

/** A send that did not go out: the provider's code, and whether a later try may pass. */
export class ChannelError extends Error {
  constructor(
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(code);
  }
}

export interface Channel {
  /** Why this channel cannot reach the member at all (`wecom_off`, `no_wecom_user`, `no_phone`), or null. */
  unreachable(to: Recipient): string | null;
  /** Resolves once the provider took the message; throws {@link ChannelError}. */
  send(ctx: Ctx, to: Recipient, alert: Alert): Promise<void>;
}

/** The text a member reads on WeCom and in the log. */
export function alertText(a: Alert): string {
  const reason = NOTIFY_REASON_LABELS[a.reason].zh;
  if (a.reason === 'test') return `【警民】${reason}：您的通知设置有效，事项提醒将这样送达。`;
  if (a.hazard)
    return `【警民】隐患${reason}：${a.hazard.kind}隐患（${a.hazard.place}）已过整改期限，请登录工作台督促整改。`;
  if (a.roomMention)
    return a.roomMention.stage === 'desk'
      ? `【警民】议事厅“${a.roomMention.roomName}”有群众 @ 民警的留言超时未回复，已转值班台，请登录工作台回复。`
      : `【警民】议事厅“${a.roomMention.roomName}”有群众 @ 您的留言未回复，请登录工作台回复。`;
  if (a.fraud)
    return a.reason === 'dispatched'
      ? `【警民】反诈预警指令 ${a.fraud.number}（${a.fraud.type}，${a.fraud.level}）待处置，请立即联系当事人劝阻并登记结果。`
      : `【警民】反诈预警指令 ${a.fraud.number}（${a.fraud.type}，${a.fraud.level}）${reason}仍未核查，请立即登录工作台处置。`;
  if (a.disputeId) return `【警民】${reason}：矛盾纠纷案件 ${a.number ?? ''}，请登录工作台处理。`;
  const kind = a.kind ? MATTER_KIND_LABELS[a.kind].zh : '事项';
  return `【警民】${reason}：回执号 ${a.number ?? ''}（${kind}${a.urgent ? '，紧急' : ''}），请登录工作台处理。`;
}

/** One WeCom client per app, so its token is fetched once and shared by every send. */
const wecomClients = new WeakMap<AppDeps, WecomClient>();

function wecomOf(deps: AppDeps): WecomClient | null {
  const options = deps.config.notify.wecom;
  if (!options) return null;
  let client = wecomClients.get(deps);
  if (!client) {
    client = createWecomClient(options, deps.clock);
    wecomClients.set(deps, client);
  }
  return client;
}

const wecom: Channel = {
  unreachable: (to) => (to.wecomUserId ? null : 'no_wecom_user'),
  async send(ctx, to, alert) {
    const client = wecomOf(ctx.deps);
    if (!client || !to.wecomUserId) throw new ChannelError(client ? 'no_wecom_user' : 'wecom_off', false);
    try {
      await client.sendText(to.wecomUserId, alertText(alert));
    } catch (err) {
      if (err instanceof WecomError) throw new ChannelError(err.code, err.retryable);
      throw new ChannelError('Unexpected', true);
    }
  },
};

const sms: Channel = {
  unreachable: (to) => (to.phoneEnc ? null : 'no_phone'),
  async send(ctx, to, alert) {
    if (!to.phoneEnc) throw new ChannelError('no_phone', false);
    const phone = openField(ctx.deps.keys.data, to.phoneEnc);
    const reason = NOTIFY_REASON_LABELS[alert.reason].zh;
    try {
      // A hazard or a room's "@" has no number: the SMS names its kind (the place stays in the console).
      const number = alert.hazard
        ? `隐患-${alert.hazard.kind}`
        : alert.roomMention
          ? `议事厅@${alert.roomMention.stage === 'desk' ? '转值班台' : '未回复'}`
          : alert.fraud
            ? `反诈${alert.fraud.number}`
            : (alert.number ?? 'TEST');
      await ctx.deps.sms.send({ kind: 'staff_alert', phone, reason, number });
    } catch (err) {
      if (err instanceof SmsError) throw new ChannelError(err.code, err.retryable);
      // A gateway that threw something else: passing trouble until the attempts run out.
      throw new ChannelError('SmsFailed', true);
    }
  },
};

/** Message of the log line; operators grep for it. */
export const LOG_CHANNEL_MESSAGE = '员工通知 (staff notification; no channel chosen, written to log)';

const log: Channel = {
  unreachable: () => null,
  async send(ctx, to, alert) {
    ctx.log.info({ staffId: to.staffId, matterId: alert.matterId, text: alertText(alert) }, LOG_CHANNEL_MESSAGE);
  },
};

/** Published, not sent: the delivery job marks it delivered when it reaches the member's stream. */
const browser: Channel = {
  unreachable: () => null,
  async send() {},
};

/** Whether the deployment can send on `channel` at all. */
export function channelConfigured(deps: AppDeps, channel: DeliveryChannel): boolean {
  return channel !== 'wecom' || deps.config.notify.wecom !== null;
}

export const CHANNELS: Record<DeliveryChannel, Channel> = { wecom, sms, log, browser };

/** Why `channel` cannot reach `to` here, or null when it can. */
export function unreachableReason(deps: AppDeps, channel: DeliveryChannel, to: Recipient): string | null {
  if (!channelConfigured(deps, channel)) return 'wecom_off';
  return CHANNELS[channel].unreachable(to);
}
