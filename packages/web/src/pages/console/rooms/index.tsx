/**
 * 议事厅 (网上警民议事厅, 一警一群): the station's rooms with their open "@" and held posts, the "@" waiting for an
 * answer across rooms, 建群 and the room rules for those who set rooms up (room.manage); a room at
 * /console/rooms/:id.
 */
import { Card, Tabs } from 'antd';
import { Route, Routes, useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { useLang } from '../../../i18n';
import { StationPage } from '../matter/StationPicker';
import { readPeriodDrill } from '../warnings/model';
import { FiguresPanel } from './components/FiguresPanel';
import { ItemsList } from './components/ItemsList';
import { MentionsList } from './components/MentionsList';
import { PeriodRooms } from './components/PeriodRooms';
import { ReportsList } from './components/ReportsList';
import { RoomList } from './components/RoomList';
import { RulesPanel } from './components/RulesPanel';
import RoomPage from './RoomPage';
import { useLiveRooms } from './useRooms';

export default function RoomsPages() {
  return (
    <Routes>
      <Route path=":id" element={<RoomPage />} />
      <Route path="*" element={<RoomsHome />} />
    </Routes>
  );
}

function RoomsHome() {
  const { t } = useLang();
  const [params] = useSearchParams();
  // A dashboard figure links here with `?from=&to=&unitId=`: the rooms it counted, across the unit's stations.
  const drill = readPeriodDrill((k) => params.get(k));
  if (drill)
    return (
      <Card title={t('网上警民议事厅', 'Community rooms')}>
        <PeriodRooms drill={drill} posted={params.get('posted') === '1'} />
      </Card>
    );
  return (
    <StationPage
      title={t('网上警民议事厅', 'Community rooms')}
      intro={t(
        '一警一群：每个群由社区民警做群主，辅警、网格员协助。群众扫门牌或邀请二维码、验证手机号后以昵称发言；@ 民警的消息限时回复，超时提醒到手机和值班台。',
        'One officer, one room: the officer hosts, auxiliaries and grid workers help. Residents join by doorplate or invitation with a verified phone and post under a nickname; an "@" to staff must be answered in time or it reaches the officer’s phone, then the desk.',
      )}
    >
      {(stationId) => <Sections stationId={stationId} />}
    </StationPage>
  );
}

function Sections({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  useLiveRooms();
  const items = [
    { key: 'rooms', label: t('群列表', 'Rooms'), children: <RoomList stationId={stationId} /> },
    { key: 'mentions', label: t('待回复', 'Waiting for answer'), children: <MentionsList stationId={stationId} /> },
    { key: 'reports', label: t('举报', 'Reports'), children: <ReportsList stationId={stationId} /> },
    { key: 'items', label: t('失物招领', 'Lost and found'), children: <ItemsList stationId={stationId} /> },
    { key: 'figures', label: t('数据', 'Figures'), children: <FiguresPanel stationId={stationId} /> },
    ...(can('room.manage')
      ? [{ key: 'rules', label: t('群规则', 'Rules'), children: <RulesPanel stationId={stationId} /> }]
      : []),
  ];
  const tab = items.some((i) => i.key === params.get('tab')) ? (params.get('tab') as string) : 'rooms';
  return <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })} items={items} />;
}
