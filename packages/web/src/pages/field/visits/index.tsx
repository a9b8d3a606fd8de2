/**
 * /field/visits: an officer's or a grid worker's visits on the phone. Who is due in my areas (kept on the phone
 * for when the signal drops), a visit logged at the door in a few taps — kept in the outbox and sent when the
 * network returns, once — and, when sent, the evaluation QR the household scans to rate it (走访入户必评).
 * A safety-alliance volunteer (field.join, no field.work) has no plan to read: it finds the address in its own
 * grid (kept for offline too) and logs the visit it went on as the grid line.
 */
import {
  addressLine,
  VISIT_LINE_LABELS,
  VISIT_LINES,
  VISIT_PURPOSE_LABELS,
  VISIT_PURPOSES,
  type VisitAddress,
  type VisitLine,
  type VisitLogged,
  type VisitPlan,
  type VisitPurpose,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, List, NavBar, NoticeBar, Popup, SearchBar, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan, useSession } from '../../../access';
import { visitsApi } from '../../../api/visits';
import { dismiss, enqueue, type QueuedEntry, useQueue } from '../../../field/queue';
import { useLang } from '../../../i18n';
import { useStationScope } from '../../console/matter/station';
import { MUTED } from '../../resident/components/residentStyle';

/** The last list of who is due, kept for when the page opens offline. */
const KEPT = 'jingmin-field-due';
type Kept = { userId: string; stationId: string | null; plan: VisitPlan };
/** A volunteer's last list of addresses in its grid, kept the same way. */
const KEPT_ADDRESSES = 'jingmin-field-addresses';
type KeptAddresses = { userId: string; addresses: VisitAddress[] };

/** Where a visit is logged: a household or an enterprise due, or an address a volunteer found. */
interface Door {
  householdId: string;
  address: string;
  name: string | null;
  careEveryDays?: number | null;
}

function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export default function FieldVisits() {
  const can = useCan();
  return can('field.work') ? <DueVisits /> : <JoinedVisits />;
}

/** An officer's or grid worker's page: who is due in my areas. */
function DueVisits() {
  const { t } = useLang();
  const session = useSession();
  const online = useOnline();
  const queue = useQueue().filter((e) => e.path === '/visits');
  const [visiting, setVisiting] = useState<Door | null>(null);
  const [showing, setShowing] = useState<VisitLogged | null>(null);
  const [kept] = useState(() => {
    const k = JSON.parse(localStorage.getItem(KEPT) ?? 'null') as Kept | null;
    return k?.userId === session.user.id ? k : null;
  });
  const scope = useStationScope();
  const stationId = scope.stationId ?? kept?.stationId ?? null;
  const due = useQuery({
    queryKey: ['field-due', stationId],
    queryFn: async () => {
      const plan = await visitsApi.plan(stationId ?? '', { mine: '1', withinDays: 30, page: 1, pageSize: 100 });
      localStorage.setItem(KEPT, JSON.stringify({ userId: session.user.id, stationId, plan } satisfies Kept));
      return plan;
    },
    initialData: kept?.plan,
    enabled: online && stationId !== null,
    retry: false,
  });
  // Households already logged here (waiting or sent) leave the list at once.
  const logged = new Set(queue.map((e) => (e.body as { householdId: string }).householdId));
  const items = (due.data?.items ?? []).filter((d) => !logged.has(d.householdId));

  return (
    <>
      <Top title={t('走访入户', 'Household visits')} online={online} queue={queue} onShow={setShowing} />
      <List
        header={t(
          `我的警务区和网格：待走访 ${due.data?.total ?? 0} 户`,
          `Due in my areas: ${due.data?.total ?? 0} households`,
        )}
      >
        {items.map((d) => (
          <List.Item
            key={d.householdId}
            onClick={() => setVisiting(d)}
            description={
              d.careEveryDays
                ? t(`关爱走访：每 ${d.careEveryDays} 天`, `Care visit every ${d.careEveryDays} days`)
                : d.lastVisitedAt
                  ? t(`上次走访 ${d.lastVisitedAt.slice(0, 10)}`, `Last visited ${d.lastVisitedAt.slice(0, 10)}`)
                  : t('从未走访', 'Never visited')
            }
            extra={
              d.overdueDays > 0 ? (
                <Tag color="danger">{t(`逾期${d.overdueDays}天`, `${d.overdueDays}d overdue`)}</Tag>
              ) : d.overdueDays === 0 ? (
                <Tag color="warning">{t('今天到期', 'Due today')}</Tag>
              ) : null
            }
          >
            {d.kind === 'enterprise' && <Tag color="primary">{t('企业', 'Enterprise')}</Tag>} {addressLine(d)}
          </List.Item>
        ))}
        {items.length === 0 && (
          <List.Item>
            <span style={{ color: MUTED }}>
              {due.isPending ? t('正在读取…', 'Loading…') : t('没有待走访的住户', 'Nobody is due')}
            </span>
          </List.Item>
        )}
      </List>
      <Popups visiting={visiting} setVisiting={setVisiting} showing={showing} setShowing={setShowing} />
    </>
  );
}

