/** The 中 / EN switch shown on the sign-in page and in the console header. */
import type { Locale } from '@jingmin/shared';
import { Segmented } from 'antd';
import { useLang } from '../i18n';

export function LanguageSwitch() {
  const { locale, setLocale } = useLang();
  return (
    <Segmented
      size="small"
      value={locale}
      onChange={(v) => setLocale(v as Locale)}
      options={[
        { label: '中', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
