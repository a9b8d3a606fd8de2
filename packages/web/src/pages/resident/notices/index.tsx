/**
 * /notices/<id>: one 平安提醒 as a resident reads it — its tags, title, station and time, the text (or, once
 * withdrawn, 已撤回 and the station's correction in its place), photos to enlarge, audio and video; 我已知晓 when
 * asked, 谢谢 and 点赞, and a reply to the station. Opening it tells the station once that this device read it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, ImageViewer } from 'antd-mobile';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { notices, publicAssetUrl } from '../../../api/notices';
import { MediaPlayer } from '../../../components/media';
import { useLang } from '../../../i18n';
import { deviceId } from '../components/deviceId';
import { lastDoorplate } from '../components/lastDoorplate';
import { usePhoneSession } from '../components/PhoneVerify';
import { ResidentLoading, ResidentProblem, ResidentShell, useDocumentTitle } from '../components/ResidentShell';
import { ALERT_RED } from '../components/residentStyle';
import { urgentDispatch } from '../components/urgentStore';
import { shanghaiTime } from '../matter/components/Progress';
import { NoticeActions } from './components/NoticeActions';
import { NoticeReplies } from './components/NoticeReplies';
import { NoticeTags } from './components/NoticeTags';
import { receipts } from './receipts';

export default function NoticePage() {
  const { t, locale } = useLang();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const phoneToken = usePhoneSession().session?.phoneToken ?? null;
  const notice = useQuery({
    queryKey: ['notice', id, phoneToken],
    queryFn: () => notices.get(id, deviceId(), phoneToken),
    retry: (n, err) => n < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
  });
  const n = notice.data;
  const live = n !== undefined && !n.withdrawn;
  useEffect(() => {
    if (live) void receipts.send(id, 'open');
  }, [live, id]);
  // A withdrawn notice leaves the banner too, even if the live stream missed it.
  useEffect(() => {
    if (n?.withdrawn) urgentDispatch({ type: 'withdrawn', id: n.id });
  }, [n]);
  useDocumentTitle(n ? `${n.title} · ${n.stationName}` : null);

  if (notice.isPending) return <ResidentLoading />;
  if (!n) {
    const gone = notice.error instanceof ApiError && notice.error.status >= 400 && notice.error.status < 500;
    return gone ? (
      <ResidentProblem title={t('这条提醒已过期或不存在', 'This notice has expired or does not exist')} />
    ) : (
      <ResidentProblem
        title={t('网络不稳定，暂时打不开', 'The network is unstable; the page could not open')}
        onRetry={() => void notice.refetch()}
      />
    );
  }
  const refresh = () => void client.invalidateQueries({ queryKey: ['notice', id] });
  const back = lastDoorplate();
  const photos = n.photoUrls.map(publicAssetUrl);
  return (
    <ResidentShell>
      <div style={{ margin: '8px 12px 0' }}>
        <Link to={back ? `/h/${back}` : '/my'} className="jm-tap" style={{ justifyContent: 'flex-start' }}>
          {back ? t('‹ 返回门牌页', '‹ Back to the doorplate page') : t('‹ 我的事项', '‹ My matters')}
        </Link>
      </div>
      <Card style={{ margin: 12 }}>
        <NoticeTags notice={n} />
        <h1 style={{ fontSize: '1.35em', lineHeight: 1.35, margin: '8px 0 4px', overflowWrap: 'anywhere' }}>
          {n.title}
        </h1>
        <div className="jm-muted">
          {n.stationName} · {shanghaiTime(n.sentAt, locale)}
        </div>
        {n.withdrawn ? (
          <div
            role="alert"
            style={{
              marginTop: 12,
              padding: 12,
              border: `2px solid ${ALERT_RED}`,
              borderRadius: 8,
              background: '#fff1f0',
            }}
          >
            <div style={{ color: ALERT_RED, fontWeight: 700, fontSize: '1.15em' }}>
              {t('这条提醒已撤回', 'This notice was withdrawn')}
            </div>
            <div style={{ marginTop: 6, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {n.correction
                ? `${t('更正说明：', 'Correction: ')}${n.correction}`
                : t('派出所已撤回这条提醒，请以后续通知为准', 'Please follow the station’s later notices')}
            </div>
          </div>
        ) : (
          <>
            <div style={{ marginTop: 12, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.7 }}>
              {n.body}
            </div>
            {photos.length > 0 && (
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(88px, 1fr))',
                  gap: 6,
                  marginTop: 12,
                }}
              >
                {photos.map((src, i) => (
                  <button
                    key={src}
                    type="button"
                    aria-label={t(`查看大图 ${i + 1}`, `View photo ${i + 1}`)}
                    onClick={() => ImageViewer.Multi.show({ images: photos, defaultIndex: i })}
                    style={{ aspectRatio: '1', padding: 0, border: 'none', borderRadius: 6, overflow: 'hidden' }}
                  >
                    <img
                      src={src.includes('?') ? src : `${src}?size=thumb`}
                      alt=""
                      loading="lazy"
                      decoding="async"
                      style={{
                        width: '100%',
                        height: '100%',
                        objectFit: 'cover',
                        display: 'block',
                        background: '#e3e6ea',
                      }}
                    />
                  </button>
                ))}
              </div>
            )}
            {n.media.map((m) => (
              <div key={m.id} style={{ marginTop: 12 }}>
                <MediaPlayer media={{ ...m, url: publicAssetUrl(m.url) }} />
              </div>
            ))}
          </>
        )}
        {n.expiresAt && !n.withdrawn && (
          <div className="jm-muted" style={{ marginTop: 12 }}>
            {t(`有效期至 ${shanghaiTime(n.expiresAt, locale)}`, `Valid until ${shanghaiTime(n.expiresAt, locale)}`)}
          </div>
        )}
      </Card>
      <NoticeActions key={n.id} notice={n} onSent={refresh} />
      {!n.withdrawn && <NoticeReplies noticeId={n.id} mine={n.myReplies} />}
    </ResidentShell>
  );
}