/**
 * A volunteer's page: the visits it went on. It finds the address in its own grid (the last list is kept for
 * offline), logs the visit as the grid line, and sees its own visits.
 */
function JoinedVisits() {
  const { t } = useLang();
  const session = useSession();
  const online = useOnline();
  const queue = useQueue().filter((e) => e.path === '/visits');
  const [visiting, setVisiting] = useState<Door | null>(null);
  const [showing, setShowing] = useState<VisitLogged | null>(null);
  const [q, setQ] = useState('');
  const [kept] = useState(() => {
    const k = JSON.parse(localStorage.getItem(KEPT_ADDRESSES) ?? 'null') as KeptAddresses | null;
    return k?.userId === session.user.id ? k.addresses : undefined;
  });
  const addresses = useQuery({
    queryKey: ['field-addresses', q],
    queryFn: async () => {
      const found = await visitsApi.addresses(q.trim() || undefined);
      if (!q.trim())
        localStorage.setItem(
          KEPT_ADDRESSES,
          JSON.stringify({ userId: session.user.id, addresses: found } satisfies KeptAddresses),
        );
      return found;
    },
    initialData: q ? undefined : kept,
    enabled: online,
    retry: false,
  });
  const mine = useQuery({
    queryKey: ['field-my-visits'],
    queryFn: () => visitsApi.mine({ page: 1, pageSize: 10 }),
    enabled: online,
    retry: false,
  });
  // Offline, the kept list is searched on the phone.
  const shown = (online ? addresses.data : kept?.filter((a) => addressLine(a).includes(q.trim()))) ?? [];
  return (
    <>
      <Top title={t('参与走访', 'Visits I joined')} online={online} queue={queue} onShow={setShowing} />
      <List header={t('我服务的网格里的地址：点一下登记参与的走访', 'Addresses in my grid: tap to log a visit')}>
        <List.Item>
          <SearchBar
            value={q}
            onChange={setQ}
            placeholder={t('地址、企业名称或门牌编码', 'Address, name or doorplate code')}
          />
        </List.Item>
        {shown.map((a) => (
          <List.Item key={a.householdId} onClick={() => setVisiting(a)} description={a.unitName}>
            {a.kind === 'enterprise' && <Tag color="primary">{t('企业', 'Enterprise')}</Tag>} {addressLine(a)}
          </List.Item>
        ))}
        {shown.length === 0 && (
          <List.Item>
            <span style={{ color: MUTED }}>
              {addresses.isFetching ? t('正在读取…', 'Loading…') : t('没有找到地址', 'No address found')}
            </span>
          </List.Item>
        )}
      </List>
      {(mine.data?.items.length ?? 0) > 0 && (
        <List header={t('我参与的走访', 'Visits I went on')}>
          {mine.data?.items.map((v) => (
            <List.Item
              key={v.id}
              description={`${v.visitedAt.slice(0, 10)} · ${v.staffName}`}
              extra={v.evaluated ? <Tag color="success">{t('已评价', 'Rated')}</Tag> : null}
            >
              {addressLine({ address: v.address, name: v.householdName })}
            </List.Item>
          ))}
        </List>
      )}
      <Popups visiting={visiting} setVisiting={setVisiting} showing={showing} setShowing={setShowing} />
    </>
  );
}

