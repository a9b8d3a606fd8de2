/** A station's teams (一室两队) and the partner departments (联动部门) matters can be transferred to. */
import {
  DEPARTMENT_KIND_LABELS,
  DEPARTMENT_KINDS,
  type DepartmentKind,
  TEAM_KIND_LABELS,
  TEAM_KINDS,
  type TeamKind,
  type UnitView,
} from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { type ReactNode, useState } from 'react';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { org } from '../../../../api/org';
import { useLang } from '../../../../i18n';

export function TeamsTab({ unit }: { unit: UnitView }) {
  const { t, label } = useLang();
  const teams = useQuery({ queryKey: ['teams', unit.id], queryFn: () => org.teams(unit.id) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <AddGroup
        title={t('新增警务队', 'Add team')}
        queryKey="teams"
        kinds={TEAM_KINDS.map((k) => ({ value: k, label: label(TEAM_KIND_LABELS[k]) }))}
        save={(v) => org.addTeam({ stationId: unit.id, name: v.name, kind: v.kind as TeamKind })}
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={teams.isPending}
        dataSource={teams.data}
        columns={[
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: TeamKind) => label(TEAM_KIND_LABELS[k]) },
        ]}
      />
    </Space>
  );
}

export function DepartmentsTab({ unit }: { unit: UnitView }) {
  const { t, label } = useLang();
  const depts = useQuery({ queryKey: ['departments', unit.id], queryFn: () => org.departments(unit.id) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <AddGroup
        title={t('新增联动部门', 'Add partner department')}
        queryKey="departments"
        withPhone
        kinds={DEPARTMENT_KINDS.map((k) => ({ value: k, label: label(DEPARTMENT_KIND_LABELS[k]) }))}
        save={(v) =>
          org.addDepartment({
            unitId: unit.id,
            name: v.name,
            kind: v.kind as DepartmentKind,
            ...(v.phone ? { phone: v.phone } : {}),
          })
        }
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={depts.isPending}
        dataSource={depts.data}
        scroll={{ x: 480 }}
        columns={[
          { title: t('名称', 'Name'), dataIndex: 'name' },
          {
            title: t('类型', 'Kind'),
            dataIndex: 'kind',
            render: (k: DepartmentKind) => label(DEPARTMENT_KIND_LABELS[k]),
          },
          { title: t('电话', 'Phone'), dataIndex: 'phone' },
        ]}
      />
    </Space>
  );
}

interface GroupForm {
  name: string;
  kind: string;
  phone?: string;
}

/** The add button and its form; shown only to org.write. */
function AddGroup(props: {
  title: string;
  queryKey: string;
  kinds: { value: string; label: ReactNode }[];
  withPhone?: boolean;
  save(v: GroupForm): Promise<unknown>;
}) {
  const { t } = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!can('org.write')) return null;
  const submit = async (v: GroupForm) => {
    setBusy(true);
    try {
      await props.save(v);
      setOpen(false);
      await client.invalidateQueries({ queryKey: [props.queryKey] });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {props.title}
      </Button>
      <Modal open={open} title={props.title} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form<GroupForm> layout="vertical" onFinish={submit} initialValues={{ kind: props.kinds[0]?.value }}>
          <Form.Item label={t('名称', 'Name')} name="name" rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('类型', 'Kind')} name="kind" rules={[{ required: true }]}>
            <Select options={props.kinds} />
          </Form.Item>
          {props.withPhone && (
            <Form.Item label={t('电话', 'Phone')} name="phone">
              <Input inputMode="tel" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('保存', 'Save')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
