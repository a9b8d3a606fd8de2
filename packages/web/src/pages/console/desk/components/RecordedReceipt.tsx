/** After 登记事项: the 回执号 to read out to the caller, and whether the receipt SMS went. */
import { type DeskReceipt, MATTER_CHANNEL_LABELS } from '@jingmin/shared';
import { Alert, Button, Result, Space, Typography } from 'antd';
import { useLang } from '../../../../i18n';

export function RecordedReceipt(props: { receipt: DeskReceipt; onAnother(): void; onOpen(): void; onClose(): void }) {
  const { t, label } = useLang();
  const { receipt } = props;
  const sms =
    receipt.receiptSms === 'sent'
      ? {
          type: 'success' as const,
          text: t(
            '回执短信已发送（回执号和派出所名称，不含链接）。',
            'Receipt SMS sent (number and station, no link).',
          ),
        }
      : receipt.receiptSms === 'failed'
        ? {
            type: 'warning' as const,
            text: t(
              '回执短信发送失败，已记入时间线。请电话告知群众回执号。',
              'The receipt SMS failed and is on the timeline. Tell the caller the number by phone.',
            ),
          }
        : {
            type: 'info' as const,
            text: t(
              '未发送回执短信（未同意或未留手机号），请当面或电话告知回执号。',
              'No receipt SMS (no consent or no mobile): tell the caller the number.',
            ),
          };
  return (
    <Result
      status="success"
      title={t('已登记并受理', 'Recorded and accepted')}
      subTitle={
        <Space orientation="vertical" size={4}>
          <span>
            {t('渠道：', 'Channel: ')}
            {label(MATTER_CHANNEL_LABELS[receipt.channel])}
          </span>
          <span>{t('回执号', 'Receipt number')}</span>
          <Typography.Text
            copyable
            strong
            style={{ fontSize: 22, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
          >
            {receipt.number}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type={sms.type} showIcon title={sms.text} style={{ textAlign: 'start' }} />
          <Space wrap style={{ justifyContent: 'center' }}>
            <Button type="primary" onClick={props.onOpen}>
              {t('打开事项去派单', 'Open it to dispatch')}
            </Button>
            <Button onClick={props.onAnother}>{t('再登记一件', 'Record another')}</Button>
            <Button onClick={props.onClose}>{t('关闭', 'Close')}</Button>
          </Space>
        </Space>
      }
    />
  );
}