/** The page's title, what being offline means here, and what this phone logged. */
function Top(props: { title: string; online: boolean; queue: QueuedEntry[]; onShow(v: VisitLogged): void }) {
  const { t } = useLang();
  const navigate = useNavigate();
  return (
    <>
      <NavBar onBack={() => navigate('/field')}>{props.title}</NavBar>
      {!props.online && (
        <NoticeBar
          color="alert"
          content={t(
            '没有网络：登记的走访先保存在手机上，联网后自动提交',
            'Offline: visits are kept on the phone and sent when online',
          )}
          wrap
        />
      )}
      <Outbox queue={props.queue} onShow={props.onShow} />
    </>
  );
}

/** What this phone logged: waiting, sending, sent (with the rating QR) or refused (with the reason). */
function Outbox({ queue, onShow }: { queue: QueuedEntry[]; onShow(v: VisitLogged): void }) {
  const { t } = useLang();
  if (queue.length === 0) return null;
  const waiting = queue.filter((e) => e.state === 'waiting' || e.state === 'sending').length;
  return (
    <List header={t(`本机记录（${waiting} 条待提交）`, `On this phone (${waiting} waiting)`)}>
      {[...queue].reverse().map((e) => (
        <OutboxItem key={e.key} entry={e} onShow={onShow} />
      ))}
    </List>
  );
}

function Popups(p: {
  visiting: Door | null;
  setVisiting(d: Door | null): void;
  showing: VisitLogged | null;
  setShowing(v: VisitLogged | null): void;
}) {
  return (
    <>
      <Popup visible={p.visiting !== null} onMaskClick={() => p.setVisiting(null)} bodyStyle={{ padding: 16 }}>
        {p.visiting && <LogForm household={p.visiting} onDone={() => p.setVisiting(null)} />}
      </Popup>
      <Popup visible={p.showing !== null} onMaskClick={() => p.setShowing(null)} bodyStyle={{ padding: 16 }}>
        {p.showing && <RatingQr visit={p.showing} onClose={() => p.setShowing(null)} />}
      </Popup>
    </>
  );
}

function OutboxItem({ entry, onShow }: { entry: QueuedEntry; onShow(v: VisitLogged): void }) {
  const { t } = useLang();
  const state = {
    waiting: <Tag color="default">{t('等待网络', 'Waiting')}</Tag>,
    sending: <Tag color="primary">{t('正在提交', 'Sending')}</Tag>,
    sent: <Tag color="success">{t('已提交', 'Sent')}</Tag>,
    refused: <Tag color="danger">{t('未被接受', 'Refused')}</Tag>,
  }[entry.state];
  return (
    <List.Item
      description={
        entry.state === 'refused' ? (
          <span style={{ color: '#c8102e' }}>{entry.error}</span>
        ) : (
          `${entry.kind} · ${new Date(entry.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`
        )
      }
      extra={
        entry.state === 'sent' ? (
          <Button size="small" color="primary" onClick={() => onShow(entry.answer as VisitLogged)}>
            {t('请住户评价', 'Rating QR')}
          </Button>
        ) : entry.state === 'refused' ? (
          <Button size="small" onClick={() => void dismiss(entry.key)}>
            {t('移除', 'Remove')}
          </Button>
        ) : (
          state
        )
      }
    >
      <span>
        {entry.state === 'sent' || entry.state === 'refused' ? <>{state} </> : null}
        {entry.title}
      </span>
    </List.Item>
  );
}

