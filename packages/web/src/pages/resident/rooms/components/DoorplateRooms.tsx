/**
 * On the doorplate page: the household's rooms (一警一群), each with 加入 (a verified phone, then a nickname) or,
 * once joined, the way in. Shown only when the household has any.
 */
import type { PublicRoom } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Popup } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { roomsPublic } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { usePhoneSession } from '../../components/PhoneVerify';
import { JoinForm } from './JoinForm';
import { RoomIntro } from './RoomIntro';

export function DoorplateRooms({ token }: { token: string }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const phone = usePhoneSession();
  const phoneToken = phone.session?.phoneToken;
  const [joining, setJoining] = useState<PublicRoom | null>(null);
  const rooms = useQuery({
    queryKey: ['doorplate-rooms', token, phoneToken ?? null],
    queryFn: () => roomsPublic.doorplateRooms(token, phoneToken),
    retry: false,
  });
  if (!rooms.data || rooms.data.length === 0) return null;
  return (
    <Card title={t('网上警民议事厅', 'Community rooms')} style={{ margin: 12 }}>
      <div className="jm-muted" style={{ marginBottom: 8 }}>
        {t(
          '和社区民警在线交流：提问、@ 民警、看公告、寻物招领。',
          'Talk with your community officer online: ask, "@" the officer, read notices, lost and found.',
        )}
      </div>
      {rooms.data.map((r) => (
        <div key={r.id} style={{ borderTop: '1px solid #eee', padding: '8px 0' }}>
          <RoomIntro room={r} />
          <Button
            block
            color="primary"
            fill={r.joined ? 'outline' : 'solid'}
            style={{ marginTop: 8 }}
            onClick={() => (r.joined ? navigate(`/rooms/${r.id}`) : setJoining(r))}
          >
            {r.joined ? t('进入议事厅', 'Open the room') : t('加入议事厅', 'Join the room')}
          </Button>
        </div>
      ))}
      <Popup visible={joining !== null} onMaskClick={() => setJoining(null)} bodyStyle={{ padding: 16 }}>
        {joining && (
          <>
            <RoomIntro room={joining} />
            <div style={{ marginTop: 12 }}>
              <JoinForm
                roomId={joining.id}
                source={{ doorplateToken: token }}
                session={phone.session}
                onVerified={phone.save}
                onJoined={() => {
                  void client.invalidateQueries({ queryKey: ['my-rooms'] });
                  navigate(`/rooms/${joining.id}`);
                }}
              />
            </div>
          </>
        )}
      </Popup>
    </Card>
  );
}
