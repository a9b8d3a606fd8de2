/**
 * 辖区管理: the tree on the left (children load on expand), the selected
 * node on the right with its children, teams, partner departments and
 * households.
 */
import {
  ALLOWED_PARENTS,
  DEPARTMENT_KIND_LABELS,
  TEAM_KIND_LABELS,
  UNIT_KIND_LABELS,
  type UnitKind,
  type UnitView,
} from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client';
import { org } from '../../../api/console';
import { useLang } from '../../../i18n';
import { useCan } from '../ConsoleApp';
import { HouseholdsPanel } from './HouseholdsPanel';

type Node = DataNode & { unit: UnitView };

const nodeOf = (u: UnitView, label: (l: { zh: string; en: string }) => string): Node => ({
  key: u.id,
  title: `${u.name} · ${label(UNIT_KIND_LABELS[u.kind])}`,
  isLeaf: u.childCount === 0,
  unit: u,
});

export default function TreePage() {
  const { label } = useLang();
  const roots = useQuery({ queryKey: ['roots'], queryFn: org.roots });
  const [nodes, setNodes] = useState<Node[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const toNode = (u: UnitView): Node => ({
    key: u.id,
    title: `${u.name} · ${label(UNIT_KIND_LABELS[u.kind])}`,
    isLeaf: u.childCount === 0,
    unit: u,
  });

  const { locale } = useLang();
  useEffect(() => {
    if (roots.data) {
      const tr = (l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);
      setNodes(roots.data.map((u) => nodeOf(u, tr)));
      setSelected((s) => s ?? roots.data[0]?.id ?? null);
    }
  }, [roots.data, locale]);

  const loadChildren = async (node: Node) => {
    const children = (await org.children(String(node.key))).map(toNode);
    const attach = (list: Node[]): Node[] =>
      list.map((n) =>
        n.key === node.key ? { ...n, children } : n.children ? { ...n, children: attach(n.children as Node[]) } : n,
      );
    setNodes((prev) => attach(prev));
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card size="small" style={{ maxHeight: '80vh', overflow: 'auto' }}>
          <Tree<Node>
            treeData={nodes}
            loadData={loadChildren}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        {selected && <UnitPanel id={selected} onSelect={setSelected} />}
      </Col>
    </Row>
  );
}

function UnitPanel({ id, onSelect }: { id: string; onSelect(id: string): void }) {
  const { t, label } = useLang();
  const can = useCan();
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => org.unit(id) });
  const children = useQuery({ queryKey: ['children', id], queryFn: () => org.children(id) });
  const u = unit.data;
  if (!u) return null;
  const tabs = [
    {
      key: 'children',
      label: t('下级', 'Children'),
      children: (
        <Table<UnitView>
          rowKey="id"
          size="small"
          dataSource={children.data}
          pagination={false}
          scroll={{ x: 500 }}
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
    ...(can('household.read') && u.householdCount > 0
      ? [{ key: 'households', label: t('门牌', 'Households'), children: <HouseholdsPanel unit={u} /> }]
      : []),
    ...(u.kind === 'station' ? [{ key: 'teams', label: t('警务队', 'Teams'), children: <Teams id={id} /> }] : []),
    { key: 'departments', label: t('联动部门', 'Partner departments'), children: <Departments id={id} /> },
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
      extra={can('org.write') && <UnitActions unit={u} />}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('类型', 'Kind')}>{label(UNIT_KIND_LABELS[u.kind])}</Descriptions.Item>
        <Descriptions.Item label={t('编码', 'Code')}>{u.code ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('电话', 'Phone')}>{u.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('门牌数', 'Households')}>{u.householdCount}</Descriptions.Item>
        <Descriptions.Item label={t('地址', 'Address')}>{u.address ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Tabs items={tabs} />
    </Card>
  );
}

function UnitActions({ unit }: { unit: UnitView }) {
  const { t, label } = useLang();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState<'add' | 'edit' | null>(null);
  const kinds = (Object.keys(ALLOWED_PARENTS) as UnitKind[]).filter((k) => ALLOWED_PARENTS[k].includes(unit.kind));
  const refresh = () => client.invalidateQueries();
  const fail = (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
  const submit = async (values: { name: string; kind: UnitKind; code?: string; phone?: string; address?: string }) => {
    try {
      if (open === 'add') await org.create({ parentId: unit.id, ...values });
      else
        await org.update(unit.id, {
          name: values.name,
          code: values.code || null,
          phone: values.phone || null,
          address: values.address || null,
        });
      setOpen(null);
      refresh();
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Space>
      {kinds.length > 0 && (
        <Button size="small" onClick={() => setOpen('add')}>
          {t('新增下级', 'Add child')}
        </Button>
      )}
      <Button size="small" onClick={() => setOpen('edit')}>
        {t('编辑', 'Edit')}
      </Button>
      <Button
        size="small"
        danger
        onClick={() =>
          modal.confirm({
            title: t(`删除“${unit.name}”？`, `Delete "${unit.name}"?`),
            onOk: () => org.remove(unit.id).then(refresh, fail),
          })
        }
      >
        {t('删除', 'Delete')}
      </Button>
      <Modal
        open={open !== null}
        title={open === 'add' ? t('新增下级', 'Add child') : t('编辑', 'Edit')}
        footer={null}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={submit}
          initialValues={
            open === 'edit'
              ? { ...unit, code: unit.code ?? '', phone: unit.phone ?? '', address: unit.address ?? '' }
              : { kind: kinds[0] }
          }
        >
          {open === 'add' && (
            <Form.Item label={t('类型', 'Kind')} name="kind" rules={[{ required: true }]}>
              <Select options={kinds.map((k) => ({ value: k, label: label(UNIT_KIND_LABELS[k]) }))} />
            </Form.Item>
          )}
          <Form.Item label={t('名称', 'Name')} name="name" rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('编码', 'Code')} name="code">
            <Input />
          </Form.Item>
          <Form.Item label={t('电话', 'Phone')} name="phone">
            <Input />
          </Form.Item>
          <Form.Item label={t('地址', 'Address')} name="address">
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('保存', 'Save')}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}

function Teams({ id }: { id: string }) {
  const { t, label } = useLang();
  const teams = useQuery({ queryKey: ['teams', id], queryFn: () => org.teams(id) });
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={teams.data}
      columns={[
        { title: t('名称', 'Name'), dataIndex: 'name' },
        {
          title: t('类型', 'Kind'),
          dataIndex: 'kind',
          render: (k: keyof typeof TEAM_KIND_LABELS) => label(TEAM_KIND_LABELS[k]),
        },
      ]}
    />
  );
}

function Departments({ id }: { id: string }) {
  const { t, label } = useLang();
  const depts = useQuery({ queryKey: ['departments', id], queryFn: () => org.departments(id) });
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={depts.data}
      columns={[
        { title: t('名称', 'Name'), dataIndex: 'name' },
        {
          title: t('类型', 'Kind'),
          dataIndex: 'kind',
          render: (k: keyof typeof DEPARTMENT_KIND_LABELS) => label(DEPARTMENT_KIND_LABELS[k]),
        },
        { title: t('电话', 'Phone'), dataIndex: 'phone' },
      ]}
    />
  );
}
