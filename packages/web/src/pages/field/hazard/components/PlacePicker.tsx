/**
 * 地点 of a hazard: a village or grid of my areas (kept on the phone, so it works offline), or — with a signal —
 * a household or enterprise found by its address (its village or grid then follows from it).
 */
import type { HouseholdView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { List, Popup, SearchBar } from 'antd-mobile';
import { useState } from 'react';
import { useSession } from '../../../../access';
import { households } from '../../../../api/org';
import { useLang } from '../../../../i18n';
import { MUTED } from '../../../resident/components/residentStyle';
import type { Place } from '../useHazardData';

export type PlaceChoice =
  | { type: 'unit'; unitId: string; label: string }
  | { type: 'household'; householdId: string; label: string; address: string };

export const placeLabel = (p: Place) => (p.kind === 'grid' && p.village ? `${p.village} · ${p.name}` : p.name);

export function PlacePicker({
  places,
  online,
  onPick,
  onClose,
}: {
  places: Place[];
  online: boolean;
  onPick(choice: PlaceChoice): void;
  onClose(): void;
}) {
  const { t } = useLang();
  const session = useSession();
  const [q, setQ] = useState('');
  const words = q.trim();
  const found = useQuery({
    queryKey: ['field-hazard-households', session.user.scopeUnitId, words],
    queryFn: () => households.page({ unitId: session.user.scopeUnitId, q: words, page: 1, pageSize: 10 }),
    enabled: online && words.length >= 2,
    retry: false,
  });
  const units = places.filter((p) => !words || placeLabel(p).includes(words)).slice(0, 60);
  const homes: HouseholdView[] = found.data?.items ?? [];
  return (
    <Popup visible onMaskClick={onClose} bodyStyle={{ height: '80vh', display: 'flex', flexDirection: 'column' }}>
      <div style={{ padding: 12 }}>
        <SearchBar
          placeholder={online ? t('村、网格或门牌地址', 'Village, grid or address') : t('村或网格', 'Village or grid')}
          value={q}
          onChange={setQ}
          aria-label={t('搜索地点', 'Search places')}
        />
        {!online && (
          <div style={{ color: MUTED, fontSize: 13, marginTop: 6 }}>
            {t('没有网络：只能选村或网格，联网后可按门牌地址搜索', 'Offline: villages and grids only')}
          </div>
        )}
      </div>
      <div style={{ overflowY: 'auto', flex: 1 }}>
        {homes.length > 0 && (
          <List header={t('门牌地址', 'Addresses')}>
            {homes.map((h) => (
              <List.Item
                key={h.id}
                description={h.name ? `${h.name} · ${h.unitName}` : h.unitName}
                onClick={() => onPick({ type: 'household', householdId: h.id, label: h.address, address: h.address })}
              >
                {h.address}
              </List.Item>
            ))}
          </List>
        )}
        <List header={t('村（社区）或网格', 'Villages and grids')}>
          {units.map((p) => (
            <List.Item
              key={p.id}
              onClick={() => onPick({ type: 'unit', unitId: p.id, label: placeLabel(p) })}
              extra={p.kind === 'grid' ? t('网格', 'Grid') : t('村', 'Village')}
            >
              {placeLabel(p)}
            </List.Item>
          ))}
          {units.length === 0 && (
            <List.Item>
              <span style={{ color: MUTED }}>{t('没有找到', 'Nothing found')}</span>
            </List.Item>
          )}
        </List>
      </div>
    </Popup>
  );
}
