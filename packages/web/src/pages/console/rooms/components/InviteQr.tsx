/** The room's invitation QR (`/r/<token>`) for hosts to show or print; a manager may replace it (the old one stops). */
import type { RoomView } from '@jingmin/shared';
import { App, Button, Modal, Popconfirm, Space, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomsApi } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';

export function InviteQr({ room, onClose, onRotated }: { room: RoomView; onClose(): void; onRotated(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const url = room.inviteToken ? `${window.location.origin}/r/${room.inviteToken}` : null;
  const rotate = async () => {
    setBusy(true);
    try {
      await roomsApi.rotateInvite(room.id);
      message.success(t('已更换邀请二维码，旧码失效', 'Replaced: the old code no longer works'));
      onRotated();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t(`扫码加入“${room.name}”`, `Scan to join “${room.name}”`)} footer={null} onCancel={onClose}>
      <Space orientation="vertical" align="center" style={{ width: '100%' }}>
        {url ? (
          <>
            <QRCodeSVG value={url} size={240} marginSize={2} title={t('议事厅邀请二维码', 'Room invitation QR')} />
            <Typography.Text copyable>{url}</Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('没有邀请码', 'No invitation')}</Typography.Text>
        )}
        {room.can.manage && (
          <Popconfirm
            title={t('更换后旧二维码立即失效，确定？', 'The old code stops working at once. Replace it?')}
            okText={t('更换', 'Replace')}
            cancelText={t('取消', 'Cancel')}
            onConfirm={() => void rotate()}
          >
            <Button loading={busy}>{t('更换二维码', 'Replace the code')}</Button>
          </Popconfirm>
        )}
      </Space>
    </Modal>
  );
}
