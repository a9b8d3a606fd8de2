/**
 * /field/report (民情上报): a volunteer reports what it sees in its grid — what kind, what happened, where,
 * photos — and the station's desk receives it at once as a 网格上报 matter with the volunteer's name. Without a
 * network the words wait in the phone's outbox and are sent once when it returns (photos need the network).
 */
import { type GridReportInput, MATTER_KIND_LABELS, type MatterKind } from '@jingmin/shared';
import { Button, Form, Input, NavBar, NoticeBar, Result, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { allianceApi } from '../../../api/alliance';
import { errorMessage } from '../../../api/client';
import { enqueue } from '../../../field/queue';
import { useLang } from '../../../i18n';
import { PhotoPicker } from '../../resident/components/PhotoPicker';
import { usePhotoQueue } from '../../resident/components/usePhotoQueue';

const KINDS: MatterKind[] = ['report', 'help', 'dispute', 'suggestion', 'other'];

export default function FieldReport() {
  const { t, label } = useLang();
  const navigate = useNavigate();
  const [kind, setKind] = useState<MatterKind[]>(['report']);
  const [body, setBody] = useState('');
  const [place, setPlace] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const photos = usePhotoQueue(allianceApi.uploadPhoto);
  const send = async () => {
    const input: GridReportInput = {
      kind: kind[0] ?? 'report',
      body: body.trim(),
      place: place.trim() || undefined,
      photoIds: photos.uploaded.map((p) => p.id),
    };
    if (!navigator.onLine) {
      await enqueue({
        kind: t('民情上报', 'Report'),
        title: input.body.slice(0, 30),
        path: '/alliance/reports',
        body: { ...input, photoIds: [] },
      });
      setDone(t('没有网络：已保存在手机上，联网后自动上报', 'Offline: kept on the phone, sent when online'));
      return;
    }
    setSending(true);
    try {
      const receipt = await allianceApi.report(input, key);
      setDone(t(`已上报，回执号 ${receipt.number}，值班台已收到`, `Sent as ${receipt.number}; the desk has it`));
    } catch (err) {
      Toast.show({ content: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };
  if (done)
    return (
      <>
        <NavBar onBack={() => navigate('/field')}>{t('民情上报', 'Report')}</NavBar>
        <Result status="success" title={t('谢谢您的上报', 'Thank you')} description={done} />
        <div style={{ padding: 16 }}>
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
      <NavBar onBack={() => navigate('/field')}>{t('民情上报', 'Report')}</NavBar>
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
            disabled={body.trim().length < 2 || photos.isBusy}
            onClick={() => void send()}
          >
            {t('上报', 'Send')}
          </Button>
        }
      >
        <Form.Item label={t('类型', 'Kind')}>
          <Selector
            columns={3}
            value={kind}
            onChange={(v) => v.length && setKind(v)}
            options={KINDS.map((k) => ({ value: k, label: label(MATTER_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item label={t('看到了什么', 'What you saw')}>
          <TextArea
            value={body}
            onChange={setBody}
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('如：村口石桥护栏断了，晚上很危险', 'e.g. the bridge railing is broken')}
          />
        </Form.Item>
        <Form.Item label={t('在哪里', 'Where')}>
          <Input
            value={place}
            onChange={setPlace}
            maxLength={100}
            placeholder={t('如：村口石桥', 'e.g. the bridge at the village entrance')}
            aria-label={t('在哪里', 'Where')}
          />
        </Form.Item>
        <Form.Item label={t('照片', 'Photos')}>
          <PhotoPicker queue={photos} />
        </Form.Item>
      </Form>
    </>
  );
}
