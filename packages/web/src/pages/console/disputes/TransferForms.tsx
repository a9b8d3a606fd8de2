/**
 * The forms of 移交: the station sends the case to a partner department of its station; the department's
 * liaison returns it with a reason, notes progress, or gives the result. Each answers with the whole case.
 */
import type { DisputeView } from '@jingmin/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Radio, Select } from 'antd';
import { errorMessage } from '../../../api/client';
import { disputeTransfersApi } from '../../../api/dispute-transfers';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';

const boxed = { marginBottom: 12, padding: 12, background: '#fafafa', borderRadius: 8 } as const;

interface FormProps {
  onCancel(): void;
  onDone(next: DisputeView): void;
}

/** A mutation that answers with the case, says so, and hands the case on. */
function useStep<V>(call: (v: V) => Promise<DisputeView>, done: string, onDone: (next: DisputeView) => void) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: call,
    onSuccess: (next) => {
      message.success(done);
      onDone(next);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
}

function Actions({ pending, onCancel, submit }: { pending: boolean; onCancel(): void; submit: string }) {
  const { t } = useLang();
  return (
    <Flex gap={8}>
      <Button type="primary" htmlType="submit" loading={pending}>
        {submit}
      </Button>
      <Button onClick={onCancel}>{t('取消', 'Cancel')}</Button>
    </Flex>
  );
}

/** 移交: the departments and committees the station works with (司法所, 村委会, 医调委 …). */
export function SendForm({ d, onCancel, onDone }: FormProps & { d: DisputeView }) {
  const { t } = useLang();
  const departments = useQuery({ queryKey: ['assignees'], queryFn: () => matterApi.assignees() });
  const send = useStep(
    (v: { departmentId: string; note: string }) => disputeTransfersApi.send(d.id, { ...v, note: v.note.trim() }),
    t('已移交，等待对方接收', 'Transferred; waiting for the department'),
    onDone,
  );
  return (
    <Form layout="vertical" onFinish={(v) => send.mutate(v)} style={boxed}>
      <Form.Item
        name="departmentId"
        label={t('接收部门', 'Department')}
        rules={[{ required: true, message: t('请选择接收部门', 'Choose the department') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={departments.isPending}
          placeholder={t('司法所、村委会、调委会……', 'Judicial office, village committee …')}
          notFoundContent={t('本辖区还没有联动部门', 'No partner department in your scope')}
          options={(departments.data?.departments ?? []).map((dep) => ({
            value: dep.id,
            label: dep.unit ? `${dep.name}（${dep.unit}）` : dep.name,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('移交说明', 'Note')}
        rules={[
          { required: true, whitespace: true, message: t('请写明移交的原因和要求', 'Say why and what is asked') },
          { max: 1000, message: t('不超过1000字', 'At most 1000 characters') },
        ]}
      >
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Actions pending={send.isPending} onCancel={onCancel} submit={t('移交', 'Transfer')} />
    </Form>
  );
}

/** 退回: the case goes back to the station with the department's reason. */
export function ReturnForm({ transferId, onCancel, onDone }: FormProps & { transferId: string }) {
  const { t } = useLang();
  const back = useStep(
    (v: { reason: string }) => disputeTransfersApi.answer(transferId, { answer: 'return', reason: v.reason.trim() }),
    t('已退回派出所', 'Returned to the station'),
    onDone,
  );
  return (
    <Form layout="vertical" onFinish={(v) => back.mutate(v)} style={boxed}>
      <Form.Item
        name="reason"
        label={t('退回理由', 'Reason')}
        rules={[
          { required: true, whitespace: true, message: t('请写明退回理由', 'Give the reason') },
          { max: 500, message: t('理由不超过500字', 'At most 500 characters') },
        ]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Actions pending={back.isPending} onCancel={onCancel} submit={t('退回', 'Return')} />
    </Form>
  );
}

/** 进展: a note of the department's work. */
export function ProgressForm({ transferId, onCancel, onDone }: FormProps & { transferId: string }) {
  const { t } = useLang();
  const note = useStep(
    (v: { text: string }) => disputeTransfersApi.progress(transferId, { text: v.text.trim() }),
    t('进展已登记', 'Progress recorded'),
    onDone,
  );
  return (
    <Form layout="vertical" onFinish={(v) => note.mutate(v)} style={boxed}>
      <Form.Item
        name="text"
        label={t('办理进展', 'Progress')}
        rules={[
          { required: true, whitespace: true, message: t('请填写进展', 'Write the progress') },
          { max: 1000, message: t('不超过1000字', 'At most 1000 characters') },
        ]}
      >
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Actions pending={note.isPending} onCancel={onCancel} submit={t('登记', 'Record')} />
    </Form>
  );
}

/** 办结: resolved (the station follows it up) or not (调解未成, the station plans the next attempt). */
export function ResultForm({ transferId, onCancel, onDone }: FormProps & { transferId: string }) {
  const { t } = useLang();
  const finish = useStep(
    (v: { resolved: boolean; result: string }) =>
      disputeTransfersApi.result(transferId, { resolved: v.resolved, result: v.result.trim() }),
    t('已办结', 'Done'),
    onDone,
  );
  return (
    <Form layout="vertical" onFinish={(v) => finish.mutate(v)} style={boxed}>
      <Form.Item
        name="resolved"
        label={t('是否化解', 'Resolved?')}
        rules={[{ required: true, message: t('请选择是否化解', 'Say whether it is resolved') }]}
      >
        <Radio.Group
          options={[
            { value: true, label: t('已化解', 'Resolved') },
            { value: false, label: t('未化解', 'Not resolved') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="result"
        label={t('办理结果', 'Result')}
        rules={[
          { required: true, whitespace: true, message: t('请填写办理结果', 'Write the result') },
          { max: 1000, message: t('不超过1000字', 'At most 1000 characters') },
        ]}
      >
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Actions pending={finish.isPending} onCancel={onCancel} submit={t('办结', 'Finish')} />
    </Form>
  );
}
