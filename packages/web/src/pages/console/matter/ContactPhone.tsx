/**
 * The resident's phone in the drawer: masked until someone who may reply asks
 * for the full number to call back. The server records every look, so the
 * number is fetched only on that click and kept only while the drawer shows it.
 */
import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';

export function ContactPhone(props: { matterId: string; masked: string; canReveal: boolean }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [phone, setPhone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reveal = async () => {
    setBusy(true);
    try {
      setPhone((await matterApi.contactPhone(props.matterId)).phone);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  if (phone)
    return (
      <Space wrap size={8}>
        <Typography.Link href={`tel:${phone}`} strong>
          <PhoneOutlined /> {phone} · {t('拨打', 'Call')}
        </Typography.Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('查看记录会留痕', 'This view is recorded')}
        </Typography.Text>
      </Space>
    );
  return (
    <Space wrap size={8}>
      <span>{props.masked}</span>
      {props.canReveal && (
        <>
          <Button size="small" loading={busy} onClick={reveal}>
            {t('查看完整号码', 'Show full number')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('查看记录会留痕', 'Viewing is recorded')}
          </Typography.Text>
        </>
      )}
    </Space>
  );
}
