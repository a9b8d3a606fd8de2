/** The 调解协议 section's forms: 制作调解协议书 (prefilled from the case) and 登记履行 with a note. */
import { type AgreementInput, type DisputeView, type DutyView, SESSION_RESULT_LABELS } from '@jingmin/shared';
import { Button, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSession } from '../../../access';
import { disputeAgreementsApi } from '../../../api/dispute-agreements';
import { useLang } from '../../../i18n';
import { useCaseSave } from './useCaseSave';

/** The sessions that reached an agreement (or part of one): an agreement may name one. */
export const agreedSessions = (d: DisputeView) =>
  d.sessions.filter((s) => s.result === 'agreement' || s.result === 'partial');

export function Performed(props: {
  d: DisputeView;
  duty: DutyView;
  onClose(): void;
  onChanged(next: DisputeView): void;
}) {
  const { t } = useLang();
  const [note, setNote] = useState('');
  const save = useCaseSave(
    () => disputeAgreementsApi.performed(props.d.id, props.duty.id, { note: note.trim() || undefined }),
    t('已登记履行', 'Recorded as performed'),
    props,
  );
  return (
    <Modal
      open
      title={t('登记履行', 'Record as performed')}
      okText={t('登记', 'Record')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => save.mutate(undefined)}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>{props.duty.description}</Typography.Paragraph>
      <Input.TextArea
        value={note}
        maxLength={500}
        rows={3}
        placeholder={t('说明（选填），如：已当面支付', 'Note (optional), e.g. paid in person')}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}

type DutyValues = { partyId?: string; description: string; amountYuan?: number | null; dueOn: Dayjs };
type Values = Omit<AgreementInput, 'performanceBy' | 'signedOn' | 'duties' | 'sessionId'> & {
  sessionId?: string;
  performanceBy: Dayjs;
  signedOn: Dayjs;
  duties: DutyValues[];
};

const day = (v: Dayjs) => v.format('YYYY-MM-DD');
const required = { required: true, whitespace: true };

export function MakeAgreement(props: { d: DisputeView; onClose(): void; onChanged(next: DisputeView): void }) {
  const { d } = props;
  const { t, label } = useLang();
  const me = useSession().user;
  const [form] = Form.useForm<Values>();
  const sessions = agreedSessions(d);
  const save = useCaseSave(
    (v: Values) =>
      disputeAgreementsApi.record(d.id, {
        ...v,
        sessionId: v.sessionId || undefined,
        performanceBy: day(v.performanceBy),
        signedOn: day(v.signedOn),
        duties: v.duties.map((x) => ({
          partyId: x.partyId || undefined,
          description: x.description,
          amountYuan: x.amountYuan ?? undefined,
          dueOn: day(x.dueOn),
        })),
      }),
    t('调解协议书已制作，案件转入跟踪回访', 'Agreement recorded; the case is followed up now'),
    props,
  );
  const initial: Partial<Values> = {
    sessionId: sessions[sessions.length - 1]?.id,
    facts: d.facts.slice(0, 4000),
    mediatingBody: (d.channel === 'police' ? d.stationName : (d.receivingBody ?? d.stationName)).slice(0, 60),
    mediatorName: me.displayName,
    copies: Math.min(20, Math.max(2, d.parties.length + 1)),
    signedOn: dayjs(),
    duties: [{ description: '', dueOn: dayjs() } as DutyValues],
  };
  const partyOptions = [
    { value: '', label: t('各方当事人', 'All parties') },
    ...d.parties.map((p) => ({ value: p.id, label: p.nameMasked })),
  ];
  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open
      width={680}
      title={t('制作调解协议书', 'Draw up the agreement')}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="sessionId" label={t('达成协议的调解', 'Session')}>
          <Select
            allowClear={d.status === 'transferred'}
            placeholder={t('由接收部门调处达成', 'Reached through the receiving body')}
            options={sessions.map((s) => ({
              value: s.id,
              label: `${t(`第 ${s.seq} 次`, `Session ${s.seq}`)} · ${s.result ? label(SESSION_RESULT_LABELS[s.result]) : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="facts" label={t('纠纷简要事实', 'Brief facts')} rules={[required, { max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="disputePoints" label={t('争议事项', 'Points in dispute')} rules={[required, { max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="responsibilities" label={t('各方责任', 'Responsibilities')} rules={[required, { max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Typography.Text strong>{t('协议内容（履行事项）', 'Agreed duties')}</Typography.Text>
        <Form.List name="duties">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
              {fields.map((f, i) => (
                <div key={f.key} style={{ background: '#fafafa', padding: 8, borderRadius: 6 }}>
                  <Flex justify="space-between" align="center">
                    <Typography.Text type="secondary">{t(`第 ${i + 1} 项`, `Duty ${i + 1}`)}</Typography.Text>
                    {fields.length > 1 && (
                      <Button size="small" type="link" danger onClick={() => remove(f.name)}>
                        {t('删除', 'Remove')}
                      </Button>
                    )}
                  </Flex>
                  <Row gutter={8}>
                    <Col {...half}>
                      <Form.Item name={[f.name, 'partyId']} label={t('履行人', 'Owed by')}>
                        <Select options={partyOptions} placeholder={t('各方当事人', 'All parties')} />
                      </Form.Item>
                    </Col>
                    <Col {...half}>
                      <Form.Item name={[f.name, 'dueOn']} label={t('履行日期', 'Due on')} rules={[{ required: true }]}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[f.name, 'description']} label={t('事项', 'What')} rules={[required, { max: 300 }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'amountYuan']}
                    label={t('金额（元）', 'Amount (yuan)')}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber
                      min={0}
                      max={1e12}
                      precision={2}
                      style={{ width: '100%' }}
                      placeholder={t('不涉及', 'None')}
                    />
                  </Form.Item>
                </div>
              ))}
              {fields.length < 50 && (
                <Button onClick={() => add({ description: '', dueOn: form.getFieldValue('signedOn') ?? dayjs() })}>
                  {t('添加履行事项', 'Add a duty')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="performanceMethod"
          label={t('履行方式', 'How it is performed')}
          rules={[required, { max: 500 }]}
        >
          <Input placeholder={t('如：现金当面支付、银行转账', 'e.g. cash in person, bank transfer')} />
        </Form.Item>
        <Row gutter={8}>
          <Col {...half}>
            <Form.Item name="performancePlace" label={t('履行地点', 'Where')} rules={[required, { max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="performanceBy" label={t('履行期限', 'Performed by')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="mediatingBody" label={t('调解组织', 'Mediating body')} rules={[required, { max: 60 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="mediatorName" label={t('调解员', 'Mediator')} rules={[required, { max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="copies" label={t('份数（当事人各一份，留存一份）', 'Copies')} rules={[{ required: true }]}>
              <InputNumber min={2} max={20} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="signedOn" label={t('签订日期', 'Signed on')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
