/**
 * /my — "我的事项": the matters whose tracking links this phone holds, and,
 * once the resident verified a phone number, every matter sent with it.
 * Opening one adds its link to this phone. Below them, 我的提醒 (平安提醒) and,
 * with a verified phone, its 订阅设置. A verified phone's list comes
 * first, after its evaluations still waiting (待评价); before verification, the way
 * to verify comes after this phone's list.
 */
import type { PhoneMatters as PhoneMattersView } from '@jingmin/shared';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { deviceMatters, resident } from '../../../api/resident';
import { useLang } from '../../../i18n';
import { lastDoorplate } from '../components/lastDoorplate';
import { usePhoneSession } from '../components/PhoneVerify';
import { ResidentShell, useDocumentTitle } from '../components/ResidentShell';
import { WaitingCard } from '../doorplate/components/WaitingCard';
import { MyNotices } from '../notices/components/MyNotices';
import { SubscriptionCard } from '../notices/components/SubscriptionCard';
import { DeviceMatters } from './components/DeviceMatters';
import { PhoneMatters } from './components/PhoneMatters';

const NONE = new Set<string>();

export default function MyMattersPage() {
  const { t } = useLang();
  const phone = usePhoneSession();
  const [byPhone, setByPhone] = useState<PhoneMattersView | undefined>();
  // A matter listed under the phone is not listed twice.
  const exclude = useMemo(() => new Set(byPhone?.items.map((i) => i.trackingToken) ?? []), [byPhone]);
  const { clear, session } = phone;
  const forget = useCallback(() => {
    clear();
    setByPhone(undefined);
  }, [clear]);
  const back = lastDoorplate();
  useDocumentTitle(t('我的事项 · 码上办', 'My matters · Jingmin'));
  return (
    <ResidentShell>
      {back && (
        <div style={{ margin: '8px 12px 0' }}>
          <Link to={`/h/${back}`} className="jm-tap" style={{ justifyContent: 'flex-start' }}>
            {t('‹ 返回门牌页（提交新事项）', '‹ Back to the doorplate page (send a new matter)')}
          </Link>
        </div>
      )}
      {session && (
        <WaitingCard
          queryKey={['phone-evaluations', session.phoneToken]}
          load={() => resident.phoneEvaluations(session.phoneToken)}
          link={(id) => resident.phoneEvaluationLink(session.phoneToken, id)}
          direct={(item) => {
            // A matter is rated on its own page (its three-level form moves the matter on too).
            const m = byPhone?.items.find((i) => i.number === item.matterNumber);
            if (!m) return null;
            deviceMatters.add(m.trackingToken, { number: m.number, kind: m.kind, submittedAt: m.submittedAt });
            return `/m/${m.trackingToken}`;
          }}
        />
      )}
      {session && <PhoneMatters session={session} onVerified={phone.save} onForget={forget} onLoaded={setByPhone} />}
      <DeviceMatters exclude={session ? exclude : NONE} quietWhenEmpty={session !== null} />
      {!session && <PhoneMatters session={null} onVerified={phone.save} onForget={forget} onLoaded={setByPhone} />}
      <MyNotices session={session} />
      {session && <SubscriptionCard session={session} onExpired={forget} />}
    </ResidentShell>
  );
}
