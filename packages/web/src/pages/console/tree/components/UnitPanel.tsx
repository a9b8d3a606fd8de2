/** The selected node: where it sits, its details, and tabs for children, households, teams and departments. */
import { HOUSEHOLD_UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind, type UnitView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Descriptions, Spin, Table, Tabs, Typography } from 'antd';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { org } from '../../../../api/org';
import { useLang } from '../../../../i18n';
import { DutiesCard } from './DutiesCard';
import { DepartmentsTab, TeamsTab } from './GroupsTabs';
import { HouseholdGroupsCard } from './HouseholdGroupsCard';
import { HouseholdsPanel } from './HouseholdsPanel';
import { ResponsibilityCard } from './ResponsibilityCard';
import { UnitActions } from './UnitActions';

export function UnitPanel(props: {
  id: string;
  onSelect(id: string): void;
  onChanged(parentId: string | null, select?: string): void;
}) {
  const { id, onSelect } = props;
  const { t, label } = useLang();
  const can = useCan();
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => org.unit(id) });
  const children = useQuery({
    queryKey: ['children', id],
    queryFn: () => org.children(id),
    enabled: unit.data !== undefined && unit.data.kind !== 'grid',
  });
  if (unit.isError) return <Alert type="error" title={errorMessage(unit.error)} />;
  const u = unit.data;
  if (!u) return <Spin />;
  const holdsHouseholds = HOUSEHOLD_UNIT_KINDS.includes(u.kind);
  // A grid is the tree's last level: it has households, never children.
  const isGrid = u.kind === 'grid';
  const tabs = [
    ...(isGrid
      ? []
      : [
          {
            key: 'children',
            label: t('下级', 'Children'),
            children: (
              <Table<UnitView>
                rowKey="id"
                size="small"
                loading={children.isPending}
                dataSource={children.data}
                pagination={false}
                scroll={{ x: 520 }}
                onRow={(r) => ({ onClick: () => onSelect(r.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('名称', 'Name'), dataIndex: 'name' },
                  { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: UnitKind) => label(UNIT_KIND_LABELS[k]) },
                  { title: t('编码', 'Code'), dataIndex: 'code' },
                  { title: t('门牌数', 'Households'), dataIndex: 'householdCount' },
                ]}
              />
            ),
          },
        ]),
    ...(can('household.read') && (u.householdCount > 0 || holdsHouseholds || can('household.write'))
      ? [{ key: 'households', label: t('门牌', 'Households'), children: <HouseholdsPanel unit={u} /> }]
      : []),
    ...(u.kind === 'station' ? [{ key: 'teams', label: t('警务队', 'Teams'), children: <TeamsTab unit={u} /> }] : []),
    ...(u.kind !== 'grid'
      ? [{ key: 'departments', label: t('联动部门', 'Partner departments'), children: <DepartmentsTab unit={u} /> }]
      : []),
  ];
  return (
    <Card
      size="small"
      title={
        <Breadcrumb
          items={u.ancestors.map((a) => ({
            title: a.id === id ? a.name : <Typography.Link onClick={() => onSelect(a.id)}>{a.name}</Typography.Link>,
          }))}
        />
      }
    >
      {can('org.write') && (
        <div style={{ marginBottom: 12 }}>
          <UnitActions unit={u} onChanged={props.onChanged} />
        </div>
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('类型', 'Kind')}>{label(UNIT_KIND_LABELS[u.kind])}</Descriptions.Item>
        <Descriptions.Item label={t('编码', 'Code')}>{u.code ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('电话', 'Phone')}>{u.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('门牌数', 'Households')}>{u.householdCount}</Descriptions.Item>
        <Descriptions.Item label={t('地址', 'Address')}>{u.address ?? '—'}</Descriptions.Item>
      </Descriptions>
      {/* Keys differ from the tabs' key: siblings sharing one key made React keep a stale duties card. */}
      {(u.kind === 'grid' || u.kind === 'village') && <DutiesCard key={`duties:${id}`} unit={u} />}
      {(u.kind === 'grid' || u.kind === 'village') && can('field.read') && (
        <>
          <ResponsibilityCard key={`responsibility:${id}`} unit={u} />
          {isGrid && <HouseholdGroupsCard key={`household-groups:${id}`} unitId={id} />}
        </>
      )}
      <Tabs key={`tabs:${id}`} items={tabs} defaultActiveKey={tabs[0]?.key} />
    </Card>
  );
}
