/**
 * 移交本部门的案件: for a partner department's liaison (or a mediator), the cases transferred to its
 * department and not returned — those waiting to be accepted first — each opening its case page, where the
 * liaison accepts or returns it, notes progress and finishes it. One column, readable on a phone.
 */
import { DISPUTE_STATUS_LABELS, TRANSFER_STATUS_LABELS } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client';
import { disputeTransfersApi } from '../../../api/dispute-transfers';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { ColourTag, STATUS_COLOR } from './labels';
import { TRANSFER_STATUS_COLOR } from './Transfers';

/** Shown for an account that sees only the cases given to it; `always` keeps it when empty (a department). */
export function TransferredCases({ always }: { always: boolean }) {
  const { t, label } = useLang();
  const mine = useQuery({ queryKey: ['dispute-transfers', 'mine'], queryFn: disputeTransfersApi.mine });
  if (!always && !mine.data?.length) return null;
  return (
    <Card size="small" title={t('移交本部门的案件', 'Cases transferred to my department')}>
      {mine.isPending && <Spin />}
      {mine.isError && <Alert type="error" title={errorMessage(mine.error)} />}
      {mine.data?.length === 0 && <Empty description={t('暂无移交的案件', 'No transferred cases')} />}
      <Flex vertical gap={10}>
        {(mine.data ?? []).map(({ transfer, dispute }) => (
          <div key={transfer.id} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
            <Flex justify="space-between" gap={8} align="start">
              <Link to={`/console/disputes/${dispute.id}`} style={{ fontWeight: 600 }}>
                {dispute.title}
              </Link>
              <span style={{ whiteSpace: 'nowrap' }}>
                <Tag color={TRANSFER_STATUS_COLOR[transfer.status]}>
                  {label(TRANSFER_STATUS_LABELS[transfer.status])}
                </Tag>
              </span>
            </Flex>
            <div style={{ margin: '4px 0' }}>
              <ColourTag scheme={dispute.colourScheme} colour={dispute.colour} />
              <Tag color={STATUS_COLOR[dispute.status]}>{label(DISPUTE_STATUS_LABELS[dispute.status])}</Tag>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {dispute.number} · {transfer.departmentName}
              <br />
              {dispute.stationName} · {dispute.place} · {t('移交于', 'sent')} {when(transfer.sentAt)}
            </Typography.Text>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
