/**
 * 结案（三个不放）: the three conditions as the case stands (✓ / ✗); 结案 once all hold. The chief may close
 * anyway (特批结案) with a written reason of ten characters or more, recorded with what was missing. A closed
 * case says who closed it, when, and the chief's reason.
 */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { CLOSE_CONDITION_LABELS, type DisputeView } from '@jingmin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { disputeFollowUpsApi } from '../../../api/dispute-follow-ups';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';

interface Props {
  d: DisputeView;
  canHandle: boolean;
  onChanged(next: DisputeView): void;
}

export function CloseCase({ d, canHandle, onChanged }: Props) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const can = useCan();
  const [overriding, setOverriding] = useState(false);
  const allMet = d.close.conditions.every((c) => c.met);
  const closed = d.status === 'closed';
  const close = useMutation({
    mutationFn: (overrideReason?: string) => disputeFollowUpsApi.close(d.id, { overrideReason }),
    onSuccess: (next) => {
      message.success(t('案件已结案', 'Case closed'));
      setOverriding(false);
      onChanged(next);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Card size="small" title={t('结案（三个不放）', 'Close (three conditions)')}>
      <Flex vertical gap={6}>
        {d.close.conditions.map((c) => (
          <Flex key={c.condition} gap={8} align="center">
            {c.met ? (
              <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('已满足', 'Met')} />
            ) : (
              <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={t('未满足', 'Not met')} />
            )}
            <span>{label(CLOSE_CONDITION_LABELS[c.condition])}</span>
          </Flex>
        ))}
      </Flex>
      {closed && d.close.closedAt && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('结案', 'Closed')}>
            {when(d.close.closedAt)} · {d.close.closedBy ?? '—'}
            {d.close.overrideReason && (
              <Tag color="orange" style={{ marginInlineStart: 6 }}>
                {t('所长特批', "Chief's override")}
              </Tag>
            )}
          </Descriptions.Item>
          {d.close.overrideReason && (
            <Descriptions.Item label={t('特批理由', 'Reason')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{d.close.overrideReason}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {!closed && canHandle && (
        <Space wrap style={{ marginTop: 12 }}>
          <Popconfirm
            title={t('确认结案？', 'Close the case?')}
            okText={t('结案', 'Close')}
            cancelText={t('取消', 'Cancel')}
            disabled={!allMet}
            onConfirm={() => close.mutate(undefined)}
          >
            <Button type="primary" disabled={!allMet} loading={close.isPending && !overriding}>
              {t('结案', 'Close')}
            </Button>
          </Popconfirm>
          {!allMet && can('dispute.override') && (
            <Button danger onClick={() => setOverriding(true)}>
              {t('特批结案', 'Close by override')}
            </Button>
          )}
          {!allMet && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('三项条件都满足后才能结案。', 'All three must hold before the case closes.')}
            </Typography.Text>
          )}
        </Space>
      )}
      {overriding && (
        <OverrideModal
          pending={close.isPending}
          onCancel={() => setOverriding(false)}
          onSubmit={(reason) => close.mutate(reason)}
        />
      )}
    </Card>
  );
}

function OverrideModal(props: { pending: boolean; onCancel(): void; onSubmit(reason: string): void }) {
  const { t } = useLang();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('特批结案', 'Close by override')}
      okText={t('特批结案', 'Close')}
      okButtonProps={{ danger: true }}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={props.pending}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
    >
      <Typography.Paragraph type="secondary">
        {t(
          '三个不放的条件尚未全部满足。特批结案将记入审计，并在月度分析中列出。',
          'Not every condition holds. The override is audited and listed in the monthly analysis.',
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => props.onSubmit(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('特批理由', 'Reason')}
          rules={[
            { required: true, whitespace: true, message: t('请填写特批理由', 'Give the reason') },
            { min: 10, message: t('理由不少于10个字', 'At least 10 characters') },
            { max: 1000, message: t('理由不超过1000字', 'At most 1000 characters') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
