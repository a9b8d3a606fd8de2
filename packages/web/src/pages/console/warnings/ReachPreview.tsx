/**
 * 触达预估: how far the chosen target reaches before sending (POST /warnings/preview, asked again once typing pauses):
 * 覆盖 N 户（已扫码 N 户）、订阅设备 N 部、短信 N 人、议事厅群 N 个; and, when SMS is on, the exact SMS text with the
 * sender's signature residents will see.
 */
import type { WarningPreviewInput, WarningReachPreview } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Spin, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { warningsApi } from '../../../api/warnings';
import { useLang } from '../../../i18n';
import { useDebounced } from './hooks';
import { count } from './model';

export function useReachPreview(input: WarningPreviewInput | null) {
  const key = useDebounced(input ? JSON.stringify(input) : '', 500);
  return useQuery({
    queryKey: ['warning-preview', key],
    queryFn: () => warningsApi.preview(JSON.parse(key) as WarningPreviewInput),
    enabled: key !== '',
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
}

/** One sentence for the preview and the confirm dialog. */
export function reachSentence(p: WarningReachPreview, t: (zh: string, en: string) => string, sms: boolean) {
  const parts = [
    t(
      `覆盖 ${count(p.households)} 户（已扫码 ${count(p.scannedHouseholds)} 户）`,
      `${p.households} households (${p.scannedHouseholds} scanned)`,
    ),
    t(`订阅设备 ${count(p.subscribedDevices)} 部`, `${p.subscribedDevices} subscribed devices`),
    ...(sms ? [t(`短信 ${count(p.smsPhones)} 人`, `SMS to ${p.smsPhones} phones`)] : []),
    t(`议事厅群 ${count(p.rooms)} 个`, `${p.rooms} rooms`),
  ];
  return parts.join(t('、', ', '));
}

export function ReachPreviewCard(props: {
  preview: ReturnType<typeof useReachPreview>;
  hasTarget: boolean;
  sms: boolean;
  /** The station's SMS signature; empty: the server signs with the station's name. */
  signature: string;
  stationName: string;
}) {
  const { preview, hasTarget, sms, signature, stationName } = props;
  const { t } = useLang();
  const p = preview.data;
  return (
    <Card size="small" title={t('触达预估', 'Reach before sending')} aria-live="polite">
      {!hasTarget ? (
        <Typography.Text type="secondary">{t('请先选择发送范围', 'Choose whom it reaches first')}</Typography.Text>
      ) : preview.isError ? (
        <Alert type="error" title={errorMessage(preview.error)} />
      ) : !p ? (
        <Spin size="small" />
      ) : (
        <Flex vertical gap={6} style={{ opacity: preview.isFetching ? 0.6 : 1 }}>
          <Flex gap={16} wrap style={{ fontVariantNumeric: 'tabular-nums' }}>
            <span>
              {t('覆盖 ', 'Households ')}
              <b>{count(p.households)}</b>
              {t(' 户', '')}
              <Typography.Text type="secondary">
                {t(`（已扫码 ${count(p.scannedHouseholds)} 户）`, ` (${count(p.scannedHouseholds)} scanned)`)}
              </Typography.Text>
            </span>
            <span>
              {t('订阅设备 ', 'Subscribed devices ')}
              <b>{count(p.subscribedDevices)}</b>
              {t(' 部', '')}
            </span>
            {sms && (
              <span>
                {t('短信 ', 'SMS ')}
                <b>{count(p.smsPhones)}</b>
                {t(' 人', ' phones')}
              </span>
            )}
            <span>
              {t('议事厅群 ', 'Rooms ')}
              <b>{count(p.rooms)}</b>
              {t(' 个', '')}
            </span>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(
              '住户在门牌页和“我的事项”页看到通知；已扫码的户数是触达的上限。',
              'Households read it on their doorplate and "my matters" pages; scanned households are the ceiling of reach.',
            )}
          </Typography.Text>
          {sms && (
            <Alert
              type="info"
              title={t('短信内容（发送前请核对）', 'The SMS (check before sending)')}
              description={
                <Flex vertical gap={2}>
                  <span style={{ wordBreak: 'break-all' }}>{p.smsText ?? '—'}</span>
                  <span>
                    {t(
                      `发送方签名：【${signature || stationName}】`,
                      `Sender signature: 【${signature || stationName}】`,
                    )}
                    {!signature &&
                      t(
                        '（未单独设置签名，用派出所名称；所长可在“设置”中填写备案签名）',
                        ' (no signature set: the station name; the chief sets the registered one in Settings)',
                      )}
                  </span>
                  <span>
                    {t(
                      '只发给已验证手机号并同意接收短信的群众，回复 TD 即退订。',
                      'Only to verified phones that opted in; replying TD unsubscribes.',
                    )}
                  </span>
                </Flex>
              }
            />
          )}
        </Flex>
      )}
    </Card>
  );
}
