/**
 * Answering a deletion request: 同意删除 (carried out at once, only once the
 * matter is finished) or 不予删除 with a reason. Whatever is written here is
 * read by the resident on the matter page.
 */
import type { PrivacyAnswerAction, StaffPrivacyRequest } from '@jingmin/shared';
import { Alert, App, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { privacyApi } from '../../../../api/privacy';
import { useLang } from '../../../../i18n';

interface Values {
  decision: PrivacyAnswerAction;
  text?: string;
}

export function AnswerModal({
  request,
  onClose,
  onDone,
}: {
  request: StaffPrivacyRequest;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const canApprove = request.allowedActions.includes('approve');
  const decision = Form.useWatch('decision', form) ?? (canApprove ? 'approve' : 'refuse');

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const text = v.text?.trim() ?? '';
      if (v.decision === 'approve') await privacyApi.approve(request.id, text ? { answer: text } : {});
      else await privacyApi.refuse(request.id, { reason: text });
      message.success(
        v.decision === 'approve'
          ? t('已删除并答复群众', 'Deleted; the resident was answered')
          : t('已答复群众', 'Answered'),
      );
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
      title={t(`答复删除申请 · ${request.matterNumber}`, `Answer the deletion request · ${request.matterNumber}`)}
      okText={decision === 'approve' ? t('同意并删除', 'Approve and delete') : t('答复不予删除', 'Refuse')}
      okButtonProps={{ danger: decision === 'approve', loading: busy }}
      cancelText={t('取消', 'Cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ decision: canApprove ? 'approve' : 'refuse' }}
        onFinish={submit}
      >
        <Form.Item name="decision" label={t('答复', 'Answer')}>
          <Radio.Group>
            <Space orientation="vertical">
              <Radio value="approve" disabled={!canApprove}>
                {t('同意删除', 'Approve: delete now')}
              </Radio>
              <Radio value="refuse">{t('不予删除（说明理由）', 'Refuse, with a reason')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {request.waitsForMatter && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(
              '事项尚未办结：办结（关闭、无效或合并）后才能删除。现在可以答复不予删除并说明原因，办结后群众可以再次申请。',
              'The matter is not finished: it can be deleted once closed, invalid or merged. You may refuse now with a reason; the resident can ask again later.',
            )}
          />
        )}
        {decision === 'approve' && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t(
              '将删除：群众写的内容、留言和回复的文字、照片、位置、联系电话、办结情况和评价留言。保留：回执号、类型、派出所和辖区、时间、状态、办理人、时间线步骤和审计记录。删除后无法恢复。',
              'Deleted: the resident’s text, the words of messages and replies, photos, location, phone number, the outcome and the rating comment. Kept: number, kind, station and unit, dates, status, who handled it, the timeline’s steps and the audit trail. This cannot be undone.',
            )}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="text"
          label={
            decision === 'approve'
              ? t('给群众的话（群众可见，可不填）', 'A word to the resident (shown to them; optional)')
              : t('理由（群众可见）', 'Reason (shown to the resident)')
          }
          rules={
            decision === 'refuse' ? [{ required: true, min: 2, message: t('请写明理由', 'Please give a reason') }] : []
          }
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={
              decision === 'refuse'
                ? t(
                    '例如：事项仍在办理中，办结后可再次申请删除',
                    'e.g. The matter is still being handled; ask again once it is closed',
                  )
                : t('例如：已按您的要求删除', 'e.g. Deleted as you asked')
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
