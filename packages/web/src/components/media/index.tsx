/**
 * Audio and video of a notice: MediaUpload in the console's composer (pick, check type and size before sending,
 * upload with progress, list what is attached), MediaPlayer wherever a notice is read (staff console, residents'
 * phones). The server decides the type by content; the checks here only spare a wasted upload.
 */
import { DeleteOutlined, SoundOutlined, UploadOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { WARNING_MAX_MEDIA, type WarningMedia } from '@jingmin/shared';
import { App, Button, Progress, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useSession } from '../../access';
import { errorMessage } from '../../api/client';
import { mediaApi } from '../../api/media';
import { useLang } from '../../i18n';
import { newKey } from '../../pages/console/matter/labels';
import { MEDIA_FORMATS, MEDIA_KIND_LABELS, mediaKindOf, mediaProblem, sizeInWords } from './rules';

export interface MediaUploadProps {
  value: WarningMedia[];
  onChange(value: WarningMedia[]): void;
  /** At most this many files (WARNING_MAX_MEDIA). */
  max?: number;
  disabled?: boolean;
}

/** A file on its way up. */
interface Sending {
  uid: string;
  name: string;
  size: number;
  percent: number;
  abort: AbortController;
}

/** Picks an audio or video file, checks its type and size before sending, uploads it, lists what is attached. */
export function MediaUpload({ value, onChange, max = WARNING_MAX_MEDIA, disabled }: MediaUploadProps) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [sending, setSending] = useState<Sending[]>([]);
  // Uploads finish one after another, each after a render or more: each adds to the latest list, not a stale one.
  const latest = useRef(value);
  latest.current = value;
  const full = value.length + sending.length >= max;

  const send = async (file: File) => {
    const uid = newKey();
    const abort = new AbortController();
    setSending((s) => [...s, { uid, name: file.name, size: file.size, percent: 0, abort }]);
    const progress = (percent: number) => setSending((s) => s.map((x) => (x.uid === uid ? { ...x, percent } : x)));
    try {
      const media = await mediaApi.upload(file, {
        csrfToken,
        idempotencyKey: uid,
        onProgress: progress,
        signal: abort.signal,
      });
      onChange([...latest.current, media]);
    } catch (err) {
      if (!abort.signal.aborted) message.error(`${file.name}：${errorMessage(err)}`);
    } finally {
      setSending((s) => s.filter((x) => x.uid !== uid));
    }
  };

  const check = (file: File) => {
    const problem = mediaProblem(file);
    if (problem) message.error(`${file.name}：${label(problem)}`);
    else if (full) message.error(t(`最多添加 ${max} 个音频或视频`, `At most ${max} audio or video files`));
    else void send(file);
    return Upload.LIST_IGNORE;
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Upload accept="audio/*,video/*" showUploadList={false} beforeUpload={check} disabled={disabled || full}>
        <Button icon={<UploadOutlined />} disabled={disabled || full}>
          {t('添加音频或视频', 'Add audio or video')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(
          `支持 ${MEDIA_FORMATS}；音频不超过 10 MB，视频不超过 30 MB，最多 ${max} 个`,
          `MP3, M4A, WAV, MP4, WebM; audio up to 10 MB, video up to 30 MB, ${max} at most`,
        )}
      </Typography.Text>
      {sending.map((s) => {
        const kind = mediaKindOf({ name: s.name, type: '' });
        return (
          <div key={s.uid} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
              {kind ? label(MEDIA_KIND_LABELS[kind]) : ''} {s.name} · {sizeInWords(s.size)}
            </Typography.Text>
            <Progress percent={s.percent} size="small" style={{ width: 140, margin: 0 }} />
            <Button size="small" type="link" onClick={() => s.abort.abort()}>
              {t('取消', 'Cancel')}
            </Button>
          </div>
        );
      })}
      {value.map((m) => (
        <div key={m.id} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 }}>
          <MediaPlayer media={m} />
          <Button
            size="small"
            type="link"
            danger
            icon={<DeleteOutlined />}
            disabled={disabled}
            onClick={() => onChange(value.filter((x) => x.id !== m.id))}
          >
            {t('移除', 'Remove')}
          </Button>
        </div>
      ))}
    </Space>
  );
}

/** Plays one attached file (audio or video), sized for a phone, with its kind and size in words. */
export function MediaPlayer({ media }: { media: WarningMedia }) {
  const { t, label } = useLang();
  const isVideo = media.kind === 'video';
  const fallback = t(
    '当前浏览器无法播放，请换用系统浏览器打开',
    'This browser cannot play it; open the page in another',
  );
  return (
    <figure style={{ margin: 0, width: '100%', maxWidth: 560 }}>
      {isVideo ? (
        // biome-ignore lint/a11y/useMediaCaption: a notice's video has no caption file; its text beside it says it all.
        <video
          controls
          playsInline
          preload="metadata"
          src={media.url}
          style={{ display: 'block', width: '100%', maxHeight: '60vh', background: '#000', borderRadius: 8 }}
        >
          {fallback}
        </video>
      ) : (
        // biome-ignore lint/a11y/useMediaCaption: a notice's audio has no caption file; its text beside it says it all.
        <audio controls preload="metadata" src={media.url} style={{ display: 'block', width: '100%' }}>
          {fallback}
        </audio>
      )}
      <figcaption style={{ marginTop: 4, fontSize: 12, color: '#8c8c8c' }}>
        {isVideo ? <VideoCameraOutlined /> : <SoundOutlined />} {label(MEDIA_KIND_LABELS[media.kind])} ·{' '}
        {sizeInWords(media.bytes)}
      </figcaption>
    </figure>
  );
}
