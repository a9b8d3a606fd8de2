/** Picks a node of the jurisdiction tree within the account's own scope; branches load on expand. */
import { UNIT_KIND_LABELS, type UnitView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { org } from '../../../../api/org';
import { useLang } from '../../../../i18n';

interface Option {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

export function UnitPicker(props: { value?: string; onChange?(id: string): void; placeholder?: string; id?: string }) {
  const { label } = useLang();
  const roots = useQuery({ queryKey: ['roots'], queryFn: org.roots });
  const [options, setOptions] = useState<Option[]>([]);
  const toOption = (u: UnitView, parent: string | null): Option => ({
    id: u.id,
    pId: parent,
    value: u.id,
    title: `${u.name} · ${label(UNIT_KIND_LABELS[u.kind])}`,
    isLeaf: u.childCount === 0,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options reset only when the roots change.
  useEffect(() => {
    if (roots.data) setOptions(roots.data.map((u) => toOption(u, null)));
  }, [roots.data]);
  const load = async (id: string) => {
    const children = await org.children(id);
    setOptions((prev) => [
      ...prev,
      ...children.filter((c) => !prev.some((p) => p.id === c.id)).map((c) => toOption(c, id)),
    ]);
  };
  return (
    <TreeSelect
      id={props.id}
      treeDataSimpleMode
      treeData={options}
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder}
      loadData={(node) => load(String(node.value))}
      showSearch={false}
      style={{ width: '100%' }}
    />
  );
}
