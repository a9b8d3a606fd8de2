/**
 * 登记隐患 at the console: where (a village or grid, or the household of a visit), kind (the station's), what,
 * how it was found (a visit of the station, a matter by its 回执号, a patrol, an inspection, a volunteer's
 * report), who must fix it, who follows it, by when, and photos. One Idempotency-Key per opened form.
 */
import { HAZARD_SOURCE_LABELS, HAZARD_SOURCES, type HazardSettings, type HazardSource } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Grid, Input, Modal, Select, TreeSelect, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { hazardsApi } from '../../../../api/hazards';
import { matterApi } from '../../../../api/matters';
import { visitsApi } from '../../../../api/visits';
import { useLang } from '../../../../i18n';
import type { UnitNode } from '../../beats/useStationUnits';
import { filesOf, PhotoPicker } from './PhotoPicker';

type Values = {
  unitId?: string;
  visitId?: string;
  matterNumber?: string;
  patrolSessionId?: string;
  place: string;
  kind: string;
  description: string;
  source: HazardSource;
  rectifier?: string;
  responsibleId?: string;
  deadlineOn?: Dayjs;
  photos?: UploadFile[];
};

type TreeNode = { value: string; title: string; selectable: boolean; children: TreeNode[] };

const treeOf = (nodes: UnitNode[]): TreeNode[] =>
  nodes.map((n) => ({
    value: n.id,
    title: n.name,
    selectable: n.kind === 'village' || n.kind === 'grid',
    children: treeOf(n.children),
  }));

export function RecordForm({
  stationId,
  settings,
  units,
  visitId,
  onClose,
}: {
  stationId: string;
  settings: HazardSettings;
  units: UnitNode[];
  /** A visit it was found on (走访发现 → 登记隐患 from the visits page). */
  visitId?: string;
  onClose(): void;
}) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [key] = useState(() => crypto.randomUUID());
  const [photoKey] = useState(() => crypto.randomUUID());
  const source = Form.useWatch('source', form);
  const visits = useQuery({
    queryKey: ['visits', stationId, 'recent'],
    queryFn: () => visitsApi.list(stationId, { page: 1, pageSize: 50 }),
    enabled: source === 'visit',
  });
  const people = useQuery({ queryKey: ['assignees'], queryFn: () => matterApi.assignees() });
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const visit = visits.data?.items.find((x) => x.id === v.visitId);
      let matterId: string | undefined;
      if (v.source === 'matter') {
        const found = await matterApi.list({ q: v.matterNumber ?? '', page: 1, pageSize: 2 });
        matterId = found.items[0]?.id;
        if (!matterId) throw new Error(t('没有找到该回执号的事项', 'No matter with that number'));
      }
      const files = filesOf(v.photos);
      const photoIds = files.length
        ? (await hazardsApi.uploadPhotos(stationId, files, photoKey)).photos.map((p) => p.id)
        : [];
      return hazardsApi.record(
        stationId,
        {
          ...(visit ? { householdId: visit.householdId } : { unitId: v.unitId }),
          place: v.place,
          kind: v.kind,
          description: v.description,
          source: v.source,
          visitId: v.source === 'visit' ? v.visitId : undefined,
          patrolSessionId: v.source === 'patrol' ? v.patrolSessionId?.trim() : undefined,
          matterId,
          rectifier: v.rectifier,
          responsibleId: v.responsibleId,
          deadlineOn: v.deadlineOn?.format('YYYY-MM-DD'),
          photoIds,
        },
        key,
      );
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['hazards', stationId] });
      message.success(t('隐患已登记', 'Hazard recorded'));
      onClose();
    },
    onError: (err) => message.error(err instanceof Error && !('status' in err) ? err.message : errorMessage(err)),
  });
  return (
    <Modal
      open
      title={t('登记隐患', 'Record a hazard')}
      okText={t('登记', 'Record')}
      width={screens.md ? 640 : '100%'}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={visitId ? { source: 'visit', visitId } : { source: 'inspection' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="source" label={t('发现途径', 'Found by')} rules={[{ required: true }]}>
          <Select options={HAZARD_SOURCES.map((s) => ({ value: s, label: label(HAZARD_SOURCE_LABELS[s]) }))} />
        </Form.Item>
        {source === 'visit' ? (
          <Form.Item name="visitId" label={t('走访记录', 'Visit')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={visits.isLoading}
              onChange={(id: string) => {
                const v = visits.data?.items.find((x) => x.id === id);
                if (v && !form.getFieldValue('place')) form.setFieldValue('place', v.address);
              }}
              options={(visits.data?.items ?? []).map((v) => ({
                value: v.id,
                label: `${v.visitedAt.slice(0, 10)} ${v.address}（${v.staffName}）`,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label={t('所在村（社区）或网格', 'Village or grid')} rules={[{ required: true }]}>
            <TreeSelect treeData={treeOf(units)} showSearch treeNodeFilterProp="title" treeDefaultExpandAll={false} />
          </Form.Item>
        )}
        {source === 'matter' && (
          <Form.Item name="matterNumber" label={t('事项回执号', 'Matter number')} rules={[{ required: true }]}>
            <Input placeholder="JM20261201-000001" maxLength={40} />
          </Form.Item>
        )}
        {source === 'patrol' && (
          <Form.Item name="patrolSessionId" label={t('巡逻记录编号', 'Patrol record id')} rules={[{ required: true }]}>
            <Input maxLength={36} />
          </Form.Item>
        )}
        <Form.Item name="place" label={t('具体地点', 'Place')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} placeholder={t('如：村口加油站、3栋2单元楼道', 'e.g. the petrol station')} />
        </Form.Item>
        <Form.Item name="kind" label={t('隐患类别', 'Kind')} rules={[{ required: true }]}>
          <Select options={settings.kinds.map((k) => ({ value: k.key, label: k.name }))} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('隐患情况', 'What is wrong')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="rectifier" label={t('整改责任方', 'Who must fix it')}>
          <Input
            maxLength={100}
            placeholder={t('户主、经营户、企业或部门', 'household, shop, enterprise, department')}
          />
        </Form.Item>
        <Form.Item
          name="responsibleId"
          label={t('跟踪责任人', 'Follows it')}
          extra={t('不选则为本人。', 'Empty: yourself.')}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={people.isLoading}
            options={(people.data?.staff ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.unit}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="deadlineOn"
          label={t('整改期限', 'Deadline')}
          extra={t('不填则按类别的整改期限计算。', 'Empty: the kind’s period from today.')}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="photos" label={t('现场照片', 'Photos')} valuePropName="value">
          <PhotoPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
