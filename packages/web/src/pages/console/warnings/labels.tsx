/** The small pieces the warnings pages share: priority and status tags, the three reach figures side by side. */
import {
  WARNING_PRIORITY_LABELS,
  WARNING_STATUS_LABELS,
  type WarningPriority,
  type WarningReachTotals,
  type WarningStatus,
} from '@jingmin/shared';
import { Flex, Tag, Typography } from 'antd';
import { useLang } from '../../../i18n';
import { count } from './model';

/** 紧急 red, 提示 orange, 宣传 blue. */
export const PRIORITY_COLOR: Record<WarningPriority, string> = { urgent: 'red', advisory: 'orange', community: 'blue' };
const STATUS_COLOR: Record<WarningStatus, string | undefined> = {
  draft: undefined,
  in_review: 'gold',
  scheduled: 'purple',
  sent: 'green',
  withdrawn: 'default',
};

export function PriorityTag({ priority }: { priority: WarningPriority }) {
  const { label } = useLang();
  return (
    <Tag color={PRIORITY_COLOR[priority]} style={{ marginInlineEnd: 0 }}>
      {label(WARNING_PRIORITY_LABELS[priority])}
    </Tag>
  );
}

export function StatusTag({ status }: { status: WarningStatus }) {
  const { label } = useLang();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {label(WARNING_STATUS_LABELS[status])}
    </Tag>
  );
}

/** 送达 N户 (+ N人短信) · 查看 N · 已知晓 N — three figures, never one blended number; nothing before sending. */
export function ReachLine({ reach, status }: { reach: WarningReachTotals; status: WarningStatus }) {
  const { t } = useLang();
  if (status !== 'sent' && status !== 'withdrawn') return <Typography.Text type="secondary">—</Typography.Text>;
  const sms =
    reach.deliveredPhones > 0
      ? t(`（+${count(reach.deliveredPhones)}人短信）`, ` (+${reach.deliveredPhones} SMS)`)
      : '';
  return (
    <Flex wrap style={{ columnGap: 12, fontVariantNumeric: 'tabular-nums' }}>
      <span>
        {t('送达 ', 'Delivered ')}
        <b>{count(reach.deliveredHouseholds)}</b>
        {t('户', ' households')}
        {sms}
      </span>
      <span>
        {t('查看 ', 'Opened ')}
        <b>{count(reach.opened)}</b>
      </span>
      <span>
        {t('已知晓 ', 'Acknowledged ')}
        <b>{count(reach.acknowledged)}</b>
      </span>
    </Flex>
  );
}
