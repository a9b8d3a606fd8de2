/**
 * Rounds of handling (第N次办理): the result of the round being handled now —
 * its outcome, the resident's rating and, after 不满意, when the chief will
 * call back — and, folded below, every earlier round as history.
 */
import { RATING_LABELS, type ResidentMatterView, type ResidentRound } from '@jingmin/shared';
import { Card, Collapse } from 'antd-mobile';
import { useLang } from '../../../../i18n';
import { promiseText, RoundSteps, shanghaiTime } from './Progress';

const row = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '4px 0' } as const;

/** Outcome, rating, the resident's words and the review promise of one round. */
function RoundResult({ r }: { r: ResidentRound }) {
  const { t, label, locale } = useLang();
  return (
    <div style={{ lineHeight: 1.6 }}>
      {r.outcome && (
        <div style={row}>
          <strong>{t('办结情况：', 'Outcome: ')}</strong>
          {r.outcome}
        </div>
      )}
      {r.rating && (
        <div style={row}>
          <strong>{t('您的评价：', 'Your rating: ')}</strong>
          {label(RATING_LABELS[r.rating])}
          {r.ratingComment && t(`（${r.ratingComment}）`, ` (${r.ratingComment})`)}
        </div>
      )}
      {r.review && (
        <div
          role="status"
          style={{ ...row, padding: '8px 10px', background: r.reviewedAt ? '#eef6ee' : '#fff4e5', borderRadius: 6 }}
        >
          {r.reviewedAt
            ? t(
                `所长已复核，并已回访（${shanghaiTime(r.reviewedAt, locale)}）`,
                `The chief reviewed it and called you back (${shanghaiTime(r.reviewedAt, locale)})`,
              )
            : promiseText(r.review, t, locale)}
        </div>
      )}
    </div>
  );
}

/** The current round's result, once there is one; a rating that is not 不满意 is thanked. */
export function CurrentRound({ m }: { m: ResidentMatterView }) {
  const { t } = useLang();
  const r = m.round;
  if (!r.outcome && !r.rating) return null;
  return (
    <Card
      title={r.round > 1 ? t(`第${r.round}次办理结果`, `Result of round ${r.round}`) : t('办理结果', 'Result')}
      style={{ margin: 12 }}
    >
      <RoundResult r={r} />
      {r.rating && !r.review && <div style={row}>{t('谢谢您的评价！', 'Thank you for rating!')}</div>}
    </Card>
  );
}

/** Earlier rounds, oldest first, each folded: 「第1次办理」 with its dates, result and steps. */
export function EarlierRounds({ m }: { m: ResidentMatterView }) {
  const { t, locale } = useLang();
  if (m.earlierRounds.length === 0) return null;
  return (
    <Card title={t('以往办理记录', 'Earlier rounds')} style={{ margin: 12 }}>
      <Collapse>
        {m.earlierRounds.map((r) => (
          <Collapse.Panel key={String(r.round)} title={t(`第${r.round}次办理`, `Round ${r.round}`)}>
            <div className="jm-muted">
              {shanghaiTime(r.startedAt, locale)}
              {r.reopenedAt &&
                t(
                  ` 至 ${shanghaiTime(r.reopenedAt, locale)} 重新办理`,
                  ` to ${shanghaiTime(r.reopenedAt, locale)}, reopened`,
                )}
            </div>
            <RoundResult r={r} />
            <RoundSteps entries={m.timeline.filter((e) => e.round === r.round)} review={r.review} />
          </Collapse.Panel>
        ))}
      </Collapse>
    </Card>
  );
}
