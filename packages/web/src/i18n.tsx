/**
 * The console's language: zh-CN by default, English on request. Only the
 * preference is kept in the browser (localStorage `jm.lang`), never data.
 */
import type { Locale } from '@jingmin/shared';
import { createContext, type ReactNode, useContext, useState } from 'react';

const KEY = 'jm.lang';

export function storedLocale(): Locale {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
}

interface LangState {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** Picks the string for the current language: t('登录', 'Sign in'). */
  t(zh: string, en: string): string;
  label(l: { zh: string; en: string }): string;
}

const LangContext = createContext<LangState | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [locale, set] = useState<Locale>(storedLocale);
  const value: LangState = {
    locale,
    setLocale(next) {
      localStorage.setItem(KEY, next === 'en' ? 'en' : 'zh-CN');
      set(next);
    },
    t: (zh, en) => (locale === 'en' ? en : zh),
    label: (l) => (locale === 'en' ? l.en : l.zh),
  };
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang outside LangProvider');
  return value;
}
