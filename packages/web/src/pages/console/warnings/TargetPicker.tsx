/**
 * Whom a notice reaches, chosen on the station's tree: the whole station, or villages and grids ticked on the tree
 * (a ticked village brings its grids), the station's rooms (their members read it as a pinned announcement), and
 * everyone subscribed to the notice's category in the station. Reading rooms needs room.read; without it the rooms
 * are not offered.
 */
import { UNIT_KIND_LABELS } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Flex, Select, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { roomsApi } from '../../../api/rooms';
import { useLang } from '../../../i18n';
import { type UnitNode, useStationUnits } from '../beats/useStationUnits';
import type { TargetChoice } from './model';

/** The station's areas tree and its rooms, read once for the picker and the confirm dialog's names. */
export function useTargetSources(stationId: string) {
  const can = useCan();
  const units = useStationUnits(stationId);
  const rooms = useQuery({
    queryKey: ['rooms', stationId],
    queryFn: () => roomsApi.list(stationId),
    enabled: can('room.read'),
  });
  const names = new Map<string, string>();
  const walk = (nodes: UnitNode[]) => {
    for (const n of nodes) {
      names.set(n.id, n.name);
      walk(n.children);
    }
  };
  walk(units.data?.tree ?? []);
  for (const r of rooms.data ?? []) names.set(r.id, r.name);
  return { units, rooms, names, roomsReadable: can('room.read') };
}

/** Townships and offices open so their villages show at once; a village's grids stay folded. */
const openKeys = (nodes: UnitNode[]): string[] =>
  nodes.filter((n) => n.kind !== 'village' && n.kind !== 'grid').flatMap((n) => [n.id, ...openKeys(n.children)]);

export function TargetPicker(props: {
  stationName: string;
  sources: ReturnType<typeof useTargetSources>;
  value: TargetChoice;
  onChange(value: TargetChoice): void;
  disabled?: boolean;
}) {
  const { stationName, sources, value, onChange, disabled } = props;
  const { t, label } = useLang();
  const { units, rooms, roomsReadable } = sources;
  const treeData = (nodes: UnitNode[]): DataNode[] =>
    nodes.map((n) => ({
      key: n.id,
      title: `${n.name} · ${label(UNIT_KIND_LABELS[n.kind])}`,
      children: treeData(n.children),
    }));

  return (
    <Flex vertical gap={8}>
      <Checkbox
        checked={value.wholeStation}
        disabled={disabled}
        onChange={(e) => onChange({ ...value, wholeStation: e.target.checked })}
      >
        {t(`全所（${stationName}辖区全部村、网格）`, `The whole station (${stationName})`)}
      </Checkbox>
      {units.isError && <Alert type="error" title={errorMessage(units.error)} />}
      {units.isPending ? (
        <Spin />
      ) : (
        !value.wholeStation && (
          <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, maxHeight: 280, overflowY: 'auto' }}>
            {(units.data?.tree.length ?? 0) === 0 ? (
              <Typography.Text type="secondary">
                {t('本所还没有村（社区）和网格', 'No villages or grids yet')}
              </Typography.Text>
            ) : (
              <Tree
                checkable
                selectable={false}
                disabled={disabled}
                treeData={treeData(units.data?.tree ?? [])}
                defaultExpandedKeys={openKeys(units.data?.tree ?? [])}
                checkedKeys={value.checked}
                onCheck={(checked) => {
                  const keys = Array.isArray(checked) ? checked : checked.checked;
                  onChange({ ...value, checked: keys.map(String) });
                }}
              />
            )}
          </div>
        )
      )}
      {roomsReadable && (
        <Select
          mode="multiple"
          allowClear
          disabled={disabled}
          value={value.roomIds}
          onChange={(roomIds) => onChange({ ...value, roomIds })}
          loading={rooms.isPending}
          placeholder={t('议事厅群（作为置顶公告）', 'Community rooms (as a pinned announcement)')}
          aria-label={t('议事厅群', 'Community rooms')}
          optionFilterProp="label"
          options={(rooms.data ?? []).filter((r) => r.active).map((r) => ({ value: r.id, label: r.name }))}
        />
      )}
      <Checkbox
        checked={value.subscribers}
        disabled={disabled}
        onChange={(e) => onChange({ ...value, subscribers: e.target.checked })}
      >
        {t('订阅该类别的群众（全所范围）', 'Everyone subscribed to this category (whole station)')}
      </Checkbox>
    </Flex>
  );
}
