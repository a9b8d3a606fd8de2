/**
 * Browser notifications (浏览器通知) for alerts addressed to this staff member:
 * the server publishes `notify.alert` on the member's own live stream when
 * they chose the browser channel; an open console turns it into a system
 * notification, once the member allowed it with a click (browsers ask only
 * on a user gesture). The text says why and which matter or dispute case, nothing more.
 */
import { labelOf, MATTER_KIND_LABELS, NOTIFY_REASON_LABELS, NOTIFY_REASONS, type NotifyAlert } from '@jingmin/shared';
import { storedLocale } from '../../../i18n';

export type NotifyPermission = NotificationPermission | 'unsupported';

export function notifyPermission(): NotifyPermission {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

/** Asks the browser for permission; call it from a click. */
export async function askNotifyPermission(): Promise<NotifyPermission> {
  if (notifyPermission() === 'unsupported') return 'unsupported';
  return Notification.requestPermission();
}

function parse(data: string): NotifyAlert | null {
  try {
    const v = JSON.parse(data) as Partial<NotifyAlert>;
    return typeof v.reason === 'string' && (NOTIFY_REASONS as readonly string[]).includes(v.reason)
      ? (v as NotifyAlert)
      : null;
  } catch {
    return null;
  }
}

/** Shows the live event's data as a notification, when the member allowed them; otherwise nothing. */
export function showBrowserAlert(data: string) {
  if (notifyPermission() !== 'granted') return;
  const alert = parse(data);
  if (!alert) return;
  const locale = storedLocale();
  const en = locale === 'en';
  const reason = labelOf(NOTIFY_REASON_LABELS[alert.reason], locale);
  const kind = alert.kind && alert.kind in MATTER_KIND_LABELS ? labelOf(MATTER_KIND_LABELS[alert.kind], locale) : '';
  const body =
    alert.reason === 'test'
      ? en
        ? 'Alerts for your matters will reach this browser.'
        : '事项提醒将这样送达此浏览器。'
      : [
          alert.hazard
            ? `${alert.hazard.kind}${en ? ' hazard' : '隐患'} · ${alert.hazard.place}`
            : alert.disputeId
              ? en
                ? 'dispute case'
                : '矛盾纠纷案件'
              : kind,
          alert.urgent ? (en ? 'urgent' : '紧急') : '',
          en ? 'open the console to handle it' : '请在工作台处理',
        ]
          .filter(Boolean)
          .join(' · ');
  const title = `${en ? 'Jingmin' : '警民'} · ${reason}${alert.number ? ` ${alert.number}` : ''}`;
  // One notification per matter and reason, however many console tabs are open.
  const n = new Notification(title, {
    body,
    tag: `jm-${alert.matterId ?? alert.disputeId ?? alert.hazard?.id ?? 'test'}-${alert.reason}`,
    requireInteraction: alert.urgent,
  });
  n.onclick = () => {
    window.focus();
    // A case's alert opens the case; a matter's stays on the page the member is working on.
    if (alert.disputeId) window.location.assign(`/console/disputes/${alert.disputeId}`);
    if (alert.hazard) window.location.assign('/console/hazards');
    n.close();
  };
}
