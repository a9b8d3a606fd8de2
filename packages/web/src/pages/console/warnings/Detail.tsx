/**
 * /console/warnings/:id: the notice as residents see it, its status and history (author, reviewer, times), the steps
 * this account may take now (the view's `actions`: 修改, 提交审核, 审核通过/退回修改 with a note, 发布, 定时发布,
 * 取消定时, 撤回 with a required 更正说明, 删除), and once sent its reach (three figures, by village and grid, QR
 * scan coverage beside it) and the residents' replies with the answer box.
 */
import type { WarningView } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Input,
  Modal,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../api/client';
import { type WarningStep, warningsApi } from '../../../api/warnings';
import { useLang } from '../../../i18n';
import { dateTime } from '../matter/labels';
import { PriorityTag, StatusTag } from './labels';
import { NoticePreview } from './NoticePreview';
import { ReachPanel } from './ReachPanel';
import { reachSentence, useReachPreview } from './ReachPreview';
import { Replies } from './Replies';

export function WarningDetail() {
  const { t } = useLang();
  const { id = '' } = useParams();
  const view = useQuery({ queryKey: ['warning', id], queryFn: () => warningsApi.get(id) });
  if (view.isPending) return <Spin />;
  if (view.isError) return <Alert type="error" title={errorMessage(view.error)} />;
  const w = view.data;
  const sent = w.status === 'sent' || w.status === 'withdrawn';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/console/warnings">{t('‹ 全部通知', '‹ All notices')}</Link>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Space wrap size={6}>
          <PriorityTag priority={w.priority} />
          <Tag style={{ marginInlineEnd: 0 }}>{w.categoryLabel}</Tag>
          <StatusTag status={w.status} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {w.title}
          </Typography.Title>
        </Space>
        <Actions w={w} />
      </Flex>
      {w.status === 'in_review' && w.reviewNote === null && (
        <Alert type="info" showIcon title={t('紧急通知，等待所长审核后发布', 'An alert waiting for the chief')} />
      )}
      {w.status === 'draft' && w.reviewNote && (
        <Alert
          type="warning"
          showIcon
          title={t(`所长退回：${w.reviewNote}`, `Returned by the chief: ${w.reviewNote}`)}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={9}>
          <NoticePreview w={w} />
        </Col>
        <Col xs={24} md={12} xl={15}>
          <Flex vertical gap={12}>
            <Facts w={w} />
            <History w={w} />
          </Flex>
        </Col>
      </Row>
      {sent && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('触达情况', 'Reach')}
          </Typography.Title>
          <ReachPanel w={w} />
          <Replies warningId={w.id} />
        </>
      )}
    </Space>
  );
}

function Facts({ w }: { w: WarningView }) {
  const { t } = useLang();
  const areas = w.target.units.map((u) => u.name);
  return (
    <Card size="small" title={t('发送范围与方式', 'Whom and how')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'station', label: t('发送单位', 'Sent by'), children: w.stationName },
          {
            key: 'areas',
            label: t('范围', 'Areas'),
            children: areas.length > 0 ? areas.join('、') : '—',
          },
          ...(w.target.rooms.length > 0
            ? [{ key: 'rooms', label: t('议事厅群', 'Rooms'), children: w.target.rooms.map((r) => r.name).join('、') }]
            : []),
          ...(w.target.subscribers
            ? [
                {
                  key: 'subs',
                  label: t('订阅群众', 'Subscribers'),
                  children: t(`订阅“${w.categoryLabel}”的群众`, `Subscribers of ${w.categoryLabel}`),
                },
              ]
            : []),
          {
            key: 'sms',
            label: t('短信', 'SMS'),
            children: w.sms ? (w.smsText ?? t('发送', 'Yes')) : t('不发短信', 'No SMS'),
          },
          {
            key: 'ack',
            label: t('确认已知晓', 'Acknowledgement'),
            children: w.ackRequired ? t('需要', 'Asked') : t('不需要', 'Not asked'),
          },
          {
            key: 'expiry',
            label: t('有效期至', 'Expires'),
            children: w.expiresAt ? dateTime(w.expiresAt) : t('长期有效', 'No expiry'),
          },
        ]}
      />
    </Card>
  );
}

