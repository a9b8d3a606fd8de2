/**
 * 三级网格责任体系 on the tree's unit panel: for a village or grid, the station's roles by level with their
 * holders — held here, or inherited from the village or named by the beat (with where from). field.manage
 * holders add and remove holders here and edit the station's roles list.
 */
import { DeleteOutlined, SettingOutlined } from '@ant-design/icons';
import {
  HOLDER_KINDS,
  type ResponsibilityHolder,
  type ResponsibilityRole,
  type UnitKind,
  type UnitResponsibilities,
} from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { responsibilityApi as rApi } from '../../../../api/responsibility';
import { useLang } from '../../../../i18n';
import { StaffSelect } from './StaffSelect';

type Unit = { id: string; kind: UnitKind; ancestors: { id: string; kind: UnitKind }[] };
type Role = UnitResponsibilities['levels'][number]['roles'][number];

export function ResponsibilityCard({ unit }: { unit: Unit }) {
  const { t } = useLang();
  const [adding, setAdding] = useState<Role | null>(null);
  const [editingRoles, setEditingRoles] = useState(false);
  const view = useQuery({ queryKey: ['responsibilities', unit.id], queryFn: () => rApi.holders(unit.id) });
  const manage = view.data?.allowedActions.includes('manage') ?? false;
  return (
    <Card
      size="small"
      type="inner"
      title={t('三级网格责任体系', 'Three-level responsibility')}
      style={{ marginBottom: 12 }}
      extra={
        manage && (
          <Button size="small" icon={<SettingOutlined />} onClick={() => setEditingRoles(true)}>
            {t('角色', 'Roles')}
          </Button>
        )
      }
    >
      {view.isError && <Alert type="error" title={errorMessage(view.error)} />}
      {view.data?.levels.map((level) => (
        <div key={level.level} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{level.label}</Typography.Text>
          {level.roles.map((role) => (
            <Flex key={role.key} wrap gap={4} align="center" style={{ padding: '4px 0 4px 8px' }}>
              <Typography.Text style={{ minWidth: 96 }} title={role.about ?? undefined}>
                {role.name}
              </Typography.Text>
              {role.holders.length === 0 && (
                <Typography.Text type="secondary">
                  {level.level === 3 && unit.kind !== 'grid'
                    ? t('在各网格中设置', 'Held per grid')
                    : role.key === 'household_leader'
                      ? t('各组户长见下方十户联防', "Each group's leader: see the groups below")
                      : t('未指定', 'None')}
                </Typography.Text>
              )}
              {role.holders.map((h) => (
                <Holder key={h.id ?? `${h.source.id}:${h.staffId}`} holder={h} unitId={unit.id} manage={manage} />
              ))}
              {manage && (level.level < 3 || unit.kind === 'grid') && (
                <Button size="small" type="link" onClick={() => setAdding(role)}>
                  {t('+ 添加', '+ Add')}
                </Button>
              )}
            </Flex>
          ))}
        </div>
      ))}
      {adding && <AddHolderModal unit={unit} role={adding} onClose={() => setAdding(null)} />}
      {editingRoles && view.data && (
        <RolesModal stationId={view.data.stationId} unitId={unit.id} onClose={() => setEditingRoles(false)} />
      )}
    </Card>
  );
}

