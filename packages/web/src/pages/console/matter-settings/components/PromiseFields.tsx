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
      <EvaluationFields readOnly={readOnly} />
    </Row>
  );
}

/** 五必评: how long an evaluation waits, when its one reminder goes out, and what counts as a flood. */
function EvaluationFields({ readOnly }: { readOnly: boolean }) {
  const { t } = useLang();
  const required = [{ required: true, message: t('必填', 'Required') }];
  const field = (name: string, label: string, en: string, max: number, extra: string, extraEn: string) => (
    <Col xs={24} sm={6} key={name}>
      <Form.Item label={t(label, en)} name={['evaluation', name]} rules={required} extra={t(extra, extraEn)}>
        <InputNumber min={1} max={max} precision={0} disabled={readOnly} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      {field(
        'expiresDays',
        '评价有效期（天）',
        'Evaluation open for (days)',
        90,
        '过期未评的记为“未评价”',
        'Unanswered ones count as not rated',
      )}
      {field(
        'reminderAfterDays',
        '未评价时提醒（天后）',
        'Remind once after (days)',
        60,
        '只发一次短信，短信不含链接',
        'One SMS, never with a link',
      )}
      {field(
        'floodWindowMinutes',
        '集中提交判定（分钟内）',
        'Flood window (minutes)',
        1440,
        '同一设备在此时间内',
        'From one device within this time',
      )}
      {field(
        'floodMaxAnswers',
        '超过几条即待所长确认',
        'Answers before flagging',
        100,
        '超出的评价暂不计入统计',
        'Answers beyond it wait for the chief',
      )}
    </>
  );
}
