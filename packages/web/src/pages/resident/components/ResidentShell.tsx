/**
 * The resident pages' frame: antd-mobile in the resident's language (Chinese
 * unless they chose English), the 110 notice always on top, the way to "my
 * matters", the area's urgent notice (NoticeBanner), and 长辈模式 (elder mode:
 * larger text and buttons, 适老化) kept on the device.
 */
import { Button, ConfigProvider, SpinLoading } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import '../../../components/mobileRender';
import { useLang } from '../../../i18n';
import { NoticeBanner } from './NoticeBanner';
import { ALERT_RED, RESIDENT_CSS } from './residentStyle';

const ELDER = 'jm.elder';

const ElderMode = createContext(false);

/** Whether 长辈模式 is on: a few screens show less at once (optional fields folded) to stay short. */
export const useElderMode = () => useContext(ElderMode);

/** The page's title in the browser and in WeChat's 收藏 / 浮窗: names the station and what the page is. */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    if (!title) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}

/** Always on top, two lines at most even in elder mode on a 320 px phone. */
function EmergencyBar() {
  const { t } = useLang();
  return (
    <aside
      aria-label={t('紧急求助', 'Emergency')}
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 10,
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        padding: '6px 12px',
        background: ALERT_RED,
        color: '#fff',
        lineHeight: 1.35,
      }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <strong style={{ display: 'block' }}>{t('紧急情况请拨打 110', 'Emergency? Call 110')}</strong>
        <span className="jm-small">{t('本平台不是报警电话', 'This is not the emergency line')}</span>
      </div>
      <a
        href="tel:110"
        className="jm-tap"
        style={{
          color: ALERT_RED,
          background: '#fff',
          padding: '0 12px',
          borderRadius: 6,
          fontWeight: 700,
          whiteSpace: 'nowrap',
        }}
      >
        {t('拨打 110', 'Call 110')}
      </a>
    </aside>
  );
}

export function ResidentShell({ children }: { children: ReactNode }) {
  const { locale, setLocale, t } = useLang();
  const { pathname } = useLocation();
  const [elder, setElder] = useState(() => localStorage.getItem(ELDER) === '1');
  const toggle = () => {
    localStorage.setItem(ELDER, elder ? '0' : '1');
    setElder(!elder);
  };
  const control = {
    font: 'inherit',
    border: '1px solid #8a9099',
    borderRadius: 6,
    background: '#fff',
    color: '#1f2329',
    padding: '0 10px',
  };
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <div style={{ minHeight: '100vh', background: '#e9ecf1' }}>
        <div
          className={elder ? 'jm-resident jm-elder' : 'jm-resident'}
          style={{ minHeight: '100vh', background: '#f5f6f8', maxWidth: 640, margin: '0 auto' }}
        >
          {/* The 110 bar and, when there is one, the area's urgent notice stay on top together. */}
          <div style={{ position: 'sticky', top: 0, zIndex: 10 }}>
            <EmergencyBar />
            <NoticeBanner />
          </div>
          <nav
            aria-label={t('页面设置', 'Page settings')}
            style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 12px', flexWrap: 'wrap' }}
          >
            {pathname !== '/my' && (
              <Link to="/my" className="jm-tap" style={{ fontWeight: 600, justifyContent: 'flex-start' }}>
                {t('我的事项', 'My matters')}
              </Link>
            )}
            <span style={{ flex: 1 }} />
            <button
              type="button"
              className="jm-tap"
              lang={locale === 'en' ? 'zh-CN' : 'en'}
              onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
              style={control}
            >
              {locale === 'en' ? '中文' : 'EN'}
            </button>
            {/* A button that says its state in words: the colour of a switch alone would not. */}
            <button type="button" className="jm-tap" aria-pressed={elder} onClick={toggle} style={control}>
              {t('长辈模式', 'Large text')}
              <span style={{ marginLeft: 6, fontWeight: 700 }}>{elder ? t('开', 'On') : t('关', 'Off')}</span>
            </button>
          </nav>
          <main>
            <ElderMode.Provider value={elder}>{children}</ElderMode.Provider>
          </main>
          <style>{RESIDENT_CSS}</style>
        </div>
      </div>
    </ConfigProvider>
  );
}

/** While a resident page loads. */
export function ResidentLoading() {
  return (
    <ResidentShell>
      <div style={{ display: 'grid', placeItems: 'center', padding: 48 }}>
        <SpinLoading />
      </div>
    </ResidentShell>
  );
}

/**
 * A page that cannot show its content: an unknown doorplate or link (which
 * must reveal nothing) or a network that failed (which may be retried).
 */
export function ResidentProblem({ title, onRetry }: { title: string; onRetry?: () => void }) {
  const { t } = useLang();
  return (
    <ResidentShell>
      <div style={{ padding: '48px 24px', textAlign: 'center' }}>
        <div style={{ fontSize: '1.25em', fontWeight: 600, marginBottom: 16 }}>{title}</div>
        {onRetry && (
          <Button color="primary" onClick={onRetry}>
            {t('重试', 'Retry')}
          </Button>
        )}
      </div>
    </ResidentShell>
  );
}
