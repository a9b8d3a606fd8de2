/**
 * 平安提醒 as a list, for the doorplate and "my matters" pages: urgent ones first (the server's order), each with its
 * tags, title, time and whether it still asks for 已知晓. A tap opens the notice.
 */
import type { PublicNotice } from '@jingmin/shared';
import { List } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLang } from '../../../../i18n';
import { MUTED } from '../../components/residentStyle';
import { shanghaiTime } from '../../matter/components/Progress';
import { NoticeTags } from './NoticeTags';

const bare = { '--border-top': 'none', '--border-bottom': 'none', '--padding-left': '0' } as const;
const PAGE = 5;

export function NoticeList({ items }: { items: PublicNotice[] }) {
  const { t, locale } = useLang();
  const navigate = useNavigate();
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <List style={bare}>
        {items.slice(0, shown).map((n) => (
          <List.Item
            key={n.id}
            arrow
            onClick={() => navigate(`/notices/${n.id}`)}
            description={
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 8px', color: MUTED }}>
                <span>{shanghaiTime(n.sentAt, locale)}</span>
                {n.ackRequired && !n.withdrawn && (
                  <span style={{ color: n.mine.acknowledged ? '#1a7f37' : '#b3261e', fontWeight: 600 }}>
                    {n.mine.acknowledged ? t('已知晓 ✓', 'Acknowledged ✓') : t('需确认知晓', 'Please confirm')}
                  </span>
                )}
              </div>
            }
          >
            <div style={{ marginBottom: 2 }}>
              <NoticeTags notice={n} />
            </div>
            <div style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{n.title}</div>
          </List.Item>
        ))}
      </List>
      {items.length > shown && (
        <button
          type="button"
          className="jm-tap"
          onClick={() => setShown(shown + PAGE)}
          style={{ width: '100%', font: 'inherit', color: '#1d4f91', background: 'none', border: 'none' }}
        >
          {t(`再显示 ${Math.min(PAGE, items.length - shown)} 条`, `Show ${Math.min(PAGE, items.length - shown)} more`)}
        </button>
      )}
    </>
  );
}
