/** 走访入户必评: the visit's evaluation QR, shown on the visitor's phone at the door. */
import { addressLine, type VisitLogged } from '@jingmin/shared';
import { Button, Modal, Space, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useLang } from '../../../../i18n';
import { dateTime as when } from '../../matter/labels';

/** The evaluation's QR, shown on the visitor's phone at the door. */
export function VisitQr({ visit, onClose }: { visit: VisitLogged; onClose(): void }) {
  const { t } = useLang();
  const url = `${window.location.origin}${visit.evaluation.path}`;
  return (
    <Modal
      open
      title={t('请住户扫码评价', 'Ask the household to scan and rate')}
      footer={null}
      onCancel={onClose}
      width={420}
    >
      <Space orientation="vertical" align="center" style={{ width: '100%' }}>
        <QRCodeSVG value={url} size={280} marginSize={2} title={t('走访评价二维码', 'Visit evaluation QR code')} />
        <Typography.Text strong>{addressLine({ address: visit.address, name: visit.householdName })}</Typography.Text>
        <Typography.Text type="secondary">
          {t(
            `评价只能提交一次，${when(visit.evaluation.expiresAt)} 前有效；住户也可在门牌页“待评价”中评价。`,
            `It can be answered once, until ${when(visit.evaluation.expiresAt)}; the household may also rate it from its doorplate page.`,
          )}
        </Typography.Text>
        <Button onClick={onClose}>{t('完成', 'Done')}</Button>
      </Space>
    </Modal>
  );
}
