/**
 * On a post, for hosts: the red 被举报 N with 忽略举报, the case made from it (a link to the case), and
 * 转为矛盾纠纷 — a dialog for the category, the title and the facts that answers the case's number and its link.
 */
import {
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  type DisputeCategory,
  type PostToCaseResult,
  type RoomPostView,
} from '@jingmin/shared';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../../api/client';
import { roomReportsApi } from '../../../../api/room-reports';
import { useLang } from '../../../../i18n';
import type { StaffPostPartProps } from './StaffItem';

export function StaffReports({ post, canPost, canModerate, onChanged }: StaffPostPartProps) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [caseOpen, setCaseOpen] = useState(false);
  const reports = post.reports ?? 0;
  const canMakeCase =
    canPost &&
    post.author.type === 'member' &&
    !post.matterNumber &&
    !post.caseId &&
    ['published', 'held', 'hidden'].includes(post.status);
  if (reports === 0 && !post.caseId && !canMakeCase) return null;
  const dismiss = async () => {
    try {
      await roomReportsApi.dismiss(post.id);
      message.success(t('已忽略举报', 'Reports dismissed'));
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Space wrap size={4} style={{ marginTop: 4 }}>
      {reports > 0 && <Tag color="red">{t(`被举报 ${reports}`, `Reported ×${reports}`)}</Tag>}
      {reports > 0 && canModerate && (
        <Button size="small" type="link" onClick={() => void dismiss()}>
          {t('忽略举报', 'Dismiss reports')}
        </Button>
      )}
      {post.caseId && (
        <Link to={`/console/disputes/${post.caseId}`}>
          {t(`矛盾纠纷 ${post.matterNumber ?? ''}`, `Dispute case ${post.matterNumber ?? ''}`)}
        </Link>
      )}
      {canMakeCase && (
        <Button size="small" type="link" onClick={() => setCaseOpen(true)}>
          {t('转为矛盾纠纷', 'Open a dispute case')}
        </Button>
      )}
      {caseOpen && <CaseModal post={post} onClose={() => setCaseOpen(false)} onDone={onChanged} />}
    </Space>
  );
}

interface CaseValues {
  category: DisputeCategory;
  title: string;
  facts: string;
}

function CaseModal({ post, onClose, onDone }: { post: RoomPostView; onClose(): void; onDone(): void }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<CaseValues>();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<PostToCaseResult | null>(null);
  const submit = async (v: CaseValues) => {
    setBusy(true);
    try {
      const facts = v.facts.trim();
      const result = await roomReportsApi.toCase(post.id, {
        category: v.category,
        title: v.title.trim(),
        ...(facts && facts !== post.body ? { facts } : {}),
      });
      setMade(result);
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
      title={t('转为矛盾纠纷', 'Open a dispute case')}
      okText={made ? t('完成', 'Done') : t('转为矛盾纠纷', 'Open the case')}
      cancelButtonProps={made ? { style: { display: 'none' } } : undefined}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => (made ? onClose() : form.submit())}
      onCancel={onClose}
    >
      {made ? (
        <Alert
          type="success"
          showIcon
          title={t(`已立案：${made.caseNumber}`, `Case ${made.caseNumber} opened`)}
          description={
            <Link to={`/console/disputes/${made.caseId}`}>
              {t('打开案件，添加当事人 ›', 'Open the case, add parties ›')}
            </Link>
          }
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t(
              '案件来源为“议事厅”，地点为发言人门牌所在户（没有门牌时为本群的村或网格）；当事人在案件中添加。群里只显示“已转为事项，正在办理”。',
              'The case comes from the room, at the poster’s household (else the room’s village or grid); add the parties on the case. The room reads only “being handled”.',
            )}
          </Typography.Paragraph>
          <Form<CaseValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ category: 'other', title: [...post.body].slice(0, 30).join(''), facts: post.body }}
          >
            <Form.Item label={t('纠纷类别', 'Category')} name="category" rules={[{ required: true }]}>
              <Select
                options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: label(DISPUTE_CATEGORY_LABELS[c]) }))}
              />
            </Form.Item>
            <Form.Item
              label={t('标题', 'Title')}
              name="title"
              rules={[{ required: true, whitespace: true, message: t('请填写标题', 'Give a title') }]}
            >
              <Input maxLength={60} showCount />
            </Form.Item>
            <Form.Item label={t('事实经过', 'Facts')} name="facts">
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
