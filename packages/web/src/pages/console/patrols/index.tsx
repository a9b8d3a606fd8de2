/**
 * 巡逻防控: a station's patrols and their check-ins with the coverage of its 必到点 per week, its points (with
 * their printable QR codes), its routes (必巡线) and its patrol teams. Only field.manage (the chief) changes the
 * points, routes and teams; everyone who reads the station's field work sees them.
 */
import { Tabs } from 'antd';
import { useCan } from '../../../access';
import { useLang } from '../../../i18n';
import { StationPage } from '../matter/StationPicker';
import { PointsTab } from './components/PointsTab';
import { RoutesTab } from './components/RoutesTab';
import { SessionsTab } from './components/SessionsTab';
import { TeamsTab } from './components/TeamsTab';

export default function PatrolsPage() {
  const { t } = useLang();
  return (
    <StationPage
      title={t('巡逻防控', 'Patrols')}
      intro={t(
        '必到点张贴二维码，巡逻队员到点扫码打卡，只记录时间和点位；必巡线是依次经过的必到点。覆盖率按北京时间的日、周统计。',
        'Each patrol point has a QR code on site; patrols scan it to check in, recording only the time and the point. A route is an ordered list of points. Coverage is counted per Beijing day and week.',
      )}
    >
      {(stationId) => <Patrols stationId={stationId} />}
    </StationPage>
  );
}

function Patrols({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const can = useCan();
  const editable = can('field.manage');
  return (
    <Tabs
      defaultActiveKey="sessions"
      items={[
        { key: 'sessions', label: t('巡逻记录', 'Patrols'), children: <SessionsTab stationId={stationId} /> },
        {
          key: 'points',
          label: t('必到点', 'Points'),
          children: <PointsTab stationId={stationId} editable={editable} />,
        },
        {
          key: 'routes',
          label: t('必巡线', 'Routes'),
          children: <RoutesTab stationId={stationId} editable={editable} />,
        },
        { key: 'teams', label: t('巡逻队', 'Teams'), children: <TeamsTab stationId={stationId} editable={editable} /> },
      ]}
    />
  );
}
