/**
 * The chain head (to write down or compare with an exported head) and a full
 * verification of the audit chain on demand.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { auditApi, type VerifyResult } from '../../../../api/audit';
import { errorMessage } from '../../../../api/client';
import { useLang } from '../../../../i18n';

const shanghai = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

export function VerifyPanel() {
  const { t } = useLang();
  const head = useQuery({ queryKey: ['audit-head'], queryFn: auditApi.head });
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await auditApi.verify());
      await head.refetch();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const h = result?.ok ? result.head : head.data;
  return (
    <Card
      size="small"
      title={t('审计链', 'Audit chain')}
      extra={
        <Button onClick={verify} loading={busy}>
          {t('校验审计链', 'Verify the chain')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {h && (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('链头序号', 'Head seq')}>{h.seq}</Descriptions.Item>
            <Descriptions.Item label={t('时间', 'Time')}>{shanghai(h.at)}</Descriptions.Item>
            <Descriptions.Item label="MAC">
              <Typography.Text copyable style={{ fontFamily: 'monospace', wordBreak: 'break-all', fontSize: 12 }}>
                {h.mac}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
        {error && <Alert type="error" showIcon message={error} />}
        {result && (
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            message={
              result.ok
                ? t(`审计链完整：已校验 ${result.checked} 条`, `Chain intact: ${result.checked} entries verified`)
                : t(
                    `审计链在第 ${result.brokenAt} 条处断开（已校验 ${result.checked} 条）：${result.reason}`,
                    `Chain broken at entry ${result.brokenAt} (${result.checked} checked): ${result.reason}`,
                  )
            }
          />
        )}
      </Space>
    </Card>
  );
}
