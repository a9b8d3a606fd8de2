/** The matter's status timeline (办理进度): every public step except the chat, which has its own card. */
import type { Label, TimelineEntry } from '@jingmin/shared';
import { Card, Steps } from 'antd-mobile';
import { useLang } from '../../../../i18n';

const EVENT_TEXT: Record<string, Label> = {
  'matter.submitted': { zh: '已提交', en: 'Submitted' },
  'matter.accept': { zh: '派出所已受理', en: 'Accepted by the station' },
  'matter.dispatch': { zh: '已派给责任民警/部门', en: 'Assigned to an officer or department' },
  'matter.transfer': { zh: '已转交办理', en: 'Transferred for handling' },
  'matter.take': { zh: '已接单，正在办理', en: 'Taken up and being handled' },
  'matter.reply': { zh: '办理人员回复', en: 'Reply from the station' },
  'matter.message': { zh: '您的留言', en: 'Your message' },
  'matter.resolve': { zh: '已办结', en: 'Resolved' },
  'matter.rate': { zh: '您已评价', en: 'You rated it' },
  'matter.reopen': { zh: '重新办理', en: 'Reopened' },
  'matter.return': { zh: '退回派出所重新安排', en: 'Returned to the station to reassign' },
  'matter.close': { zh: '已关闭', en: 'Closed' },
  'matter.invalidate': { zh: '未受理', en: 'Not accepted' },
  'matter.merge': { zh: '已与相同事项合并办理', en: 'Handled together with the same matter' },
};

/** Timeline entries shown as chat bubbles rather than as steps. */
export const CHAT_TYPES = new Set(['matter.message', 'matter.reply']);

/** Every event the live stream may send to a resident's page; each one refreshes it. */
export const LIVE_EVENT_TYPES = Object.keys(EVENT_TEXT);

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
  const text = EVENT_TEXT[e.type];
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
