/**
 * Reviews as a table on a wide screen and as cards on a phone (a chief on the move): the type and the
 * subject, the resident's answer, the due time (red when overdue), who calls back and the outcome.
 */
import {
  CALLBACK_OUTCOME_LABELS,
  EVALUATION_TYPE_LABELS,
  REVIEW_STATUS_LABELS,
  type ReviewStatus,
  type ReviewView,
} from '@jingmin/shared';
import { Button, Card, Empty, Flex, Grid, Space, Spin, Table, Tag, Typography } from 'antd';
import { useLang } from '../../../../i18n';
import { dateTime as when } from '../../matter/labels';
import { AnswerText } from './AnswerText';

const STATUS_COLOR: Record<ReviewStatus, string> = { open: 'red', callback_assigned: 'orange', closed: 'green' };

export interface ReviewActions {
  /** The chief names who calls back (not once closed). */
  onAssign?(r: ReviewView): void;
  /** Shown for a review whose outcome the viewer may record. */
  canRecord(r: ReviewView): boolean;
  onRecord(r: ReviewView): void;
}

function Subject({ r }: { r: ReviewView }) {
  const { t, label } = useLang();
  return (
    <span>
      {label(EVALUATION_TYPE_LABELS[r.type])}
      {r.matterNumber && <Typography.Text code>{r.matterNumber}</Typography.Text>}
      {r.round && r.round > 1 && t(`（第${r.round}次办理）`, ` (round ${r.round})`)}
    </span>
  );
}

function Due({ r }: { r: ReviewView }) {
  const { t } = useLang();
  return (
    <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>
      {when(r.dueAt)}
      {r.overdue && t('（已超期）', ' (overdue)')}
    </Typography.Text>
  );
}

function Outcome({ r }: { r: ReviewView }) {
  const { t, label } = useLang();
  if (!r.outcome) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      {label(CALLBACK_OUTCOME_LABELS[r.outcome])}
      {r.rectificationDueAt && (
        <Typography.Text type="secondary">
          {t(`，整改期限 ${when(r.rectificationDueAt)}`, `, due ${when(r.rectificationDueAt)}`)}
        </Typography.Text>
      )}
      {r.outcomeNote && (
        <div>
          <Typography.Text type="secondary">{r.outcomeNote}</Typography.Text>
        </div>
      )}
    </div>
  );
}

function Buttons({ r, actions }: { r: ReviewView; actions: ReviewActions }) {
  const { t } = useLang();
  return (
    <Space wrap size={4}>
      {actions.onAssign && r.status !== 'closed' && (
        <Button size="small" onClick={() => actions.onAssign?.(r)}>
          {r.callbackStaffId ? t('改派回访人', 'Reassign') : t('指定回访人', 'Assign callback')}
        </Button>
      )}
      {r.status === 'callback_assigned' && actions.canRecord(r) && (
        <Button size="small" type="primary" onClick={() => actions.onRecord(r)}>
          {t('登记回访结果', 'Record outcome')}
        </Button>
      )}
    </Space>
  );
}

export function ReviewItems(props: {
  stationId: string;
  items: ReviewView[];
  loading: boolean;
  actions: ReviewActions;
  empty: string;
}) {
  const { t, label } = useLang();
  const narrow = Grid.useBreakpoint().md === false;
  const { stationId, actions } = props;
  if (narrow) {
    if (props.loading) return <Spin />;
    if (props.items.length === 0) return <Empty description={props.empty} />;
    return (
      <Flex vertical gap={8}>
        {props.items.map((r) => (
          <Card
            key={r.id}
            size="small"
            style={{ borderColor: r.overdue ? '#ff7875' : undefined }}
            styles={{ body: { padding: 12 } }}
          >
            <Flex justify="space-between" align="center" gap={8}>
              <Subject r={r} />
              <Tag color={STATUS_COLOR[r.status]} style={{ marginInlineEnd: 0 }}>
                {label(REVIEW_STATUS_LABELS[r.status])}
              </Tag>
            </Flex>
            <div style={{ margin: '6px 0' }}>
              <AnswerText stationId={stationId} type={r.type} answers={r.answers} />
            </div>
            <div style={{ fontSize: 12 }}>
              {t('回访期限：', 'Due: ')}
              <Due r={r} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('被评价：', 'Rated: ')}
              {r.ratedStaffName ?? '—'} · {t('回访人：', 'Callback: ')}
              {r.callbackStaffName ?? t('未指定', 'not assigned')}
            </Typography.Text>
            {r.outcome && <Outcome r={r} />}
            <div style={{ marginTop: 6 }}>
              <Buttons r={r} actions={actions} />
            </div>
          </Card>
        ))}
      </Flex>
    );
  }
  return (
    <Table<ReviewView>
      rowKey="id"
      loading={props.loading}
      dataSource={props.items}
      locale={{ emptyText: props.empty }}
      scroll={{ x: 1180 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('评价对象', 'Subject'), key: 'subject', width: 130, render: (_, r) => <Subject r={r} /> },
        {
          title: t('群众的评价', 'What the resident said'),
          key: 'answers',
          width: 280,
          render: (_, r) => <AnswerText stationId={stationId} type={r.type} answers={r.answers} />,
        },
        { title: t('评价时间', 'Answered'), dataIndex: 'answeredAt', width: 130, render: (v: string) => when(v) },
        { title: t('回访期限', 'Due'), key: 'due', width: 140, render: (_, r) => <Due r={r} /> },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 90,
          render: (s: ReviewStatus) => <Tag color={STATUS_COLOR[s]}>{label(REVIEW_STATUS_LABELS[s])}</Tag>,
        },
        {
          title: t('被评价', 'Rated'),
          dataIndex: 'ratedStaffName',
          width: 90,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('回访人', 'Callback by'),
          dataIndex: 'callbackStaffName',
          width: 90,
          render: (v: string | null) =>
            v ?? <Typography.Text type="secondary">{t('未指定', 'not assigned')}</Typography.Text>,
        },
        { title: t('回访结果', 'Outcome'), key: 'outcome', width: 200, render: (_, r) => <Outcome r={r} /> },
        { title: t('操作', 'Actions'), key: 'actions', render: (_, r) => <Buttons r={r} actions={actions} /> },
      ]}
    />
  );
}
