/** My tasks on a desk screen: a table, overdue rows in red. */
import {
  MATTER_KIND_LABELS,
  MATTER_STATUS_LABELS,
  type MatterKind,
  type MatterStatus,
  type MatterView,
  URGENCY_LABELS,
} from '@jingmin/shared';
import { Table, type TablePaginationConfig, Tag } from 'antd';
import { useLang } from '../../../../i18n';
import { DueText } from '../../matter/DueText';
import { STATUS_COLOR, shortTime } from '../../matter/labels';
import { TakeButton } from './TakeButton';

export function TaskTable(props: {
  items: MatterView[];
  loading: boolean;
  onOpen(id: string): void;
  onTake(id: string): void;
  pagination: TablePaginationConfig;
}) {
  const { t, label } = useLang();
  return (
    <>
      <Table<MatterView>
        rowKey="id"
        size="small"
        loading={props.loading}
        dataSource={props.items}
        scroll={{ x: 960 }}
        onRow={(m) => ({ onClick: () => props.onOpen(m.id), style: { cursor: 'pointer' } })}
        rowClassName={(m) => (m.due.overdue ? 'jm-overdue' : '')}
        pagination={{ ...props.pagination, showSizeChanger: false }}
        columns={[
          { title: t('回执号', 'Number'), dataIndex: 'number', width: 170 },
          {
            title: t('类型', 'Kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: MatterKind, m) => (
              <>
                {label(MATTER_KIND_LABELS[k])}
                {m.urgency === 'urgent' && (
                  <Tag color="red" style={{ marginInlineStart: 4 }}>
                    {label(URGENCY_LABELS.urgent)}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('内容', 'Text'), dataIndex: 'body', ellipsis: true },
          { title: t('地址', 'Address'), dataIndex: 'address', width: 200, ellipsis: true },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 90,
            render: (s: MatterStatus) => <Tag color={STATUS_COLOR[s]}>{label(MATTER_STATUS_LABELS[s])}</Tag>,
          },
          { title: t('时限', 'Due'), key: 'due', width: 230, render: (_, m) => <DueText due={m.due} /> },
          { title: t('提交时间', 'Submitted'), dataIndex: 'createdAt', width: 110, render: shortTime },
          {
            title: '',
            key: 'take',
            width: 80,
            render: (_, m) => m.allowedActions.includes('take') && <TakeButton onTake={() => props.onTake(m.id)} />,
          },
        ]}
      />
      <style>{'.jm-overdue td { background: #fff1f0 !important; }'}</style>
    </>
  );
}
