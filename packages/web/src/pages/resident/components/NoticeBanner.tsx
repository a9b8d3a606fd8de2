/**
 * 紧急提醒 on every resident page: the area's newest urgent notice not yet dealt with, live, right under the 110
 * bar — tap to read it, 我已知晓 on the banner itself when the station asks for it, or 关闭 otherwise. A
 * withdrawn notice leaves at once. Fits a 320 px phone in 长辈模式: the title takes two lines at most.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useLang } from '../../../i18n';
import { receipts } from '../notices/receipts';
import { lastDoorplate } from './lastDoorplate';
import { ALERT_RED } from './residentStyle';
import { urgentDispatch, useNoticeChanges, useUrgentNotices } from './urgentStore';

/** The doorplate on screen (/h/<token>), else the one this phone last scanned. */
function areaToken(pathname: string): string | null {
  const m = /^\/h\/([^/]+)/.exec(pathname);
  if (m?.[1]) {
    try {
      return decodeURIComponent(m[1]);
    } catch {
      return null;
    }
  }
  return lastDoorplate();
}

const DARK_RED = '#8c1d18';
/** Two lines of title; three in 长辈模式, where a line holds fewer characters. */
const BANNER_CSS = `
.jm-urgent-title { overflow: hidden; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; }
.jm-elder .jm-urgent-title { -webkit-line-clamp: 3; }
`;

export function NoticeBanner() {
  const { t } = useLang();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const all = useUrgentNotices(areaToken(pathname));
  // A notice sent or withdrawn live shows in the lists on screen too (平安提醒, 我的提醒, the notice itself).
  const client = useQueryClient();
  const changes = useNoticeChanges();
  useEffect(() => {
    if (changes > 0)
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'notices' || q.queryKey[0] === 'notice' });
  }, [changes, client]);
  const [busy, setBusy] = useState(false);
  // The notice on screen needs no banner above itself.
  const items = all.filter((i) => pathname !== `/notices/${i.id}`);
  const first = items[0];
  if (!first) return null;

  const acknowledge = async () => {
    setBusy(true);
    urgentDispatch({ type: 'acknowledged', id: first.id });
    const ok = await receipts.send(first.id, 'ack');
    setBusy(false);
    Toast.show(
      ok
        ? { icon: 'success', content: t('已知晓，谢谢', 'Acknowledged, thank you') }
        : { content: t('网络不好，已记下，稍后自动发送', 'Saved; it will be sent when the network is back') },
    );
  };

  const button = {
    font: 'inherit',
    fontWeight: 700,
    borderRadius: 6,
    padding: '0 10px',
    whiteSpace: 'nowrap',
  } as const;
  return (
    <section
      role="alert"
      aria-label={t('紧急提醒', 'Urgent notice')}
      style={{
        display: 'flex',
        alignItems: 'center',
        flexWrap: 'wrap',
        gap: 6,
        padding: '6px 8px 6px 12px',
        background: '#fff1f0',
        borderBottom: `3px solid ${ALERT_RED}`,
        color: DARK_RED,
        lineHeight: 1.35,
      }}
    >
      <button
        type="button"
        className="jm-tap"
        onClick={() => navigate(`/notices/${first.id}`)}
        style={{
          flex: '1 1 7em',
          minWidth: 0,
          justifyContent: 'flex-start',
          textAlign: 'left',
          font: 'inherit',
          color: DARK_RED,
          background: 'none',
          border: 'none',
          padding: 0,
        }}
      >
        <span className="jm-urgent-title">
          <strong>{t('紧急提醒：', 'Urgent: ')}</strong>
          {first.title}
          {items.length > 1 && (
            <span className="jm-small">{t(`（还有 ${items.length - 1} 条）`, ` (+${items.length - 1} more)`)}</span>
          )}
          <span className="jm-small" style={{ textDecoration: 'underline', marginLeft: 4 }}>
            {t('点击查看', 'Read')}
          </span>
        </span>
      </button>
      <style>{BANNER_CSS}</style>
      {first.ackRequired ? (
        <button
          type="button"
          className="jm-tap"
          disabled={busy}
          onClick={() => void acknowledge()}
          style={{ ...button, color: '#fff', background: ALERT_RED, border: `1px solid ${ALERT_RED}` }}
        >
          {t('我已知晓', 'Got it')}
        </button>
      ) : (
        <button
          type="button"
          className="jm-tap"
          aria-label={t('关闭这条提醒', 'Close this notice')}
          onClick={() => urgentDispatch({ type: 'closed', id: first.id })}
          style={{ ...button, color: DARK_RED, background: '#fff', border: `1px solid ${DARK_RED}` }}
        >
          {t('关闭', 'Close')}
        </button>
      )}
    </section>
  );
}
