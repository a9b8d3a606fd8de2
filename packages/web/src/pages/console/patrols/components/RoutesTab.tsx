/** 必巡线: each route's points in order; the chief adds, edits and retires routes. */
import type { PatrolRoute, PatrolRouteInput } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { useLang } from '../../../../i18n';
import { SetupCards } from './SetupCards';

export function RoutesTab({ stationId, editable }: { stationId: string; editable: boolean }) {
  const { t } = useLang();
  const [editing, setEditing] = useState<PatrolRoute | null | undefined>(undefined);
  const list = useQuery({ queryKey: ['patrol', 'routes', stationId], queryFn: () => patrolsApi.routes(stationId) });
  if (list.isPending) return <Spin />;
  if (list.isError) return <Alert type="error" showIcon title={errorMessage(list.error)} />;
  return (
    <>
      <SetupCards<PatrolRoute>
        items={list.data.items}
        editable={editable}
        count={t(`共 ${list.data.items.length} 条必巡线`, `${list.data.items.length} route(s)`)}
        newLabel={t('新建必巡线', 'New route')}
        emptyText={t('本所还没有必巡线', 'No route yet')}
        retireQuestion={t('停用后不能再按该线路开始巡逻。', 'No new patrol can follow it.')}
        retireLabel={t('停用', 'Retire')}
        retire={patrolsApi.deactivateRoute}
        onEdit={setEditing}
      >
        {(r) => (
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {r.points.map((p, i) => `${i + 1}. ${p.name}`).join(' → ') || t('（没有启用的点）', '(no active point)')}
            </Typography.Paragraph>
            {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
          </>
        )}
      </SetupCards>
      {editing !== undefined && (
        <RouteForm stationId={stationId} route={editing} onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}

function RouteForm(props: { stationId: string; route: PatrolRoute | null; onClose(): void }) {
  const { stationId, route, onClose } = props;
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<PatrolRouteInput>();
  const [saving, setSaving] = useState(false);
  const points = useQuery({ queryKey: ['patrol', 'points', stationId], queryFn: () => patrolsApi.points(stationId) });
  const save = async (v: PatrolRouteInput) => {
    setSaving(true);
    try {
      const input = { ...v, note: v.note ?? '' };
      if (route) await patrolsApi.updateRoute(route.id, { ...input, version: route.version });
      else await patrolsApi.createRoute(stationId, input);
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
      title={route ? t(`编辑 ${route.name}`, `Edit ${route.name}`) : t('新建必巡线', 'New route')}
    >
      <Form<PatrolRouteInput>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          name: route?.name ?? '',
          note: route?.note ?? '',
          pointIds: route?.points.map((p) => p.id) ?? [],
        }}
      >
        <Form.Item label={t('名称', 'Name')} name="name" rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label={t('必到点（按巡逻顺序依次选择）', 'Points, in the order walked')}
          name="pointIds"
          rules={[{ required: true, message: t('至少选一个必到点', 'Pick at least one point') }]}
        >
          <Select
            mode="multiple"
            loading={points.isPending}
            optionFilterProp="label"
            options={(points.data?.items ?? [])
              .filter((p) => p.active)
              .map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item label={t('备注', 'Note')} name="note" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