/** The history line: who wrote it, who reviewed it, when it was scheduled, sent, withdrawn. */
function History({ w }: { w: WarningView }) {
  const { t } = useLang();
  const items: { key: string; color?: string; children: ReactNode }[] = [
    {
      key: 'created',
      children: t(
        `${w.author.name} 创建 · ${dateTime(w.createdAt)}`,
        `Written by ${w.author.name} · ${dateTime(w.createdAt)}`,
      ),
    },
  ];
  if (w.status === 'in_review')
    items.push({ key: 'review', color: 'gold', children: t('已提交，待所长审核', 'Submitted, awaiting review') });
  if (w.reviewer)
    items.push({
      key: 'reviewer',
      color: w.reviewNote && w.status === 'draft' ? 'orange' : 'green',
      children:
        w.reviewNote && w.status === 'draft'
          ? t(`${w.reviewer.name} 退回修改：${w.reviewNote}`, `Returned by ${w.reviewer.name}: ${w.reviewNote}`)
          : t(`${w.reviewer.name} 审核通过`, `Approved by ${w.reviewer.name}`),
    });
  if (w.scheduledAt && (w.status === 'scheduled' || w.status === 'in_review'))
    items.push({
      key: 'scheduled',
      color: 'purple',
      children: t(`定于 ${dateTime(w.scheduledAt)} 发布`, `Scheduled for ${dateTime(w.scheduledAt)}`),
    });
  if (w.sentAt)
    items.push({
      key: 'sent',
      color: 'green',
      children: t(`已发布 · ${dateTime(w.sentAt)}`, `Sent · ${dateTime(w.sentAt)}`),
    });
  if (w.withdrawnAt)
    items.push({
      key: 'withdrawn',
      color: 'gray',
      children: t(
        `已撤回 · ${dateTime(w.withdrawnAt)}：${w.correction ?? ''}`,
        `Withdrawn · ${dateTime(w.withdrawnAt)}: ${w.correction ?? ''}`,
      ),
    });
  return (
    <Card size="small" title={t('经过', 'History')}>
      <Timeline items={items} />
    </Card>
  );
}

type Dialog = 'reject' | 'withdraw' | 'schedule' | 'submit' | null;

