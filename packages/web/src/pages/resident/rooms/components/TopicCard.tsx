/**
 * A 议事 topic in a member's view: the question and, while voting is open and the member has not voted, each option
 * as a large button (one vote, confirmed first: it cannot be changed). After voting, or once voting ended, a bar per
 * option with its votes and share — the member's own choice marked in words — and the station's answer, with who
 * gave it and when, set apart on top of the results.
 */
import type { RoomTopicView } from '@jingmin/shared';
import { Button, Dialog, Toast } from 'antd-mobile';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomTopicsPublic } from '../../../../api/room-topics';
import { useLang } from '../../../../i18n';
import type { MemberPostPartProps } from './ItemCard';
import { postTime } from './PostBubble';

const ANSWER_GREEN = '#1a7f37';

function Results({ topic }: { topic: RoomTopicView }) {
  const { t } = useLang();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {topic.options.map((o, i) => {
        const share = topic.voters ? Math.round((o.votes / topic.voters) * 100) : 0;
        const chosen = topic.myVote === i;
        return (
          <li key={o.label} style={{ margin: '6px 0' }}>
            <div style={{ overflowWrap: 'anywhere', fontWeight: chosen ? 700 : 400 }}>
              {o.label}
              {chosen && (
                <span style={{ color: '#1d4f91', whiteSpace: 'nowrap' }}> {t('✓ 我的选择', '✓ My vote')}</span>
              )}
            </div>
            <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <div aria-hidden style={{ flex: 1, height: 8, borderRadius: 4, background: '#e3e7ed' }}>
                <div
                  style={{
                    width: `${share}%`,
                    height: '100%',
                    borderRadius: 4,
                    background: chosen ? '#1d4f91' : '#7d9cc4',
                  }}
                />
              </div>
              <span className="jm-small" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {t(`${o.votes} 票 · ${share}%`, `${o.votes} votes · ${share}%`)}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function Answer({ topic }: { topic: RoomTopicView }) {
  const { t } = useLang();
  if (!topic.answer) return null;
  return (
    <section
      aria-label={t('派出所答复', "The station's answer")}
      style={{
        margin: '8px 0',
        padding: '8px 10px',
        background: '#e8f5ec',
        borderLeft: `4px solid ${ANSWER_GREEN}`,
        borderRadius: 6,
      }}
    >
      <strong style={{ color: ANSWER_GREEN }}>{t('派出所答复', "The station's answer")}</strong>
      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '2px 0' }}>{topic.answer}</div>
      <div className="jm-muted jm-small">
        {topic.answeredBy}
        {topic.answeredAt ? ` · ${postTime(topic.answeredAt)}` : ''}
      </div>
    </section>
  );
}

export function TopicCard({ post, phoneToken, onChanged }: MemberPostPartProps) {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  // The vote's answer shows the results at once, before the room's feed reads the post again.
  const [fresh, setFresh] = useState<RoomTopicView | null>(null);
  if (!post.topic) return null;
  const topic = post.topic.myVote === null && fresh ? fresh : post.topic;
  const canVote = phoneToken !== null && post.status === 'published' && !topic.closed && topic.myVote === null;

  const vote = async (option: number, label: string) => {
    if (!phoneToken) return;
    const ok = await Dialog.confirm({
      content: t(`投给“${label}”？每人只能投一次，投后不能更改。`, `Vote for "${label}"? One vote each, final.`),
      confirmText: t('投票', 'Vote'),
      cancelText: t('再想想', 'Not yet'),
    });
    if (!ok) return;
    setBusy(true);
    try {
      const view = await roomTopicsPublic.vote(post.id, { option }, phoneToken);
      setFresh(view.topic);
      Toast.show({ icon: 'success', content: t('已投票', 'Voted') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setBusy(false);
      onChanged?.();
    }
  };

  const state = topic.answer
    ? t('已答复，投票结束', 'Answered; voting ended')
    : topic.closed
      ? t('投票已结束，等待派出所答复', 'Voting ended; the station will answer')
      : topic.closesAt
        ? t(`投票截止 ${postTime(topic.closesAt)}`, `Voting ends ${postTime(topic.closesAt)}`)
        : t('投票至派出所答复为止', 'Voting is open until the station answers');

  return (
    <section
      aria-label={t(`议事：${topic.question}`, `Topic: ${topic.question}`)}
      style={{ marginTop: 6, padding: '8px 10px', background: '#fff', border: '1px solid #c5ccd6', borderRadius: 8 }}
    >
      <div style={{ fontWeight: 700, fontSize: '1.1em', overflowWrap: 'anywhere' }}>{topic.question}</div>
      <div className="jm-muted jm-small">{state}</div>
      <Answer topic={topic} />
      {canVote ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}>
          {topic.options.map((o, i) => (
            <Button
              key={o.label}
              block
              color="primary"
              fill="outline"
              disabled={busy}
              onClick={() => void vote(i, o.label)}
              style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', height: 'auto', padding: '8px 12px' }}
            >
              {o.label}
            </Button>
          ))}
          <div className="jm-muted jm-small">
            {t(
              `每人一票，投后可看各项票数。已有 ${topic.voters} 人投票。`,
              `One vote each; the counts show after you vote. ${topic.voters} voted so far.`,
            )}
          </div>
        </div>
      ) : (
        <>
          <Results topic={topic} />
          <div className="jm-muted jm-small">
            {topic.myVote !== null && <strong style={{ color: '#1d4f91' }}>{t('您已投票 · ', 'You voted · ')}</strong>}
            {t(`共 ${topic.voters} 人投票`, `${topic.voters} voted`)}
          </div>
        </>
      )}
      {phoneToken !== null && post.status === 'published' && (
        <div className="jm-muted jm-small" style={{ marginTop: 4 }}>
          {t('对这个议事有想法？点“回复”说说。', 'Something to add? Reply to this topic.')}
        </div>
      )}
    </section>
  );
}
