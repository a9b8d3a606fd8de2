/**
 * What the station promises residents and who may sit at its desk: the callback after an unsatisfied
 * rating, the answer to a request about personal data, and whether community officers take desk duty.
 */
import { Col, Form, InputNumber, Row, Switch } from 'antd';
import { useLang } from '../../../../i18n';

export function PromiseFields({ readOnly }: { readOnly: boolean }) {
  const { t } = useLang();
  const required = [{ required: true, message: t('必填', 'Required') }];
  return (
    <Row gutter={16}>
      <Col xs={24} sm={8}>
        <Form.Item
          label={t('不满意评价的复核回访（小时内）', 'Call back after an unsatisfied rating (hours)')}
          name={['review', 'callbackHours']}
          rules={required}
          extra={t('群众评价不满意后看到的承诺', 'What a resident is promised after an unsatisfied rating')}
        >
          <InputNumber min={1} max={168} precision={0} disabled={readOnly} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          label={t('个人信息请求答复（工作日内）', 'Answer a personal-data request (working days)')}
          name={['privacy', 'answerWorkingDays']}
          rules={required}
          extra={t(
            '按工作日历计算，常见做法为15个工作日',
            'Counted on the working-day calendar; 15 is common practice',
          )}
        >
          <InputNumber min={1} max={30} precision={0} disabled={readOnly} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          label={t('社区民警可以值守值班台', 'Community officers may take desk duty')}
          name={['desk', 'officersTakeDesk']}
          valuePropName="checked"
          extra={t('关闭时，社区民警只看到“我的任务”', 'When off, community officers see only their own tasks')}
        >
          <Switch disabled={readOnly} />
        </Form.Item>
      </Col>
    </Row>
  );
}
