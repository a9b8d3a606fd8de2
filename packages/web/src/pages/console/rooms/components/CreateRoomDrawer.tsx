/**
 * 建群: a 片区群 covers a village, community or grid of the station; a 专题群 gathers people with a shared
 * concern by invitation. The officer owns it (群主); auxiliaries and grid workers co-host.
 */
import { CreateRoomInput, ROOM_KIND_LABELS, ROOM_KINDS, type RoomKind, UNIT_KIND_LABELS } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input, Segmented, Space, Spin, TreeSelect } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../../api/client';
import { roomsApi } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { type UnitNode, useStationUnits } from '../../beats/useStationUnits';
import { StaffSelect } from '../../tree/components/StaffSelect';

interface Values {
  name: string;
  kind: RoomKind;
  unitId?: string;
  ownerId?: string;
  cohostIds?: string[];
  about?: string;
}

const OWNERS = ['community_officer', 'station_chief', 'duty_officer'] as const;
const COHOSTS = ['auxiliary_police', 'grid_worker', 'community_officer'] as const;

export function CreateRoomDrawer({ stationId, onClose }: { stationId: string; onClose(): void }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const units = useStationUnits(stationId);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'area';
  const [saving, setSaving] = useState(false);
  const areaTree = (nodes: UnitNode[]): object[] =>
    nodes.map((n) => ({
      value: n.id,
      name: n.name,
      title: `${n.name} · ${label(UNIT_KIND_LABELS[n.kind])}`,
      selectable: n.kind === 'village' || n.kind === 'grid',
      children: areaTree(n.children),
    }));

  const save = async (v: Values) => {
    const parsed = CreateRoomInput.safeParse({
      name: v.name,
      kind: v.kind,
      ...(v.kind === 'area' ? { unitId: v.unitId } : {}),
      about: v.about ?? '',
      ownerId: v.ownerId,
      cohostIds: v.cohostIds ?? [],
    });
    if (!parsed.success) {
      message.error(t('请填写群名称、片区和群主', 'Enter the name, area and owner'));
      return;
    }
    setSaving(true);
    try {
      const room = await roomsApi.create(stationId, parsed.data);
      message.success(t(`已建群：${room.name}`, `Room created: ${room.name}`));
      void client.invalidateQueries({ queryKey: ['rooms', stationId] });
      navigate(`/console/rooms/${room.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      title={t('建群', 'New room')}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('建群', 'Create')}
          </Button>
        </Space>
      }
    >
      {units.isError && <Alert type="error" showIcon title={errorMessage(units.error)} style={{ marginBottom: 12 }} />}
      {units.isPending ? (
        <Spin />
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'area', cohostIds: [] }}>
          <Form.Item
            label={t('群名称', 'Name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('请填写群名称', 'Enter a name') }]}
          >
            <Input maxLength={40} placeholder={t('如：平安高兴你我他', 'e.g. Safe Gaoxing')} />
          </Form.Item>
          <Form.Item label={t('类型', 'Kind')} name="kind">
            <Segmented options={ROOM_KINDS.map((k) => ({ value: k, label: label(ROOM_KIND_LABELS[k]) }))} />
          </Form.Item>
          {kind === 'area' ? (
            <Form.Item
              label={t('片区', 'Area')}
              name="unitId"
              rules={[{ required: true, message: t('请选择村（社区）或网格', 'Choose a village or grid') }]}
              extra={t(
                '门牌在这个片区内的住户，在门牌页就能看到并加入本群。',
                'Households in the area are offered the room on their doorplate page.',
              )}
            >
              <TreeSelect
                allowClear
                showSearch
                treeNodeFilterProp="title"
                treeNodeLabelProp="name"
                treeData={areaTree(units.data?.tree ?? [])}
                placeholder={t('选择村（社区）或网格', 'Choose a village or grid')}
              />
            </Form.Item>
          ) : (
            <Alert
              type="info"
              style={{ marginBottom: 16 }}
              title={t(
                '专题群（如国道司机群、护林员群）通过邀请二维码加入，覆盖全所。',
                'A group room (drivers on a road, forest rangers) is joined by invitation and covers the station.',
              )}
            />
          )}
          <Form.Item
            label={t('群主（民警）', 'Owner (officer)')}
            name="ownerId"
            rules={[{ required: true, message: t('请选择群主', 'Choose the owner') }]}
          >
            <StaffSelect unitId={stationId} prefer={OWNERS} known={[]} />
          </Form.Item>
          <Form.Item label={t('管理员（辅警、网格员）', 'Co-hosts (auxiliaries, grid workers)')} name="cohostIds">
            <StaffSelect unitId={stationId} prefer={COHOSTS} known={[]} multiple />
          </Form.Item>
          <Form.Item label={t('群简介', 'About')} name="about">
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
