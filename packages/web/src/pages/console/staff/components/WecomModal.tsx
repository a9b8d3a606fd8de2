/**
 * The system administrator links an account to its member in the corp's WeCom directory (企业微信账号,
 * the UserID under 通讯录 → 成员 → 账号), so the member's alerts reach their WeCom. Empty unlinks it.
 */
import { type StaffView, WecomUserId } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { notifyApi } from '../../../../api/notify';
import { useLang } from '../../../../i18n';

export function WecomModal(props: { staff: StaffView | null; onClose(): void }) {
  const { staff } = props;
  const { t } = useLang();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const current = useQuery({
    queryKey: ['notify', 'member', staff?.id],
    queryFn: () => notifyApi.ofMember(staff?.id ?? ''),
    enabled: staff !== null,
  });
  const submit = async (v: { wecomUserId?: string }) => {
    if (!staff) return;
    setBusy(true);
    try {
      await notifyApi.linkWecom(staff.id, { wecomUserId: v.wecomUserId?.trim() || null });
      message.success(t('已保存', 'Saved'));
      props.onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={staff !== null}
      title={t(`${staff?.displayName ?? ''} 的企业微信账号`, `WeCom account of ${staff?.displayName ?? ''}`)}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(
          '填写该成员在企业微信管理后台“通讯录 → 成员 → 账号”中的账号（UserID）。成员须在通知应用的可见范围内。留空即解除关联。',
          'The member’s UserID from the WeCom admin console (Contacts → Member → Account). The member must be in the notification app’s visible range. Leave empty to unlink.',
        )}
      </Typography.Paragraph>
      {current.data && (
        <Form
          layout="vertical"
          initialValues={{ wecomUserId: current.data.wecomUserId ?? '' }}
          onFinish={submit}
          disabled={busy}
        >
          <Form.Item
            name="wecomUserId"
            label={t('企业微信账号（UserID）', 'WeCom UserID')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  !v?.trim() || WecomUserId.safeParse(v).success
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('只能包含字母、数字和 _ - @ .', 'Letters, digits and _ - @ . only'))),
              },
            ]}
          >
            <Input autoComplete="off" placeholder="zhangwei" maxLength={64} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('保存', 'Save')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
