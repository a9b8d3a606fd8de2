/**
 * 辖区管理: the jurisdiction tree on the left (children load on expand), the
 * selected node on the right with its children, teams, partner departments
 * and households.
 */
import { UNIT_KIND_LABELS, type UnitView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Spin, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useState } from 'react';
import { org } from '../../../api/org';
import { useLang } from '../../../i18n';
import { UnitPanel } from './components/UnitPanel';

type Node = DataNode & { unit: UnitView; children?: Node[] };

// A grid holds only households; any other node is a leaf only once loading finds no children
// (the branch is asked for rather than trusting a count).
const toNode = (u: UnitView): Node => ({ key: u.id, isLeaf: u.kind === 'grid', unit: u });

/** Replaces the children of one node, wherever it sits in the tree. */
function attach(list: Node[], key: string, children: Node[]): Node[] {
  return list.map((n) => {
    if (n.key === key) return { ...n, isLeaf: children.length === 0, children };
    return n.children ? { ...n, children: attach(n.children, key, children) } : n;
  });
}

export default function TreePage() {
  const { label } = useLang();
  const roots = useQuery({ queryKey: ['roots'], queryFn: org.roots });
  const [nodes, setNodes] = useState<Node[]>([]);
  const [loaded, setLoaded] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);

  const loadChildren = useCallback(async (key: string) => {
    const children = (await org.children(key)).map(toNode);
    setNodes((prev) => attach(prev, key, children));
    setLoaded((prev) => (prev.includes(key) ? prev : [...prev, key]));
  }, []);

  useEffect(() => {
    if (!roots.data) return;
    setNodes(roots.data.map(toNode));
    setLoaded([]);
    setSelected((s) => s ?? roots.data[0]?.id ?? null);
    // The account's own scope opens at once: its first level is what one works with.
    const open = roots.data.filter((u) => u.kind !== 'grid').map((u) => u.id);
    setExpanded(open);
    for (const id of open) void loadChildren(id);
  }, [roots.data, loadChildren]);

  /** After an add, edit or delete under `parentId`: reload that branch of the tree. */
  const changed = useCallback(
    (parentId: string | null, select?: string) => {
      if (parentId && loaded.includes(parentId)) void loadChildren(parentId);
      else if (!parentId) void roots.refetch();
      if (select) setSelected(select);
    },
    [loaded, loadChildren, roots],
  );

  if (roots.isPending) return <Spin />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card size="small" style={{ maxHeight: '80vh', overflow: 'auto' }}>
          {nodes.length === 0 ? (
            <Empty />
          ) : (
            <Tree<Node>
              treeData={nodes}
              loadData={(n) => loadChildren(String(n.key))}
              loadedKeys={loaded}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
              titleRender={(n) => `${n.unit.name} · ${label(UNIT_KIND_LABELS[n.unit.kind])}`}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        {selected && <UnitPanel id={selected} onSelect={setSelected} onChanged={changed} />}
      </Col>
    </Row>
  );
}
