/** How many matters a doorplate, a phone and an address may submit in an hour (against abuse). */
import type { MatterSettings } from '@jingmin/shared';
import { Col, Form, InputNumber, Row } from 'antd';
import { useLang } from '../../../../i18n';

const LIMITS: [keyof MatterSettings['limits'], string, string, number][] = [
  ['perDoorplatePerHour', '每个门牌码', 'Per doorplate', 1000],
  ['perPhonePerHour', '每个手机号', 'Per phone', 1000],
  ['perAddressPerHour', '每个地址', 'Per address', 10000],
];

export function LimitsFields({ readOnly }: { readOnly: boolean }) {
  const { t } = useLang();
  return (
    <Row gutter={16}>
      {LIMITS.map(([name, zh, en, max]) => (
        <Col key={name} xs={24} sm={8}>
          <Form.Item
            label={t(`${zh}（件/小时）`, `${en} (per hour)`)}
            name={['limits', name]}
            rules={[{ required: true, message: t('必填', 'Required') }]}
          >
            <InputNumber min={1} max={max} precision={0} disabled={readOnly} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
