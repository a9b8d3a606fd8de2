/** Ant Design (and dayjs, for the date pickers) in the console's language. */
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useLang } from '../i18n';

export function AntdRoot({ children }: { children: ReactNode }) {
  const { locale } = useLang();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 6 } }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
