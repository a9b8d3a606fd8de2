/**
 * A host writes to the room: a message or an announcement (公告, pinned if chosen, readable without signing in),
 * tagged with one of the seven kinds of work, as a reply when one was chosen. An unanswered send is retried
 * under the same idempotency key, so the room never reads it twice.
 */
import { ROOM_WORK_TYPE_LABELS, ROOM_WORK_TYPES, type RoomPostView, type RoomWorkType } from '@jingmin/shared';
import { Alert, App, Button, Checkbox, Flex, Input, Segmented, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomsApi } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { newKey } from '../../matter/labels';

interface Props {
  roomId: string;
  replyTo: RoomPostView | null;
  onClearReply(): void;
  onSent(): void;
}

export function StaffComposer({ roomId, replyTo, onClearReply, onSent }: Props) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<'message' | 'announcement'>('message');
  const [workType, setWorkType] = useState<RoomWorkType | undefined>();
  const [pinned, setPinned] = useState(true);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState<{ key: string; content: string } | null>(null);

  const send = async () => {
    const text = body.trim();
    if (!text) return;
    const input = {
      body: text,
      kind,
      pinned: kind === 'announcement' && pinned,
      ...(workType ? { workType } : {}),
      ...(replyTo ? { replyToId: replyTo.id } : {}),
    };
    const content = JSON.stringify(input);
    const tryNow = attempt?.content === content ? attempt : { key: newKey(), content };
    setAttempt(tryNow);
    setBusy(true);
    try {
      await roomsApi.post(roomId, input, tryNow.key);
      setAttempt(null);
      setBody('');
      setWorkType(undefined);
      setKind('message');
      onClearReply();
      onSent();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      {replyTo && (
        <Alert
          type="info"
          closable={{ onClose: onClearReply, 'aria-label': t('取消回复', 'Cancel reply') }}
          style={{ marginBottom: 8 }}
          title={`${t('回复', 'Reply to')} ${replyTo.author.nickname}：${replyTo.body.slice(0, 80)}`}
        />
      )}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as 'message' | 'announcement')}
          options={[
            { value: 'message', label: t('发言', 'Message') },
            { value: 'announcement', label: t('公告', 'Announcement') },
          ]}
        />
        {kind === 'announcement' && (
          <Checkbox checked={pinned} onChange={(e) => setPinned(e.target.checked)}>
            {t('置顶', 'Pin')}
          </Checkbox>
        )}
        <Select
          allowClear
          value={workType}
          onChange={setWorkType}
          placeholder={t('工作类别', 'Kind of work')}
          aria-label={t('工作类别', 'Kind of work')}
          style={{ minWidth: 140 }}
          options={ROOM_WORK_TYPES.map((w) => ({ value: w, label: label(ROOM_WORK_TYPE_LABELS[w]) }))}
        />
      </Flex>
      <Flex gap={8} align="flex-end">
        <Input.TextArea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={
            kind === 'announcement' ? t('公告内容', 'Announcement') : t('回复群众或发消息', 'Write to the room')
          }
          aria-label={t('发言内容', 'Post')}
          onPressEnter={(e) => {
            if (e.ctrlKey || e.metaKey) void send();
          }}
        />
        <Button type="primary" loading={busy} disabled={!body.trim()} onClick={() => void send()}>
          {t('发送', 'Send')}
        </Button>
      </Flex>
    </div>
  );
}
