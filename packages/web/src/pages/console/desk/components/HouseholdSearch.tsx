/** A doorplate address found by typing part of it (or its doorplate code), within the desk's own station. */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../../../access';
import { households } from '../../../../api/org';
import { useLang } from '../../../../i18n';

export function HouseholdSearch(props: { value?: string; onChange?(id: string | undefined): void; id?: string }) {
  const { t } = useLang();
  const session = useSession();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // A query per pause in typing, not per key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['households', 'search', session.user.scopeUnitId, q],
    queryFn: () => households.page({ unitId: session.user.scopeUnitId, q, page: 1, pageSize: 20 }),
    enabled: q.length >= 2,
  });
  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      value={props.value}
      onChange={props.onChange}
      allowClear
      placeholder={t('输入地址或门牌编码搜索，如“东岭村3组”', 'Type part of an address or a doorplate code')}
      loading={found.isFetching}
      notFoundContent={
        q.length < 2 ? t('至少输入 2 个字', 'Type at least 2 characters') : t('没有找到该地址', 'No such address')
      }
      options={(found.data?.items ?? []).map((h) => ({
        value: h.id,
        label: `${h.address} · ${h.unitName}`,
      }))}
      style={{ width: '100%' }}
    />
  );
}