function Actions({ w }: { w: WarningView }) {
  const { t } = useLang();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [note, setNote] = useState('');
  const [at, setAt] = useState<Dayjs | null>(null);
  const may = (a: WarningView['actions'][number]) => w.actions.includes(a);
  // Before it goes out, whom it reaches is asked again (the numbers may have grown since it was written).
  const unsent = may('send') || may('schedule') || may('approve');
  const preview = useReachPreview(
    unsent
      ? {
          stationId: w.stationId,
          category: w.category,
          title: w.title,
          sms: w.sms,
          target: {
            unitIds: w.target.units.map((u) => u.id),
            roomIds: w.target.rooms.map((r) => r.id),
            subscribers: w.target.subscribers,
          },
        }
      : null,
  );
  const whom = (
    <Flex vertical gap={4}>
      <span>
        {t('范围：', 'Areas: ')}
        {[...w.target.units.map((u) => u.name), ...w.target.rooms.map((r) => r.name)].join('、') || '—'}
        {w.target.subscribers ? t(`；订阅“${w.categoryLabel}”的群众`, `; subscribers of ${w.categoryLabel}`) : ''}
      </span>
      {preview.data && <b>{reachSentence(preview.data, t, w.sms)}</b>}
      {w.sms && w.smsText && <span>{t(`短信：${w.smsText}`, `SMS: ${w.smsText}`)}</span>}
    </Flex>
  );

  const step = async (s: WarningStep, extra: { at?: string; note?: string; correction?: string } = {}) => {
    setBusy(s);
    try {
      const next = await warningsApi.action(w.id, s, { version: w.version, ...extra });
      client.setQueryData(['warning', w.id], next);
      void client.invalidateQueries({ queryKey: ['warnings'] });
      const done: Record<WarningStep, [string, string]> = {
        submit: ['已提交所长审核', 'Sent to the chief'],
        approve: ['已审核通过', 'Approved'],
        reject: ['已退回修改', 'Returned'],
        send: ['已发布', 'Sent'],
        schedule: ['已定时', 'Scheduled'],
        unschedule: ['已取消定时，回到草稿', 'Unscheduled: back to a draft'],
        withdraw: ['已撤回', 'Withdrawn'],
      };
      message.success(t(...done[s]));
      setDialog(null);
      setNote('');
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const ask = (title: string, s: WarningStep, okText: string, content?: ReactNode) =>
    modal.confirm({ title, content, okText, cancelText: t('取消', 'Cancel'), onOk: () => step(s) });

  const buttons: ReactNode[] = [];
  if (may('edit'))
    buttons.push(
      <Button key="edit" onClick={() => navigate(`/console/warnings/${w.id}/edit`)}>
        {t('修改', 'Edit')}
      </Button>,
    );
  if (may('submit'))
    buttons.push(
      <Button
        key="submit"
        type="primary"
        loading={busy === 'submit'}
        onClick={() => ask(t('提交所长审核？', 'Send to the chief for review?'), 'submit', t('提交审核', 'Submit'))}
      >
        {t('提交审核', 'Submit for review')}
      </Button>,
    );
  if (may('approve'))
    buttons.push(
      <Button
        key="approve"
        type="primary"
        loading={busy === 'approve'}
        onClick={() =>
          ask(
            w.scheduledAt && dayjs(w.scheduledAt).isAfter(dayjs())
              ? t(
                  `审核通过？将于 ${dateTime(w.scheduledAt)} 发布。`,
                  `Approve? It goes out at ${dateTime(w.scheduledAt)}.`,
                )
              : t('审核通过？通过后立即发布，群众马上可见。', 'Approve? It goes out at once.'),
            'approve',
            t('审核通过', 'Approve'),
            whom,
          )
        }
      >
        {t('审核通过', 'Approve')}
      </Button>,
    );
  if (may('reject'))
    buttons.push(
      <Button key="reject" onClick={() => setDialog('reject')}>
        {t('退回修改', 'Return')}
      </Button>,
    );
  if (may('send'))
    buttons.push(
      <Button
        key="send"
        type="primary"
        danger={w.priority === 'urgent'}
        loading={busy === 'send'}
        onClick={() =>
          ask(
            t('确认发布？发布后群众立即可见。', 'Send now? Residents see it at once.'),
            'send',
            t('发布', 'Send'),
            whom,
          )
        }
      >
        {t('发布', 'Send')}
      </Button>,
    );
  if (may('schedule'))
    buttons.push(
      <Button
        key="schedule"
        onClick={() => {
          setAt(dayjs().add(1, 'hour').startOf('hour'));
          setDialog('schedule');
        }}
      >
        {t('定时发布', 'Schedule')}
      </Button>,
    );
  if (may('unschedule'))
    buttons.push(
      <Button
        key="unschedule"
        loading={busy === 'unschedule'}
        onClick={() =>
          ask(
            t('取消定时发布？通知回到草稿。', 'Cancel the schedule? It goes back to a draft.'),
            'unschedule',
            t('取消定时', 'Unschedule'),
          )
        }
      >
        {t('取消定时', 'Unschedule')}
      </Button>,
    );
  if (may('withdraw'))
    buttons.push(
      <Button
        key="withdraw"
        danger
        loading={busy === 'withdraw'}
        onClick={() =>
          w.status === 'sent'
            ? setDialog('withdraw')
            : ask(
                t('撤回为草稿？撤回后可以修改再发。', 'Take it back to a draft? It can be edited and sent again.'),
                'withdraw',
                t('撤回', 'Withdraw'),
              )
        }
      >
        {t('撤回', 'Withdraw')}
      </Button>,
    );
  if (may('delete'))
    buttons.push(
      <Button
        key="delete"
        danger
        type="text"
        onClick={() =>
          modal.confirm({
            title: t('删除这份草稿？', 'Delete this draft?'),
            okText: t('删除', 'Delete'),
            okButtonProps: { danger: true },
            cancelText: t('取消', 'Cancel'),
            onOk: async () => {
              try {
                await warningsApi.remove(w.id, w.version);
                void client.invalidateQueries({ queryKey: ['warnings'] });
                navigate('/console/warnings');
              } catch (err) {
                message.error(errorMessage(err));
              }
            },
          })
        }
      >
        {t('删除', 'Delete')}
      </Button>,
    );

  return (
    <>
      <Space wrap>{buttons}</Space>
      <Modal
        open={dialog === 'reject'}
        title={t('退回修改', 'Return for changes')}
        okText={t('退回', 'Return')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ disabled: !note.trim(), loading: busy === 'reject' }}
        onCancel={() => setDialog(null)}
        onOk={() => step('reject', { note: note.trim() })}
      >
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          showCount
          autoSize={{ minRows: 3, maxRows: 6 }}
          placeholder={t('请写明需要修改的地方', 'What to change')}
          aria-label={t('退回意见', 'What to change')}
        />
      </Modal>
      <Modal
        open={dialog === 'withdraw'}
        title={t('撤回通知', 'Withdraw the notice')}
        okText={t('撤回', 'Withdraw')}
        okButtonProps={{ danger: true, disabled: !note.trim(), loading: busy === 'withdraw' }}
        cancelText={t('取消', 'Cancel')}
        onCancel={() => setDialog(null)}
        onOk={() => step('withdraw', { correction: note.trim() })}
      >
        <Typography.Paragraph type="secondary">
          {t(
            '撤回后，群众页面上这条通知显示为“已撤回”和下面的更正说明。',
            'Residents then see the notice as withdrawn, with the correction below.',
          )}
        </Typography.Paragraph>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          showCount
          autoSize={{ minRows: 3, maxRows: 6 }}
          placeholder={t('更正说明（必填），如：此前通知的停水时间有误，实际为……', 'Correction (required)')}
          aria-label={t('更正说明', 'Correction')}
        />
      </Modal>
      <Modal
        open={dialog === 'schedule' || dialog === 'submit'}
        title={
          dialog === 'submit'
            ? t('提交所长审核？审核通过后发布。', 'Send to the chief? It goes out once approved.')
            : t('定时发布', 'Schedule')
        }
        okText={dialog === 'submit' ? t('提交审核', 'Submit') : t('定时发布', 'Schedule')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{
          disabled: dialog === 'schedule' ? !at?.isAfter(dayjs()) : !!at && !at.isAfter(dayjs()),
          loading: busy === dialog,
        }}
        onCancel={() => setDialog(null)}
        onOk={() =>
          dialog === 'submit'
            ? step('submit', at ? { at: at.toDate().toISOString() } : {})
            : at && step('schedule', { at: at.toDate().toISOString() })
        }
      >
        <Flex vertical gap={12}>
          {dialog === 'submit' && (
            <Typography.Text type="secondary">
              {t(
                '可选：希望的发布时间。不填则所长审核通过后立即发布。',
                'Optional: when it should go out. Empty: at once when approved.',
              )}
            </Typography.Text>
          )}
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={at}
            onChange={setAt}
            allowClear={dialog === 'submit'}
            placeholder={t('审核通过后立即', 'At once when approved')}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            aria-label={t('发布时间', 'When')}
            style={{ width: 220 }}
          />
          {whom}
        </Flex>
      </Modal>
    </>
  );
}