function Holder({ holder, unitId, manage }: { holder: ResponsibilityHolder; unitId: string; manage: boolean }) {
  const { t } = useLang();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const from =
    holder.source.kind === 'beat'
      ? t(`来自${holder.source.name}`, `from ${holder.source.name}`)
      : holder.source.kind === 'unit'
        ? t(`继承自${holder.source.name}`, `from ${holder.source.name}`)
        : null;
  const remove = () =>
    modal.confirm({
      title: t(`移除${holder.name}？`, `Remove ${holder.name}?`),
      okText: t('移除', 'Remove'),
      onOk: async () => {
        try {
          await rApi.remove(holder.id ?? '');
          await client.invalidateQueries({ queryKey: ['responsibilities', unitId] });
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  return (
    <Tag color={holder.inherited ? undefined : 'blue'} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
      {holder.name}
      {holder.phone && <Typography.Text type="secondary"> {holder.phone}</Typography.Text>}
      {from && <Typography.Text type="secondary"> · {from}</Typography.Text>}
      {manage && !holder.inherited && holder.id && (
        <DeleteOutlined aria-label={t('移除', 'Remove')} style={{ marginInlineStart: 4 }} onClick={remove} />
      )}
    </Tag>
  );
}

type HolderValues = { kind: 'staff' | 'person'; staffId?: string; name?: string; phone?: string; note?: string };

function AddHolderModal({ unit, role, onClose }: { unit: Unit; role: Role; onClose(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<HolderValues>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? (role.holder === 'person' ? 'person' : 'staff');
  const stationId = unit.ancestors.find((a) => a.kind === 'station')?.id ?? unit.id;
  const save = async (v: HolderValues) => {
    setSaving(true);
    try {
      const body =
        kind === 'staff'
          ? { roleKey: role.key, staffId: v.staffId, note: v.note || undefined }
          : { roleKey: role.key, name: v.name, phone: v.phone || undefined, note: v.note || undefined };
      client.setQueryData(['responsibilities', unit.id], await rApi.add(unit.id, body));
      message.success(t('已添加', 'Added'));
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t(`添加${role.name}`, `Add ${role.name}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('添加', 'Add')}
      destroyOnHidden
    >
      <Form<HolderValues> form={form} layout="vertical" onFinish={save} initialValues={{ kind }}>
        {role.holder === 'either' && (
          <Form.Item name="kind" label={t('担任者', 'Held by')}>
            <Radio.Group>
              <Radio value="staff">{t('本所人员', 'Staff')}</Radio>
              <Radio value="person">{t('群众（无账号）', 'A person (no account)')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        {kind === 'staff' ? (
          <Form.Item name="staffId" label={t('在岗人员', 'Staff member')} rules={[{ required: true }]}>
            <StaffSelect unitId={stationId} prefer={[]} known={[]} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, max: 30 }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('手机号', 'Mobile')}
              rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('请填写 11 位手机号', 'An 11-digit mobile number') }]}
            >
              <Input inputMode="tel" maxLength={11} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('备注', 'Note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const LEVELS = [1, 2, 3] as const;

/** The station's roles: rename, add, reorder; a role still held is refused by the server with its reason. */
function RolesModal({ stationId, unitId, onClose }: { stationId: string; unitId: string; onClose(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [roles, setRoles] = useState<ResponsibilityRole[] | null>(null);
  const [saving, setSaving] = useState(false);
  const settings = useQuery({
    queryKey: ['responsibility-settings', stationId],
    queryFn: () => rApi.settings(stationId),
  });
  const list = roles ?? settings.data?.roles ?? [];
  const change = (i: number, patch: Partial<ResponsibilityRole>) =>
    setRoles(list.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) => {
    const next = [...list];
    const [r] = next.splice(i, 1);
    if (r) next.splice(Math.max(0, Math.min(next.length, i + by)), 0, r);
    setRoles(next);
  };
  const save = async () => {
    setSaving(true);
    try {
      await rApi.saveSettings(stationId, { roles: list });
      await client.invalidateQueries({ queryKey: ['responsibility-settings', stationId] });
      await client.invalidateQueries({ queryKey: ['responsibilities', unitId] });
      message.success(t('已保存', 'Saved'));
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const holderLabel = { staff: t('本所人员', 'Staff'), person: t('群众', 'Person'), either: t('均可', 'Either') };
  return (
    <Modal
      open
      width={720}
      title={t('责任体系角色', 'Responsibility roles')}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okText={t('保存', 'Save')}
    >
      <Typography.Paragraph type="secondary">
        {t('可改名、增加、调整顺序；仍有人担任的角色不能删除。', 'Rename, add, reorder; a role still held stays.')}
      </Typography.Paragraph>
      {list.map((r, i) => (
        <Flex key={r.key} wrap gap={6} style={{ marginBottom: 8 }}>
          <Input
            aria-label={t('角色名称', 'Role name')}
            value={r.name}
            maxLength={30}
            style={{ width: 140 }}
            onChange={(e) => change(i, { name: e.target.value })}
          />
          <Select
            aria-label={t('级别', 'Level')}
            value={r.level}
            style={{ width: 88 }}
            options={LEVELS.map((l) => ({ value: l, label: t(`${l} 级`, `Level ${l}`) }))}
            onChange={(level) => change(i, { level })}
          />
          <Select
            aria-label={t('担任者', 'Held by')}
            value={r.holder}
            style={{ width: 100 }}
            options={HOLDER_KINDS.map((k) => ({ value: k, label: holderLabel[k] }))}
            onChange={(holder) => change(i, { holder })}
          />
          <Space.Compact>
            <Button aria-label={t('上移', 'Up')} onClick={() => move(i, -1)} disabled={i === 0}>
              ↑
            </Button>
            <Button aria-label={t('下移', 'Down')} onClick={() => move(i, 1)} disabled={i === list.length - 1}>
              ↓
            </Button>
            <Button aria-label={t('删除', 'Delete')} danger onClick={() => setRoles(list.filter((_, k) => k !== i))}>
              <DeleteOutlined />
            </Button>
          </Space.Compact>
        </Flex>
      ))}
      <Button
        type="dashed"
        onClick={() =>
          setRoles([
            ...list,
            { key: `r${Date.now().toString(36)}`, name: t('新角色', 'New role'), level: 3, holder: 'either' },
          ])
        }
      >
        {t('+ 增加角色', '+ Add role')}
      </Button>
    </Modal>
  );
}
