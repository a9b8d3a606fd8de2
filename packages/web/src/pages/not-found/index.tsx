/**
 * An address that is no page of ours: say so in Chinese, and lead each kind
 * of visitor somewhere useful — staff to sign-in, a resident to the doorplate
 * QR code or the link kept when submitting. Plain markup: a resident's phone
 * never downloads the console for it.
 */
import { useLang } from '../../i18n';

const box = { maxWidth: 420, margin: '15vh auto', padding: 24, fontFamily: 'system-ui, sans-serif', lineHeight: 1.6 };

export default function NotFoundPage() {
  const { t } = useLang();
  return (
    <main style={box}>
      <h1 style={{ fontSize: 22, margin: '0 0 12px' }}>{t('页面不存在', 'Page not found')}</h1>
      <p style={{ margin: '0 0 16px', color: '#333' }}>
        {t(
          '群众：请用手机扫描门牌上的二维码，或打开提交事项时保存的链接。',
          'Residents: scan the QR code on your doorplate, or open the link you kept when you submitted.',
        )}
      </p>
      <p style={{ margin: '0 0 16px', color: '#a8071a', fontWeight: 600 }}>
        {t('紧急情况请立即拨打110。', 'In an emergency call 110 now.')}
      </p>
      <a href="/console" style={{ fontSize: 16 }}>
        {t('工作人员登录', 'Staff sign-in')} →
      </a>
    </main>
  );
}
