/**
 * What a resident tells about a notice, each once per device: 我已知晓 (a big button, when the station asks for it),
 * 谢谢 and 点赞 with everyone's totals. Shown at once; sent in the background and retried until the network lets it.
 */
import type { PublicNotice, WarningReceiptKind } from '@jingmin/shared';
import { Button, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useLang } from '../../../../i18n';
import { urgentDispatch } from '../../components/urgentStore';
import { receipts } from '../receipts';

type Mine = PublicNotice['mine'];

export function NoticeActions({ notice, onSent }: { notice: PublicNotice; onSent(): void }) {
  const { t } = useLang();
  // What this device said on this page, before the server's answer comes back with it.
  const [said, setSaid] = useState<Partial<Mine>>({});
  const mine: Mine = { ...notice.mine, ...said };
  const thanks = notice.thanks + (said.thanks && !notice.mine.thanks ? 1 : 0);
  const likes = notice.likes + (said.like && !notice.mine.like ? 1 : 0);

  const tell = async (kind: Exclude<WarningReceiptKind, 'open'>) => {
    const field = kind === 'ack' ? 'acknowledged' : kind;
    setSaid((s) => ({ ...s, [field]: true }));
    if (kind === 'ack') urgentDispatch({ type: 'acknowledged', id: notice.id });
    const ok = await receipts.send(notice.id, kind);
    if (ok) onSent();
    else if (kind === 'ack')
      Toast.show({ content: t('网络不好，已记下，稍后自动发送', 'Saved; it will be sent when the network is back') });
  };

  if (notice.withdrawn) return null;
  return (
    <div style={{ margin: '0 12px 12px' }}>
      {notice.ackRequired &&
        (mine.acknowledged ? (
          <div
            role="status"
            style={{
              textAlign: 'center',
              padding: 12,
              borderRadius: 8,
              background: '#e8f5ec',
              color: '#1a7f37',
              fontWeight: 700,
              fontSize: '1.15em',
            }}
          >
            {t('已知晓 ✓', 'Acknowledged ✓')}
          </div>
        ) : (
          <>
            <Button block color="danger" size="large" onClick={() => void tell('ack')}>
              {t('我已知晓', 'I have read this')}
            </Button>
            <div className="jm-muted" style={{ textAlign: 'center', marginTop: 4 }}>
              {t(
                '派出所请您看完后点一下，让民警知道您已收到',
                'The station asks you to tap this once you have read it',
              )}
            </div>
          </>
        ))}
      <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
        <Button
          style={{ flex: 1 }}
          color={mine.thanks ? 'success' : 'default'}
          fill="outline"
          aria-pressed={mine.thanks}
          onClick={() => {
            if (!mine.thanks) void tell('thanks');
          }}
        >
          {mine.thanks ? t('已谢谢', 'Thanked') : t('谢谢', 'Thanks')} · {thanks}
        </Button>
        <Button
          style={{ flex: 1 }}
          color={mine.like ? 'success' : 'default'}
          fill="outline"
          aria-pressed={mine.like}
          onClick={() => {
            if (!mine.like) void tell('like');
          }}
        >
          {mine.like ? t('已点赞', 'Liked') : t('点赞', 'Like')} · {likes}
        </Button>
      </div>
    </div>
  );
}
