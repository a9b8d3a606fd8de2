/**
 * A 议事 topic for hosts: the question, where voting stands, a bar per option with its votes (counts only: nobody
 * reads who chose what), and the station's answer — or, for a host while there is none, 答复, which publishes it,
 * ends the voting and keeps it on the topic with who and when.
 */
import type { RoomPostView, RoomTopicView } from '@jingmin/shared';
import { Alert, App, Button, Flex, Input, Modal, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomTopicsApi } from '../../../../api/room-topics';
import { useLang } from '../../../../i18n';
import { dateTime } from '../../matter/labels';
import type { StaffPostPartProps } from './StaffItem';

function Counts({ topic }: { topic: RoomTopicView }) {
  const { t } = useLang();
  return (
    <div style={{ margin: '4px 0' }}>
      {topic.options.map((o) => {
        const share = topic.voters ? Math.round((o.votes / topic.voters) * 100) : 0;
        return (
          <div key={o.label} style={{ marginBottom: 2 }}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text style={{ overflowWrap: 'anywhere' }}>{o.label}</Typography.Text>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t(`${o.votes} 票 · ${share}%`, `${o.votes} votes · ${share}%`)}
              </Typography.Text>
            </Flex>
            <Progress percent={share} status="normal" showInfo={false} size="small" aria-label={o.label} />
          </div>
        );
      })}
      <Typography.Text type="secondary">{t(`共 ${topic.voters} 人投票`, `${topic.voters} voted`)}</Typography.Text>
    </div>
  );
}

function AnswerModal({ post, onClose, onDone }: { post: RoomPostView; onClose(): void; onDone(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      await roomTopicsApi.answer(post.id, { answer: answer.trim() });
      message.success(t('已答复', 'Answered'));
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(`答复议事：${post.topic?.question ?? ''}`, `Answer: ${post.topic?.question ?? ''}`)}
      okText={t('发布答复', 'Publish the answer')}
      okButtonProps={{ disabled: answer.trim().length === 0 }}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => void send()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t(
          '答复即派出所的结论和下一步：发布后投票结束，答复连同答复人、时间一直显示在议事上，不能修改。',
          "The station's conclusion and next steps: publishing ends the voting; the answer stays on the topic with who and when, and cannot be changed.",
        )}
      </Typography.Paragraph>
      {post.topic && <Counts topic={post.topic} />}
      {/* Room below for the count, which would otherwise touch the dialog's buttons on a phone. */}
      <Input.TextArea
        style={{ marginBottom: 24 }}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        maxLength={2000}
        showCount
        autoSize={{ minRows: 4, maxRows: 10 }}
        placeholder={t('答复内容，例如：按多数意见，减速带装在小学门口，12 月 10 日前完工。', 'The answer')}
        aria-label={t('答复内容', 'The answer')}
      />
    </Modal>
  );
}

export function StaffTopic({ post, canPost, onChanged }: StaffPostPartProps) {
  const { t } = useLang();
  const [answering, setAnswering] = useState(false);
  const topic = post.topic;
  if (!topic) return null;
  const state = topic.answer ? (
    <Tag color="green">{t('已答复', 'Answered')}</Tag>
  ) : topic.closed ? (
    <Tag color="orange">{t('投票结束，待答复', 'Voting ended; to answer')}</Tag>
  ) : (
    <Tag color="blue">
      {topic.closesAt
        ? t(`投票中，${dateTime(topic.closesAt)} 截止`, `Voting until ${dateTime(topic.closesAt)}`)
        : t('投票中，答复后结束', 'Voting until answered')}
    </Tag>
  );
  return (
    <div
      style={{ margin: '6px 0', padding: '8px 10px', border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
    >
      <Flex gap={6} wrap align="center">
        <Typography.Text strong style={{ fontSize: 15 }}>
          {topic.question}
        </Typography.Text>
        {state}
      </Flex>
      <Counts topic={topic} />
      {topic.answer ? (
        <Alert
          type="success"
          style={{ marginTop: 6 }}
          title={t('派出所答复', "The station's answer")}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{topic.answer}</div>
              <Typography.Text type="secondary">
                {topic.answeredBy}
                {topic.answeredAt ? ` · ${dateTime(topic.answeredAt)}` : ''}
              </Typography.Text>
            </>
          }
        />
      ) : (
        canPost &&
        post.status === 'published' && (
          <Button type="primary" size="small" style={{ marginTop: 6 }} onClick={() => setAnswering(true)}>
            {t('答复', 'Answer')}
          </Button>
        )
      )}
      {answering && (
        <AnswerModal
          post={post}
          onClose={() => setAnswering(false)}
          onDone={() => {
            setAnswering(false);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
