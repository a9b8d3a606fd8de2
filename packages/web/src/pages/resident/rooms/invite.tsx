/**
 * /r/<invitation token>: a room's invitation QR. Shows the room and 加入 (phone verification, then a nickname);
 * a member goes straight in. An unknown or replaced invitation reveals nothing.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Card } from 'antd-mobile';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { roomsPublic } from '../../../api/rooms';
import { useLang } from '../../../i18n';
import { usePhoneSession } from '../components/PhoneVerify';
import { ResidentLoading, ResidentProblem, ResidentShell, useDocumentTitle } from '../components/ResidentShell';
import { JoinForm } from './components/JoinForm';
import { RoomIntro } from './components/RoomIntro';
import { roomInvites } from './useRoomFeed';

export default function RoomInvitePage() {
  const { t } = useLang();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const phone = usePhoneSession();
  const phoneToken = phone.session?.phoneToken;
  const room = useQuery({
    queryKey: ['room-invite', token, phoneToken ?? null],
    queryFn: () => roomsPublic.invitation(token, phoneToken),
    retry: false,
  });
  useEffect(() => {
    if (room.data) roomInvites.remember(room.data.id, token);
  }, [room.data, token]);
  useDocumentTitle(room.data ? t(`${room.data.name} · 议事厅`, `${room.data.name} · Room`) : null);
  if (room.isPending) return <ResidentLoading />;
  if (!room.data) {
    const unknown = room.error instanceof ApiError && room.error.status >= 400 && room.error.status < 500;
    return unknown ? (
      <ResidentProblem title={t('邀请二维码无效或已更换，请向民警索取新的', 'This invitation is no longer valid')} />
    ) : (
      <ResidentProblem
        title={t('网络不稳定，暂时打不开', 'The network is unstable')}
        onRetry={() => void room.refetch()}
      />
    );
  }
  const r = room.data;
  return (
    <ResidentShell>
      <Card title={t('网上警民议事厅', 'Community room')} style={{ margin: 12 }}>
        <RoomIntro room={r} />
        <div style={{ marginTop: 12 }}>
          {r.joined ? (
            <Button block color="primary" onClick={() => navigate(`/rooms/${r.id}`)}>
              {t('进入议事厅', 'Open the room')}
            </Button>
          ) : (
            <JoinForm
              roomId={r.id}
              source={{ inviteToken: token }}
              session={phone.session}
              onVerified={phone.save}
              onJoined={() => navigate(`/rooms/${r.id}`)}
            />
          )}
        </div>
        <Button block fill="none" color="primary" onClick={() => navigate(`/rooms/${r.id}`)} style={{ marginTop: 4 }}>
          {t('先看看公告', 'Read the announcements first')}
        </Button>
      </Card>
    </ResidentShell>
  );
}