/** The purposes a volunteer's visit may have: no safety inspection of an enterprise, which is the police's. */
const JOINED_PURPOSES: readonly VisitPurpose[] = ['routine', 'care', 'follow_up', 'anti_fraud'];

function LogForm({ household, onDone }: { household: Door; onDone(): void }) {
  const { t, label } = useLang();
  const session = useSession();
  const can = useCan();
  // A volunteer's visit is the community grid line's; staff choose their line.
  const joins = !can('field.work');
  const [line, setLine] = useState<VisitLine>(joins || session.user.roles.includes('grid_worker') ? 'grid' : 'police');
  // An enterprise's visit is its safety inspection, unless a volunteer went along.
  const [purpose, setPurpose] = useState<VisitPurpose>(
    household.careEveryDays ? 'care' : household.name && !joins ? 'inspection' : 'routine',
  );
  const [note, setNote] = useState('');
  const save = async () => {
    await enqueue({
      kind: t('走访', 'Visit'),
      title: addressLine(household),
      path: '/visits',
      // When it happened, on the phone's clock: a visit sent later still carries its own time.
      body: {
        householdId: household.householdId,
        line,
        purpose,
        note: note.trim() || undefined,
        visitedAt: new Date().toISOString(),
      },
    });
    Toast.show({
      content: navigator.onLine
        ? t('已登记，正在提交', 'Logged, sending')
        : t('已保存在手机上，联网后自动提交', 'Kept on the phone'),
    });
    onDone();
  };
  return (
    <div>
      <h3 style={{ margin: '0 0 12px' }}>{addressLine(household)}</h3>
      {joins ? (
        <div style={{ color: MUTED }}>{t('条线：社区网格线', 'Line: community grid')}</div>
      ) : (
        <>
          <div style={{ marginBottom: 8 }}>{t('条线', 'Line')}</div>
          <Selector
            columns={3}
            value={[line]}
            onChange={(v) => v[0] && setLine(v[0])}
            options={VISIT_LINES.map((l) => ({ value: l, label: label(VISIT_LINE_LABELS[l]) }))}
          />
        </>
      )}
      <div style={{ margin: '12px 0 8px' }}>{t('走访目的', 'Purpose')}</div>
      <Selector
        columns={2}
        value={[purpose]}
        onChange={(v) => v[0] && setPurpose(v[0])}
        options={(joins ? JOINED_PURPOSES : VISIT_PURPOSES).map((p) => ({
          value: p,
          label: label(VISIT_PURPOSE_LABELS[p]),
        }))}
      />
      <div style={{ margin: '12px 0 8px' }}>{t('情况记录（仅本所可见）', 'Note (station only)')}</div>
      <TextArea
        value={note}
        onChange={setNote}
        maxLength={500}
        showCount
        rows={3}
        placeholder={t('如：宣传反诈，检查用电安全', 'e.g. anti-fraud talk')}
      />
      <Button block color="primary" size="large" style={{ marginTop: 16 }} onClick={() => void save()}>
        {t('登记走访', 'Log the visit')}
      </Button>
    </div>
  );
}

function RatingQr({ visit, onClose }: { visit: VisitLogged; onClose(): void }) {
  const { t } = useLang();
  const url = `${window.location.origin}${visit.evaluation.path}`;
  return (
    <div style={{ textAlign: 'center' }} data-url={url}>
      <h3 style={{ margin: '0 0 8px' }}>{t('请住户扫码评价', 'Ask the household to scan and rate')}</h3>
      <QRCodeSVG value={url} size={240} marginSize={2} title={t('走访评价二维码', 'Visit evaluation QR code')} />
      <p style={{ color: MUTED }}>{visit.address}</p>
      <p style={{ color: MUTED }}>
        {t(
          '评价只能提交一次；住户也可在门牌页“待评价”中评价。',
          'It can be answered once; also from the doorplate page.',
        )}
      </p>
      <Button block onClick={onClose}>
        {t('完成', 'Done')}
      </Button>
    </div>
  );
}
