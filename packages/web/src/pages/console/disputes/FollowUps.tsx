/**
 * 跟踪回访: the case's follow-ups by due date (red when overdue), what each found, and each party's latest
 * satisfaction. 安排回访 plans one; 登记回访 records it — performed, hazard, a note, and per party 当面询问 or
 * 发送评价链接, whose links show at once as QR codes for the party to scan on the officer's phone. 调解未成
 * records that the case is not settled now, with the date of the next attempt.
 */
import {
  type DisputeView,
  FOLLOW_UP_KIND_LABELS,
  type FollowUpRecorded,
  type FollowUpView,
  SATISFACTION_VIA_LABELS,
} from '@jingmin/shared';
import { Button, Card, Flex, Modal, Space, Tag, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { askedParties, FailModal, PlanModal, RecordModal } from './FollowUpForms';

interface Props {
  d: DisputeView;
  canHandle: boolean;
  onChanged(next: DisputeView): void;
}

type Open =
  | { kind: 'plan' }
  | { kind: 'record'; f: FollowUpView }
  | { kind: 'fail' }
  | { kind: 'links'; r: FollowUpRecorded };

const FAIL_FROM = ['mediating', 'transferred', 'following_up'];

export function FollowUps({ d, canHandle, onChanged }: Props) {
  const { t } = useLang();
  const [open, setOpen] = useState<Open | null>(null);
  const working = canHandle && d.status !== 'closed';
  const close = () => setOpen(null);
  return (
    <Card
      size="small"
      title={t('跟踪回访', 'Follow-ups')}
      extra={
        working && (
          <Space size={4} wrap>
            <Button size="small" onClick={() => setOpen({ kind: 'plan' })}>
              {t('安排回访', 'Plan')}
            </Button>
            {FAIL_FROM.includes(d.status) && (
              <Button size="small" danger onClick={() => setOpen({ kind: 'fail' })}>
                {t('调解未成', 'Not settled')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {d.followUps.length === 0 ? (
        <Typography.Text type="secondary">{t('尚未安排回访', 'No follow-up planned yet')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {d.followUps.map((f) => (
            <FollowUpRow
              key={f.id}
              f={f}
              closed={d.status === 'closed'}
              onRecord={working && !f.doneAt ? () => setOpen({ kind: 'record', f }) : null}
            />
          ))}
        </Flex>
      )}
      <Satisfaction d={d} />
      {open?.kind === 'plan' && <PlanModal d={d} onClose={close} onChanged={onChanged} />}
      {open?.kind === 'fail' && <FailModal d={d} onClose={close} onChanged={onChanged} />}
      {open?.kind === 'record' && (
        <RecordModal
          d={d}
          f={open.f}
          onClose={close}
          onRecorded={(r, next) => {
            onChanged(next);
            setOpen(r.links.length > 0 ? { kind: 'links', r } : null);
          }}
        />
      )}
      {open?.kind === 'links' && <LinksModal d={d} r={open.r} onClose={close} />}
    </Card>
  );
}

function FollowUpRow({ f, closed, onRecord }: { f: FollowUpView; closed: boolean; onRecord: (() => void) | null }) {
  const { t, label } = useLang();
  const yesNo = (v: boolean | null, yes: string, no: string) =>
    v === null ? null : <Tag color={v ? 'green' : 'orange'}>{v ? yes : no}</Tag>;
  return (
    <div style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{label(FOLLOW_UP_KIND_LABELS[f.kind])}</Typography.Text>
        <Typography.Text type={f.overdue ? 'danger' : undefined}>{f.dueOn}</Typography.Text>
        {f.overdue && <Tag color="red">{t('已逾期', 'Overdue')}</Tag>}
        {closed && !f.doneAt && <Tag>{t('结案时未做', 'Not done when closed')}</Tag>}
        {f.escalatedAt && <Tag>{t('已报所长', 'Chief told')}</Tag>}
        <Typography.Text type="secondary">{f.responsibleName}</Typography.Text>
        {onRecord && (
          <Button size="small" type="primary" onClick={onRecord}>
            {t('登记回访', 'Record')}
          </Button>
        )}
      </Flex>
      {f.doneAt && (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 6 }}>
            {when(f.doneAt)}
          </Typography.Text>
          {yesNo(f.performed, t('已履行', 'Performed'), t('未履行', 'Not performed'))}
          {yesNo(f.hazardCleared, t('隐患已消除', 'Hazard cleared'), t('隐患未消除', 'Hazard remains'))}
          {f.note && <div style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>{f.note}</div>}
        </div>
      )}
    </div>
  );
}

function Satisfaction({ d }: { d: DisputeView }) {
  const { t, label } = useLang();
  const latest = new Map(d.satisfaction.map((s) => [s.partyId, s]));
  const parties = askedParties(d);
  if (parties.length === 0) return null;
  return (
    <Flex vertical gap={4} style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('当事人满意度', 'Satisfaction')}</Typography.Text>
      {parties.map((p) => {
        const s = latest.get(p.id);
        const tag = !s ? (
          <Tag>{t('未询问', 'Not asked')}</Tag>
        ) : s.satisfied === null ? (
          <Tag color="blue">{t('等待评价', 'Waiting for the answer')}</Tag>
        ) : (
          <Tag color={s.satisfied ? 'green' : 'red'}>
            {s.satisfied ? t('满意', 'Satisfied') : t('不满意', 'Unsatisfied')}
          </Tag>
        );
        return (
          <Flex key={p.id} gap={6} align="center" wrap>
            <span>{p.nameMasked}</span>
            {tag}
            {s && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {label(SATISFACTION_VIA_LABELS[s.via])} · {when(s.recordedAt)}
              </Typography.Text>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}

/** The evaluation links just opened, as QR codes the parties scan on the officer's phone; shown once. */
function LinksModal({ d, r, onClose }: { d: DisputeView; r: FollowUpRecorded; onClose(): void }) {
  const { t } = useLang();
  const name = (id: string) => d.parties.find((p) => p.id === id)?.nameMasked ?? '';
  return (
    <Modal
      open
      title={t('请当事人扫码评价', 'Ask each party to scan and answer')}
      footer={null}
      onCancel={onClose}
      width={420}
    >
      <Space orientation="vertical" align="center" style={{ width: '100%' }} size="large">
        {r.links.map((l) => (
          <Space key={l.partyId} orientation="vertical" align="center">
            <Typography.Text strong>{name(l.partyId)}</Typography.Text>
            <QRCodeSVG value={l.url} size={240} marginSize={2} title={t('满意度评价二维码', 'Satisfaction QR code')} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`只能提交一次，${when(l.expiresAt)} 前有效。`, `Answered once, until ${when(l.expiresAt)}.`)}
            </Typography.Text>
          </Space>
        ))}
        <Typography.Text type="secondary">
          {t(
            '二维码只显示这一次；当事人留有手机号的，验证手机号后也可在“我的事项”中评价。',
            'The codes show only now; a party with a phone may also answer from "my matters".',
          )}
        </Typography.Text>
        <Button onClick={onClose}>{t('完成', 'Done')}</Button>
      </Space>
    </Modal>
  );
}
