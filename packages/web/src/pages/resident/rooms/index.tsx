/**
 * /rooms — 我的议事厅: the rooms the verified phone belongs to. Before verification it asks for the phone (the
 * same one-time code as "my matters"); rooms are joined from the doorplate page or an invitation QR.
 */
import { Card, List, SpinLoading, Tag } from 'antd-mobile';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import { useLang } from '../../../i18n';
import { PhoneVerify, usePhoneSession } from '../components/PhoneVerify';
import { ResidentShell, useDocumentTitle } from '../components/ResidentShell';
import { useMyRooms } from './useRoomFeed';

export default function MyRoomsPage() {
  const { t } = useLang();
  const navigate = useNavigate();
  const phone = usePhoneSession();
  const token = phone.session?.phoneToken ?? null;
  const rooms = useMyRooms(token);
  const expired = rooms.error instanceof ApiError && rooms.error.code === 'PHONE_SESSION_REQUIRED';
  const { clear } = phone;
  useEffect(() => {
    if (expired) clear();
  }, [expired, clear]);
  useDocumentTitle(t('我的议事厅', 'My rooms'));
  return (
    <ResidentShell>
      <Card title={t('我的议事厅', 'My rooms')} style={{ margin: 12 }}>
        {!phone.session ? (
          <>
            <div className="jm-muted">
              {t(
                '验证加入时用的手机号，查看您加入的议事厅。扫门牌或邀请二维码可加入新的议事厅。',
                'Verify the phone you joined with to see your rooms. Scan a doorplate or an invitation to join one.',
              )}
            </div>
            <PhoneVerify onVerified={phone.save} />
          </>
        ) : rooms.isPending ? (
          <SpinLoading style={{ margin: '12px auto' }} />
        ) : rooms.isError ? (
          <div style={{ color: '#b3261e' }}>{errorMessage(rooms.error)}</div>
        ) : rooms.data.length === 0 ? (
          <div className="jm-muted">
            {t(
              '还没有加入议事厅。扫门牌二维码或民警给的邀请二维码即可加入。',
              'No rooms yet. Scan your doorplate or an invitation from your officer to join one.',
            )}
          </div>
        ) : (
          <List style={{ '--border-top': 'none', '--border-bottom': 'none', '--padding-left': '0' }}>
            {rooms.data.map((r) => (
              <List.Item
                key={r.id}
                arrow
                onClick={() => navigate(`/rooms/${r.id}`)}
                description={[r.stationName, r.unitName, t(`${r.members} 人`, `${r.members} members`)]
                  .filter(Boolean)
                  .join(' · ')}
                extra={r.membership.mutedUntil ? <Tag color="warning">{t('禁言中', 'Muted')}</Tag> : null}
              >
                {r.name}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
    </ResidentShell>
  );
}
