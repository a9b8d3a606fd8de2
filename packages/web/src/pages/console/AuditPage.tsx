/** 审计日志: search, export, the chain head and a verification of the whole chain. */
import type { AuditEntryView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type AuditFilter, auditApi, type VerifyResult } from '../../api/console';
import { useLang } from '../../i18n';

const RESULT_COLOR = { ok: 'green', denied: 'orange', failed: 'red' } as const;

export default function AuditPage() {
  const { t } = useLang();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const list = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: () => auditApi.search({ ...filter, page, pageSize: 50 }),
  });
  const head = useQuery({ queryKey: ['audit-head'], queryFn: auditApi.head });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form
          layout="inline"
          onFinish={(v: AuditFilter) => {
            setPage(1);
            setFilter(v);
          }}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="actor" label={t('操作人', 'Actor')}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="action" label={t('操作', 'Action')}>
            <Input allowClear placeholder="auth.login" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="result" label={t('结果', 'Result')}>
            <Select
              allowClear
              style={{ width: 110 }}
              options={[
                { value: 'ok', label: t('成功', 'ok') },
                { value: 'denied', label: t('拒绝', 'denied') },
                { value: 'failed', label: t('失败', 'failed') },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('查询', 'Search')}
          </Button>
          <Button href={auditApi.exportUrl(filter)}>{t('导出 CSV', 'Export CSV')}</Button>
          <Button onClick={() => auditApi.verify().then(setVerify)}>{t('校验审计链', 'Verify the chain')}</Button>
        </Form>
        {head.data && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12, wordBreak: 'break-all' }}>
            {t('链头', 'Chain head')} #{head.data.seq} · {head.data.mac}
          </Typography.Paragraph>
        )}
        {verify && (
          <Alert
            style={{ marginTop: 8 }}
            type={verify.ok ? 'success' : 'error'}
            showIcon
            message={
              verify.ok
                ? t(`审计链完整：已校验 ${verify.checked} 条`, `Chain intact: ${verify.checked} entries verified`)
                : t(
                    `审计链在第 ${verify.brokenAt} 条处断开：${verify.reason}`,
                    `Chain broken at entry ${verify.brokenAt}: ${verify.reason}`,
                  )
            }
          />
        )}
      </Card>
      <Table<AuditEntryView>
        rowKey="seq"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 50, total: list.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          {
            title: t('时间', 'Time'),
            dataIndex: 'at',
            width: 170,
            render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
          },
          {
            title: t('操作人', 'Actor'),
            dataIndex: 'actorName',
            width: 120,
            render: (v: string | null) => v ?? t('（群众/系统）', '(resident/system)'),
          },
          { title: t('操作', 'Action'), dataIndex: 'action', width: 180 },
          {
            title: t('对象', 'Target'),
            render: (_, e) => (e.targetType ? `${e.targetType}:${(e.targetId ?? '').slice(0, 8)}` : ''),
          },
          {
            title: t('结果', 'Result'),
            dataIndex: 'result',
            width: 80,
            render: (v: AuditEntryView['result']) => <Tag color={RESULT_COLOR[v]}>{v}</Tag>,
          },
          { title: 'IP', dataIndex: 'ip', width: 120 },
        ]}
      />
    </Space>
  );
}
