/** A matter's facts: status, the resident's words and photos, where, the deadlines and the times taken. */
import { MATTER_STATUS_LABELS, RATING_LABELS, RECEIPT_SMS_LABELS, URGENCY_LABELS } from '@jingmin/shared';
import { Descriptions, Tag, Typography } from 'antd';
import type { MatterDetail } from '../../../api/matters';
import { useLang } from '../../../i18n';
import { ChannelTag } from './ChannelTag';
import { ContactPhone } from './ContactPhone';
import { DueText } from './DueText';
import { STATUS_COLOR, shortTime } from './labels';
import { Photos } from './Photos';

const minutes = (s: number | null) => (s === null ? '—' : `${Math.round(s / 60)}`);

export function MatterFacts({ m }: { m: MatterDetail }) {
  const { t, label } = useLang();
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 96 } }}>
      <Descriptions.Item label={t('状态', 'Status')}>
        <Tag color={STATUS_COLOR[m.status]}>{label(MATTER_STATUS_LABELS[m.status])}</Tag>
        {m.urgency === 'urgent' && <Tag color="red">{label(URGENCY_LABELS.urgent)}</Tag>}
        {m.rating && <Tag color={m.rating === 'unsatisfied' ? 'red' : 'green'}>{label(RATING_LABELS[m.rating])}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('渠道', 'Channel')}>
        <ChannelTag m={m} always withNumber />
        {m.receiptSms && (
          <Tag color={m.receiptSms === 'failed' ? 'red' : m.receiptSms === 'sent' ? 'green' : 'default'}>
            {label(RECEIPT_SMS_LABELS[m.receiptSms])}
            {m.receiptSms === 'failed' ? t('，请电话告知回执号', ': tell the caller the number') : ''}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('群众诉求', 'Request')}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Paragraph>
        {(m.photoIds ?? []).length > 0 && (
          <div style={{ marginTop: 8 }}>
            <Photos matterId={m.id} ids={m.photoIds} />
          </div>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('地址', 'Address')}>{m.address}</Descriptions.Item>
      {m.location && (
        <Descriptions.Item label={t('位置', 'Location')}>
          {m.location.lat.toFixed(5)}, {m.location.lng.toFixed(5)}
        </Descriptions.Item>
      )}
      {m.contactPhone && (
        <Descriptions.Item label={t('联系电话', 'Phone')}>
          <ContactPhone
            key={m.id}
            matterId={m.id}
            masked={m.contactPhone}
            canReveal={m.allowedActions.includes('reply')}
          />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('提交时间', 'Submitted')}>{shortTime(m.createdAt)}</Descriptions.Item>
      {m.due.deadline && (
        <Descriptions.Item label={t('时限', 'Due')}>
          <DueText due={m.due} relative />
          {m.due.deadline !== 'resolve' && m.resolveDueAt && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('办结时限', 'Resolve by')} {shortTime(m.resolveDueAt)}
              </Typography.Text>
            </div>
          )}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('用时（分钟）', 'Minutes')}>
        {t('首次响应', 'first response')} {minutes(m.figures.firstResponseSeconds)} · {t('受理', 'accept')}{' '}
        {minutes(m.figures.acceptSeconds)} · {t('办结', 'resolve')} {minutes(m.figures.resolveSeconds)}
        {m.figures.onTime === false && (
          <Tag color="red" style={{ marginLeft: 8 }}>
            {t('超期', 'late')}
          </Tag>
        )}
      </Descriptions.Item>
      {m.outcome && <Descriptions.Item label={t('办结情况', 'Outcome')}>{m.outcome}</Descriptions.Item>}
      {m.ratingComment && (
        <Descriptions.Item label={t('评价意见', 'Rating comment')}>{m.ratingComment}</Descriptions.Item>
      )}
    </Descriptions>
  );
}
