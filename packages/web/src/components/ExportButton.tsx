/**
 * 导出: every console list's "导出 XLSX" button. The server asks a reason for every export (written to the audit
 * trail with the filters) and streams the file with the exporter's watermark; the browser downloads it through a
 * plain link, with the session cookie.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { apiUrl, download } from '../api/client';
import { useLang } from '../i18n';

/** The reason asked before an export or a print; `children` show above the field. */
export function ExportReasonModal(props: {
  open: boolean;
  title?: string;
  okText?: string;
  children?: ReactNode;
  onCancel(): void;
  onOk(reason: string): void;
}) {
  const { t } = useLang();
  return (
    <Modal
      open={props.open}
      title={props.title ?? t('导出事由（将记入审计日志）', 'Reason for the export (audited)')}
      footer={null}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      {props.children}
      <Form layout="vertical" onFinish={(v: { reason: string }) => props.onOk(v.reason.trim())}>
        <Form.Item
          label={t('事由', 'Reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}
        >
          <Input placeholder={t('例如：月度工作汇报', 'e.g. the monthly work report')} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {props.okText ?? t('导出', 'Export')}
        </Button>
      </Form>
    </Modal>
  );
}

/** `导出 XLSX` for the list at `path` (e.g. `/matters/export`) with the list's current filters. */
export function ExportButton(props: {
  path: string;
  query: Record<string, string | number | boolean | undefined | null>;
  disabled?: boolean;
}) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<DownloadOutlined />} disabled={props.disabled} onClick={() => setOpen(true)}>
        {t('导出 XLSX', 'Export XLSX')}
      </Button>
      <ExportReasonModal
        open={open}
        onCancel={() => setOpen(false)}
        onOk={(reason) => {
          setOpen(false);
          download(apiUrl(props.path, { ...props.query, reason }));
        }}
      />
    </>
  );
}
