/**
 * The instructions' rows: a table at desk width (scrolling sideways in its own box when narrower), cards on a
 * phone. Names and phones come masked from the server; the drawer shows them in full to those allowed.
 */
import { FRAUD_TYPE_LABELS, type FraudInstructionView } from '@jingmin/shared';
import { Card, Empty, Flex, Grid, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLang } from '../../../i18n';
import { DeadlineText, FeedbackTag, LevelTag, OutcomeTag, StatusTag } from './labels';
import { when } from './model';

interface Props {
  items: FraudInstructionView[];
  now: number;
  loading: boolean;
  onOpen(id: string): void;
}

export function InstructionRows(props: Props) {
  const { t } = useLang();
  const screens = Grid.useBreakpoint();
  if (!props.loading && props.items.length === 0)
    return <Empty description={t('没有符合条件的预警指令', 'No instructions match')} />;
  return screens.md ? <Wide {...props} /> : <Narrow {...props} />;
}

function useArea() {
  const { t } = useLang();
  return (f: FraudInstructionView) => f.unit?.name ?? t(`${f.stationName}（未匹配网格）`, `${f.stationName} (no grid)`);
}

function Assignee({ f }: { f: FraudInstructionView }) {
  const { t } = useLang();
  if (f.assignee) return <>{f.assignee.name}</>;
  return <Typography.Text type="warning">{t('待值班台分派', 'Desk to assign')}</Typography.Text>;
}

function Wide({ items, now, loading, onOpen }: Props) {
  const { t, label } = useLang();
  const area = useArea();
  const columns: ColumnsType<FraudInstructionView> = [
    {
      title: t('编号', 'Number'),
      width: 145,
      render: (_, f) => <Typography.Link onClick={() => onOpen(f.id)}>{f.number}</Typography.Link>,
    },
    { title: t('等级', 'Level'), width: 86, render: (_, f) => <LevelTag level={f.level} /> },
    { title: t('类型', 'Type'), width: 140, ellipsis: true, render: (_, f) => label(FRAUD_TYPE_LABELS[f.fraudType]) },
    {
      title: t('当事人', 'Person'),
      width: 120,
      render: (_, f) => (
        <>
          {f.name}
          <br />
          <Typography.Text type="secondary">{f.phone}</Typography.Text>
        </>
      ),
    },
    { title: t('辖区', 'Area'), width: 120, ellipsis: true, render: (_, f) => area(f) },
    { title: t('处置民警', 'Officer'), width: 100, render: (_, f) => <Assignee f={f} /> },
    {
      title: t('联系时限', 'Contact by'),
      width: 130,
      render: (_, f) => (
        <>
          <DeadlineText f={f} now={now} />
          <br />
          <Typography.Text type="secondary">{when(f.deadlineAt)}</Typography.Text>
        </>
      ),
    },
    { title: t('状态', 'Status'), width: 110, render: (_, f) => <StatusTag f={f} /> },
    { title: t('核查结果', 'Outcome'), width: 90, render: (_, f) => <OutcomeTag outcome={f.outcome} /> },
    { title: t('反馈', 'Feedback'), width: 110, render: (_, f) => <FeedbackTag feedback={f.feedback} /> },
  ];
  return (
    <Table<FraudInstructionView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1150 }}
      pagination={false}
      onRow={(f) => ({ onClick: () => onOpen(f.id), style: { cursor: 'pointer' } })}
    />
  );
}

function Narrow({ items, now, loading, onOpen }: Props) {
  const { t, label } = useLang();
  const area = useArea();
  return (
    <List<FraudInstructionView>
      loading={loading}
      dataSource={items}
      renderItem={(f) => (
        <List.Item style={{ padding: '6px 0' }}>
          <Card size="small" style={{ width: '100%' }} hoverable onClick={() => onOpen(f.id)}>
            <Flex justify="space-between" gap={8} wrap>
              <span>
                <LevelTag level={f.level} />
                <Typography.Text strong>{label(FRAUD_TYPE_LABELS[f.fraudType])}</Typography.Text>
              </span>
              <DeadlineText f={f} now={now} />
            </Flex>
            <div style={{ margin: '4px 0', overflowWrap: 'anywhere' }}>
              {f.name} {f.phone} · {area(f)}
            </div>
            <Flex gap={4} wrap align="center" style={{ fontSize: 13 }}>
              <StatusTag f={f} />
              {f.outcome && <OutcomeTag outcome={f.outcome} />}
              <span>
                {t('处置', 'By')} <Assignee f={f} />
              </span>
              <Typography.Text type="secondary">{f.number}</Typography.Text>
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
