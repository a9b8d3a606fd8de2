/**
 * 值班台: the live inbox (new matters appear without reload, over SSE), the
 * supervision board (督办看板) of every open task by assignee, and the matter
 * drawer where every step is taken. Buttons follow the server's allowedActions.
 */
import { Badge, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { useLang } from '../../../i18n';
import { useLiveMatters, useRefreshMatters } from '../matter/live';
import { MatterDrawer } from '../matter/MatterDrawer';
import { Board } from './components/Board';
import { Inbox } from './components/Inbox';

export default function DeskPage() {
  const { t } = useLang();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<string | null>(null);
  const live = useLiveMatters();
  const refresh = useRefreshMatters();
  const liveBadge = (
    <Badge status={live ? 'success' : 'default'} text={live ? t('实时', 'Live') : t('连接中…', 'Connecting…')} />
  );
  const tab = params.get('tab') === 'board' && can('matter.desk') ? 'board' : 'inbox';
  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'board' ? { tab: 'board' } : {}, { replace: true })}
        items={[
          { key: 'inbox', label: t('事项', 'Matters'), children: <Inbox onOpen={setOpen} live={liveBadge} /> },
          ...(can('matter.desk')
            ? [
                {
                  key: 'board',
                  label: t('督办看板', 'Supervision'),
                  children: <Board onOpen={setOpen} live={liveBadge} />,
                },
              ]
            : []),
        ]}
      />
      {open && <MatterDrawer id={open} onClose={() => setOpen(null)} onChanged={refresh} />}
    </>
  );
}
