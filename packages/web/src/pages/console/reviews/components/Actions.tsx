/**
 * What is done to a review: the chief names who calls back (never the person rated), and the chief or
 * the named person records what the callback found.
 */
import {
  CALLBACK_OUTCOME_LABELS,
  CALLBACK_OUTCOMES,
  type CallbackOutcome,
  type CallbackOutcomeInput,
  RECTIFICATION_WORKING_DAYS,
  type ReviewView,
} from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { errorMessage } from '../../../../api/client';
import { matterApi } from '../../../../api/matters';
import { reviewsApi } from '../../../../api/reviews';
import { useLang } from '../../../../i18n';

/** After a change, every list of reviews (the station's, mine) and the desk's figures are read again. */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['evaluation-reviews'] });
    void client.invalidateQueries({ queryKey: ['summary'] });
  };
}

export function AssignModal({ review, onClose }: { review: ReviewView; onClose(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ staffId: string }>();
  const staff = useQuery({ queryKey: ['assignees'], queryFn: () => matterApi.assignees() });
  const save = useMutation({
    mutationFn: (v: { staffId: string }) => reviewsApi.assign(review.id, v),
    onSuccess: () => {
      refresh();
      message.success(t('已指定回访人', 'Callback assigned'));
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  // The person rated never calls back; the server refuses them too (and a matter's current handler).
  const options = (staff.data?.staff ?? [])
    .filter((s) => s.id !== review.ratedStaffId)
    .map((s) => ({ value: s.id, label: `${s.name}（${s.unit}）` }));
  return (
    <Modal
      open
      title={t('指定回访人', 'Assign the callback')}
      okText={t('指定', 'Assign')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {review.ratedStaffName && (
        <Typography.Paragraph type="secondary">
          {t(
            `被评价的${review.ratedStaffName}不能回访，请另选一名本所工作人员。`,
            `${review.ratedStaffName} was rated and cannot call back; choose someone else.`,
          )}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ staffId: review.callbackStaffId ?? undefined }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="staffId"
          label={t('回访人', 'Callback by')}
          rules={[{ required: true, message: t('请选择回访人', 'Choose who calls back') }]}
        >
          <Select showSearch optionFilterProp="label" loading={staff.isPending} options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface OutcomeValues {
  outcome: CallbackOutcome;
  note?: string;
  workingDays?: number;
}

export function OutcomeModal({ review, onClose }: { review: ReviewView; onClose(): void }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<OutcomeValues>();
  const outcome = Form.useWatch('outcome', form);
  const save = useMutation({
    mutationFn: (v: OutcomeValues) => {
      const input: CallbackOutcomeInput = {
        outcome: v.outcome,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        ...(v.outcome === 'rectification' && v.workingDays ? { workingDays: v.workingDays } : {}),
      };
      return reviewsApi.outcome(review.id, input);
    },
    onSuccess: () => {
      refresh();
      message.success(t('回访结果已登记', 'Outcome recorded'));
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open
      title={t('登记回访结果', 'Record the callback')}
      okText={t('登记', 'Record')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ workingDays: RECTIFICATION_WORKING_DAYS }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="outcome"
          label={t('回访结果', 'Outcome')}
          rules={[{ required: true, message: t('请选择回访结果', 'Choose the outcome') }]}
        >
          <Select options={CALLBACK_OUTCOMES.map((o) => ({ value: o, label: label(CALLBACK_OUTCOME_LABELS[o]) }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label={
            outcome === 'still_unsatisfied'
              ? t('群众仍不满意的原因', 'Why the resident is still unsatisfied')
              : t('回访情况（可选）', 'Notes (optional)')
          }
          rules={[
            {
              required: outcome === 'still_unsatisfied',
              whitespace: true,
              message: t('请写明群众仍不满意的原因', 'Write down why'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {outcome === 'rectification' && (
          <Form.Item
            name="workingDays"
            label={t('整改期限（工作日）', 'Working days to put it right')}
            extra={t(
              '按工作日历计算，节假日不计；好差评惯例为 15 个工作日。',
              'Counted on the working-day calendar; 15 by 好差评 practice.',
            )}
            rules={[{ required: true, message: t('请填写工作日数', 'Enter the working days') }]}
          >
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
