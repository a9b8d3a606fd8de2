/**
 * On the doorplate page: the household's rooms (一警一群), each with 加入 (a verified phone, then a nickname) or,
 * once joined, the way in. Shown only when the household has any.
 */
import type { PublicRoom } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, List, Popup } from 'antd-mobile';
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
    // One line per room, like 我的事项: the doorplate page stays short, its form first.
    <Card style={{ margin: 12 }}>
      <List style={{ '--border-top': 'none', '--border-bottom': 'none', '--padding-left': '0' }}>
        {rooms.data.map((r) => (
          <List.Item
            key={r.id}
            arrow
            onClick={() => (r.joined ? navigate(`/rooms/${r.id}`) : setJoining(r))}
            description={t(`网上警民议事厅 · ${r.members} 人`, `Community room · ${r.members}`)}
            extra={r.joined ? t('进入', 'Open') : t('加入', 'Join')}
          >
            {r.name}
          </List.Item>
        ))}
      </List>
      <Popup
        visible={joining !== null}
        onMaskClick={() => setJoining(null)}
        bodyStyle={{ padding: 16, boxSizing: 'border-box' }}
      >
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
