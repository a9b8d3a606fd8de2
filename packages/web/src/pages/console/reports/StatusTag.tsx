/** A report's status as a tag: 草稿 (grey) until published, then 已发布 (green). */
import type { ReportListItem } from '@jingmin/shared';
import { Tag } from 'antd';
import { useLang } from '../../../i18n';

export function StatusTag({ status }: { status: ReportListItem['status'] }) {
  const { t } = useLang();
  return status === 'published' ? <Tag color="green">{t('已发布', 'Published')}</Tag> : <Tag>{t('草稿', 'Draft')}</Tag>;
}
