/**
 * 群众留言: residents' replies to a notice (no phone, no name — only the village they follow), newest first, with the
 * staff's answer under each; those who write notices (warning.write) answer an open one in place. The answer is
 * what the resident reads back on the notice.
 */
import type { WarningReplyView } from '@jingmin/shared';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { warningsApi } from '../../../api/warnings';
import { useLang } from '../../../i18n';
import { dateTime } from '../matter/labels';

export function Replies({ warningId }: { warningId: string }) {
  const { t } = useLang();
  const list = useInfiniteQuery({
    queryKey: ['warning-replies', warningId],
    queryFn: ({ pageParam }) => warningsApi.replies(warningId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.items.at(-1)?.at : undefined),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card size="small" title={t('群众留言', 'Replies from residents')}>
      {list.isError && <Alert type="error" title={errorMessage(list.error)} />}
      {!list.isPending && items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('还没有留言', 'No replies yet')} />
      )}
      <Flex vertical gap={12}>
        {items.map((r) => (
          <Reply key={r.id} reply={r} warningId={warningId} />
        ))}
      </Flex>
      {list.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 8 }}>
          <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('更早的留言', 'Earlier replies')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

function Reply({ reply, warningId }: { reply: WarningReplyView; warningId: string }) {
  const { t } = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!answer.trim()) return;
    setBusy(true);
    try {
      await warningsApi.answer(reply.id, { answer: answer.trim() });
      setAnswer('');
      message.success(t('已答复，群众在通知下可以看到', 'Answered; the resident reads it under the notice'));
      void client.invalidateQueries({ queryKey: ['warning-replies', warningId] });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 10 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {reply.area ?? t('群众', 'A resident')} · {dateTime(reply.at)}
      </Typography.Text>
      <Typography.Paragraph style={{ margin: '2px 0', whiteSpace: 'pre-wrap' }}>{reply.body}</Typography.Paragraph>
      {reply.answer ? (
        <div style={{ background: '#f6ffed', borderRadius: 6, padding: '6px 10px' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('答复', 'Answer')} · {reply.answeredBy ?? ''} {reply.answeredAt ? dateTime(reply.answeredAt) : ''}
          </Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap' }}>{reply.answer}</div>
        </div>
      ) : (
        can('warning.write') && (
          <Space.Compact style={{ width: '100%' }}>
            <Input.TextArea
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              maxLength={500}
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder={t('答复这条留言', 'Answer this reply')}
              aria-label={t('答复', 'Answer')}
            />
            <Button type="primary" loading={busy} disabled={!answer.trim()} onClick={() => void send()}>
              {t('答复', 'Answer')}
            </Button>
          </Space.Compact>
        )
      )}
    </div>
  );
}
