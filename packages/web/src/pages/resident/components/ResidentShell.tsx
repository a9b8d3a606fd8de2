/**
 * The resident pages' frame: antd-mobile in the resident's language (Chinese
 * unless they chose English), the 110 notice always on top, the way to "my
 * matters", and the large-text elder mode (适老化) kept on the device.
 */
import { Button, ConfigProvider, NoticeBar, SpinLoading, Switch, unstableSetRender } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { type ReactNode, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Link, useLocation } from 'react-router';
import { useLang } from '../../../i18n';

const ELDER = 'jm.elder';

// antd-mobile 5 renders Toast and ImageViewer.show through react-dom's removed
// legacy API; on React 19 they show nothing unless given createRoot.
unstableSetRender((node, container) => {
  const holder = container as Element & { _jmRoot?: Root };
  holder._jmRoot ??= createRoot(container);
  const root = holder._jmRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
  };
});

const CSS = `
.jm-resident { --adm-font-size-main: 15px; font-size: 15px; }
.jm-elder { --adm-font-size-main: 20px; --adm-font-size-9: 20px; --adm-font-size-8: 19px; --adm-font-size-7: 18px; font-size: 20px; }
.jm-elder .adm-list-item-content-main, .jm-elder .adm-text-area-element, .jm-elder .adm-input-element, .jm-elder .adm-button { font-size: 20px; }
.jm-elder .adm-card-header-title { font-size: 22px; }
.jm-elder .adm-form-item-label, .jm-elder .adm-checkbox-content { font-size: 19px; }
.jm-elder .adm-steps { --title-font-size: 20px; --description-font-size: 17px; }
.jm-elder .adm-tag { font-size: 15px; }
`;

export function ResidentShell({ children }: { children: ReactNode }) {
  const { locale, setLocale, t } = useLang();
  const { pathname } = useLocation();
  const [elder, setElder] = useState(() => localStorage.getItem(ELDER) === '1');
  const toggle = (on: boolean) => {
    localStorage.setItem(ELDER, on ? '1' : '0');
    setElder(on);
  };
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <div style={{ minHeight: '100vh', background: '#e9ecf1' }}>
        <div
          className={elder ? 'jm-resident jm-elder' : 'jm-resident'}
          style={{ minHeight: '100vh', background: '#f5f6f8', maxWidth: 640, margin: '0 auto' }}
        >
          <div style={{ position: 'sticky', top: 0, zIndex: 10 }}>
            <NoticeBar
              color="error"
              wrap
              content={
                <strong style={{ fontSize: elder ? 20 : 16 }}>
                  {t(
                    '紧急情况请拨打 110 — 本平台不是报警电话',
                    'Emergency? Call 110 — this platform is not the emergency line',
                  )}
                </strong>
              }
              extra={
                <a
                  href="tel:110"
                  style={{
                    color: '#fff',
                    background: '#c0392b',
                    padding: '4px 10px',
                    borderRadius: 4,
                    fontWeight: 600,
                    whiteSpace: 'nowrap',
                  }}
                >
                  {t('拨打 110', 'Call 110')}
                </a>
              }
            />
          </div>
          <div
            style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '8px 12px', fontSize: elder ? 18 : 14 }}
          >
            {pathname !== '/my' && (
              <Link to="/my" style={{ fontWeight: 600 }}>
                {t('我的事项', 'My matters')}
              </Link>
            )}
            <span style={{ flex: 1 }} />
            <button
              type="button"
              onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
              style={{ border: '1px solid #c5cad1', borderRadius: 4, background: '#fff', padding: '2px 8px' }}
            >
              {locale === 'en' ? '中文' : 'EN'}
            </button>
            <span>{t('大字模式', 'Large text')}</span>
            <Switch checked={elder} onChange={toggle} aria-label={t('大字模式', 'Large text')} />
          </div>
          {children}
          <style>{CSS}</style>
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
