/** Ant Design (and dayjs, for the date pickers) in the console's language. */
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useLang } from '../i18n';

/**
 * Text colours darkened to WCAG AA (4.5:1): antd's secondary grey (#8c8c8c) and
 * error red (#ff4d4f) are about 3:1.
 */
const READABLE = { colorTextTertiary: '#636363', colorTextDescription: '#636363', colorError: '#cf1322' };

/**
 * So is the text of the orange, gold, green, cyan, lime and yellow tags (their
 * `-7` shade on their `-1` background): tags alone take the next darker shade.
 */
const READABLE_TAGS = {
  orange7: '#ad4e00',
  gold7: '#874d00',
  green7: '#237804',
  cyan7: '#006d75',
  lime7: '#3f6600',
  yellow7: '#614700',
  volcano7: '#ad2102',
};

export function AntdRoot({ children }: { children: ReactNode }) {
  const { locale } = useLang();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{
        token: { colorPrimary: '#1d4f91', borderRadius: 6, ...READABLE },
        components: { Tag: READABLE_TAGS },
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
