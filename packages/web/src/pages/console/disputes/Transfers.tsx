/**
 * 移交 on the case page: every transfer to a partner department or committee with its status, the station's
 * note, the department's return reason, progress notes and result. Station staff transfer the case (one open
 * transfer at a time); the liaison of the receiving department accepts or returns it, notes progress and
 * finishes it. Whether a transfer is the signed-in account's to answer is what the server lists as its
 * department's (/dispute-transfers/mine).
 */
import {
  type DisputeView,
  disputeStepTo,
  TRANSFER_STATUS_LABELS,
  type TransferStatus,
  type TransferView,
  worksCasesForStation,
} from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../../access';
import { errorMessage } from '../../../api/client';
import { disputeTransfersApi } from '../../../api/dispute-transfers';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { ProgressForm, ResultForm, ReturnForm, SendForm } from './TransferForms';

interface Props {
  d: DisputeView;
  canHandle: boolean;
  onChanged(next: DisputeView): void;
}

export const TRANSFER_STATUS_COLOR: Record<TransferStatus, string> = {
  pending: 'orange',
  accepted: 'blue',
  returned: 'default',
  done: 'green',
};

const isOpen = (tr: TransferView) => tr.status === 'pending' || tr.status === 'accepted';

export function Transfers({ d, canHandle, onChanged }: Props) {
  const { t } = useLang();
  const client = useQueryClient();
  const [sending, setSending] = useState(false);
  // A department's liaison answers transfers; the station's other steps are not theirs (the server refuses them).
  const { capabilities } = useSession();
  const stationSide = canHandle && worksCasesForStation(capabilities);
  const open = d.transfers.some(isOpen);
  const mine = useQuery({
    queryKey: ['dispute-transfers', 'mine'],
    queryFn: disputeTransfersApi.mine,
    enabled: canHandle && open,
  });
  const ours = new Set((mine.data ?? []).map((m) => m.transfer.id));
  const changed = (next: DisputeView) => {
    void client.invalidateQueries({ queryKey: ['dispute-transfers', 'mine'] });
    onChanged(next);
  };
  const mayTransfer = stationSide && !open && disputeStepTo(d.status, 'transfer') !== null;
  if (d.transfers.length === 0 && !mayTransfer) return null;
  return (
    <Card
      size="small"
      title={t('移交', 'Transfers')}
      extra={
        mayTransfer &&
        !sending && (
          <Button size="small" onClick={() => setSending(true)}>
            {t('移交', 'Transfer')}
          </Button>
        )
      }
    >
      {sending && (
        <SendForm
          d={d}
          onCancel={() => setSending(false)}
          onDone={(next) => {
            setSending(false);
            changed(next);
          }}
        />
      )}
      {d.transfers.length === 0 && !sending && (
        <Typography.Text type="secondary">
          {t(
            '需要司法所、村委会或调委会等部门调处的，可移交给对方，由对方接收、反馈进展和结果。',
            'A case another body should mediate can be transferred; the department accepts it and reports back.',
          )}
        </Typography.Text>
      )}
      <Flex vertical gap={12}>
        {d.transfers.map((tr) => (
          <TransferItem key={tr.id} tr={tr} answerable={ours.has(tr.id)} onChanged={changed} />
        ))}
      </Flex>
    </Card>
  );
}

type Editing = 'return' | 'progress' | 'result' | null;

function TransferItem(props: { tr: TransferView; answerable: boolean; onChanged(next: DisputeView): void }) {
  const { tr, answerable, onChanged } = props;
  const { t, label } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<Editing>(null);
  const accept = useMutation({
    mutationFn: () => disputeTransfersApi.answer(tr.id, { answer: 'accept' }),
    onSuccess: (next) => {
      message.success(t('已接收', 'Accepted'));
      onChanged(next);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const done = (next: DisputeView) => {
    setEditing(null);
    onChanged(next);
  };
  const small = { fontSize: 12 } as const;
  return (
    <div style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 10 }}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{tr.departmentName}</Typography.Text>
        <Tag color={TRANSFER_STATUS_COLOR[tr.status]}>{label(TRANSFER_STATUS_LABELS[tr.status])}</Tag>
        {tr.resolved !== null && (
          <Tag color={tr.resolved ? 'green' : 'red'}>
            {tr.resolved ? t('已化解', 'Resolved') : t('未化解', 'Not resolved')}
          </Tag>
        )}
      </Flex>
      <Typography.Text type="secondary" style={small}>
        {t('移交', 'Sent')} {when(tr.sentAt)} · {tr.sentBy}
        {tr.answeredAt && ` · ${t('答复', 'Answered')} ${when(tr.answeredAt)}`}
      </Typography.Text>
      <div style={{ fontSize: 13, whiteSpace: 'pre-wrap', margin: '4px 0' }}>{tr.note}</div>
      {tr.returnReason && (
        <div style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{t('退回理由：', 'Returned: ')}</Typography.Text>
          {tr.returnReason}
        </div>
      )}
      {tr.updates.map((u) => (
        <div
          key={`${u.at}-${u.text}`}
          style={{ fontSize: 13, paddingInlineStart: 8, borderInlineStart: '2px solid #d9d9d9', margin: '4px 0' }}
        >
          <div style={{ whiteSpace: 'pre-wrap' }}>{u.text}</div>
          <Typography.Text type="secondary" style={small}>
            {when(u.at)} · {u.by}
          </Typography.Text>
        </div>
      ))}
      {tr.result && (
        <div style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{t('办理结果：', 'Result: ')}</Typography.Text>
          {tr.result}
          {tr.doneAt && (
            <Typography.Text type="secondary" style={small}>
              {' '}
              · {when(tr.doneAt)}
            </Typography.Text>
          )}
        </div>
      )}
      {answerable && editing === null && (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {tr.status === 'pending' && (
            <>
              <Popconfirm
                title={t('接收这件移交？', 'Accept this transfer?')}
                okText={t('接收', 'Accept')}
                cancelText={t('取消', 'Cancel')}
                onConfirm={() => accept.mutate()}
              >
                <Button type="primary" size="small" loading={accept.isPending}>
                  {t('接收', 'Accept')}
                </Button>
              </Popconfirm>
              <Button size="small" onClick={() => setEditing('return')}>
                {t('退回', 'Return')}
              </Button>
            </>
          )}
          {tr.status === 'accepted' && (
            <>
              <Button size="small" onClick={() => setEditing('progress')}>
                {t('进展', 'Progress')}
              </Button>
              <Button type="primary" size="small" onClick={() => setEditing('result')}>
                {t('办结', 'Finish')}
              </Button>
            </>
          )}
        </Flex>
      )}
      <div style={{ marginTop: editing ? 8 : 0 }}>
        {editing === 'return' && (
          <ReturnForm
            transferId={tr.id}
            onCancel={() => setEditing(null)}
            onDone={(next) => {
              done(next);
              // Returned, the case is the station's again: the department no longer sees it.
              navigate('/console/disputes');
            }}
          />
        )}
        {editing === 'progress' && <ProgressForm transferId={tr.id} onCancel={() => setEditing(null)} onDone={done} />}
        {editing === 'result' && <ResultForm transferId={tr.id} onCancel={() => setEditing(null)} onDone={done} />}
      </div>
    </div>
  );
}
