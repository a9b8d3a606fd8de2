/**
 * 留言: a question or a word back to the station about a notice, from a verified phone (the same one-time-code
 * flow as everywhere), and this phone's earlier replies with the station's answers. No name is shown to anyone.
 */
import type { WarningReplyView } from '@jingmin/shared';
import { Button, Card, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../../api/client';
import { notices } from '../../../../api/notices';
import { useLang } from '../../../../i18n';
import { PhoneVerify, usePhoneSession } from '../../components/PhoneVerify';
import { shanghaiTime } from '../../matter/components/Progress';

export function NoticeReplies({ noticeId, mine }: { noticeId: string; mine: WarningReplyView[] }) {
  const { t, locale } = useLang();
  const phone = usePhoneSession();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<WarningReplyView[]>([]);
  const all = [...mine, ...sent.filter((s) => !mine.some((m) => m.id === s.id))].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );

  const send = async () => {
    const body = text.trim();
    if (!body || !phone.session) return;
    setBusy(true);
    try {
      const reply = await notices.reply(noticeId, { body }, phone.session.phoneToken);
      setSent((s) => [...s, reply]);
      setText('');
      Toast.show({ icon: 'success', content: t('已发送，派出所会尽快回复', 'Sent; the station will answer') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PHONE_SESSION_REQUIRED') phone.clear();
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('给派出所留言', 'Write to the station')} style={{ margin: 12 }}>
      {all.map((r) => (
        <div key={r.id} style={{ padding: '8px 0', borderBottom: '1px solid #eee' }}>
          <div style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{r.body}</div>
          <div className="jm-muted">
            {t('我的留言', 'My reply')} · {shanghaiTime(r.at, locale)}
          </div>
          {r.answer ? (
            <div style={{ marginTop: 6, padding: '6px 10px', background: '#eef4fb', borderRadius: 6 }}>
              <div style={{ fontWeight: 600 }}>
                {t('派出所回复', 'The station answered')}
                {r.answeredBy ? `（${r.answeredBy}）` : ''}
              </div>
              <div style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{r.answer}</div>
              {r.answeredAt && <div className="jm-muted">{shanghaiTime(r.answeredAt, locale)}</div>}
            </div>
          ) : (
            <div className="jm-muted">{t('等待派出所回复', 'Waiting for an answer')}</div>
          )}
        </div>
      ))}
      {phone.session ? (
        <div style={{ marginTop: 8 }}>
          <div className="jm-field">
            <TextArea
              aria-label={t('留言内容', 'Your message')}
              placeholder={t('有疑问或线索，可以在这里告诉派出所', 'A question or a tip for the station')}
              value={text}
              onChange={setText}
              maxLength={500}
              rows={3}
              autoSize={{ minRows: 3, maxRows: 8 }}
              showCount
            />
          </div>
          <Button
            block
            color="primary"
            style={{ marginTop: 8 }}
            loading={busy}
            disabled={!text.trim()}
            onClick={() => void send()}
          >
            {t('发送留言', 'Send')}
          </Button>
          <div className="jm-muted" style={{ marginTop: 4 }}>
            {t(
              `用手机号 ${phone.session.phoneMasked} 发送，回复会显示在这里`,
              `Sent with ${phone.session.phoneMasked}; the answer will show here`,
            )}
          </div>
        </div>
      ) : (
        <>
          <div className="jm-muted">
            {t(
              '留言前请先验证手机号，派出所的回复会显示在这里',
              'Verify your phone number to write; the answer will show here',
            )}
          </div>
          <PhoneVerify onVerified={phone.save} />
        </>
      )}
    </Card>
  );
}
