/** Households under a node: search, paging, add, CSV/XLSX import with a per-row report, export, resident page. */
import {
  addressLine,
  HOUSEHOLD_UNIT_KINDS,
  type HouseholdImportResult,
  type HouseholdView,
  type UnitView,
} from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../../access';
import { download, errorMessage } from '../../../../api/client';
import { households } from '../../../../api/org';
import { ExportReasonModal } from '../../../../components/ExportButton';
import { useLang } from '../../../../i18n';
import { AddHouseholdModal, PrintReasonModal } from './HouseholdModals';
import { ImportReport } from './ImportReport';

const PAGE_SIZE = 20;
type ExportKind = 'csv' | 'xlsx' | 'pdf';

export function HouseholdsPanel({ unit }: { unit: UnitView }) {
  const { t } = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [report, setReport] = useState<HouseholdImportResult | null>(null);
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  const list = useQuery({
    queryKey: ['households', unit.id, q, page],
    queryFn: () => households.page({ unitId: unit.id, q, page, pageSize: PAGE_SIZE }),
  });
  const refresh = () => client.invalidateQueries({ predicate: (x) => x.queryKey[0] !== 'session' });

  const importFile = async (file: File) => {
    setImporting(true);
    setReport(null);
    try {
      setReport(await households.import(unit.id, file));
      await refresh();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setImporting(false);
    }
  };
  const exportWith = (reason: string) => {
    if (exporting === 'pdf') download(households.sheetUrl(unit.id, reason));
    else if (exporting) download(households.exportUrl(unit.id, exporting, reason));
    setExporting(null);
  };
  const openResidentPage = (h: HouseholdView) =>
    households.doorplateLink(h.id).then(
      (r) => window.open(r.url, '_blank', 'noopener'),
      (err) => message.error(errorMessage(err)),
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          placeholder={t('地址或门牌编码', 'Address or doorplate code')}
          aria-label={t('搜索门牌', 'Search households')}
          allowClear
          onSearch={(v) => {
            setPage(1);
            setQ(v.trim());
          }}
          style={{ width: 240, maxWidth: '100%' }}
        />
        {can('household.write') && HOUSEHOLD_UNIT_KINDS.includes(unit.kind) && (
          <Button onClick={() => setAdding(true)}>{t('新增门牌', 'Add household')}</Button>
        )}
        {can('household.write') && (
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button loading={importing}>{t('导入 CSV/XLSX', 'Import CSV/XLSX')}</Button>
          </Upload>
        )}
        {can('household.export') && <Button onClick={() => setExporting('csv')}>{t('导出 CSV', 'Export CSV')}</Button>}
        {can('household.export') && (
          <Button onClick={() => setExporting('xlsx')}>{t('导出 Excel', 'Export Excel')}</Button>
        )}
        {can('household.export') && (
          <Button onClick={() => setExporting('pdf')}>{t('打印门牌码', 'Print doorplates')}</Button>
        )}
      </Space>
      {can('household.write') && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(
            '导入文件列：网格（编码或名称）、地址、门牌编码（也可用 grid, address, doorplateCode）',
            'Import columns: grid (code or name), address, doorplateCode (网格, 地址, 门牌编码 also accepted)',
          )}
        </Typography.Text>
      )}
      {report && <ImportReport report={report} onClose={() => setReport(null)} />}
      <Table<HouseholdView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: 640 }}
        pagination={{
          current: page,
          total: list.data?.total,
          pageSize: PAGE_SIZE,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t(`共 ${n} 户`, `${n} households`),
        }}
        columns={[
          { title: t('门牌编码', 'Doorplate code'), dataIndex: 'doorplateCode', width: 150 },
          {
            title: t('地址', 'Address'),
            key: 'address',
            render: (_, h: HouseholdView) =>
              h.kind === 'enterprise' ? (
                <>
                  <Tag color="blue">{t('企业/单位', 'Enterprise')}</Tag>
                  {addressLine(h)}
                </>
              ) : (
                h.address
              ),
          },
          {
            title: t('网格', 'Grid'),
            dataIndex: 'unitName',
            width: 150,
            // A search from a station or village finds households far down: open their grid in the tree.
            render: (name: string, h) =>
              h.unitId === unit.id ? (
                name
              ) : (
                <Link to={`/console/tree?unit=${h.unitId}`} title={t('在辖区树中打开', 'Open in the tree')}>
                  {name}
                </Link>
              ),
          },
          {
            title: t('居民页', 'Resident page'),
            width: 90,
            render: (_, h) => (
              <Button size="small" type="link" onClick={() => openResidentPage(h)}>
                {t('居民页', 'Resident page')}
              </Button>
            ),
          },
        ]}
      />
      <AddHouseholdModal
        unitId={unit.id}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          void refresh();
        }}
      />
      <ExportReasonModal
        open={exporting === 'csv' || exporting === 'xlsx'}
        onCancel={() => setExporting(null)}
        onOk={exportWith}
      />
      <PrintReasonModal open={exporting === 'pdf'} onCancel={() => setExporting(null)} onOk={exportWith} />
    </Space>
  );
}
