/** One line of "my matters": kind and status, the start of what was written, receipt number and date. */
import { MATTER_KIND_LABELS, MATTER_STATUS_LABELS, type MatterKind, type MatterStatus } from '@jingmin/shared';
import { List, Tag } from 'antd-mobile';
import { useLang } from '../../../../i18n';
import { shanghaiTime } from '../../matter/components/Progress';

export interface RowData {
  number?: string;
  kind?: MatterKind;
  status?: MatterStatus;
  excerpt?: string;
  address?: string;
  submittedAt?: string;
  /** The link no longer opens a matter (deleted after the retention period). */
  gone?: boolean;
}

const OPEN_COLOR: Partial<Record<MatterStatus, string>> = {
  resolved: 'warning',
  rated: 'success',
  closed: 'default',
  invalid: 'default',
  merged: 'default',
};

/** A list without its own frame, for inside a card. */
export const bareList = { '--border-top': 'none', '--border-bottom': 'none', '--padding-left': '0' } as const;

export function MatterRow({ row, onOpen }: { row: RowData; onOpen(): void }) {
  const { t, label, locale } = useLang();
  const meta = [row.submittedAt && shanghaiTime(row.submittedAt, locale), row.address].filter(Boolean);
  return (
    <List.Item
      arrow={!row.gone}
      onClick={row.gone ? undefined : onOpen}
      description={
        <div>
          {row.excerpt && (
            <div
              style={{
                color: '#333',
                overflow: 'hidden',
                overflowWrap: 'anywhere',
                display: '-webkit-box',
                WebkitLineClamp: 2,
                WebkitBoxOrient: 'vertical',
              }}
            >
              {row.excerpt}
            </div>
          )}
          <div style={{ overflowWrap: 'anywhere' }}>
            {/* The 回执号 never breaks in two; the date and address wrap around it. */}
            {row.number && <span className="jm-receipt">{row.number}</span>}
            {row.number && meta.length > 0 && ' · '}
            {meta.join(' · ')}
          </div>
        </div>
      }
    >
      <span style={{ marginRight: 8 }}>{row.kind ? label(MATTER_KIND_LABELS[row.kind]) : t('事项', 'Matter')}</span>
      {row.gone ? (
        <Tag color="default">{t('链接已失效', 'Link expired')}</Tag>
      ) : (
        row.status && (
          <Tag color={OPEN_COLOR[row.status] ?? 'primary'} fill="outline">
            {label(MATTER_STATUS_LABELS[row.status])}
          </Tag>
        )
      )}
    </List.Item>
  );
}
