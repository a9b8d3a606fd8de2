/** 关爱走访: the households that asked to be visited every so many days — written down on a visit, ended on request. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, List, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { visitsApi } from '../../../../api/visits';
import { useLang } from '../../../../i18n';
import { HouseholdSearch } from '../../disputes/NewDispute';
import { dateTime as when } from '../../matter/labels';

export function CareRequests({ stationId, searchUnitId }: { stationId: string; searchUnitId: string | null }) {
  const { t } = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useQuery({ queryKey: ['care-requests', stationId], queryFn: () => visitsApi.careRequests(stationId) });
  const end = useMutation({
    mutationFn: visitsApi.endCare,
    onSuccess: () => {
      message.success(t('已结束关爱走访', 'Care visits ended'));
      void client.invalidateQueries({ queryKey: ['care-requests', stationId] });
      void client.invalidateQueries({ queryKey: ['visit-plan', stationId] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(
          '只有住户本人提出时才登记关爱走访（如独居老人希望定期上门）；住户不再需要时结束。',
          'Care visits exist only when a household asks for them, and end when it no longer wants them.',
        )}
      </Typography.Paragraph>
      {can('field.work') && (
        <Button onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
          {t('登记关爱走访申请', 'Record a request')}
        </Button>
      )}
      <List
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('暂无关爱走访申请', 'No requests') }}
        renderItem={(r) => (
          <List.Item
            actions={
              can('field.work')
                ? [
                    <Popconfirm
                      key="end"
                      title={t('住户不再需要定期走访？', 'The household no longer wants care visits?')}
                      onConfirm={() => end.mutate(r.id)}
                    >
                      <Button size="small">{t('结束', 'End')}</Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${r.address} · ${t(`每 ${r.everyDays} 天`, `every ${r.everyDays} days`)}`}
              description={`${r.reason ?? ''}${r.reason ? ' · ' : ''}${when(r.requestedAt)} ${r.recordedByName ?? t('住户自己申请', 'asked by the household')}`}
            />
          </List.Item>
        )}
      />
      {adding && <AddCare stationId={stationId} searchUnitId={searchUnitId} onClose={() => setAdding(false)} />}
    </Space>
  );
}

function AddCare({
  stationId,
  searchUnitId,
  onClose,
}: {
  stationId: string;
  searchUnitId: string | null;
  onClose(): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ householdId: string; everyDays: number; reason?: string }>();
  const save = useMutation({
    mutationFn: (v: { householdId: string; everyDays: number; reason?: string }) =>
      visitsApi.requestCare(v.householdId, { everyDays: v.everyDays, reason: v.reason || undefined }),
    onSuccess: () => {
      message.success(t('已登记', 'Recorded'));
      void client.invalidateQueries({ queryKey: ['care-requests', stationId] });
      void client.invalidateQueries({ queryKey: ['visit-plan', stationId] });
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open
      title={t('登记关爱走访申请', 'Record a care-visit request')}
      okText={t('登记', 'Record')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ everyDays: 30 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="householdId"
          label={t('门牌地址', 'Household')}
          rules={[{ required: true, message: t('请搜索并选择门牌地址', 'Search for and choose the household') }]}
        >
          <HouseholdSearch unitId={searchUnitId} />
        </Form.Item>
        <Form.Item name="everyDays" label={t('间隔天数', 'Every (days)')} rules={[{ required: true }]}>
          <InputNumber min={7} max={365} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('住户的要求', 'What the household asked')}>
          <Input maxLength={200} placeholder={t('如：独居老人，希望每月来看看', 'e.g. lives alone, a visit a month')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
