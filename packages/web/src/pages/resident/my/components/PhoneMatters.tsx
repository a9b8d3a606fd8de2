/**
 * Every matter sent with the verified phone (GET /public/phone/matters with
 * x-phone-token). Before verification it offers the same one-time-code flow
 * as the submission form; an expired session is dropped and asked for again.
 */
import type { PhoneMatters as PhoneMattersView, PhoneSession } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, SpinLoading } from 'antd-mobile';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../../../api/client';
import { deviceMatters, resident } from '../../../../api/resident';
import { useLang } from '../../../../i18n';
import { PhoneVerify } from '../../components/PhoneVerify';
import { bareList, MatterRow } from './MatterRow';

interface Props {
  session: PhoneSession | null;
  onVerified(session: PhoneSession): void;
  onForget(): void;
  onLoaded(data: PhoneMattersView | undefined): void;
}

export function PhoneMatters({ session, onVerified, onForget, onLoaded }: Props) {
  const { t } = useLang();
  return (
    <Card
      title={
        session
          ? t(`手机号 ${session.phoneMasked} 的事项`, `Sent with ${session.phoneMasked}`)
          : t('用手机号查找', 'Find by phone number')
      }
      extra={
        session && (
          <Button size="mini" fill="none" color="primary" onClick={onForget}>
            {t('不再在本机使用', 'Forget on this phone')}
          </Button>
        )
      }
      style={{ margin: 12 }}
    >
      {session ? (
        <PhoneList session={session} onExpired={onForget} onLoaded={onLoaded} />
      ) : (
        <>
          <div className="jm-muted">
            {t(
              '验证手机号后，可查看用这个号码提交的全部事项（包括在别的手机上提交的）',
              'Verify your number to see everything sent with it, from any phone',
            )}
          </div>
          <PhoneVerify onVerified={onVerified} />
        </>
      )}
    </Card>
  );
}

function PhoneList({
  session,
  onExpired,
  onLoaded,
}: { session: PhoneSession } & Pick<Props, 'onLoaded'> & { onExpired(): void }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['phone-matters', session.phoneToken],
    queryFn: () => resident.phoneMatters(session.phoneToken),
    retry: false,
  });
  const expired = list.error instanceof ApiError && list.error.code === 'PHONE_SESSION_REQUIRED';
  useEffect(() => {
    if (expired) onExpired();
  }, [expired, onExpired]);
  useEffect(() => onLoaded(list.data), [list.data, onLoaded]);

  if (list.isPending) return <SpinLoading style={{ margin: '12px auto' }} />;
  if (!list.data)
    return (
      <div style={{ textAlign: 'center' }}>
        <div style={{ color: '#c0392b', marginBottom: 8 }}>{errorMessage(list.error)}</div>
        <Button size="small" onClick={() => void list.refetch()}>
          {t('重试', 'Retry')}
        </Button>
      </div>
    );
  if (list.data.items.length === 0)
    return (
      <div className="jm-muted">{t('这个号码还没有提交过事项', 'Nothing has been sent with this number yet')}</div>
    );
  return (
    <List style={bareList}>
      {list.data.items.map((item) => (
        <MatterRow
          key={item.trackingToken}
          row={item}
          onOpen={() => {
            deviceMatters.add(item.trackingToken, {
              number: item.number,
              kind: item.kind,
              submittedAt: item.submittedAt,
            });
            navigate(`/m/${item.trackingToken}`);
          }}
        />
      ))}
    </List>
  );
}
