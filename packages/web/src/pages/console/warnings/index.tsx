/**
 * 宣传预警: the station's warnings and campaigns to an area of its tree, with their reach counted honestly (送达,
 * 查看, 已知晓 — three figures, never one) and the QR scan coverage that caps it; 扫码覆盖 by village and grid; the
 * station's categories and SMS rules for the chief (warning.review). A notice at /console/warnings/:id, the composer
 * at /console/warnings/new and /console/warnings/:id/edit.
 */
import { Tabs } from 'antd';
import { Route, Routes, useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { useLang } from '../../../i18n';
import { StationPage } from '../matter/StationPicker';
import { EditWarning, NewWarning } from './Composer';
import { CoveragePanel } from './Coverage';
import { WarningDetail } from './Detail';
import { SettingsPanel } from './Settings';
import { WarningList } from './WarningList';

export default function WarningsPages() {
  return (
    <Routes>
      <Route path="new" element={<NewWarning />} />
      <Route path=":id/edit" element={<EditWarning />} />
      <Route path=":id" element={<WarningDetail />} />
      <Route path="*" element={<WarningsHome />} />
    </Routes>
  );
}

function WarningsHome() {
  const { t } = useLang();
  return (
    <StationPage
      title={t('宣传与预警', 'Warnings and campaigns')}
      intro={t(
        '把预警、反诈、禁毒、交通安全等信息推送到群众的门牌页、“我的事项”页和议事厅群，订阅并同意的群众另收短信。民警起草的紧急通知须所长审核，所长起草的由所长直接发布。送达、查看、已知晓分开统计，只按村和网格计数，不记录谁看了什么。',
        'Push alerts, anti-fraud, anti-drug and traffic-safety notices to residents’ doorplate and "my matters" pages and the community rooms, by SMS to those who opted in. An officer’s alert is reviewed by the chief; the chief’s own goes out directly. Delivered, opened and acknowledged are counted apart, per village and grid, never who read what.',
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
  const items = [
    { key: 'list', label: t('通知', 'Notices'), children: <WarningList stationId={stationId} /> },
    { key: 'coverage', label: t('扫码覆盖', 'QR coverage'), children: <CoveragePanel stationId={stationId} /> },
    ...(can('warning.review')
      ? [{ key: 'settings', label: t('设置', 'Settings'), children: <SettingsPanel stationId={stationId} /> }]
      : []),
  ];
  const tab = items.some((i) => i.key === params.get('tab')) ? (params.get('tab') as string) : 'list';
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams(key === 'list' ? {} : { tab: key }, { replace: true })}
      items={items}
      destroyOnHidden
    />
  );
}
