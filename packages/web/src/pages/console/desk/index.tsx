/**
 * 值班台: the live inbox (new matters appear without reload, over SSE, and
 * announce themselves: notification, tab title, a beep for 求助/报警), the
 * supervision board (督办看板) of every open task by assignee, and the matter
 * drawer where every step is taken. Buttons follow the server's allowedActions.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Switch, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { useLang } from '../../../i18n';
import { useLiveMatters, useRefreshMatters } from '../matter/live';
import { MatterDrawer } from '../matter/MatterDrawer';
import { useNewMatterAlerts } from './alerts';
import { Board } from './components/Board';
import { Inbox } from './components/Inbox';
import { RecordMatterForm } from './components/RecordMatterForm';

export default function DeskPage() {
  const { t } = useLang();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<string | null>(null);
  // 登记事项: a call, the counter, 110 or 12345, recorded by the desk on the caller's behalf.
  const [recording, setRecording] = useState(false);
  const alerts = useNewMatterAlerts(setOpen);
  const openMatter = (id: string) => {
    alerts.dismiss(id);
    setOpen(id);
  };
  // Alerts and the beep are for those who take new matters; a supervisor reading the county is not paged.
  const takesMatters = can('matter.desk') || can('matter.handle');
  const live = useLiveMatters(takesMatters ? alerts.onSubmitted : undefined);
  const refresh = useRefreshMatters();
  const liveBadge = (
    <Badge status={live ? 'success' : 'default'} text={live ? t('实时', 'Live') : t('连接中…', 'Connecting…')} />
  );
  const tab = params.get('tab') === 'board' && can('matter.supervise') ? 'board' : 'inbox';
  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'board' ? { tab: 'board' } : {}, { replace: true })}
        // The extras sit beside the tab list, not inside it: a tablist may own only tabs (antd's
        // tabBarExtraContent renders inside it, which axe reports as aria-required-children).
        renderTabBar={(props, TabBar) => (
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16 }}>
            <TabBar {...props} style={{ flex: 1, minWidth: 0, marginBottom: 0 }} />
            <Space size={12} wrap>
              {can('matter.desk') && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
                  {t('登记事项', 'Record a matter')}
                </Button>
              )}
              {takesMatters && (
                <Space
                  size={6}
                  title={t('求助、报警类新事项到达时响一声', 'A beep when a new help request or report arrives')}
                >
                  <Switch
                    size="small"
                    checked={alerts.sound}
                    onChange={alerts.setSound}
                    aria-label={t('提示音', 'Sound')}
                  />
                  <Typography.Text style={{ fontSize: 13 }}>{t('提示音', 'Sound')}</Typography.Text>
                </Space>
              )}
            </Space>
          </div>
        )}
        items={[
          { key: 'inbox', label: t('事项', 'Matters'), children: <Inbox onOpen={openMatter} live={liveBadge} /> },
          ...(can('matter.supervise')
            ? [
                {
                  key: 'board',
                  label: t('督办看板', 'Supervision'),
                  children: <Board onOpen={openMatter} live={liveBadge} />,
                },
              ]
            : []),
        ]}
      />
      {/* Keyed: a matter opened from a notification never inherits another's half-filled step. */}
      {open && <MatterDrawer key={open} id={open} onClose={() => setOpen(null)} onChanged={refresh} />}
      {recording && (
        <RecordMatterForm
          onClose={() => setRecording(false)}
          onSaved={refresh}
          onOpenMatter={(id) => {
            setRecording(false);
            openMatter(id);
          }}
        />
      )}
    </>
  );
}
