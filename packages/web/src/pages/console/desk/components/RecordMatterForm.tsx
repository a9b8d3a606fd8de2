/**
 * 登记事项: the desk records a matter on a caller's behalf — a call to the 24-hour line, a visit to the
 * counter, a non-police matter handed down by 110, a 12345 work order. After saving it shows the 回执号
 * to tell the caller and whether the receipt SMS went. A drawer on a desktop, the whole screen on a phone.
 */
import {
  DESK_CHANNELS,
  type DeskChannel,
  type DeskReceipt,
  MATTER_CHANNEL_LABELS,
  MATTER_CHANNEL_SPECS,
  MATTER_KIND_LABELS,
  MATTER_KINDS,
  type MatterKind,
  type RecordMatterInput,
  URGENCIES,
  URGENCY_LABELS,
  type Urgency,
} from '@jingmin/shared';
import { Alert, Button, Checkbox, Drawer, Form, Grid, Input, Radio, Space } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { matterApi } from '../../../../api/matters';
import { useLang } from '../../../../i18n';
import { newKey } from '../../matter/labels';
import { UnitPicker } from '../../staff/components/UnitPicker';
import { HouseholdSearch } from './HouseholdSearch';
import { RecordedReceipt } from './RecordedReceipt';

interface Values {
  channel: DeskChannel;
  externalNo?: string;
  kind?: MatterKind;
  urgency: Urgency;
  body?: string;
  where: 'household' | 'unit';
  householdId?: string;
  unitId?: string;
  placeNote?: string;
  callerPhone?: string;
  smsConsent: boolean;
}

const INITIAL: Values = { channel: 'phone', urgency: 'normal', where: 'household', smsConsent: false };

function inputOf(v: Values): RecordMatterInput {
  const spec = MATTER_CHANNEL_SPECS[v.channel];
  const phone = v.callerPhone?.trim();
  return {
    channel: v.channel,
    ...(spec.externalNo && v.externalNo ? { externalNo: v.externalNo.trim() } : {}),
    kind: v.kind ?? 'other',
    urgency: v.urgency,
    body: (v.body ?? '').trim(),
    ...(v.where === 'household' ? { householdId: v.householdId } : { unitId: v.unitId }),
    ...(v.where === 'unit' && v.placeNote?.trim() ? { placeNote: v.placeNote.trim() } : {}),
    ...(phone ? { callerPhone: phone } : {}),
    smsConsent: Boolean(phone) && v.smsConsent,
  };
}

export function RecordMatterForm(props: { onClose(): void; onSaved(): void; onOpenMatter(id: string): void }) {
  const { t, label } = useLang();
  const narrow = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form) ?? INITIAL.channel;
  const where = Form.useWatch('where', form) ?? INITIAL.where;
  const phone = Form.useWatch('callerPhone', form);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<DeskReceipt | null>(null);
  // One key per matter, made when the form opens: a double click or a retry records it once.
  const key = useRef(newKey());
  const noun = MATTER_CHANNEL_SPECS[channel].externalNo;

  const submit = async (v: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      setReceipt(await matterApi.record(inputOf(v), key.current));
      props.onSaved();
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const another = () => {
    key.current = newKey();
    form.resetFields();
    setReceipt(null);
  };

  return (
    <Drawer
      open
      size={narrow ? '100%' : 560}
      onClose={props.onClose}
      title={t('登记事项', 'Record a matter')}
      styles={{ body: { padding: narrow ? 12 : 24 } }}
    >
      {receipt ? (
        <RecordedReceipt
          receipt={receipt}
          onAnother={another}
          onOpen={() => props.onOpenMatter(receipt.id)}
          onClose={props.onClose}
        />
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={INITIAL} onFinish={submit} disabled={busy}>
          <Form.Item label={t('渠道', 'Channel')} name="channel" rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={DESK_CHANNELS.map((c) => ({ value: c, label: label(MATTER_CHANNEL_LABELS[c]) }))}
            />
          </Form.Item>
          {noun && (
            <Form.Item
              label={label(noun)}
              name="externalNo"
              rules={[
                { required: true, whitespace: true, message: t(`请填写${noun.zh}`, `Enter the ${noun.en}`) },
                {
                  pattern: /^[A-Za-z0-9-]{4,40}$/,
                  message: t('4–40 位字母、数字或短横线', '4–40 letters, digits or dashes'),
                },
              ]}
            >
              <Input maxLength={40} placeholder={channel === 'police_110' ? '2026112300188' : 'GD202611230001'} />
            </Form.Item>
          )}
          <Form.Item
            label={t('事项类型', 'Kind')}
            name="kind"
            rules={[{ required: true, message: t('请选择事项类型', 'Choose a kind') }]}
          >
            <Radio.Group
              optionType="button"
              options={MATTER_KINDS.map((k) => ({ value: k, label: label(MATTER_KIND_LABELS[k]) }))}
            />
          </Form.Item>
          <Form.Item label={t('紧急程度', 'Urgency')} name="urgency">
            <Radio.Group options={URGENCIES.map((u) => ({ value: u, label: label(URGENCY_LABELS[u]) }))} />
          </Form.Item>
          <Form.Item
            label={t('内容', 'What the caller said')}
            name="body"
            rules={[{ required: true, whitespace: true, min: 2, message: t('请填写内容', 'Write what was said') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item label={t('事发地点', 'Where')} name="where">
            <Radio.Group
              options={[
                { value: 'household', label: t('门牌地址', 'A doorplate address') },
                { value: 'unit', label: t('没有门牌：村（社区）或网格', 'No doorplate: a village or grid') },
              ]}
            />
          </Form.Item>
          {where === 'household' ? (
            <Form.Item
              name="householdId"
              rules={[{ required: true, message: t('请搜索并选择门牌地址', 'Search and choose an address') }]}
            >
              <HouseholdSearch />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="unitId"
                extra={t('选择村（社区）或网格', 'Choose a village or a grid')}
                rules={[{ required: true, message: t('请选择村（社区）或网格', 'Choose a village or grid') }]}
              >
                <UnitPicker placeholder={t('村（社区）或网格', 'Village or grid')} />
              </Form.Item>
              <Form.Item name="placeNote" label={t('具体位置', 'Exact place')}>
                <Input maxLength={100} placeholder={t('如：村口小卖部旁', 'e.g. by the shop at the village gate')} />
              </Form.Item>
            </>
          )}
          <Form.Item
            label={t('来电人手机号', "Caller's mobile")}
            name="callerPhone"
            extra={t(
              '加密保存；群众凭此号码的验证码在“我的事项”中查看进度',
              'Stored encrypted; the caller follows the matter under “my matters” with a code sent to it',
            )}
            rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('请填写 11 位手机号', 'Enter an 11-digit mobile') }]}
          >
            <Input inputMode="tel" maxLength={11} autoComplete="off" />
          </Form.Item>
          <Form.Item name="smsConsent" valuePropName="checked">
            <Checkbox disabled={!phone}>
              {t('同意接收回执短信', 'Agrees to a receipt SMS')}
              <div style={{ fontSize: 12, color: '#595959' }}>
                {t('短信只含回执号和派出所名称，不含链接', 'The SMS holds only the number and the station, no link')}
              </div>
            </Checkbox>
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('登记并受理', 'Record and accept')}
            </Button>
            <Button onClick={props.onClose} disabled={false}>
              {t('取消', 'Cancel')}
            </Button>
          </Space>
        </Form>
      )}
    </Drawer>
  );
}
