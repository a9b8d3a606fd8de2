/** A host's dialogs on a post: 隐藏 (with the reason its poster reads) and 转为事项 (kind, urgency, what the desk reads). */
import {
  MATTER_KIND_LABELS,
  MATTER_KINDS,
  type MatterKind,
  type PostToMatterResult,
  type RoomPostView,
  URGENCIES,
  URGENCY_LABELS,
  type Urgency,
} from '@jingmin/shared';
import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomsApi } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';

export function HideModal({ post, onClose, onDone }: { post: RoomPostView; onClose(): void; onDone(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const hide = async () => {
    setBusy(true);
    try {
      await roomsApi.hide(post.id, reason.trim());
      message.success(t('已隐藏', 'Hidden'));
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(`隐藏 ${post.author.nickname} 的发言`, `Hide the post by ${post.author.nickname}`)}
      okText={t('隐藏', 'Hide')}
      okButtonProps={{ danger: true, disabled: reason.trim().length === 0 }}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => void hide()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('群里看不到这条发言；发言人能看到隐藏原因。', 'The room no longer sees it; its poster reads the reason.')}
      </Typography.Paragraph>
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
        placeholder={t('隐藏原因', 'Reason')}
        aria-label={t('隐藏原因', 'Reason')}
      />
    </Modal>
  );
}

interface MatterValues {
  kind: MatterKind;
  urgency: Urgency;
  body: string;
}

export function MatterModal({
  post,
  onClose,
  onDone,
}: {
  post: RoomPostView;
  onClose(): void;
  onDone(result: PostToMatterResult): void;
}) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<MatterValues>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: MatterValues) => {
    setBusy(true);
    try {
      const result = await roomsApi.toMatter(post.id, {
        kind: v.kind,
        urgency: v.urgency,
        ...(v.body.trim() && v.body.trim() !== post.body ? { body: v.body.trim() } : {}),
      });
      onDone(result);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('转为事项', 'Make a matter')}
      okText={t('转为事项', 'Make a matter')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t(
          '发言人会在群里私下收到跟进链接；群里只显示“已转为事项，正在办理”。',
          'The poster gets the tracking link privately; the room reads only “Made a matter, being handled”.',
        )}
      </Typography.Paragraph>
      <Form<MatterValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'consult', urgency: 'normal', body: post.body }}
      >
        <Form.Item label={t('事项类型', 'Kind')} name="kind">
          <Select options={MATTER_KINDS.map((k) => ({ value: k, label: label(MATTER_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item label={t('紧急程度', 'Urgency')} name="urgency">
          <Radio.Group
            optionType="button"
            options={URGENCIES.map((u) => ({ value: u, label: label(URGENCY_LABELS[u]) }))}
          />
        </Form.Item>
        <Form.Item label={t('事项内容（值班台看到的）', 'What the desk reads')} name="body">
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
