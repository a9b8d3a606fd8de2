/**
 * Picks staff of a station (GET /staff under the station, searched on the
 * server). People whose roles fit the duty are listed first; anyone else of
 * the station can still be chosen.
 */
import { ROLE_LABELS, type Role } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { staffApi } from '../../../../api/staff';
import { useLang } from '../../../../i18n';

export function StaffSelect(props: {
  /** Where to look: the station (or the unit) above the grid. */
  unitId: string;
  prefer: readonly Role[];
  multiple?: boolean;
  /** Names of people already chosen, so they show before any search. */
  known: { staffId: string; name: string }[];
  value?: string | string[] | null;
  onChange?(v: string | string[] | null): void;
  id?: string;
}) {
  const { t, label } = useLang();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const staff = useQuery({
    queryKey: ['staff-pick', props.unitId, q],
    queryFn: () => staffApi.page({ unitId: props.unitId, q: q || undefined, page: 1, pageSize: 200 }),
    staleTime: 60_000,
  });
  const people = (staff.data?.items ?? []).filter((s) => s.status === 'active');
  const option = (s: (typeof people)[number]) => ({
    value: s.id,
    label: `${s.displayName} · ${s.roles.map((r) => label(ROLE_LABELS[r])).join('/') || t('无角色', 'no role')} · ${s.scopeUnitName}`,
  });
  const fits = people.filter((s) => s.roles.some((r) => props.prefer.includes(r)));
  const others = people.filter((s) => !fits.includes(s));
  const listed = new Set(people.map((s) => s.id));
  const chosen = props.known.filter((k) => !listed.has(k.staffId)).map((k) => ({ value: k.staffId, label: k.name }));
  return (
    <Select
      id={props.id}
      mode={props.multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onBlur={() => setTyped('')}
      loading={staff.isFetching}
      value={props.value ?? (props.multiple ? [] : null)}
      onChange={(v: string | string[] | undefined) => props.onChange?.(v ?? (props.multiple ? [] : null))}
      placeholder={t('输入姓名或账号查找', 'Type a name or username')}
      notFoundContent={staff.isFetching ? t('查找中…', 'Searching…') : t('没有找到', 'No one found')}
      options={[
        ...(chosen.length > 0 ? [{ label: t('已选', 'Chosen'), options: chosen }] : []),
        ...(fits.length > 0 ? [{ label: t('建议', 'Suggested'), options: fits.map(option) }] : []),
        ...(others.length > 0 ? [{ label: t('其他人员', 'Others'), options: others.map(option) }] : []),
      ]}
    />
  );
}
