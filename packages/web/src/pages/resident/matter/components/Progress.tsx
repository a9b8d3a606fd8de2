/** The matter's status timeline (办理进度): every public step except the chat, which has its own card. */
import {
  isMatterEventType,
  type Label,
  MATTER_EVENTS,
  type MatterEventType,
  RESIDENT_EVENT_TYPES,
  type TimelineEntry,
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

/** "已转交城关司法所" tells a resident more than "transferred": the server names departments, never officers. */
function stepTitle(e: TimelineEntry, label: (l: Label) => string, t: (zh: string, en: string) => string) {
  if (e.target && e.type === 'matter.dispatch') return t(`已派给${e.target}`, `Assigned to ${e.target}`);
  if (e.target && e.type === 'matter.transfer') return t(`已转交${e.target}`, `Transferred to ${e.target}`);
  const text = isMatterEventType(e.type) ? eventLabel(e.type) : undefined;
  return text ? label(text) : e.type;
}

export function Progress({ timeline }: { timeline: TimelineEntry[] }) {
  const { t, label, locale } = useLang();
  const steps = timeline.filter((e) => !CHAT_TYPES.has(e.type));
  return (
    <Card title={t('办理进度', 'Progress')} style={{ margin: 12 }}>
      <Steps direction="vertical" current={steps.length - 1}>
        {steps.map((e) => {
          return (
            <Steps.Step
              key={e.id}
              status="finish"
              title={stepTitle(e, label, t)}
              description={
                <div>
                  <div>{shanghaiTime(e.at, locale)}</div>
                  {e.note && <div style={{ whiteSpace: 'pre-wrap', color: '#333' }}>{e.note}</div>}
                </div>
              }
            />
          );
        })}
      </Steps>
    </Card>
  );
}
