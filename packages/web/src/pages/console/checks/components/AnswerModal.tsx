/** The inspector's record for one household: 知晓 and 熟悉 (yes/no each), by visit or — where a number is on record — phone. */
import type { CheckAnswerInput, CheckItemView } from '@jingmin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, Radio, Typography } from 'antd';
import { checksApi } from '../../../../api/checks';
import { errorMessage } from '../../../../api/client';
import { useLang } from '../../../../i18n';

export function AnswerModal({ sampleId, item, onClose }: { sampleId: string; item: CheckItemView; onClose(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<CheckAnswerInput>();
  const save = useMutation({
    mutationFn: (v: CheckAnswerInput) => checksApi.answer(sampleId, item.id, v),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['check-sample', sampleId] });
      void client.invalidateQueries({ queryKey: ['check-samples'] });
      message.success(t('已记录', 'Recorded'));
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const required = { required: true, message: t('请选择', 'Choose one') };
  const yesNo = (
    <Radio.Group
      optionType="button"
      options={[
        { value: true, label: t('是', 'Yes') },
        { value: false, label: t('否', 'No') },
      ]}
    />
  );
  return (
    <Modal
      open
      title={t(`核实结果：${item.doorplateCode}`, `Result: ${item.doorplateCode}`)}
      okText={t('提交', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{item.address}</Typography.Paragraph>
      <Form<CheckAnswerInput>
        form={form}
        layout="vertical"
        initialValues={{ method: 'visit' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="method" label={t('核实方式', 'How')} rules={[required]}>
          <Radio.Group
            options={[
              { value: 'visit', label: t('入户走访', 'Visit') },
              {
                value: 'phone',
                label: item.phoneOnRecord
                  ? t('电话核实', 'Phone')
                  : t('电话核实（该户未留电话）', 'Phone (no number on record)'),
                disabled: !item.phoneOnRecord,
              },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="knowsOfficer"
          label={t('知晓：群众是否知道自己的责任民警？', 'Does the household know its officer?')}
          rules={[required]}
        >
          {yesNo}
        </Form.Item>
        <Form.Item
          name="officerKnows"
          label={t('熟悉：责任民警是否熟悉该户？', 'Does the officer know the household?')}
          rules={[required]}
        >
          {yesNo}
        </Form.Item>
        <Typography.Text type="secondary">
          {t('每户只记录一次，提交后不能修改。', 'Each household is recorded once and cannot be changed after.')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
