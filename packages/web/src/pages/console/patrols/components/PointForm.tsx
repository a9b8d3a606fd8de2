/** 新建/编辑必到点: its village or grid of the station, name, code (unique in the station) and place. */
import { type PatrolPoint, type PatrolPointInput, UNIT_KIND_LABELS } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Spin, TreeSelect } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { useLang } from '../../../../i18n';
import { type UnitNode, useStationUnits } from '../../beats/useStationUnits';

export function PointForm(props: { stationId: string; point: PatrolPoint | null; onClose(): void }) {
  const { stationId, point, onClose } = props;
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const units = useStationUnits(stationId);
  const [form] = Form.useForm<PatrolPointInput>();
  const [saving, setSaving] = useState(false);
  const tree = (nodes: UnitNode[]): object[] =>
    nodes.map((n) => ({
      value: n.id,
      title: `${n.name} · ${label(UNIT_KIND_LABELS[n.kind])}`,
      selectable: n.kind === 'village' || n.kind === 'grid',
      children: tree(n.children),
    }));
  const save = async (v: PatrolPointInput) => {
    setSaving(true);
    try {
      const input = { ...v, place: v.place ?? '' };
      if (point) await patrolsApi.updatePoint(point.id, { ...input, version: point.version });
      else await patrolsApi.createPoint(stationId, input);
      message.success(t('已保存', 'Saved'));
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
      void client.invalidateQueries({ queryKey: ['patrol'] });
    }
  };
  return (
    <Modal
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      title={point ? t(`编辑 ${point.name}`, `Edit ${point.name}`) : t('新建必到点', 'New patrol point')}
    >
      {units.isPending ? (
        <Spin />
      ) : (
        <Form<PatrolPointInput>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{
            unitId: point?.unit.id,
            name: point?.name ?? '',
            code: point?.code ?? '',
            place: point?.place ?? '',
          }}
        >
          <Form.Item
            label={t('所在村（社区）或网格', 'Village or grid')}
            name="unitId"
            rules={[{ required: true, message: t('请选择', 'Required') }]}
          >
            <TreeSelect
              treeData={tree(units.data?.tree ?? [])}
              treeDefaultExpandAll
              showSearch
              treeNodeFilterProp="title"
            />
          </Form.Item>
          <Form.Item label={t('名称', 'Name')} name="name" rules={[{ required: true, max: 60 }]}>
            <Input placeholder={t('如：柳塘镇中心小学校门口', 'e.g. the primary school gate')} />
          </Form.Item>
          <Form.Item
            label={t('编号（印在二维码下方）', 'Code (printed under the QR)')}
            name="code"
            rules={[
              { required: true, max: 20 },
              { pattern: /^[A-Za-z0-9-]+$/, message: t('只能用字母、数字和 -', 'Letters, digits and - only') },
            ]}
          >
            <Input placeholder="LT-P13" />
          </Form.Item>
          <Form.Item label={t('具体位置', 'Place')} name="place" rules={[{ max: 200 }]}>
            <Input placeholder={t('如：校门东侧路灯杆', 'e.g. the lamp post east of the gate')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
