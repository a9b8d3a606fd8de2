/** 隐患统计 on top of the register: found and fixed in the period, open and overdue now, by kind and village. */
import type { HazardFigures } from '@jingmin/shared';
import { Card, Col, Collapse, Row, Statistic, Table } from 'antd';
import { useLang } from '../../../../i18n';

type Line = { key: string; name: string; found: number; fixed: number; open: number; overdue: number };

export function Figures({ figures }: { figures: HazardFigures }) {
  const { t } = useLang();
  const cards = [
    { title: t('期间发现', 'Found in period'), value: figures.found },
    { title: t('期间销号', 'Verified in period'), value: figures.fixed },
    { title: t('当前未销号', 'Open now'), value: figures.open },
    { title: t('当前逾期', 'Overdue now'), value: figures.overdue, danger: figures.overdue > 0 },
  ];
  const columns = [
    { title: t('名称', 'Name'), dataIndex: 'name' },
    { title: t('发现', 'Found'), dataIndex: 'found', align: 'right' as const },
    { title: t('销号', 'Verified'), dataIndex: 'fixed', align: 'right' as const },
    { title: t('未销号', 'Open'), dataIndex: 'open', align: 'right' as const },
    { title: t('逾期', 'Overdue'), dataIndex: 'overdue', align: 'right' as const },
  ];
  const byKind: Line[] = figures.byKind.map((k) => ({ key: k.kind, ...k }));
  const byVillage: Line[] = figures.byVillage.map((v) => ({ key: v.unitId, ...v }));
  const table = (rows: Line[]) => (
    <div style={{ overflowX: 'auto' }}>
      <Table<Line> size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} />
    </div>
  );
  return (
    <>
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={c.title}
                value={c.value}
                styles={c.danger ? { content: { color: '#cf1322' } } : undefined}
                suffix={c.danger ? t('件 · 逾期', ' overdue') : t('件', '')}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Collapse
        size="small"
        items={[
          { key: 'kind', label: t('按类别', 'By kind'), children: table(byKind) },
          { key: 'village', label: t('按村（社区）', 'By village'), children: table(byVillage) },
        ]}
      />
    </>
  );
}
