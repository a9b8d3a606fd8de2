/** 审计日志: search, export, the chain head and a verification of the whole chain. */
import { AUDIT_RESULTS, type AuditEntryView, type AuditResult } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type AuditFilter, auditApi } from '../../../api/audit';
import { errorMessage } from '../../../api/client';
import { useLang } from '../../../i18n';
import { VerifyPanel } from './components/VerifyPanel';

const RESULT_COLOR: Record<AuditResult, string> = { ok: 'green', denied: 'orange', failed: 'red' };
const RESULT_LABEL: Record<AuditResult, [string, string]> = {
  ok: ['成功', 'ok'],
  denied: ['拒绝', 'denied'],
  failed: ['失败', 'failed'],
};
const PAGE_SIZE = 50;
const shanghai = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

interface FilterForm {
  actor?: string;
  action?: string;
  result?: AuditResult;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const toFilter = (v: FilterForm): AuditFilter => ({
  actor: v.actor?.trim() || undefined,
  action: v.action?.trim() || undefined,
  result: v.result,
  from: v.range?.[0]?.startOf('day').toISOString(),
  to: v.range?.[1]?.endOf('day').toISOString(),
});

export default function AuditPage() {
  const { t } = useLang();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: () => auditApi.page({ ...filter, page, pageSize: PAGE_SIZE }),
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form<FilterForm>
          layout="inline"
          onFinish={(v) => {
            setPage(1);
            setFilter(toFilter(v));
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
              options={AUDIT_RESULTS.map((r) => ({ value: r, label: t(...RESULT_LABEL[r]) }))}
            />
          </Form.Item>
          <Form.Item name="range" label={t('日期', 'Dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {t('查询', 'Search')}
            </Button>
            <Button href={auditApi.exportUrl(filter)} download>
              {t('导出 CSV', 'Export CSV')}
            </Button>
          </Space>
        </Form>
      </Card>
      <VerifyPanel />
      {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      <Table<AuditEntryView>
        rowKey="seq"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: 960 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t(`共 ${n} 条`, `${n} entries`),
        }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('时间', 'Time'), dataIndex: 'at', width: 170, render: shanghai },
          {
            title: t('操作人', 'Actor'),
            dataIndex: 'actorName',
            width: 120,
            render: (v: string | null) => v ?? t('（群众/系统）', '(resident/system)'),
          },
          { title: t('操作', 'Action'), dataIndex: 'action', width: 180 },
          {
            title: t('对象', 'Target'),
            render: (_, e) =>
              e.targetType ? (
                <Typography.Text title={e.targetId ?? ''}>
                  {e.targetType}:{(e.targetId ?? '').slice(0, 8)}
                </Typography.Text>
              ) : null,
          },
          {
            title: t('结果', 'Result'),
            dataIndex: 'result',
            width: 80,
            render: (v: AuditResult) => <Tag color={RESULT_COLOR[v]}>{t(...RESULT_LABEL[v])}</Tag>,
          },
          { title: 'IP', dataIndex: 'ip', width: 130 },
        ]}
      />
    </Space>
  );
}
