/**
 * The resident pages' frame: antd-mobile in Chinese, the 110 notice always
 * on top, and the large-text elder mode (适老化) kept on the device.
 */
import { Button, ConfigProvider, NoticeBar, SpinLoading, Switch } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { type ReactNode, useState } from 'react';

const ELDER = 'jm.elder';

export function ResidentShell({ children }: { children: ReactNode }) {
  const [elder, setElder] = useState(() => localStorage.getItem(ELDER) === '1');
  const toggle = (on: boolean) => {
    localStorage.setItem(ELDER, on ? '1' : '0');
    setElder(on);
  };
  return (
    <ConfigProvider locale={zhCN}>
      <div style={{ minHeight: '100vh', background: '#e9ecf1' }}>
        <div
          className={elder ? 'jm-resident jm-elder' : 'jm-resident'}
          style={{ minHeight: '100vh', background: '#f5f6f8', maxWidth: 640, margin: '0 auto' }}
        >
          <div style={{ position: 'sticky', top: 0, zIndex: 10 }}>
            <NoticeBar
              color="error"
              wrap
              content={<strong style={{ fontSize: elder ? 20 : 16 }}>紧急情况请拨打 110 — 本平台不是报警电话</strong>}
              extra={
                <a
                  href="tel:110"
                  style={{
                    color: '#fff',
                    background: '#c0392b',
                    padding: '4px 10px',
                    borderRadius: 4,
                    fontWeight: 600,
                  }}
                >
                  拨打 110
                </a>
              }
            />
          </div>
          <div
            style={{
              display: 'flex',
              justifyContent: 'flex-end',
              alignItems: 'center',
              gap: 8,
              padding: '8px 12px',
              fontSize: elder ? 18 : 14,
            }}
          >
            <span>大字模式</span>
            <Switch checked={elder} onChange={toggle} aria-label="大字模式" />
          </div>
          {children}
          <style>{`
          .jm-resident { --adm-font-size-main: 15px; font-size: 15px; }
          .jm-elder { --adm-font-size-main: 20px; --adm-font-size-9: 20px; --adm-font-size-8: 19px; --adm-font-size-7: 18px; font-size: 20px; }
          .jm-elder .adm-list-item-content-main, .jm-elder .adm-text-area-element, .jm-elder .adm-button { font-size: 20px; }
          .jm-elder .adm-card-header-title { font-size: 22px; }
          .jm-elder .adm-form-item-label, .jm-elder .adm-checkbox-content { font-size: 19px; }
        `}</style>
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
  return (
    <ResidentShell>
      <div style={{ padding: '48px 24px', textAlign: 'center' }}>
        <div style={{ fontSize: '1.25em', fontWeight: 600, marginBottom: 16 }}>{title}</div>
        {onRetry && (
          <Button color="primary" onClick={onRetry}>
            重试
          </Button>
        )}
      </div>
    </ResidentShell>
  );
}
