/** /notices/subscribe: from the doorplate page, verify a phone (if not yet) and choose what to receive. */
import { Card } from 'antd-mobile';
import { Link } from 'react-router';
import { useLang } from '../../../i18n';
import { lastDoorplate } from '../components/lastDoorplate';
import { PhoneVerify, usePhoneSession } from '../components/PhoneVerify';
import { ResidentShell, useDocumentTitle } from '../components/ResidentShell';
import { SubscriptionCard } from './components/SubscriptionCard';

export default function SubscribePage() {
  const { t } = useLang();
  const phone = usePhoneSession();
  const back = lastDoorplate();
  useDocumentTitle(t('订阅提醒 · 码上办', 'Subscribe · Jingmin'));
  return (
    <ResidentShell>
      <div style={{ margin: '8px 12px 0' }}>
        <Link to={back ? `/h/${back}` : '/my'} className="jm-tap" style={{ justifyContent: 'flex-start' }}>
          {back ? t('‹ 返回门牌页', '‹ Back to the doorplate page') : t('‹ 我的事项', '‹ My matters')}
        </Link>
      </div>
      {phone.session ? (
        <SubscriptionCard session={phone.session} onExpired={phone.clear} />
      ) : (
        <Card title={t('订阅提醒', 'Subscribe to notices')} style={{ margin: 12 }}>
          <div style={{ lineHeight: 1.6 }}>
            {t(
              '派出所会发布防诈骗、防火、交通安全等提醒。验证手机号后，可以选择想收到哪些，也可以随时退订。',
              'The station sends notices on fraud, fire and traffic safety. Verify your number to choose which ones you get; stop any time.',
            )}
          </div>
          <PhoneVerify onVerified={phone.save} />
        </Card>
      )}
    </ResidentShell>
  );
}
