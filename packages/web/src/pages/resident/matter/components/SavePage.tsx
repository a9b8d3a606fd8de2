/**
 * 请保存本页: the link is the resident's only key to the matter, so the page
 * says how to keep it — copy it (with a selectable fallback where the
 * clipboard is refused) and, inside WeChat, 收藏 or 浮窗 from the 「…」 menu.
 */
import { Button, Card, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useLang } from '../../../../i18n';

const inWeChat = () => /MicroMessenger/i.test(navigator.userAgent);

export function SavePage() {
  const { t } = useLang();
  const [fallback, setFallback] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const link = window.location.href;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      Toast.show({ icon: 'success', content: t('链接已复制', 'Link copied') });
    } catch {
      // No clipboard (an old WebView, or plain http on a station's network): the resident copies it by hand.
      setFallback(true);
      setTimeout(() => field.current?.select(), 0);
    }
  };
  return (
    <Card title={t('请保存本页', 'Keep this page')} style={{ margin: 12 }}>
      <div style={{ lineHeight: 1.6 }}>
        {t(
          '这个链接就是您查看进展、留言和评价的凭证，已存入本机“我的事项”。',
          'This link is your key to follow, write about and rate this matter; it is saved under "My matters" on this phone.',
        )}
      </div>
      {inWeChat() ? (
        <ol style={{ margin: '8px 0', paddingLeft: '1.4em', lineHeight: 1.6 }}>
          <li>{t('点右上角「…」', 'Tap 「…」 at the top right')}</li>
          <li>
            {t('选「收藏」，以后在“我 → 收藏”里打开；或选「浮窗」', 'Choose 「收藏」 (Favourites) or 「浮窗」 (Float)')}
          </li>
        </ol>
      ) : (
        <div style={{ margin: '8px 0', lineHeight: 1.6 }}>
          {t('也可以把本页加入浏览器书签。', 'You can also bookmark this page.')}
        </div>
      )}
      <Button block fill="outline" color="primary" onClick={() => void copy()}>
        {t('复制链接', 'Copy the link')}
      </Button>
      {fallback && (
        <div style={{ marginTop: 8 }}>
          <label htmlFor="jm-save-link" className="jm-muted" style={{ display: 'block' }}>
            {t('无法自动复制，请长按下面的链接选择“复制”', 'Could not copy: press and hold the link below to copy it')}
          </label>
          <textarea
            id="jm-save-link"
            ref={field}
            readOnly
            value={link}
            rows={3}
            onFocus={(e) => e.currentTarget.select()}
            style={{ width: '100%', fontSize: 'inherit', border: '1px solid #767676', borderRadius: 6, padding: 6 }}
          />
        </div>
      )}
    </Card>
  );
}
