/**
 * 提级督办: after how many reopenings (发回重办) or transfers (转办) a matter goes to the county bureau by
 * itself, once. The server keeps both between 2 and 20.
 */
import { DEFAULT_ESCALATION_RULES, type EscalationRules } from '@jingmin/shared';
import { Col, Form, InputNumber, Row } from 'antd';
import { useLang } from '../../../../i18n';

const FIELDS: [keyof EscalationRules, string, string][] = [
  ['reopens', '发回重办次数', 'Reopenings'],
  ['transfers', '转办次数', 'Transfers'],
];

export function EscalationFields({ readOnly }: { readOnly: boolean }) {
  const { t } = useLang();
  return (
    <Row gutter={16}>
      {FIELDS.map(([name, zh, en]) => (
        <Col key={name} xs={24} sm={8}>
          <Form.Item
            label={t(`${zh}（次）`, `${en} (times)`)}
            name={['escalation', name]}
            rules={[{ required: true, message: t('必填', 'Required') }]}
            extra={t(
              `2 至 20 次，默认 ${DEFAULT_ESCALATION_RULES[name]} 次`,
              `2 to 20; ${DEFAULT_ESCALATION_RULES[name]} by default`,
            )}
          >
            <InputNumber min={2} max={20} precision={0} disabled={readOnly} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
