/** The form for one step on a matter: what the step needs, and photos with a reply or a note. */
import {
  type MatterAction,
  NOTE_AUDIENCE_DEFAULT,
  NOTE_AUDIENCE_LABELS,
  NOTE_AUDIENCES,
  URGENCIES,
  URGENCY_LABELS,
} from '@jingmin/shared';
import { App, Button, Form, Input, Radio, Select, Space, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../api/client';
import type { MatterDetail } from '../../../api/matters';
import { useLang } from '../../../i18n';
import { AssigneeField } from './AssigneeField';
import { ACTION_LABELS, newKey, type Step } from './labels';
import { PhotoPicker, TooLarge, uploadChosen } from './PhotoPicker';

type Values = Record<string, string | undefined>;

/** Steps whose text the writer may show to the resident or keep to staff (the server's NOTE_AUDIENCE_DEFAULT). */
const NOTE_STEPS: Step[] = ['dispatch', 'transfer', 'invalidate', 'return', 'reopen', 'merge'];

export function StepForm(props: {
  m: MatterDetail;
  step: Step;
  act(step: Step, body: Record<string, unknown>): Promise<boolean>;
  onCancel(): void;
}) {
  const { m, step } = props;
  const { t, label } = useLang();
  const { message } = App.useApp();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  // One key per set of photos: a retry after a lost answer does not upload them twice.
  const key = useRef(newKey());
  const withPhotos = step === 'reply' || step === 'note';
  const assigning = step === 'dispatch' || step === 'transfer';
  const suggested = step === 'dispatch' ? m.suggestedAssignee : null;

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const body = withPhotos
        ? { text: (v.text ?? '').trim(), photoIds: await uploadChosen(m.id, photos, key.current) }
        : clean(step, v);
      if (await props.act(step, body)) {
        setPhotos([]);
        key.current = newKey();
      }
    } catch (err) {
      message.error(
        err instanceof TooLarge
          ? t('照片合计不能超过 24 MB，请减少几张', 'The photos together exceed 24 MB; send fewer')
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      layout="vertical"
      onFinish={submit}
      style={{ background: '#fafafa', padding: 12, borderRadius: 6 }}
      initialValues={{
        // Notes written to staff stay internal unless the writer says otherwise.
        noteVisibility: step in NOTE_AUDIENCE_DEFAULT ? NOTE_AUDIENCE_DEFAULT[step as MatterAction] : undefined,
        urgency: m.urgency,
        assignee: suggested ? `staff:${suggested.staffId}` : undefined,
      }}
    >
      {step === 'accept' && (
        <Form.Item label={t('紧急程度', 'Urgency')} name="urgency" rules={[{ required: true }]}>
          <Select options={URGENCIES.map((u) => ({ value: u, label: label(URGENCY_LABELS[u]) }))} />
        </Form.Item>
      )}
      {assigning && <AssigneeField suggested={suggested} transfer={step === 'transfer'} />}
      {assigning && (
        <Form.Item label={t('说明（可选）', 'Note (optional)')} name="note">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      {step === 'merge' && (
        <Form.Item
          label={t('合并到（原事项回执号）', 'Merge into (receipt number of the original)')}
          name="intoNumber"
          rules={[
            {
              required: true,
              pattern: /^JM\d{8}-\d{6}$/,
              message: t('如 JM20261129-000123', 'e.g. JM20261129-000123'),
            },
          ]}
        >
          <Input />
        </Form.Item>
      )}
      {step === 'merge' && (
        <Form.Item label={t('说明（可选）', 'Note (optional)')} name="note">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      {['invalidate', 'return', 'reopen', 'remind'].includes(step) && (
        <Form.Item
          label={
            step === 'return'
              ? t('退回原因', 'Why it is returned')
              : step === 'remind'
                ? t('催办内容（仅内部，承办人可见）', 'What to chase (staff only; the assignee sees it)')
                : t('原因', 'Reason')
          }
          name="reason"
          rules={[{ required: true, min: 2 }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      {NOTE_STEPS.includes(step) && (
        <Form.Item label={t('谁能看到这条说明', 'Who reads this note')} name="noteVisibility">
          <Radio.Group
            optionType="button"
            options={NOTE_AUDIENCES.map((a) => ({ value: a, label: label(NOTE_AUDIENCE_LABELS[a]) }))}
          />
        </Form.Item>
      )}
      {step === 'resolve' && (
        <Form.Item
          label={t('办结情况（群众可见）', 'Outcome (the resident sees it)')}
          name="outcome"
          rules={[{ required: true, min: 2 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {withPhotos && (
        <>
          <Form.Item
            label={
              step === 'reply'
                ? t('回复内容（群众可见）', 'Reply (the resident sees it)')
                : t('备注（仅内部，群众看不到）', 'Note (staff only; the resident never sees it)')
            }
            name="text"
            rules={[
              {
                validator: (_, v?: string) =>
                  (v ?? '').trim() || photos.length > 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('请填写内容或添加照片', 'Write something or add a photo'))),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item label={t('照片（最多 9 张）', 'Photos (up to 9)')}>
            <PhotoPicker
              value={photos}
              onChange={(files) => {
                setPhotos(files);
                key.current = newKey();
              }}
            />
          </Form.Item>
        </>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t(...ACTION_LABELS[step])}
        </Button>
        <Button onClick={props.onCancel}>{t('取消', 'Cancel')}</Button>
      </Space>
    </Form>
  );
}

/** Turns the form into the body the action expects. */
function clean(step: Step, v: Values): Record<string, unknown> {
  if (step === 'dispatch' || step === 'transfer') {
    const [kind, id] = (v.assignee ?? '').split(':');
    const field = kind === 'staff' ? 'assigneeStaffId' : kind === 'team' ? 'assigneeTeamId' : 'assigneeDepartmentId';
    return {
      [field]: id,
      ...(v.note?.trim() ? { note: v.note.trim(), noteVisibility: v.noteVisibility } : {}),
    };
  }
  const body: Record<string, unknown> = {};
  for (const k of FIELDS[step] ?? []) if (v[k]) body[k] = v[k];
  return body;
}

/** What each step sends (the server's inputs are strict). */
const FIELDS: Partial<Record<Step, string[]>> = {
  accept: ['urgency'],
  invalidate: ['reason', 'noteVisibility'],
  return: ['reason', 'noteVisibility'],
  reopen: ['reason', 'noteVisibility'],
  remind: ['reason'],
  resolve: ['outcome'],
  merge: ['intoNumber', 'note', 'noteVisibility'],
};
