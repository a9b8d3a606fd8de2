/** The hazard's next step: 上报整改 (note, photos), 复核通过 or 退回 (a reason), 作废 (a reason). */
import type { HazardView } from '@jingmin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { hazardsApi } from '../../../../api/hazards';
import { useLang } from '../../../../i18n';
import { filesOf, PhotoPicker } from './PhotoPicker';

export type HazardStepAction = 'rectify' | 'accept' | 'reject' | 'void';
type Values = { note?: string; photos?: UploadFile[] };

export function ActionModal({
  hazard,
  action,
  onClose,
}: {
  hazard: HazardView;
  action: HazardStepAction;
  onClose(): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  // One key per opened form: a retry after a lost answer uploads the photos once.
  const [key] = useState(() => crypto.randomUUID());
  const titles: Record<HazardStepAction, string> = {
    rectify: t('上报整改', 'Report the fix'),
    accept: t('复核通过，销号', 'Verify the fix'),
    reject: t('复核退回', 'Return the fix'),
    void: t('作废隐患', 'Void the hazard'),
  };
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const version = hazard.version;
      const note = v.note?.trim() ?? '';
      switch (action) {
        case 'rectify': {
          const files = filesOf(v.photos);
          const photoIds = files.length
            ? (await hazardsApi.uploadFixPhotos(hazard.id, files, key)).photos.map((p) => p.id)
            : [];
          return hazardsApi.rectify(hazard.id, { version, note, photoIds });
        }
        case 'accept':
          return hazardsApi.verify(hazard.id, { version, accepted: true, note });
        case 'reject':
          return hazardsApi.verify(hazard.id, { version, accepted: false, note });
        case 'void':
          return hazardsApi.void(hazard.id, { version, reason: note });
      }
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['hazard', hazard.id] });
      await client.invalidateQueries({ queryKey: ['hazards', hazard.stationId] });
      message.success(t('已保存', 'Saved'));
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const required = action !== 'accept';
  const noteLabel: Record<HazardStepAction, string> = {
    rectify: t('整改情况', 'What was done'),
    accept: t('复核意见', 'Note'),
    reject: t('退回原因', 'Why it is returned'),
    void: t('作废原因', 'Why it is voided'),
  };
  return (
    <Modal
      open
      title={titles[action]}
      okText={titles[action]}
      okButtonProps={{ danger: action === 'reject' || action === 'void' }}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="note"
          label={noteLabel[action]}
          rules={required ? [{ required: true, whitespace: true, message: t('请填写', 'Required') }] : []}
        >
          <Input.TextArea rows={3} maxLength={action === 'void' ? 500 : 1000} showCount />
        </Form.Item>
        {action === 'rectify' && (
          <Form.Item name="photos" label={t('整改后照片', 'Photos of the fix')} valuePropName="value">
            <PhotoPicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
