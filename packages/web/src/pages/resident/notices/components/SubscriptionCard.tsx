/**
 * 订阅设置 of a verified phone: which kinds of 平安提醒 to follow, for the village (grid) of the doorplate last
 * scanned, and — only after reading exactly what will come, from whom — SMS as well. 退订 stops everything.
 */
import { type PhoneSession, type SubscriptionView, warningSmsSummary } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Dialog, SpinLoading, Switch, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../../../api/client';
import { notices } from '../../../../api/notices';
import { resident } from '../../../../api/resident';
import { useLang } from '../../../../i18n';
import { lastDoorplate } from '../../components/lastDoorplate';

/** What an SMS looks like, with a title a resident would recognise. */
const SAMPLE_TITLE = '冒充客服说要退款的电话，一律挂断';

export function SubscriptionCard({ session, onExpired }: { session: PhoneSession; onExpired(): void }) {
  const { t } = useLang();
  const sub = useQuery({
    queryKey: ['warning-subscription', session.phoneToken],
    queryFn: () => notices.subscription(session.phoneToken),
    retry: false,
  });
  const expired = sub.error instanceof ApiError && sub.error.code === 'PHONE_SESSION_REQUIRED';
  useEffect(() => {
    if (expired) onExpired();
  }, [expired, onExpired]);
  return (
    <Card title={t('订阅设置', 'Subscription')} style={{ margin: 12 }}>
      {sub.data ? (
        <SubscriptionForm key={String(sub.dataUpdatedAt)} view={sub.data} session={session} />
      ) : sub.isPending ? (
        <SpinLoading style={{ margin: '12px auto' }} />
      ) : (
        <div style={{ textAlign: 'center' }}>
          <div style={{ color: '#c0392b', marginBottom: 8 }}>{errorMessage(sub.error)}</div>
          <Button size="small" onClick={() => void sub.refetch()}>
            {t('重试', 'Retry')}
          </Button>
        </div>
      )}
    </Card>
  );
}

