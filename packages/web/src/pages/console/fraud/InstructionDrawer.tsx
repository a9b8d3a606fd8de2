/**
 * One instruction: the person in full with a button to call (seen only by the handler, the desk and the chief;
 * the server audits every look), what the centre saw, where it was routed, its timeline, then 分派 for the desk
 * and 快核 for whoever handles it; once verified, the result and where the feedback upstream stands.
 */

import { PhoneOutlined } from '@ant-design/icons';
import {
  FRAUD_CONTACT_METHOD_LABELS,
  FRAUD_FOLLOW_UP_LABELS,
  FRAUD_TYPE_LABELS,
  type FraudInstructionView,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Flex, Grid, Spin, Typography } from 'antd';
import { useCan, useSession } from '../../../access';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { useLang } from '../../../i18n';
import { AssignForm } from './AssignForm';
import { DeadlineText, FeedbackTag, LevelTag, OutcomeTag, StatusTag } from './labels';
import { when, yuan } from './model';
import { FraudTimeline } from './Timeline';
import { VerifyForm } from './VerifyForm';

export function InstructionDrawer({ id, now, onClose }: { id: string; now: number; onClose(): void }) {
  const { t } = useLang();
  const screens = Grid.useBreakpoint();
  const q = useQuery({ queryKey: ['fraud', 'one', id], queryFn: () => fraudApi.get(id) });
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 600 : '100%'}
      title={q.data ? t(`预警指令 ${q.data.number}`, `Instruction ${q.data.number}`) : t('预警指令', 'Instruction')}
      destroyOnHidden
    >
      {q.isPending ? (
        <Spin />
      ) : q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} />
      ) : (
        <Detail f={q.data} now={now} />
      )}
    </Drawer>
  );
}

function Detail({ f, now }: { f: FraudInstructionView; now: number }) {
  const { t, label } = useLang();
  const can = useCan();
  const session = useSession();
  const handles = f.assignee?.id === session.user.id || can('fraud.desk');
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <span>
          <LevelTag level={f.level} />
          <StatusTag f={f} />
          <Typography.Text strong>{label(FRAUD_TYPE_LABELS[f.fraudType])}</Typography.Text>
        </span>
        <DeadlineText f={f} now={now} big />
      </Flex>
      <Person f={f} />
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('预警内容', 'What the centre saw')}>
          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{f.detail ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('来源', 'Source')}>
          {f.source === 'upstream'
            ? t(
                `${f.upstreamName ?? '上游平台'} · 指令号 ${f.externalId ?? '—'}`,
                `${f.upstreamName ?? 'Upstream'} · ${f.externalId ?? '—'}`,
              )
            : t('值班台录入', 'Entered by the desk')}
        </Descriptions.Item>
        <Descriptions.Item label={t('网格', 'Grid')}>
          {f.household && f.unit
            ? f.unit.name
            : t(`未匹配到网格（${f.stationName}）`, `No grid matched (${f.stationName})`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('处置民警', 'Officer')}>
          {f.assignee
            ? `${f.assignee.name}${f.routedTo === 'officer' ? t('（网格责任民警）', ' (the grid’s officer)') : ''}`
            : t('由值班台分派', 'The desk assigns it')}
        </Descriptions.Item>
        <Descriptions.Item label={t('联系时限', 'Contact by')}>{when(f.deadlineAt)}</Descriptions.Item>
      </Descriptions>
      <FraudTimeline f={f} />
      {f.status === 'verified' && <Result f={f} />}
      {f.status === 'open' && can('fraud.desk') && <AssignForm f={f} />}
      {f.status === 'open' && handles && !f.purged && (
        <Card size="small" title={t('快核：记录联系和劝阻情况', 'Verify: record the contact')}>
          <VerifyForm f={f} />
        </Card>
      )}
    </Flex>
  );
}

function Person({ f }: { f: FraudInstructionView }) {
  const { t } = useLang();
  if (f.purged)
    return (
      <Alert
        type="info"
        showIcon
        title={t(
          '当事人信息已按保存期限删除，仅保留统计数据。',
          'The person’s data was deleted after the retention period.',
        )}
      />
    );
  return (
    <Card size="small">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {f.name}
          </Typography.Title>
          <Typography.Text style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }}>{f.phone}</Typography.Text>
          <div style={{ overflowWrap: 'anywhere' }}>
            {f.household?.address ?? f.address ?? t('住址不详', 'Address unknown')}
          </div>
        </div>
        <Button type="primary" size="large" icon={<PhoneOutlined />} href={`tel:${f.phone}`}>
          {t('拨打电话', 'Call')}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(
          '查看个人信息已记录审计；仅用于劝阻，请勿外传。',
          'Viewing this person’s data is audited; use it only to protect them.',
        )}
      </Typography.Text>
    </Card>
  );
}

function Result({ f }: { f: FraudInstructionView }) {
  const { t, label } = useLang();
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      title={t('核查结果', 'Result')}
      styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
    >
      <Descriptions.Item label={t('结果', 'Outcome')}>
        <OutcomeTag outcome={f.outcome} />
      </Descriptions.Item>
      <Descriptions.Item label={t('联系方式', 'How')}>
        {f.method ? label(FRAUD_CONTACT_METHOD_LABELS[f.method]) : '—'} · {when(f.contactedAt)}
      </Descriptions.Item>
      {f.outcome === 'defrauded' && (
        <Descriptions.Item label={t('被骗金额', 'Lost')}>{yuan(f.amountLost ?? 0)}</Descriptions.Item>
      )}
      {f.outcome === 'unreachable' && (
        <Descriptions.Item label={t('联系次数', 'Attempts')}>{f.attempts ?? 1}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('挽回损失', 'Prevented')}>{yuan(f.amountPrevented ?? 0)}</Descriptions.Item>
      <Descriptions.Item label={t('后续措施', 'Follow-up')}>
        {f.followUps.length ? f.followUps.map((x) => label(FRAUD_FOLLOW_UP_LABELS[x])).join('、') : '—'}
      </Descriptions.Item>
      {f.note && <Descriptions.Item label={t('情况说明', 'Note')}>{f.note}</Descriptions.Item>}
      <Descriptions.Item label={t('核查人', 'Verified by')}>
        {f.verifiedBy ?? '—'} · {when(f.verifiedAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('反馈上游', 'Feedback')}>
        <FeedbackTag feedback={f.feedback} />
        {f.feedback.sentAt && when(f.feedback.sentAt)}
        {f.feedback.status === 'failed' && f.feedback.lastError && (
          <div>
            <Typography.Text type="danger">{f.feedback.lastError}</Typography.Text>
          </div>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
