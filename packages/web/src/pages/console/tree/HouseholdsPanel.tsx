/** Households under a node: search, add, import with a per-row report, export, doorplate sheets, resident page. */
import type { HouseholdImportResult, HouseholdView, UnitView } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { org } from '../../../api/console';
import { useLang } from '../../../i18n';
import { useCan } from '../ConsoleApp';

export function HouseholdsPanel({ unit }: { unit: UnitView }) {
  const { t } = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [report, setReport] = useState<HouseholdImportResult | null>(null);
  const [adding, setAdding] = useState(false);
  const [reasonFor, setReasonFor] = useState<'csv' | 'xlsx' | 'pdf' | null>(null);
  const list = useQuery({
    queryKey: ['households', unit.id, q, page],
    queryFn: () => org.households({ unitId: unit.id, q, page, pageSize: 20 }),
  });
  const fail = (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
  const download = (reason: string) => {
    const url =
      reasonFor === 'pdf' ? org.sheetUrl(unit.id, reason) : org.exportUrl(unit.id, reasonFor ?? 'csv', reason);
    window.location.assign(url);
    setReasonFor(null);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          placeholder={t('地址或门牌编码', 'Address or doorplate code')}
          allowClear
          onSearch={(v) => {
            setPage(1);
            setQ(v);
          }}
          style={{ width: 240 }}
        />
        {can('household.write') && <Button onClick={() => setAdding(true)}>{t('新增门牌', 'Add household')}</Button>}
        {can('household.write') && (
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            customRequest={({ file }) => {
              org.importHouseholds(unit.id, file as File).then((r) => {
                setReport(r);
                client.invalidateQueries();
              }, fail);
            }}
          >
            <Button>{t('导入 CSV/XLSX', 'Import CSV/XLSX')}</Button>
          </Upload>
        )}
        {can('household.export') && <Button onClick={() => setReasonFor('csv')}>{t('导出 CSV', 'Export CSV')}</Button>}
        {can('household.export') && (
          <Button onClick={() => setReasonFor('xlsx')}>{t('导出 Excel', 'Export Excel')}</Button>
        )}
        {can('household.export') && (
          <Button onClick={() => setReasonFor('pdf')}>{t('打印门牌码', 'Print doorplates')}</Button>
        )}
      </Space>
      {report && (
        <Alert
          closable
          onClose={() => setReport(null)}
          type={report.failed ? 'warning' : 'success'}
          message={t(
            `导入 ${report.imported} 户，失败 ${report.failed} 行`,
            `Imported ${report.imported}; ${report.failed} rows failed`,
          )}
          description={
            report.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.field}`}
                pagination={{ pageSize: 10 }}
                dataSource={report.errors}
                columns={[
                  { title: t('行', 'Row'), dataIndex: 'row', width: 60 },
                  { title: t('字段', 'Field'), dataIndex: 'field', width: 120 },
                  { title: t('原因', 'Reason'), dataIndex: 'message' },
                ]}
              />
            )
          }
        />
      )}
      <Table<HouseholdView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: 640 }}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('门牌编码', 'Doorplate code'), dataIndex: 'doorplateCode', width: 150 },
          { title: t('地址', 'Address'), dataIndex: 'address' },
          { title: t('网格', 'Grid'), dataIndex: 'unitName', width: 150 },
          {
            title: '',
            width: 90,
            render: (_, h) => (
              <Button
                size="small"
                type="link"
                onClick={() => org.doorplateLink(h.id).then((r) => window.open(r.url, '_blank', 'noopener'), fail)}
              >
                {t('居民页', 'Resident page')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('新增门牌', 'Add household')}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={(v: { address: string; doorplateCode: string }) =>
            org.addHousehold({ unitId: unit.id, ...v }).then(() => {
              setAdding(false);
              client.invalidateQueries();
            }, fail)
          }
        >
          <Form.Item
            label={t('完整地址', 'Full address')}
            name="address"
            rules={[{ required: true, min: 2, max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t('门牌编码', 'Doorplate code')}
            name="doorplateCode"
            rules={[{ required: true, pattern: /^[0-9A-Za-z-]+$/ }]}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('保存', 'Save')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={reasonFor !== null}
        title={t('导出事由（将记入审计日志）', 'Reason for the export (audited)')}
        footer={null}
        onCancel={() => setReasonFor(null)}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={(v: { reason: string }) => download(v.reason)}>
          <Form.Item name="reason" rules={[{ required: true, min: 2, max: 200 }]}>
            <Input placeholder={t('例如：新装门牌', 'e.g. new doorplates')} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('确定', 'OK')}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}
