/**
 * The register's rows: a table at desk width (scrolling sideways inside its own box when narrower), a list
 * of cards on a phone (375 or 320 px), each opening the hazard's drawer.
 */
import { HAZARD_SOURCE_LABELS, type HazardListItem } from '@jingmin/shared';
import { Card, Flex, Grid, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLang } from '../../../../i18n';
import { Deadline, StatusTag } from '../labels';

interface Props {
  items: HazardListItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage(page: number, pageSize: number): void;
  onOpen(id: string): void;
}

export function HazardList(props: Props) {
  const screens = Grid.useBreakpoint();
  return screens.md ? <Wide {...props} /> : <Narrow {...props} />;
}

function Wide({ items, total, page, pageSize, loading, onPage, onOpen }: Props) {
  const { t, label } = useLang();
  const columns: ColumnsType<HazardListItem> = [
    { title: t('状态', 'Status'), dataIndex: 'status', width: 96, render: (_, h) => <StatusTag status={h.status} /> },
    { title: t('类别', 'Kind'), dataIndex: 'kindName', width: 110 },
    {
      title: t('地点', 'Place'),
      dataIndex: 'place',
      ellipsis: true,
      render: (_, h) => <Typography.Link onClick={() => onOpen(h.id)}>{h.place}</Typography.Link>,
    },
    { title: t('村（社区）', 'Village'), width: 120, render: (_, h) => h.village?.name ?? h.unit.name },
    { title: t('整改期限', 'Deadline'), width: 150, render: (_, h) => <Deadline h={h} /> },
    { title: t('责任人', 'Responsible'), width: 100, render: (_, h) => h.responsible.name },
    { title: t('来源', 'Source'), width: 100, render: (_, h) => label(HAZARD_SOURCE_LABELS[h.source]) },
    { title: t('发现日期', 'Found'), width: 110, render: (_, h) => h.foundAt.slice(0, 10) },
  ];
  return (
    <Table<HazardListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 900 }}
      onRow={(h) => ({ onClick: () => onOpen(h.id), style: { cursor: 'pointer' } })}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, onChange: onPage }}
    />
  );
}

function Narrow({ items, total, page, pageSize, loading, onPage, onOpen }: Props) {
  const { t } = useLang();
  return (
    <List<HazardListItem>
      loading={loading}
      dataSource={items}
      pagination={{ current: page, pageSize, total, onChange: onPage, size: 'small', simple: true }}
      renderItem={(h) => (
        <List.Item style={{ padding: '6px 0' }}>
          <Card size="small" style={{ width: '100%' }} hoverable onClick={() => onOpen(h.id)}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {h.kindName}
              </Typography.Text>
              <StatusTag status={h.status} />
            </Flex>
            <Typography.Paragraph style={{ margin: '4px 0', overflowWrap: 'anywhere' }}>{h.place}</Typography.Paragraph>
            <Flex gap={8} wrap style={{ fontSize: 13 }}>
              <span>{h.village?.name ?? h.unit.name}</span>
              <span>
                {t('期限', 'Due')} <Deadline h={h} />
              </span>
              <span>
                {t('责任人', 'By')} {h.responsible.name}
              </span>
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
