/**
 * /field/hazard (隐患登记): a field worker records a hazard where it is found — kind, place, what, who must fix it,
 * by when, photos — and reports the fix of the ones it follows. Both wait in the phone's outbox where the signal
 * drops (photos included) and are sent once when it returns; the page says which wait and shows a refusal next
 * to its entry. The kinds, my villages and grids and my open hazards are kept on the phone for offline use.
 */
import type { HazardListItem } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, List, NavBar, NoticeBar } from 'antd-mobile';
import { useEffect } from 'react';
import { Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQueue } from '../../../field/queue';
import { useLang } from '../../../i18n';
import { MUTED } from '../../resident/components/residentStyle';
import { HazardDetail } from './components/HazardDetail';
import { fixOf, isHazardEntry, isPending, Outbox } from './components/Outbox';
import { RecordForm } from './components/RecordForm';
import { Deadline, StatusTag } from './components/Status';
import { useHazardData } from './useHazardData';

export default function FieldHazard() {
  const data = useHazardData();
  const client = useQueryClient();
  const outbox = useQueue().filter(isHazardEntry);
  const sent = outbox.filter((e) => e.state === 'sent').length;
  // Something of mine was sent: my list is read again (a new hazard appears, a fixed one changes status).
  useEffect(() => {
    if (sent > 0) void client.invalidateQueries({ queryKey: ['field-hazards-mine'] });
  }, [sent, client]);
  return (
    <Routes>
      <Route index element={<Home data={data} />} />
      <Route path="new" element={<New data={data} />} />
      <Route path=":id" element={<Detail data={data} />} />
    </Routes>
  );
}

type Data = ReturnType<typeof useHazardData>;

/** The title bar, and below it what being offline means here. */
function Top({ title, online, onBack }: { title: string; online: boolean; onBack(): void }) {
  const { t } = useLang();
  return (
    <>
      <NavBar onBack={onBack}>{title}</NavBar>
      {!online && (
        <NoticeBar
          color="alert"
          wrap
          content={t(
            '没有网络：登记的隐患和整改先保存在手机上，联网后自动提交',
            'Offline: hazards and fixes are kept on the phone and sent when online',
          )}
        />
      )}
    </>
  );
}

function Home({ data }: { data: Data }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const outbox = useQueue().filter(isHazardEntry);
  const items = data.mine.data ?? [];
  const fixing = new Set(outbox.filter(isPending).map(fixOf));
  return (
    <>
      <Top title={t('隐患登记', 'Hazards')} online={data.online} onBack={() => navigate('/field')} />
      <div style={{ padding: 12 }}>
        <Button block color="primary" size="large" onClick={() => navigate('/field/hazard/new')}>
          {t('登记隐患', 'Record a hazard')}
        </Button>
      </div>
      <Outbox entries={outbox} />
      <List header={t(`我的隐患（跟踪或发现、未销号）${items.length} 条`, `My open hazards: ${items.length}`)}>
        {items.map((h) => (
          <HazardRow key={h.id} h={h} fixQueued={fixing.has(h.id)} onOpen={() => navigate(`/field/hazard/${h.id}`)} />
        ))}
        {items.length === 0 && (
          <List.Item>
            <span style={{ color: MUTED }}>
              {data.mine.isPending ? t('正在读取…', 'Loading…') : t('没有未销号的隐患', 'None open')}
            </span>
          </List.Item>
        )}
      </List>
    </>
  );
}

function HazardRow({ h, fixQueued, onOpen }: { h: HazardListItem; fixQueued: boolean; onOpen(): void }) {
  const { t } = useLang();
  return (
    <List.Item
      onClick={onOpen}
      extra={<StatusTag status={h.status} />}
      description={
        <>
          <div>
            {t('期限', 'Due')} <Deadline h={h} />
          </div>
          <div>
            {h.kindName} · {t('跟踪', 'Follows')} {h.responsible.name}
            {fixQueued ? ` · ${t('整改待提交', 'Fix waiting')}` : ''}
          </div>
        </>
      }
    >
      {h.place}
    </List.Item>
  );
}

/** `?patrolSessionId=`: opened from a patrol under way, the hazard is recorded as that patrol's finding. */
function New({ data }: { data: Data }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const patrolSessionId = params.get('patrolSessionId') ?? undefined;
  const back = () => (patrolSessionId ? navigate('/field/patrol') : navigate('/field/hazard'));
  const settings = data.settings.data;
  return (
    <>
      <Top title={t('登记隐患', 'Record a hazard')} online={data.online} onBack={back} />
      {settings && data.stationId ? (
        <RecordForm
          stationId={data.stationId}
          settings={settings}
          places={data.places.data ?? []}
          online={data.online}
          patrolSessionId={patrolSessionId}
          onDone={back}
        />
      ) : (
        <p style={{ color: MUTED, padding: 16 }}>
          {data.settings.isError
            ? t('没有找到本人所属的派出所，无法登记隐患', 'No station of yours: hazards cannot be recorded here')
            : data.online
              ? t('正在读取本所的隐患类别…', 'Loading the station’s hazard kinds…')
              : t('没有网络，且本机还没有保存本所的隐患类别：请联网后再打开一次', 'Offline, and nothing kept yet')}
        </p>
      )}
    </>
  );
}

function Detail({ data }: { data: Data }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const { id } = useParams();
  const outbox = useQueue().filter(isHazardEntry);
  const item = data.mine.data?.find((h) => h.id === id);
  const back = () => navigate('/field/hazard');
  return (
    <>
      <Top title={t('隐患详情', 'Hazard')} online={data.online} onBack={back} />
      {item ? (
        <HazardDetail item={item} online={data.online} outbox={outbox} onDone={back} />
      ) : (
        <p style={{ color: MUTED, padding: 16 }}>{t('不在我的未销号隐患中', 'Not among my open hazards')}</p>
      )}
    </>
  );
}
