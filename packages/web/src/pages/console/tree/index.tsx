/**
 * 辖区管理: the jurisdiction tree on the left (children load on expand), the
 * selected node on the right with its children, teams, partner departments
 * and households. The selected node is in the address (`?unit=`), and the
 * tree follows it: a node opened from the panel, a search result, a link or
 * the browser's back button is selected and its branch expanded on the left.
 */
import { UNIT_KIND_LABELS, type UnitView } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Spin, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { org } from '../../../api/org';
import { useLang } from '../../../i18n';
import { UnitPanel } from './components/UnitPanel';

type Node = Omit<DataNode, 'children'> & { unit: UnitView; children?: Node[] };

// A grid holds only households; any other node is a leaf only once loading finds no children
// (the branch is asked for rather than trusting a count).
const toNode = (u: UnitView): Node => ({ key: u.id, isLeaf: u.kind === 'grid', unit: u });

/**
 * Replaces the children of one node, wherever it sits in the tree. Children already loaded keep their
 * own branches: two loads of one node (the first level at start, a drill-down) never drop a deeper one.
 */
function attach(list: Node[], key: string, children: Node[]): Node[] {
  return list.map((n) => {
    if (n.key === key) {
      const kept = children.map((c): Node => {
        const before = n.children?.find((o) => o.key === c.key);
        return before?.children ? { ...c, isLeaf: before.isLeaf, children: before.children } : c;
      });
      return { ...n, isLeaf: children.length === 0, children: kept };
    }
    return n.children ? { ...n, children: attach(n.children, key, children) } : n;
  });
}

export default function TreePage() {
  const { label } = useLang();
  const client = useQueryClient();
  const roots = useQuery({ queryKey: ['roots'], queryFn: org.roots });
  const [params, setParams] = useSearchParams();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [loaded, setLoaded] = useState<string[]>([]);
  const loadedRef = useRef<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<string[]>([]);
  const selected = params.get('unit') ?? roots.data?.[0]?.id ?? null;
  // Each choice is a step in the browser's history, so "back" returns to the unit before.
  const select = useCallback((id: string) => setParams({ unit: id }), [setParams]);

  const loadChildren = useCallback(async (key: string) => {
    const children = (await org.children(key)).map(toNode);
    loadedRef.current.add(key);
    setNodes((prev) => attach(prev, key, children));
    setLoaded((prev) => (prev.includes(key) ? prev : [...prev, key]));
  }, []);

  useEffect(() => {
    if (!roots.data) return;
    setNodes(roots.data.map(toNode));
    loadedRef.current = new Set();
    setLoaded([]);
    // The account's own scope opens at once: its first level is what one works with.
    const open = roots.data.filter((u) => u.kind !== 'grid').map((u) => u.id);
    setExpanded(open);
    for (const id of open) void loadChildren(id);
  }, [roots.data, loadChildren]);

  // Drill-down: load and expand every level from the root to the selected unit, then bring it into view.
  useEffect(() => {
    if (!selected || !roots.data) return;
    let stale = false;
    void (async () => {
      const unit = await client.fetchQuery({ queryKey: ['unit', selected], queryFn: () => org.unit(selected) });
      const path = unit.ancestors.map((a) => a.id);
      const branch = unit.kind === 'grid' ? path.slice(0, -1) : path;
      for (const id of branch) if (!loadedRef.current.has(id)) await loadChildren(id);
      if (stale) return;
      setExpanded((prev) => [...new Set([...prev, ...branch])]);
      requestAnimationFrame(() =>
        document.querySelector('.jm-tree .ant-tree-treenode-selected')?.scrollIntoView({ block: 'nearest' }),
      );
    })().catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [selected, roots.data, client, loadChildren]);

  /** After an add, edit or delete under `parentId`: reload that branch of the tree. */
  const changed = useCallback(
    (parentId: string | null, next?: string) => {
      if (parentId && loaded.includes(parentId)) void loadChildren(parentId);
      else if (!parentId) void roots.refetch();
      if (next) select(next);
    },
    [loaded, loadChildren, roots, select],
  );

  if (roots.isPending) return <Spin />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card size="small" className="jm-tree" style={{ maxHeight: '80vh', overflow: 'auto' }}>
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
              onSelect={(keys) => keys[0] && select(String(keys[0]))}
              titleRender={(n) => `${n.unit.name} · ${label(UNIT_KIND_LABELS[n.unit.kind])}`}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        {selected && <UnitPanel id={selected} onSelect={select} onChanged={changed} />}
      </Col>
    </Row>
  );
}
