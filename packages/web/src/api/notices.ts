/**
 * 平安提醒, the residents' side of 宣传与预警: an area's current notices (by the doorplate) and a verified phone's
 * (by its subscription), one notice, receipts (opened / 已知晓 / 谢谢 / 点赞, counted once per device), replies, the
 * phone's subscription, and the live stream of urgent notices for a doorplate's area. No account: the doorplate
 * token, the device id (receipts only) and, when verified, the phone session are all there is.
 */
import type {
  PublicNotice,
  PublicNoticeList,
  SubscriptionInput,
  SubscriptionView,
  WarningReceiptInput,
  WarningReplyInput,
  WarningReplyView,
} from '@jingmin/shared';
import { apiUrl, request, withQuery } from './client';

const phoneHeader = (phoneToken?: string | null): Record<string, string> =>
  phoneToken ? { 'x-phone-token': phoneToken } : {};

export const notices = {
  /** The household's area's current notices, urgent first; `device` lets each say what this device already did. */
  forDoorplate: (token: string, device?: string, phoneToken?: string | null) =>
    request<PublicNoticeList>(
      'GET',
      withQuery(`/public/doorplates/${encodeURIComponent(token)}/notices`, { device }),
      undefined,
      phoneHeader(phoneToken),
    ),
  /** One notice; with a verified phone, its own replies and the station's answers. */
  get: (id: string, device?: string, phoneToken?: string | null) =>
    request<PublicNotice>(
      'GET',
      withQuery(`/public/warnings/${encodeURIComponent(id)}`, { device }),
      undefined,
      phoneHeader(phoneToken),
    ),
  /** The notices of the verified phone's subscription (its area and categories). */
  forPhone: (phoneToken: string, device?: string) =>
    request<PublicNoticeList>('GET', withQuery('/public/phone/notices', { device }), undefined, {
      'x-phone-token': phoneToken,
    }),
  /** Opened / 已知晓 / 谢谢 / 点赞: idempotent by device, so a retry never counts twice. */
  receipt: (id: string, input: WarningReceiptInput) =>
    request<{ counted: boolean }>('POST', `/public/warnings/${encodeURIComponent(id)}/receipts`, input),
  reply: (id: string, input: WarningReplyInput, phoneToken: string) =>
    request<WarningReplyView>('POST', `/public/warnings/${encodeURIComponent(id)}/replies`, input, {
      'x-phone-token': phoneToken,
    }),
  subscription: (phoneToken: string) =>
    request<SubscriptionView>('GET', '/public/phone/warning-subscription', undefined, { 'x-phone-token': phoneToken }),
  subscribe: (phoneToken: string, input: SubscriptionInput) =>
    request<SubscriptionView>('PUT', '/public/phone/warning-subscription', input, { 'x-phone-token': phoneToken }),
  /** 退订: no notices by subscription and no SMS any more. */
  unsubscribe: (phoneToken: string) =>
    request<SubscriptionView>('DELETE', '/public/phone/warning-subscription', undefined, {
      'x-phone-token': phoneToken,
    }),
  /** The live stream (EventSource) of urgent notices and withdrawals for the doorplate's area. */
  streamUrl: (token: string) => apiUrl(`/public/doorplates/${encodeURIComponent(token)}/warning-stream`),
};

/** A photo or media address as the server gave it, made usable as an `<img src>` (an API path gets its prefix). */
export function publicAssetUrl(url: string): string {
  if (/^(https?:)?\/\//.test(url) || url.startsWith('/api/')) return url;
  return url.startsWith('/') ? apiUrl(url) : url;
}
