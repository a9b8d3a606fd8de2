/**
 * 发现问题 → 上报事项: during a patrol, what was found (路灯不亮、井盖缺失 …) — its kind, what it is, where (a point of
 * the route or one checked in at, and words), photos — goes to the desk at once as a matter of the channel 巡逻发现,
 * kept with the patrol. The attempt keeps its Idempotency-Key until the server answers. Without a network the words
 * wait in the phone's outbox (photos need the network) and are sent once when it returns.
 */
import { MATTER_KIND_LABELS, type MatterKind, type PatrolFindingInput } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ErrorBlock,
  Form,
  Input,
  NavBar,
  NoticeBar,
  Result,
  Selector,
  SpinLoading,
  TextArea,
  Toast,
} from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { enqueue } from '../../../../field/queue';
import { useLang } from '../../../../i18n';
import { PhotoPicker } from '../../../resident/components/PhotoPicker';
import { usePhotoQueue } from '../../../resident/components/usePhotoQueue';

const KINDS: MatterKind[] = ['report', 'help', 'dispute', 'suggestion', 'other'];
/** "Somewhere else": the words say where. */
const ELSEWHERE = '';

export function ReportFinding() {
  const { t, label } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const mine = useQuery({ queryKey: ['patrol', 'mine'], queryFn: patrolsApi.mine });
  const [kind, setKind] = useState<MatterKind[]>(['report']);
  const [body, setBody] = useState('');
  const [pointId, setPointId] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const photos = usePhotoQueue(patrolsApi.uploadPhoto);
  const back = () => navigate('/field/patrol');
  if (mine.isPending) return <SpinLoading style={{ margin: '30vh auto' }} />;
  if (mine.isError) return <ErrorBlock status="default" title={errorMessage(mine.error)} description="" />;
  const session = mine.data.session;
  if (!session)
    return (
      <>
        <NavBar onBack={back}>{t('发现问题', 'Found something')}</NavBar>
        <ErrorBlock status="empty" title={t('没有进行中的巡逻', 'No patrol under way')} description="" />
      </>
    );
  // The route's points, then the others checked in at on this patrol; the last one checked first by default.
  const seen = new Map(session.routePoints.map((p) => [p.id, p]));
  for (const c of session.checkins) if (!seen.has(c.point.id)) seen.set(c.point.id, { ...c.point, checkedAt: null });
  const chosen = pointId ?? session.checkins.at(-1)?.point.id ?? ELSEWHERE;
  const needsWords = chosen === ELSEWHERE && place.trim().length === 0;

  const send = async () => {
    const input: PatrolFindingInput = {
      kind: kind[0] ?? 'report',
      body: body.trim(),
      pointId: chosen || undefined,
      place: place.trim() || undefined,
      photoIds: photos.uploaded.map((p) => p.id),
    };
    const path = `/patrol-sessions/${session.id}/matters`;
    const keep = async () => {
      await enqueue({
        kind: t('巡逻发现', 'Found on patrol'),
        title: input.body.slice(0, 30),
        path,
        body: { ...input, photoIds: [] },
      });
      setDone(t('没有网络：已保存在手机上，联网后自动上报', 'Offline: kept on the phone, sent when online'));
    };
    if (!navigator.onLine) return keep();
    setSending(true);
    try {
      const matter = await patrolsApi.recordFinding(session.id, input, key);
      void client.invalidateQueries({ queryKey: ['patrol'] });
      setDone(t(`已上报，回执号 ${matter.number}，值班台已收到`, `Sent as ${matter.number}; the desk has it`));
    } catch (err) {
      // No answer at all: the words wait in the outbox (the photos stay on the server, unreferenced).
      if (err instanceof ApiError && err.status === 0) await keep();
      else Toast.show({ content: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  if (done)
    return (
      <>
        <NavBar onBack={back}>{t('发现问题', 'Found something')}</NavBar>
        <Result status="success" title={t('已记下', 'Recorded')} description={done} />
        <div style={{ padding: 16, display: 'grid', gap: 12 }}>
          <Button block color="primary" size="large" onClick={back}>
            {t('返回巡逻', 'Back to the patrol')}
          </Button>
          <Button
            block
            size="large"
            onClick={() => {
              setDone(null);
              setBody('');
              setPlace('');
              setKey(crypto.randomUUID());
              photos.forget(photos.uploaded.map((p) => p.id));
            }}
          >
            {t('再报一条', 'Report another')}
          </Button>
        </div>
      </>
    );
  return (
    <>
      <NavBar onBack={back}>{t('发现问题', 'Found something')}</NavBar>
      {!navigator.onLine && (
        <NoticeBar
          color="alert"
          wrap
          content={t(
            '没有网络：文字先保存在手机上，照片需联网后上传',
            'Offline: words are kept, photos need the network',
          )}
        />
      )}
      <Form
        layout="vertical"
        footer={
          <Button
            block
            color="primary"
            size="large"
            loading={sending}
            disabled={body.trim().length < 2 || needsWords || photos.isBusy}
            onClick={() => void send()}
          >
            {t('上报事项', 'Report it')}
          </Button>
        }
      >
        <Form.Header>
          {t('上报后值班台立即收到，记在本次巡逻下', 'The desk gets it at once, kept with this patrol')}
        </Form.Header>
        <Form.Item label={t('类型', 'Kind')}>
          <Selector
            columns={3}
            value={kind}
            onChange={(v) => v.length && setKind(v)}
            options={KINDS.map((k) => ({ value: k, label: label(MATTER_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item label={t('发现了什么', 'What you found')}>
          <TextArea
            value={body}
            onChange={setBody}
            rows={4}
            maxLength={2000}
            showCount
            aria-label={t('发现了什么', 'What you found')}
            placeholder={t('如：桥头路灯不亮，夜间行人看不清', 'e.g. the street lamp at the bridge is out')}
          />
        </Form.Item>
        <Form.Item label={t('在哪个必到点附近', 'Near which point')}>
          <Selector
            columns={1}
            value={[chosen]}
            onChange={(v) => v.length && setPointId(v[0] ?? ELSEWHERE)}
            options={[
              ...[...seen.values()].map((p) => ({ value: p.id, label: p.name, description: p.code })),
              { value: ELSEWHERE, label: t('其他地点（在下面写明）', 'Elsewhere (say where below)') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('具体位置', 'Where exactly')}>
          <Input
            value={place}
            onChange={setPlace}
            maxLength={100}
            aria-label={t('具体位置', 'Where exactly')}
            placeholder={t('如：石桥东侧第二根路灯', 'e.g. the second lamp east of the bridge')}
          />
        </Form.Item>
        <Form.Item label={t('照片（可不拍）', 'Photos (optional)')}>
          <PhotoPicker queue={photos} />
        </Form.Item>
      </Form>
    </>
  );
}
