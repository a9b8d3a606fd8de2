/** The matter's status timeline (办理进度): every public step of a round except the chat, which has its own card. */
import {
  isMatterEventType,
  type Label,
  MATTER_EVENTS,
  type MatterEventType,
  RESIDENT_EVENT_TYPES,
  type ResidentMatterView,
  type ResidentTimelineEntry,
  type ReviewPromise,
} from '@jingmin/shared';
import { Card, Steps } from 'antd-mobile';
import { useLang } from '../../../../i18n';

/** The resident's words for an event; staff-only events have none and are never sent to this page. */
function eventLabel(type: MatterEventType): Label | undefined {
  return MATTER_EVENTS[type].residentLabel;
}

/** Timeline entries shown as chat bubbles rather than as steps. */
export const CHAT_TYPES = new Set(['matter.message', 'matter.reply']);

/** Every event the live stream may send to a resident's page; each one refreshes it. */
export const LIVE_EVENT_TYPES = RESIDENT_EVENT_TYPES;

export const shanghaiTime = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

type T = (zh: string, en: string) => string;

/** 「所长将复核，并在 24 小时内回访」: what an unsatisfied rating leads to, in one sentence. */
export const promiseText = (p: ReviewPromise, t: T, locale: string) =>
  t(
    `所长将复核，并在 ${p.callbackHours} 小时内回访（${shanghaiTime(p.dueAt, locale)} 前）`,
    `The station chief will review it and call you back within ${p.callbackHours} hours (by ${shanghaiTime(p.dueAt, locale)})`,
  );

/** "已转交城关司法所" tells a resident more than "transferred": the server names departments, never officers. */
function stepTitle(e: ResidentTimelineEntry, review: ReviewPromise | null, label: (l: Label) => string, t: T) {
  if (e.target && e.type === 'matter.dispatch') return t(`已派给${e.target}`, `Assigned to ${e.target}`);
  if (e.target && e.type === 'matter.transfer') return t(`已转交${e.target}`, `Transferred to ${e.target}`);
  if (e.type === 'matter.review_requested' && review)
    return t(
      `已转所长复核，承诺 ${review.callbackHours} 小时内回访`,
      `Passed to the chief, who promises a call within ${review.callbackHours} hours`,
    );
  const text = isMatterEventType(e.type) ? eventLabel(e.type) : undefined;
  return text ? label(text) : e.type;
}

/** The steps of one round, oldest first; `review` is that round's promise, if any. */
export function RoundSteps({ entries, review }: { entries: ResidentTimelineEntry[]; review: ReviewPromise | null }) {
  const { t, label, locale } = useLang();
  const steps = entries.filter((e) => !CHAT_TYPES.has(e.type));
  return (
    <Steps direction="vertical" current={steps.length - 1}>
      {steps.map((e) => (
        <Steps.Step
          key={e.id}
          status="finish"
          title={stepTitle(e, review, label, t)}
          description={
            <div>
              <div>{shanghaiTime(e.at, locale)}</div>
              {e.type === 'matter.review_requested' && review && (
                <div style={{ color: '#1f2329' }}>
                  {t(
                    `请留意 ${shanghaiTime(review.dueAt, locale)} 前的来电`,
                    `Expect a call by ${shanghaiTime(review.dueAt, locale)}`,
                  )}
                </div>
              )}
              {e.note && <div style={{ whiteSpace: 'pre-wrap', color: '#1f2329' }}>{e.note}</div>}
            </div>
          }
        />
      ))}
    </Steps>
  );
}

/** The round being handled now; earlier rounds are folded into their own card below. */
export function Progress({ m }: { m: ResidentMatterView }) {
  const { t } = useLang();
  const current = m.round.round;
  return (
    <Card
      title={
        current > 1 ? t(`办理进度 · 第${current}次办理`, `Progress · round ${current}`) : t('办理进度', 'Progress')
      }
      style={{ margin: 12 }}
    >
      <RoundSteps entries={m.timeline.filter((e) => e.round === current)} review={m.round.review} />
    </Card>
  );
}
