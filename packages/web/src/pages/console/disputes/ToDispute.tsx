/**
 * 转为矛盾纠纷, from a resident's 矛盾纠纷 matter: the case's category, subcategory and title (the facts start
 * from the resident's words); then the case page opens. A matter has one case: when it exists, say so.
 */
import type { DisputeFromMatterInput } from '@jingmin/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import { disputesApi } from '../../../api/disputes';
import { useLang } from '../../../i18n';
import { CategoryFields } from './Classification';

export function ToDisputeButton({ matterId, stationId }: { matterId: string; stationId: string }) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('转为矛盾纠纷', 'Open a dispute case')}</Button>
      {open && <ToDisputeModal matterId={matterId} stationId={stationId} onClose={() => setOpen(false)} />}
    </>
  );
}

function ToDisputeModal({ matterId, stationId, onClose }: { matterId: string; stationId: string; onClose(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DisputeFromMatterInput>();
  const save = useMutation({
    mutationFn: (v: DisputeFromMatterInput) =>
      disputesApi.fromMatter(matterId, { ...v, title: v.title?.trim() || undefined }),
    onSuccess: (d) => {
      message.success(t(`已转为矛盾纠纷 ${d.number}`, `Opened as ${d.number}`));
      navigate(`/console/disputes/${d.id}`);
    },
    onError: (err) => {
      if (!(err instanceof ApiError && err.code === 'DISPUTE_EXISTS')) message.error(errorMessage(err));
    },
  });
  const exists = save.error instanceof ApiError && save.error.code === 'DISPUTE_EXISTS' ? save.error : null;
  // The server names the existing case (MD20261130-000001) in its message: find it in the list.
  const existingNumber = exists?.message.match(/MD[\d-]+/)?.[0];
  return (
    <Modal
      open
      title={t('转为矛盾纠纷', 'Open a dispute case')}
      okText={t('转为案件', 'Open the case')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: Boolean(exists) }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {exists && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('该事项已转为矛盾纠纷案件', 'This matter already has its dispute case')}
          description={exists.message}
          action={
            existingNumber && (
              <Button size="small" onClick={() => navigate(`/console/disputes?q=${existingNumber}`)}>
                {t('查看案件', 'Find it')}
              </Button>
            )
          }
        />
      )}
      <Form<DisputeFromMatterInput>
        form={form}
        layout="vertical"
        initialValues={{ category: 'public_order' }}
        onFinish={(v) => save.mutate(v)}
      >
        <CategoryFields stationId={stationId} />
        <Form.Item
          name="title"
          label={t('标题（不填则取群众诉求开头）', 'Title (from the request when empty)')}
          rules={[{ max: 60, message: t('标题不超过60字', 'At most 60 characters') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="collective" valuePropName="checked">
          <Checkbox>{t('群体性纠纷', 'A collective dispute')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
