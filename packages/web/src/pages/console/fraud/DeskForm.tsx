/**
 * 录入预警指令: the desk enters an instruction the anti-fraud centre gave by phone or on paper — the person, where
 * they live (an address, or the doorplate code that routes straight to the grid), the type, the level and the
 * contact deadline (empty: the station's rule for the level). Routed at once; the list shows it.
 */
import {
  DEFAULT_FRAUD_RULES,
  DeskFraudInput,
  FRAUD_LEVEL_LABELS,
  FRAUD_LEVELS,
  FRAUD_TYPE_LABELS,
  FRAUD_TYPES,
  type FraudLevel,
  type FraudType,
} from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { useLang } from '../../../i18n';
import { useStationScope } from '../matter/station';

interface Values {
  stationId: string;
  externalId?: string;
  issuedAt: Dayjs;
  name: string;
  phone: string;
  address?: string;
  doorplateCode?: string;
  fraudType: FraudType;
  level: FraudLevel;
  deadlineMinutes?: number | null;
  detail?: string;
}

const blank = (s?: string) => (s?.trim() ? s.trim() : undefined);

export function DeskForm({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const scope = useStationScope();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('stationId', form) ?? scope.stationId ?? scope.choices[0]?.id;
  const rules = useQuery({
    queryKey: ['fraud', 'settings', chosen],
    queryFn: () => fraudApi.settings(chosen ?? ''),
    enabled: Boolean(chosen),
  });
  const r = rules.data ?? DEFAULT_FRAUD_RULES;
  const save = useMutation({
    mutationFn: (v: Values) =>
      fraudApi.create(
        DeskFraudInput.parse({
          stationId: v.stationId ?? chosen,
          externalId: blank(v.externalId),
          issuedAt: v.issuedAt.toISOString(),
          name: v.name.trim(),
          phone: v.phone.trim(),
          address: blank(v.address),
          doorplateCode: blank(v.doorplateCode),
          fraudType: v.fraudType,
          level: v.level,
          deadlineMinutes: v.deadlineMinutes ?? undefined,
          detail: blank(v.detail),
        }),
      ),
    onSuccess: (view) => {
      void client.invalidateQueries({ queryKey: ['fraud'] });
      message.success(
        view.assignee
          ? t(
              `已录入 ${view.number}，已推送给 ${view.assignee.name}`,
              `Entered ${view.number}; sent to ${view.assignee.name}`,
            )
          : t(
              `已录入 ${view.number}，未匹配到网格，请值班台分派`,
              `Entered ${view.number}; no grid matched — assign it`,
            ),
      );
      onClose();
      onCreated(view.id);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const stations = scope.stationId
    ? [{ value: scope.stationId, label: scope.stationName ?? '' }]
    : scope.choices.map((s) => ({ value: s.id, label: s.name }));
  return (
    <Modal
      open
      title={t('录入预警指令', 'Enter an instruction')}
      okText={t('录入并推送', 'Enter and send')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ stationId: stations[0]?.value, issuedAt: dayjs(), level: 'high', fraudType: 'rebate' }}
        onFinish={(v) => save.mutate(v)}
      >
        {stations.length > 1 && (
          <Form.Item name="stationId" label={t('派出所', 'Station')} rules={[{ required: true }]}>
            <Select options={stations} />
          </Form.Item>
        )}
        <Form.Item name="level" label={t('预警等级', 'Level')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={FRAUD_LEVELS.map((l) => ({ value: l, label: label(FRAUD_LEVEL_LABELS[l]) }))}
          />
        </Form.Item>
        <Form.Item name="fraudType" label={t('诈骗类型', 'Fraud type')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={FRAUD_TYPES.map((x) => ({ value: x, label: label(FRAUD_TYPE_LABELS[x]) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('当事人姓名', 'Name')}
          rules={[{ required: true, whitespace: true, message: t('请填写姓名', 'Give the name') }, { max: 50 }]}
        >
          <Input autoComplete="off" placeholder={t('如：王秀英', 'e.g. Wang Xiuying')} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('手机号', 'Mobile')}
          rules={[
            { required: true, message: t('请填写手机号', 'Give the mobile number') },
            { pattern: /^1[3-9]\d{9}$/, message: t('请填写11位手机号', 'An 11-digit mobile number') },
          ]}
        >
          <Input autoComplete="off" inputMode="tel" maxLength={11} placeholder="13800000000" />
        </Form.Item>
        <Form.Item name="address" label={t('住址', 'Address')} rules={[{ max: 200 }]}>
          <Input placeholder={t('如：柳塘镇石桥村3组12号', 'e.g. No. 12, group 3, Shiqiao village')} />
        </Form.Item>
        <Form.Item
          name="doorplateCode"
          label={t('门牌编号', 'Doorplate code')}
          extra={t(
            '知道门牌编号时直接推给该网格责任民警',
            'With a doorplate code it goes straight to the grid’s officer',
          )}
          rules={[{ max: 40 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="issuedAt" label={t('指令下发时间', 'Issued at')} rules={[{ required: true }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs())}
          />
        </Form.Item>
        <Form.Item
          name="deadlineMinutes"
          label={t('联系时限（分钟）', 'Contact within (minutes)')}
          extra={t(
            `不填则按本所规则：高风险 ${r.highMinutes} 分钟，其他 ${r.otherMinutes} 分钟`,
            `Empty: the station’s rule — ${r.highMinutes} min for high, ${r.otherMinutes} for others`,
          )}
        >
          <InputNumber min={1} max={7 * 24 * 60} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="externalId"
          label={t('上级指令编号（可选）', 'Centre’s number (optional)')}
          rules={[{ max: 64 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="detail" label={t('预警内容', 'What the centre saw')} rules={[{ max: 1000 }]}>
          <Input.TextArea
            rows={3}
            showCount
            maxLength={1000}
            placeholder={t(
              '如：正与冒充客服人员通话，涉及“退款”转账约5万元',
              'e.g. on a call with a fake customer service agent',
            )}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
