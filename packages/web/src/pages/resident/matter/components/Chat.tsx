/**
 * The conversation with the station: the resident's own messages on the
 * right, the station's replies on the left, each with its photos; the box to
 * write in stays at the bottom while the matter is open (canChat).
 */
import type { ResidentMatterView, TimelineEntry } from '@jingmin/shared';
import { Card } from 'antd-mobile';
import { useLang } from '../../../../i18n';
import { PhotoGrid } from '../../components/PhotoGrid';
import { Composer } from './Composer';
import { CHAT_TYPES, shanghaiTime } from './Progress';

interface Props {
  m: ResidentMatterView;
  tracking: string;
  onSent(view: ResidentMatterView): void;
}

export function Chat({ m, tracking, onSent }: Props) {
  const { t } = useLang();
  const messages = m.timeline.filter((e) => CHAT_TYPES.has(e.type));
  if (!m.canChat && messages.length === 0) return null;
  return (
    <Card title={t('与派出所沟通', 'Messages with the station')} style={{ margin: 12 }}>
      {messages.length === 0 && (
        <div className="jm-muted" style={{ padding: '4px 0 12px' }}>
          {t(
            '有补充情况或疑问，可以在这里给派出所留言、发照片',
            'Anything to add or ask? Write to the station here, with photos if they help',
          )}
        </div>
      )}
      <div role="log" aria-live="polite" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        {messages.map((e) => (
          <Bubble key={e.id} entry={e} tracking={tracking} />
        ))}
      </div>
      {m.canChat ? (
        <Composer tracking={tracking} onSent={onSent} />
      ) : (
        <div className="jm-muted" style={{ marginTop: 12, textAlign: 'center' }}>
          {t('事项已关闭，对话已结束', 'The matter is closed; the conversation has ended')}
        </div>
      )}
    </Card>
  );
}

function Bubble({ entry, tracking }: { entry: TimelineEntry; tracking: string }) {
  const { t, locale } = useLang();
  const mine = entry.type === 'matter.message';
  const who = mine ? t('我', 'Me') : (entry.actor ?? t('派出所', 'Station'));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: mine ? 'flex-end' : 'flex-start' }}>
      <div className="jm-muted" style={{ marginBottom: 2 }}>
        {who} · {shanghaiTime(entry.at, locale)}
      </div>
      <div
        style={{
          maxWidth: '85%',
          padding: '8px 12px',
          borderRadius: 10,
          background: mine ? '#c8f0a8' : '#fff',
          border: mine ? 'none' : '1px solid #e1e4e8',
          color: '#222',
        }}
      >
        {entry.note && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.note}</div>}
        <PhotoGrid tracking={tracking} photoIds={entry.photoIds} size="4em" />
      </div>
    </div>
  );
}
