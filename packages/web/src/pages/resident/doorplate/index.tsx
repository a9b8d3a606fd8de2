/**
 * /h/<doorplate token>: what anyone at the door may see — the address, the
 * station and how to reach it — and the way to submit a matter. The token is
 * public (it hangs on the door), so nothing else is shown; an unknown token
 * reveals nothing at all.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, List } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { deviceMatters, resident } from '../../../api/resident';
import { ResidentLoading, ResidentProblem, ResidentShell } from '../components/ResidentShell';
import { SubmitForm } from './components/SubmitForm';

export default function DoorplatePage() {
  const { token = '' } = useParams();
  const plate = useQuery({ queryKey: ['doorplate', token], queryFn: () => resident.doorplate(token), retry: false });
  if (plate.isPending) return <ResidentLoading />;
  if (!plate.data) {
    const unknown = plate.error instanceof ApiError && plate.error.status === 404;
    return unknown ? (
      <ResidentProblem title="二维码无效，请致电派出所" />
    ) : (
      <ResidentProblem title="网络不稳定，暂时打不开" onRetry={() => void plate.refetch()} />
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
            <div style={{ color: '#666' }}>{[p.community, p.grid].filter(Boolean).join(' · ')}</div>
          )}
          {p.station.phone && (
            <div>
              值班电话：
              <a href={`tel:${p.station.phone}`} style={{ fontWeight: 600 }}>
                {p.station.phone}
              </a>
            </div>
          )}
          {p.station.address && <div style={{ color: '#666' }}>派出所地址：{p.station.address}</div>}
        </div>
      </Card>
      <SubmitForm token={token} />
      <MyMatters />
    </ResidentShell>
  );
}

/** The tracking links kept on this phone, newest first. */
function MyMatters() {
  const navigate = useNavigate();
  const links = deviceMatters.list();
  if (links.length === 0) return null;
  return (
    <Card title="我在本机提交的事项" style={{ margin: 12 }}>
      <List>
        {links.slice(0, 10).map((t, i) => (
          <List.Item key={t} onClick={() => navigate(`/m/${t}`)} arrow>
            事项 {links.length - i}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
