/**
 * The photo row of a resident form: the limits said before anything is
 * picked, one tile per photo with its upload state, a tap to retry a failed
 * upload, and the server's own words when it refused a file.
 */
import { PHOTO_LIMITS } from '@jingmin/shared';
import { SpinLoading, Toast } from 'antd-mobile';
import type { ChangeEvent, CSSProperties } from 'react';
import { useLang } from '../../../i18n';
import { MB, type PhotoQueue, type PhotoTile } from './usePhotoQueue';

const tileStyle: CSSProperties = {
  position: 'relative',
  width: '4.4em',
  height: '4.4em',
  borderRadius: 6,
  overflow: 'hidden',
  background: '#eef0f3',
  display: 'grid',
  placeItems: 'center',
  fontSize: '1em',
};
/** Out of sight but still reachable by keyboard and screen readers, through its label. */
const hiddenInput: CSSProperties = { position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' };
const cover: CSSProperties = {
  position: 'absolute',
  inset: 0,
  display: 'grid',
  placeItems: 'center',
  background: 'rgba(0,0,0,.45)',
  color: '#fff',
  fontSize: '.8em',
  border: 'none',
  padding: 0,
  width: '100%',
};

/** "最多 9 张，每张不超过 8 MB，JPG/PNG/WebP". */
export function usePhotoLimitsText() {
  const { t } = useLang();
  const mb = PHOTO_LIMITS.maxFileBytes / MB;
  return t(
    `最多 ${PHOTO_LIMITS.perItem} 张，每张不超过 ${mb} MB，JPG、PNG 或 WebP 格式`,
    `Up to ${PHOTO_LIMITS.perItem} photos, ${mb} MB each, JPG, PNG or WebP`,
  );
}

export function PhotoPicker({ queue, hint }: { queue: PhotoQueue; hint?: string }) {
  const { t } = useLang();
  const limits = usePhotoLimitsText();
  const count = queue.tiles.filter((x) => x.state !== 'refused').length;
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const left = queue.add(Array.from(e.target.files ?? []));
    e.target.value = '';
    if (left > 0)
      Toast.show({
        content: t(
          `最多 ${PHOTO_LIMITS.perItem} 张，有 ${left} 张没有加入`,
          `${left} photo(s) left out: the limit is 9`,
        ),
      });
  };
  const problems = queue.tiles.filter((x) => x.state === 'refused' || (x.state === 'failed' && x.message));
  return (
    <div>
      <div className="jm-muted" style={{ marginBottom: 8 }}>
        {limits}
        {hint ? `${t('；', '; ')}${hint}` : ''}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {queue.tiles.map((tile, i) => (
          <Tile key={tile.local} tile={tile} index={i + 1} queue={queue} />
        ))}
        {count < PHOTO_LIMITS.perItem && (
          <label style={{ ...tileStyle, border: '1px dashed #767676', cursor: 'pointer', color: '#3d3d3d' }}>
            <span className="jm-small" style={{ textAlign: 'center', lineHeight: 1.3 }}>
              <span style={{ fontSize: '1.6em' }}>＋</span>
              <br />
              {t('添加照片', 'Add photo')}
            </span>
            <input type="file" accept="image/*" multiple onChange={pick} style={hiddenInput} />
          </label>
        )}
      </div>
      {problems.map((x) => (
        <div key={x.local} className="jm-muted" style={{ color: '#b3261e', marginTop: 6 }}>
          {t('照片', 'Photo')} {queue.tiles.indexOf(x) + 1}：{x.message ?? localReason(x, t)}
        </div>
      ))}
    </div>
  );
}

function localReason(tile: PhotoTile, t: (zh: string, en: string) => string) {
  const mb = PHOTO_LIMITS.maxFileBytes / MB;
  if (tile.file && tile.file.size > PHOTO_LIMITS.maxFileBytes)
    return t(`超过 ${mb} MB，未上传`, `Larger than ${mb} MB, not uploaded`);
  return t('不是图片，未上传', 'Not an image, not uploaded');
}

function Tile({ tile, index, queue }: { tile: PhotoTile; index: number; queue: PhotoQueue }) {
  const { t } = useLang();
  const label = `${t('照片', 'Photo')} ${index}`;
  return (
    <div style={{ width: tileStyle.width, display: 'flex', flexDirection: 'column', gap: 4 }}>
      <div style={{ ...tileStyle, outline: tile.state === 'refused' ? '2px solid #c0392b' : undefined }}>
        {tile.thumb ? (
          <img src={tile.thumb} alt={label} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
        ) : (
          <span style={{ color: '#595959', fontSize: '.8em' }}>{label}</span>
        )}
        {(tile.state === 'queued' || tile.state === 'uploading') && (
          <div style={cover}>
            {tile.state === 'uploading' ? (
              <SpinLoading color="white" style={{ '--size': '1.4em' }} />
            ) : (
              t('等待', 'Waiting')
            )}
          </div>
        )}
        {tile.state === 'failed' && (
          <button type="button" style={cover} onClick={() => queue.retry(tile.local)}>
            {t('点此重试', 'Tap to retry')}
          </button>
        )}
        {tile.state === 'refused' && (
          <div style={{ ...cover, background: 'rgba(192,57,43,.6)' }}>{t('未接受', 'Refused')}</div>
        )}
      </div>
      {tile.state !== 'uploading' && (
        <button
          type="button"
          className="jm-tap"
          aria-label={`${t('删除', 'Remove')} ${label}`}
          onClick={() => queue.remove(tile.local)}
          style={{ width: '100%', border: '1px solid #8a9099', borderRadius: 6, background: '#fff', color: '#1f2329' }}
        >
          {t('删除', 'Remove')}
        </button>
      )}
    </div>
  );
}
