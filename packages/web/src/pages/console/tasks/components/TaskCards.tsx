/** My tasks on a phone: one card per matter, the take button on the card itself. */
import { MATTER_KIND_LABELS, MATTER_STATUS_LABELS, type MatterView, URGENCY_LABELS } from '@jingmin/shared';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useLang } from '../../../../i18n';
import { DueText } from '../../matter/DueText';
import { STATUS_COLOR, shortTime } from '../../matter/labels';
import { TakeButton } from './TakeButton';

export function TaskCards(props: {
  items: MatterView[];
  loading: boolean;
  onOpen(id: string): void;
  onTake(id: string): void;
}) {
  const { t, label } = useLang();
  if (props.loading) return <Spin />;
  if (props.items.length === 0) return <Empty description={t('暂无任务', 'No tasks')} />;
  return (
    <Flex vertical gap={8}>
      {props.items.map((m) => (
        <Card
          key={m.id}
          size="small"
          hoverable
          onClick={() => props.onOpen(m.id)}
          style={{ borderColor: m.due.overdue ? '#ff7875' : undefined }}
          styles={{ body: { padding: 12 } }}
        >
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong>{m.number}</Typography.Text>
            <Tag color={STATUS_COLOR[m.status]} style={{ marginInlineEnd: 0 }}>
              {label(MATTER_STATUS_LABELS[m.status])}
            </Tag>
          </Flex>
          <div style={{ margin: '6px 0 4px' }}>
            <Tag>{label(MATTER_KIND_LABELS[m.kind])}</Tag>
            {m.urgency === 'urgent' && <Tag color="red">{label(URGENCY_LABELS.urgent)}</Tag>}
            {(m.photoIds ?? []).length > 0 && (
              <Tag>{t(`${m.photoIds.length}张照片`, `${m.photoIds.length} photos`)}</Tag>
            )}
          </div>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
            {m.body}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {m.address}
          </Typography.Text>
          <Flex justify="space-between" align="center" style={{ marginTop: 6 }} gap={8} wrap>
            <span style={{ fontSize: 12 }}>
              {m.due.deadline && <DueText due={m.due} size={12} />}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: m.due.deadline ? 8 : 0 }}>
                {t('提交', 'sent')} {shortTime(m.createdAt)}
              </Typography.Text>
            </span>
            {m.allowedActions.includes('take') && <TakeButton onTake={() => props.onTake(m.id)} />}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