function SubscriptionForm({ view, session }: { view: SubscriptionView; session: PhoneSession }) {
  const { t, label } = useLang();
  const client = useQueryClient();
  const doorplate = lastDoorplate();
  const plate = useQuery({
    queryKey: ['doorplate', doorplate],
    queryFn: () => resident.doorplate(doorplate ?? ''),
    enabled: doorplate !== null,
    retry: false,
  });
  const [categories, setCategories] = useState<string[]>(() =>
    view.subscribed ? view.categories : view.available.map((c) => c.key),
  );
  const [sms, setSms] = useState(view.sms);
  const [busy, setBusy] = useState<'save' | 'stop' | null>(null);
  const signature = view.smsSignature?.trim() || null;
  const area = plate.data
    ? [plate.data.community, plate.data.grid].filter(Boolean).join(' · ') || plate.data.address
    : view.area;

  const done = (next: SubscriptionView) => {
    client.setQueryData(['warning-subscription', session.phoneToken], next);
    void client.invalidateQueries({ queryKey: ['notices'] });
  };

  const askSms = (on: boolean) => {
    if (!on) return setSms(false);
    if (!signature) return;
    const first = view.available.find((c) => categories.includes(c.key)) ?? view.available[0];
    Dialog.confirm({
      title: t('开启短信提醒？', 'Turn on SMS?'),
      content: (
        <div style={{ lineHeight: 1.6 }}>
          <div>
            {t(
              `派出所发布您订阅的提醒时，会给 ${session.phoneMasked} 发一条短信。`,
              `When the station sends a notice you follow, ${session.phoneMasked} gets an SMS.`,
            )}
          </div>
          <div style={{ marginTop: 6 }}>
            {t('发送人：', 'Sender: ')}
            <strong>【{signature}】</strong>
          </div>
          <div>
            {t('内容：提醒的类别和标题，例如', 'Text: the kind and title, e.g.')}
            <div style={{ background: '#f5f6f8', borderRadius: 6, padding: '4px 8px', margin: '4px 0' }}>
              【{signature}】{warningSmsSummary(first ? label(first.label) : t('反诈', 'Anti-fraud'), SAMPLE_TITLE)}
            </div>
          </div>
          <div style={{ fontWeight: 600 }}>
            {t('每条短信不含链接，回复TD退订。', 'No links, ever. Reply TD to stop.')}
          </div>
          <div className="jm-muted">
            {t(
              '凡是带链接、要您转账或说出验证码的短信，都不是派出所发的。',
              'An SMS with a link, or asking for money or a code, is not from the station.',
            )}
          </div>
        </div>
      ),
      confirmText: t('同意开启', 'Turn on'),
      cancelText: t('暂不开启', 'Not now'),
      onConfirm: () => setSms(true),
    });
  };

  const save = async () => {
    if (!doorplate) return;
    if (categories.length === 0) {
      Toast.show({ content: t('请至少选一类提醒', 'Choose at least one kind') });
      return;
    }
    setBusy('save');
    try {
      done(await notices.subscribe(session.phoneToken, { doorplate, categories, sms }));
      Toast.show({ icon: 'success', content: t('已保存', 'Saved') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const stop = async () => {
    const sure = await Dialog.confirm({
      content: t(
        '退订后，这个手机号不再收到提醒和短信。以后可以随时重新订阅。',
        'This number will get no more notices or SMS. You can subscribe again any time.',
      ),
      confirmText: t('退订', 'Unsubscribe'),
      cancelText: t('再想想', 'Keep'),
    });
    if (!sure) return;
    setBusy('stop');
    try {
      done(await notices.unsubscribe(session.phoneToken));
      Toast.show({ icon: 'success', content: t('已退订', 'Unsubscribed') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div style={{ lineHeight: 1.6 }}>
      <div role="status" style={{ fontWeight: 600 }}>
        {view.subscribed
          ? view.sms
            ? t('已订阅，短信提醒已开启', 'Subscribed, with SMS')
            : t('已订阅', 'Subscribed')
          : t('还没有订阅', 'Not subscribed yet')}
      </div>
      <div className="jm-muted" style={{ marginTop: 4 }}>
        {!doorplate
          ? t(
              '请先扫一下家门口门牌上的二维码，才能按您家所在的村订阅',
              'Scan the QR code on your doorplate first, to subscribe for your village',
            )
          : view.subscribed && view.area && area && !area.includes(view.area)
            ? t(
                `提醒地区：${view.area}。保存后改为最近扫码的门牌所在的 ${area}`,
                `Area: ${view.area}. Saving moves it to ${area}, of the doorplate last scanned`,
              )
            : t(
                `提醒地区：${area ?? view.area ?? '您家所在的村（网格）'}`,
                `Area: ${area ?? view.area ?? 'your village (grid)'}`,
              )}
      </div>
      <div style={{ marginTop: 8, fontWeight: 600 }}>{t('想收到哪些提醒', 'What to receive')}</div>
      <Checkbox.Group value={categories} onChange={(v) => setCategories(v as string[])}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(6.5em, 1fr))', gap: '0 8px' }}>
          {view.available.map((c) => (
            <Checkbox key={c.key} value={c.key}>
              {label(c.label)}
            </Checkbox>
          ))}
        </div>
      </Checkbox.Group>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 12, minHeight: 44 }}>
        <div style={{ flex: 1 }}>
          <div style={{ fontWeight: 600 }}>{t('同时发短信给我', 'Also send me an SMS')}</div>
          <div className="jm-muted">
            {signature
              ? t(`由【${signature}】发送，不含链接，回复TD退订`, `From 【${signature}】, no links, reply TD to stop`)
              : view.subscribed
                ? t('本派出所暂未开通短信提醒', 'This station does not send SMS yet')
                : t('先订阅，之后可以选择是否也发短信', 'Subscribe first; then you may add SMS')}
          </div>
        </div>
        <Switch
          checked={sms}
          disabled={!signature && !sms}
          onChange={askSms}
          aria-label={t('短信提醒', 'SMS')}
          checkedText={t('开', 'On')}
          uncheckedText={t('关', 'Off')}
        />
      </div>
      <Button
        block
        color="primary"
        style={{ marginTop: 12 }}
        loading={busy === 'save'}
        disabled={!doorplate || busy !== null}
        onClick={() => void save()}
      >
        {view.subscribed ? t('保存修改', 'Save') : t('订阅', 'Subscribe')}
      </Button>
      {view.subscribed && (
        <Button
          block
          fill="none"
          color="danger"
          style={{ marginTop: 4 }}
          loading={busy === 'stop'}
          disabled={busy !== null}
          onClick={() => void stop()}
        >
          {t('退订（不再收到提醒和短信）', 'Unsubscribe (no notices, no SMS)')}
        </Button>
      )}
    </div>
  );
}
