/**
 * 调解: the channel chosen for the dispute (分流化解, with its receiving body and handler), 治安调解's due time (red
 * once passed; 已上报所长 when the chief was told), and each session — planned, then held with who attended (a
 * minor's guardian among them), the internal notes and the result. One column, for a phone in a village.
 */
import {
  type DisputeView,
  MEDIATION_CHANNEL_LABELS,
  type MediationSessionView,
  SESSION_RESULT_LABELS,
  type SessionResult,
} from '@jingmin/shared';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { useDueDay } from './labels';
import { ChannelModal, PlanModal, RecordModal } from './SessionForms';

interface Props {
  d: DisputeView;
  canHandle: boolean;
  onChanged(next: DisputeView): void;
}

const RESULT_COLOR: Record<SessionResult, string> = {
  agreement: 'green',
  partial: 'cyan',
  none: 'red',
  adjourned: 'orange',
};

export function Sessions({ d, canHandle, onChanged }: Props) {
  const { t, label } = useLang();
  const dueDay = useDueDay();
  const [modal, setModal] = useState<'channel' | 'plan' | MediationSessionView | null>(null);
  const open = d.sessions.some((s) => s.heldAt === null);
  const overdue = d.sessionDueAt !== null && new Date(d.sessionDueAt).getTime() < Date.now();
  const close = () => setModal(null);
  return (
    <Card
      size="small"
      title={t('调解', 'Mediation')}
      extra={
        canHandle && (
          <Flex gap={8} wrap>
            <Button size="small" onClick={() => setModal('channel')}>
              {t('分流', 'Channel')}
            </Button>
            <Button size="small" disabled={!d.channel || open} onClick={() => setModal('plan')}>
              {t('安排调解', 'Plan a session')}
            </Button>
          </Flex>
        )
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('化解渠道', 'Channel')}>
          {d.channel ? label(MEDIATION_CHANNEL_LABELS[d.channel]) : t('尚未分流', 'Not chosen yet')}
        </Descriptions.Item>
        {d.receivingBody && (
          <Descriptions.Item label={t('接收单位', 'Receiving body')}>{d.receivingBody}</Descriptions.Item>
        )}
        {d.handler && <Descriptions.Item label={t('承办人', 'Handler')}>{d.handler.name}</Descriptions.Item>}
        {d.sessionDueAt && (
          <Descriptions.Item label={t('调解期限', 'Session due')}>
            <Typography.Text type={overdue ? 'danger' : undefined}>
              {dueDay(d.sessionDueAt)}
              {overdue && t('（已超期）', ' (overdue)')}
            </Typography.Text>
            {d.sessionEscalatedAt && (
              <Tag color="red" style={{ marginLeft: 8 }}>
                {t('已上报所长', 'Escalated to the chief')}
              </Tag>
            )}
          </Descriptions.Item>
        )}
        {d.status === 'failed' && d.failReason && (
          <Descriptions.Item label={t('调解未成', 'Not settled')}>{d.failReason}</Descriptions.Item>
        )}
        {d.nextAttemptOn && (
          <Descriptions.Item label={t('下次调解', 'Next attempt')}>{d.nextAttemptOn}</Descriptions.Item>
        )}
      </Descriptions>
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {d.sessions.map((s) => (
          <SessionItem key={s.id} d={d} s={s} onRecord={canHandle ? () => setModal(s) : undefined} />
        ))}
      </Flex>
      {modal === 'channel' && <ChannelModal d={d} onClose={close} onChanged={onChanged} />}
      {modal === 'plan' && <PlanModal d={d} onClose={close} onChanged={onChanged} />}
      {modal && typeof modal === 'object' && <RecordModal d={d} s={modal} onClose={close} onChanged={onChanged} />}
    </Card>
  );
}

function SessionItem({ d, s, onRecord }: { d: DisputeView; s: MediationSessionView; onRecord?: () => void }) {
  const { t, label } = useLang();
  const names = (ids: string[]) =>
    ids.map((id) => d.parties.find((p) => p.id === id)?.nameMasked ?? '—').join('、') || '—';
  const mediators = [...s.mediators.map((m) => m.name), s.outsideMediators].filter(Boolean).join('、');
  return (
    <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <div>
          <Typography.Text strong>{t(`第 ${s.seq} 次调解`, `Session ${s.seq}`)}</Typography.Text>{' '}
          {s.result ? (
            <Tag color={RESULT_COLOR[s.result]}>{label(SESSION_RESULT_LABELS[s.result])}</Tag>
          ) : (
            <Tag>{t('待登记', 'To record')}</Tag>
          )}
        </div>
        {!s.result && onRecord && (
          <Button size="small" type="primary" onClick={onRecord}>
            {t('登记结果', 'Record')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }}>
        {when(s.plannedAt)} · {s.place}
        {mediators && ` · ${t('调解员', 'Mediators')}：${mediators}`}
        {s.partiesNotified !== null &&
          ` · ${t(`已短信通知 ${s.partiesNotified} 位当事人`, `${s.partiesNotified} parties told by SMS`)}`}
      </Typography.Paragraph>
      {s.heldAt && (
        <Typography.Paragraph style={{ fontSize: 13, marginBottom: 0 }}>
          {t('举行', 'Held')}：{when(s.heldAt)} · {t('到场', 'Present')}：{names(s.attendeePartyIds)}
          {s.otherAttendees && `、${s.otherAttendees}`}
        </Typography.Paragraph>
      )}
      {s.notes && (
        <Typography.Paragraph style={{ fontSize: 13, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          <Tag color="gold">{t('仅内部', 'Internal')}</Tag>
          {s.notes}
        </Typography.Paragraph>
      )}
    </div>
  );
}
