/**
 * The matter's timeline. The resident's chat messages ('matter.message') and
 * the station's replies read as two sides of a conversation; internal notes
 * are marked so nobody mistakes them for something the resident saw.
 */
import { isMatterEventType, MATTER_EVENTS, type TimelineEntry } from '@jingmin/shared';
import { Tag, Timeline, Typography } from 'antd';
import { useLang } from '../../../i18n';
import { fullTime } from './labels';
import { Photos } from './Photos';

const BUBBLE = {
  resident: { background: '#f6ffed', border: '1px solid #b7eb8f' },
  station: { background: '#e6f4ff', border: '1px solid #91caff' },
  internal: { background: '#fafafa', border: '1px dashed #d9d9d9' },
} as const;

function sideOf(e: TimelineEntry): keyof typeof BUBBLE | null {
  if (e.type === 'matter.message') return 'resident';
  if (e.type === 'matter.reply') return 'station';
  if (e.type === 'matter.note') return 'internal';
  return null;
}

export function MatterTimeline({ matterId, entries }: { matterId: string; entries: TimelineEntry[] }) {
  const { t } = useLang();
  return (
    <Timeline
      items={entries.map((e) => {
        const side = sideOf(e);
        // The submission's photos are shown with the resident's words above the timeline.
        const photoIds = e.type === 'matter.submitted' ? [] : (e.photoIds ?? []);
        const what = isMatterEventType(e.type) ? MATTER_EVENTS[e.type].label : null;
        return {
          key: e.id,
          color:
            side === 'resident'
              ? 'green'
              : e.type === 'matter.escalated' || e.type === 'matter.supervised'
                ? 'red'
                : e.visibility === 'internal'
                  ? 'gray'
                  : 'blue',
          content: (
            <div>
              {side === 'resident' && (
                <Tag color="green" style={{ marginInlineEnd: 6 }}>
                  {t('群众', 'Resident')}
                </Tag>
              )}
              {side === 'station' && (
                <Tag color="blue" style={{ marginInlineEnd: 6 }}>
                  {t('民警', 'Staff')}
                </Tag>
              )}
              <Typography.Text strong>
                {what ? t(what.zh, what.en) : e.type}
                {e.target ? ` → ${e.target}` : ''}
              </Typography.Text>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fullTime(e.at)} {e.actor ?? ''}
              </Typography.Text>
              {e.visibility === 'internal' && (
                <Tag style={{ marginInlineStart: 6 }}>{t('内部，群众不可见', 'internal')}</Tag>
              )}
              {e.visibility === 'public' && e.note && e.noteVisibility === 'internal' && (
                <Tag style={{ marginInlineStart: 6 }}>{t('说明仅内部可见', 'note: staff only')}</Tag>
              )}
              {(e.note || photoIds.length > 0) && (
                <div
                  style={{
                    marginTop: 4,
                    padding: side ? '6px 10px' : 0,
                    borderRadius: 6,
                    ...(side ? BUBBLE[side] : {}),
                  }}
                >
                  {e.note && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.note}</div>}
                  {photoIds.length > 0 && (
                    <div style={{ marginTop: e.note ? 6 : 0 }}>
                      <Photos matterId={matterId} ids={photoIds} size={64} />
                    </div>
                  )}
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
