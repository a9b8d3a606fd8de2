/**
 * 走访入户: the station's visits by the three lines (三线合一) with their evaluations (走访入户必评), who is due a
 * visit (the plan), coverage over a period, and the care visits households asked for.
 */
import { Empty, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { useLang } from '../../../i18n';
import { StationPage } from '../matter/StationPicker';
import { CareRequests } from './components/CareRequests';
import { Coverage } from './components/Coverage';
import { Plan } from './components/Plan';
import { VisitList } from './components/VisitList';
import { hasVisitDrill, readVisitDrill } from './drill';

export default function VisitsPage() {
  const { t } = useLang();
  const can = useCan();
  // A dashboard's drill-down opens the visit records, filtered.
  const [params] = useSearchParams();
  const drilled = hasVisitDrill(readVisitDrill((k) => params.get(k)));
  if (!can('field.read')) return <Empty description={t('没有查看走访入户的权限', 'You cannot see household visits')} />;
  return (
    <StationPage
      title={t('走访入户', 'Household visits')}
      intro={t(
        '三线合一走访：登记走访后即生成评价二维码，请住户当场扫码评价；待走访列出到期的住户，覆盖率按村、网格、条线统计。',
        'Visits by the three lines: each opens its evaluation QR; the plan lists who is due; coverage counts by village, grid and line.',
      )}
    >
      {(stationId, { scope }) => {
        const searchUnitId = scope.stationId ? null : stationId;
        return (
          <Tabs
            defaultActiveKey={drilled ? 'visits' : 'plan'}
            items={[
              {
                key: 'plan',
                label: t('待走访', 'Due'),
                children: <Plan stationId={stationId} searchUnitId={searchUnitId} />,
              },
              {
                key: 'visits',
                label: t('走访记录', 'Visits'),
                children: <VisitList stationId={stationId} searchUnitId={searchUnitId} />,
              },
              { key: 'coverage', label: t('覆盖率', 'Coverage'), children: <Coverage stationId={stationId} /> },
              {
                key: 'care',
                label: t('关爱走访', 'Care visits'),
                children: <CareRequests stationId={stationId} searchUnitId={searchUnitId} />,
              },
            ]}
          />
        );
      }}
    </StationPage>
  );
}
