/**
 * /h/<doorplate token>: what anyone at the door may see — the address, the
 * station and how to reach it — the area's 平安提醒, and the way to submit a matter. The token is
 * public (it hangs on the door), so nothing else is shown but the household's
 * evaluations still waiting (待评价: what and when, never who); an unknown token
 * reveals nothing at all.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, List } from 'antd-mobile';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { deviceMatters, phoneSession, resident } from '../../../api/resident';
import { useLang } from '../../../i18n';
import { rememberDoorplate } from '../components/lastDoorplate';
import { ResidentLoading, ResidentProblem, ResidentShell, useDocumentTitle } from '../components/ResidentShell';
import { DoorplateNotices } from '../notices/components/DoorplateNotices';
import { DoorplateRooms } from '../rooms/components/DoorplateRooms';
import { SubmitForm } from './components/SubmitForm';
import { WaitingCard } from './components/WaitingCard';

export default function DoorplatePage() {
  const { t } = useLang();
  const { token = '' } = useParams();
  const plate = useQuery({ queryKey: ['doorplate', token], queryFn: () => resident.doorplate(token), retry: false });
  useEffect(() => {
    if (plate.data) rememberDoorplate(token);
  }, [plate.data, token]);
  useDocumentTitle(
    plate.data ? t(`${plate.data.station.name} · 码上办`, `${plate.data.station.name} · Jingmin`) : null,
  );
  if (plate.isPending) return <ResidentLoading />;
  if (!plate.data) {
    // Unknown, rotated, cut off or made up: the same plain answer.
    const unknown = plate.error instanceof ApiError && plate.error.status >= 400 && plate.error.status < 500;
    return unknown ? (
      <ResidentProblem title={t('二维码无效，请致电派出所', 'This QR code is not valid; please call the station')} />
    ) : (
      <ResidentProblem
        title={t('网络不稳定，暂时打不开', 'The network is unstable; the page could not open')}
        onRetry={() => void plate.refetch()}
      />
    );
  }
  const p = plate.data;
  return (
    <ResidentShell>
      <Card title={p.station.name} style={{ margin: 12 }}>
        <div style={{ lineHeight: 1.8 }}>
          <div style={{ fontSize: '1.1em' }}>
            <strong>{p.address}</strong>
          </div>
          {(p.community || p.grid) && (
            <div className="jm-muted">{[p.community, p.grid].filter(Boolean).join(' · ')}</div>
          )}
          {p.officer && (
            <div>
              {t('责任民警：', 'Community officer: ')}
              {p.officer.name}
            </div>
          )}
          {p.station.phone && (
            <div>
              {t('值班电话：', 'Duty phone: ')}
              <a href={`tel:${p.station.phone}`} className="jm-tap" style={{ fontWeight: 600 }}>
                {p.station.phone}
              </a>
            </div>
          )}
          {p.station.address && (
            <div className="jm-muted">
              {t('派出所地址：', 'Station address: ')}
              {p.station.address}
            </div>
          )}
        </div>
      </Card>
      <WaitingCard
        queryKey={['doorplate-evaluations', token]}
        load={() => resident.doorplateEvaluations(token)}
        link={(id) => resident.doorplateEvaluationLink(token, id)}
      />
      <SubmitForm key={token} token={token} />
      <DoorplateRooms token={token} />
      {/* After the form: an urgent notice reaches the page as the banner at its top; the list waits below. */}
      <DoorplateNotices token={token} />
      <MyMattersLink />
    </ResidentShell>
  );
}

/** The way to the matters this phone follows, once it follows any. */
function MyMattersLink() {
  const { t } = useLang();
  const navigate = useNavigate();
  const count = deviceMatters.list().length;
  const phone = phoneSession.get();
  if (count === 0 && !phone) return null;
  return (
    <Card style={{ margin: 12 }}>
      <List style={{ '--border-top': 'none', '--border-bottom': 'none', '--padding-left': '0' }}>
        <List.Item
          arrow
          onClick={() => navigate('/my')}
          description={
            phone
              ? t(`含手机号 ${phone.phoneMasked} 提交的事项`, `Including those sent with ${phone.phoneMasked}`)
              : t(`本机保存了 ${count} 个事项`, `${count} kept on this phone`)
          }
        >
          {t('我的事项', 'My matters')}
        </List.Item>
      </List>
    </Card>
  );
}
