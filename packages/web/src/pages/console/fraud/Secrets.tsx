/**
 * A new or rotated upstream's API key and webhook signing secret, shown this once (only their hash is kept),
 * and 接入说明: where the upstream posts, how it authenticates, how it checks our webhook's signature.
 */
import type { UpstreamSecrets } from '@jingmin/shared';
import { Alert, Collapse, Descriptions, Modal, Typography } from 'antd';
import { useLang } from '../../../i18n';

const mono = { fontFamily: 'monospace', fontSize: 15, overflowWrap: 'anywhere' as const, margin: 0 };

export function SecretsModal({ secrets, onClose }: { secrets: UpstreamSecrets; onClose(): void }) {
  const { t } = useLang();
  return (
    <Modal
      open
      title={t(`${secrets.upstream.name} 的接入密钥`, `Keys of ${secrets.upstream.name}`)}
      onCancel={onClose}
      onOk={onClose}
      okText={t('我已复制保存', 'I have copied them')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      width={620}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('密钥只显示这一次', 'Shown only this once')}
        description={t(
          '请立即复制，通过安全渠道交给上游平台的技术人员。关闭后无法再次查看；遗失只能轮换密钥，旧密钥随即失效。',
          'Copy them now and hand them to the upstream’s engineers through a safe channel. They cannot be shown again; if lost, rotate the key.',
        )}
      />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('API 密钥', 'API key')}>
          <Typography.Paragraph copyable style={mono}>
            {secrets.apiKey}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('回调签名密钥', 'Webhook secret')}>
          <Typography.Paragraph copyable style={mono}>
            {secrets.webhookSecret}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}

const EXAMPLE = `{
  "externalId": "FZ20260301-0042",
  "issuedAt": "2026-03-01T08:00:00Z",
  "name": "王秀英",
  "phone": "13800000000",
  "address": "柳塘镇石桥村3组12号",
  "fraudType": "customer_service",
  "level": "high",
  "detail": "正与冒充电商客服通话，涉及“退款”转账约5万元"
}`;

export function ConnectGuide() {
  const { t } = useLang();
  const base = `${window.location.origin}/api/v1/upstream/fraud`;
  const code = (s: string) => (
    <Typography.Text code copyable style={{ overflowWrap: 'anywhere' }}>
      {s}
    </Typography.Text>
  );
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'guide',
          label: t('接入说明', 'How to connect'),
          children: (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('推送指令', 'Post an instruction')}>
                POST {code(`${base}/instructions`)}
                <div>
                  {t('请求头：', 'Header: ')}
                  {code('Authorization: Bearer <API 密钥>')}
                </div>
                <Typography.Text type="secondary">
                  {t(
                    '仅接受允许的IP地址；同一指令编号重复推送返回首次结果，内容不同返回 422。',
                    'Only from the allowed addresses; the same id again answers the first result, other content 422.',
                  )}
                </Typography.Text>
                <pre style={{ ...mono, fontSize: 12, background: '#fafafa', padding: 8, whiteSpace: 'pre-wrap' }}>
                  {EXAMPLE}
                </pre>
              </Descriptions.Item>
              <Descriptions.Item label={t('推送回调', 'Webhook')}>
                {t('核查完成后 POST 到上游的回调地址，请求头：', 'After verification we POST to the webhook URL with:')}
                <div>{code('X-Jingmin-Event: fraud.feedback')}</div>
                <div>{code('X-Jingmin-Timestamp: <unix 秒>')}</div>
                <div>{code('X-Jingmin-Signature: v1=<hex HMAC-SHA256(回调签名密钥, 时间戳 + "." + 请求体)>')}</div>
                <div>{code('Idempotency-Key: <指令ID>')}</div>
                <Typography.Text type="secondary">
                  {t(
                    '上游须校验签名和时间戳并返回 2xx；失败将按退避重试。',
                    'Check the signature and timestamp and answer 2xx; failures are retried with backoff.',
                  )}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('上游拉取', 'Pull')}>
                GET {code(`${base}/feedback?after=<游标>&limit=100`)}
                <div>
                  <Typography.Text type="secondary">
                    {t('用返回的 next 作为下一次的 after。', 'Pass the answered next as the next after.')}
                  </Typography.Text>
                </div>
              </Descriptions.Item>
            </Descriptions>
          ),
        },
      ]}
    />
  );
}
