/**
 * /m/<tracking link>: the resident follows the matter live (SSE, with the
 * browser's own reconnect), sees its photos, chats with the station while it
 * is open, and rates it once it is resolved.
 */
import type { ResidentMatterView } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { deviceMatters, resident } from '../../../api/resident';
import { useLang } from '../../../i18n';
import { ResidentLoading, ResidentProblem, ResidentShell, useDocumentTitle } from '../components/ResidentShell';
import { Chat } from './components/Chat';
import { MyDataCard } from './components/MyDataCard';
import { LIVE_EVENT_TYPES, Progress } from './components/Progress';
import { RateCard } from './components/RateCard';
import { CurrentRound, EarlierRounds } from './components/Rounds';
import { SavePage } from './components/SavePage';
import { Summary } from './components/Summary';

/** The view, kept fresh by the matter's event stream; `live` says whether the stream is connected. */
function useLiveMatter(tracking: string) {
  const view = useQuery({
    queryKey: ['resident-matter', tracking],
    queryFn: () => resident.matter(tracking),
    retry: false,
  });
  const [live, setLive] = useState(false);
  const { refetch } = view;
  useEffect(() => {
    const source = new EventSource(`/api/v1/public/matters/${tracking}/events`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.onmessage = () => void refetch();
    for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, () => void refetch());
    return () => source.close();
  }, [tracking, refetch]);
  return { view, live };
}

export default function MatterPage() {
  const { t } = useLang();
  const { tracking = '' } = useParams();
  const queryClient = useQueryClient();
  const { view, live } = useLiveMatter(tracking);
  const m = view.data;
  useDocumentTitle(
    m ? t(`${m.stationName} · 回执号 ${m.number} · 码上办`, `${m.stationName} · ${m.number} · Jingmin`) : null,
  );
  useEffect(() => {
    // This phone now holds the link: "my matters" lists it.
    if (m) deviceMatters.remember(tracking, { number: m.number, kind: m.kind, submittedAt: m.submittedAt });
  }, [m, tracking]);

  if (view.isPending) return <ResidentLoading />;
  if (!m) {
    const unknown = view.error instanceof ApiError && view.error.status === 404;
    return unknown ? (
      <ResidentProblem
        title={t(
          '链接无效，请使用提交时保存的链接，或致电派出所',
          'This link is not valid; use the link saved when you sent the matter, or call the station',
        )}
      />
    ) : (
      <ResidentProblem
        title={t('网络不稳定，暂时打不开', 'The network is unstable; the page could not open')}
        onRetry={() => void view.refetch()}
      />
    );
  }
  const replace = (next: ResidentMatterView) => queryClient.setQueryData(['resident-matter', tracking], next);
  return (
    <ResidentShell>
      <Summary m={m} tracking={tracking} live={live} />
      <SavePage />
      <CurrentRound m={m} />
      {m.canRate && <RateCard tracking={tracking} round={m.round.round} onDone={replace} />}
      <Progress m={m} />
      <EarlierRounds m={m} />
      <Chat key={tracking} m={m} tracking={tracking} onSent={replace} />
      <MyDataCard tracking={tracking} />
    </ResidentShell>
  );
}
