/** A room as it is offered: what it is, who hosts it and how many are in it — never who they are. */
import { type PublicRoom, ROOM_HOST_ROLE_LABELS, ROOM_KIND_LABELS } from '@jingmin/shared';
import { Tag } from 'antd-mobile';
import { useLang } from '../../../../i18n';

export function RoomIntro({ room }: { room: PublicRoom }) {
  const { t, label } = useLang();
  return (
    <div style={{ lineHeight: 1.7 }}>
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
        <strong style={{ fontSize: '1.1em' }}>{room.name}</strong>
        <Tag color="primary" fill="outline">
          {label(ROOM_KIND_LABELS[room.kind])}
        </Tag>
        {room.joined && <Tag color="success">{t('已加入', 'Joined')}</Tag>}
      </div>
      <div className="jm-muted">
        {[room.stationName, room.unitName].filter(Boolean).join(' · ')} ·{' '}
        {t(`${room.members} 人`, `${room.members} members`)}
      </div>
      {room.about && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{room.about}</div>}
      {room.hosts.length > 0 && (
        <div className="jm-muted">
          {room.hosts.map((h) => `${h.nickname}（${label(ROOM_HOST_ROLE_LABELS[h.role])}）`).join('、')}
        </div>
      )}
    </div>
  );
}
