/**
 * 加入议事厅: a verified phone first (后台实名, the same one-time code as "my matters"), then the nickname the
 * room will read (前台自愿). The number is never shown to the room or its hosts.
 */
import { JoinRoomInput, type PhoneSession, type RoomMembership } from '@jingmin/shared';
import { Button, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomsPublic } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { PhoneVerify } from '../../components/PhoneVerify';

export type JoinSource = { doorplateToken: string } | { inviteToken: string };

interface Props {
  roomId: string;
  source: JoinSource;
  session: PhoneSession | null;
  onVerified(session: PhoneSession): void;
  onJoined(membership: RoomMembership): void;
}

export function JoinForm({ roomId, source, session, onVerified, onJoined }: Props) {
  const { t } = useLang();
  const [nickname, setNickname] = useState('');
  const [busy, setBusy] = useState(false);
  if (!session)
    return (
      <div>
        <div className="jm-muted">
          {t(
            '按网络发言的规定（后台实名、前台自愿），请先验证手机号。群里只显示您的昵称和村（社区），不显示号码。',
            'As the rules for posting online ask, verify your phone first. The room sees only your nickname and village, never the number.',
          )}
        </div>
        <PhoneVerify onVerified={onVerified} />
      </div>
    );
  const join = async () => {
    const parsed = JoinRoomInput.safeParse({ nickname: nickname.trim(), ...source });
    if (!parsed.success) {
      Toast.show({ content: t('请填写 1–20 个字的昵称', 'Enter a nickname of 1–20 characters') });
      return;
    }
    setBusy(true);
    try {
      onJoined(await roomsPublic.join(roomId, parsed.data, session.phoneToken));
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <label htmlFor="jm-room-nickname" className="jm-muted" style={{ display: 'block', marginBottom: 4 }}>
        {t(`群昵称（手机号 ${session.phoneMasked} 已验证）`, `Nickname in the room (${session.phoneMasked} verified)`)}
      </label>
      <div className="jm-field">
        <Input
          id="jm-room-nickname"
          placeholder={t('如：老王、3 栋张阿姨', 'e.g. Lao Wang')}
          value={nickname}
          onChange={setNickname}
          maxLength={20}
          onEnterPress={join}
        />
      </div>
      <Button block color="primary" loading={busy} onClick={join} style={{ marginTop: 10 }}>
        {t('加入议事厅', 'Join the room')}
      </Button>
    </div>
  );
}
