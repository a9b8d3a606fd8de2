/** The outcome of a household import: how many went in and, row by row, why the others did not. */
import type { HouseholdImportResult } from '@jingmin/shared';
import { Alert, Table } from 'antd';
import { useLang } from '../../../../i18n';

export function ImportReport({ report, onClose }: { report: HouseholdImportResult; onClose(): void }) {
  const { t } = useLang();
  return (
    <Alert
      closable
      onClose={onClose}
      type={report.failed ? 'warning' : 'success'}
      showIcon
      message={t(
        `导入 ${report.imported} 户，失败 ${report.failed} 行`,
        `Imported ${report.imported}; ${report.failed} rows failed`,
      )}
      description={
        report.errors.length > 0 && (
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={report.errors}
            scroll={{ x: 420 }}
            columns={[
              { title: t('行号', 'Row'), dataIndex: 'row', width: 70 },
              { title: t('字段', 'Field'), dataIndex: 'field', width: 130 },
              { title: t('原因', 'Reason'), dataIndex: 'message' },
            ]}
          />
        )
      }
    />
  );
}
