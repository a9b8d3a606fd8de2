/**
 * Draw a sample: station → officer (with the size of their area) → how many
 * households. The inspector is by default picked at random from the community
 * officers of another station (交叉互评) and may be named instead; they read
 * only the drawn households, and only until the grant ends.
 */
import { type CheckSampleView, MAX_CHECK_SAMPLE, MAX_GRANT_DAYS } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, InputNumber, Modal, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { checksApi } from '../../../../api/checks';
import { errorMessage } from '../../../../api/client';
import { useLang } from '../../../../i18n';
import { useStationScope } from '../../matter/station';

const AUTO = 'auto';

interface Values {
  officerId: string;
  size: number;
  inspectorId: string;
  days: number;
}

export function DrawModal({ onClose, onDrawn }: { onClose(): void; onDrawn(s: CheckSampleView): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const scope = useStationScope();
  const [picked, setPicked] = useState<string | null>(null);
  const stationId = scope.stationId ?? picked;
  const [form] = Form.useForm<Values>();
  const officerId = Form.useWatch('officerId', form);
  const days = Form.useWatch('days', form) ?? 7;
  const size = Form.useWatch('size', form);
  const officers = useQuery({
    queryKey: ['check-officers', stationId],
    queryFn: () => checksApi.officers(stationId as string),
    enabled: Boolean(stationId),
  });
  const area = officers.data?.officers.find((o) => o.id === officerId)?.households ?? 0;
  const draw = useMutation({
    mutationFn: (v: Values) =>
      checksApi.draw({
        officerId: v.officerId,
        size: v.size,
        days: v.days,
        inspectorId: v.inspectorId === AUTO ? undefined : v.inspectorId,
      }),
    onSuccess: (s) => {
      void client.invalidateQueries({ queryKey: ['check-samples'] });
      message.success(
        t(`已抽取 ${s.size} 户，检查人：${s.inspectorName}`, `${s.size} drawn; inspector ${s.inspectorName}`),
      );
      onDrawn(s);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const inspectors = officers.data?.inspectors.filter((i) => i.id !== officerId) ?? [];
  const group = (cross: boolean) =>
    inspectors
      .filter((i) => i.crossStation === cross)
      .map((i) => ({ value: i.id, label: `${i.name}（${i.stationName}）` }));
  return (
    <Modal
      open
      title={t('抽取双率样本', 'Draw a sample')}
      okText={t('抽取', 'Draw')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={draw.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ size: 10, inspectorId: AUTO, days: 7 }}
        onFinish={(v) => draw.mutate(v)}
      >
        <Form.Item label={t('派出所', 'Station')} required>
          {scope.stationId ? (
            <Typography.Text strong>{scope.stationName}</Typography.Text>
          ) : (
            <Select
              aria-label={t('派出所', 'Station')}
              value={picked}
              placeholder={t('选择派出所', 'Choose a station')}
              onChange={(v) => {
                setPicked(v);
                form.setFieldsValue({ officerId: undefined, inspectorId: AUTO });
              }}
              options={scope.choices.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
        </Form.Item>
        {officers.isError && <Alert type="error" showIcon title={errorMessage(officers.error)} />}
        <Form.Item
          name="officerId"
          label={t('被查民警', 'Officer')}
          extra={t('括号内为其责任区门牌户数，从中随机抽取', 'The number is the households of their area, drawn from')}
          rules={[{ required: true, message: t('请选择民警', 'Choose an officer') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            disabled={!stationId}
            loading={officers.isFetching}
            notFoundContent={officers.isFetching ? <Spin size="small" /> : undefined}
            placeholder={t('选择民警', 'Choose an officer')}
            options={(officers.data?.officers ?? []).map((o) => ({
              value: o.id,
              disabled: o.households === 0,
              label:
                o.households === 0
                  ? t(`${o.name}（${o.unitName}，无责任区门牌户）`, `${o.name} (${o.unitName}, no households)`)
                  : t(`${o.name}（${o.unitName}，${o.households} 户）`, `${o.name} (${o.unitName}, ${o.households})`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="size"
          label={t('抽取户数', 'Households to draw')}
          extra={
            officerId && area > 0 && size > area
              ? t(`责任区只有 ${area} 户，将全部抽取`, `The area has only ${area}: all will be drawn`)
              : t(`最多 ${MAX_CHECK_SAMPLE} 户，不放回随机抽取`, `At most ${MAX_CHECK_SAMPLE}, without replacement`)
          }
          rules={[{ required: true, message: t('请填写户数', 'Enter a number') }]}
        >
          <InputNumber min={1} max={MAX_CHECK_SAMPLE} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="inspectorId" label={t('检查人', 'Inspector')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            disabled={!stationId}
            options={[
              {
                value: AUTO,
                label: t('自动选派：其他派出所的社区民警（交叉互评）', 'Automatic: an officer of another station'),
              },
              { label: t('其他派出所（交叉互评）', 'Other stations (cross-check)'), options: group(true) },
              { label: t('本所（非交叉互评）', 'This station (not a cross-check)'), options: group(false) },
            ].filter((o) => !('options' in o) || (o.options?.length ?? 0) > 0)}
          />
        </Form.Item>
        <Form.Item name="days" label={t('授权天数', 'Grant days')} rules={[{ required: true }]}>
          <InputNumber min={1} max={MAX_GRANT_DAYS} precision={0} addonAfter={t('天', 'days')} style={{ width: 160 }} />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          title={t('交叉互评', 'Cross-station check')}
          description={t(
            `检查人默认来自其他派出所。抽取后检查人获得 ${days} 天的临时授权，只能查看本次抽中的门牌户（地址、门牌号、是否留有电话），看不到责任区的其他户；授权到期后样本即不可见。抽样随机种子随样本保存，可复核。`,
            `The inspector comes from another station by default. For ${days} days they see only the drawn households (address, doorplate, whether a number is on record), none other; after that the sample is out of their sight. The draw's seed is kept for review.`,
          )}
        />
      </Form>
    </Modal>
  );
}
