/** Photos the server holds for a matter: small tiles, tap to see them full size and swipe through. */
import { ImageViewer } from 'antd-mobile';
import { resident } from '../../../api/resident';
import { useLang } from '../../../i18n';

export function PhotoGrid({
  tracking,
  photoIds,
  size = '4.6em',
}: {
  tracking: string;
  photoIds: string[];
  size?: string;
}) {
  const { t } = useLang();
  if (photoIds.length === 0) return null;
  const urls = photoIds.map((id) => resident.photoUrl(tracking, id));
  const thumbs = photoIds.map((id) => resident.photoUrl(tracking, id, 'thumb'));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 6 }}>
      {urls.map((src, i) => (
        <button
          key={src}
          type="button"
          aria-label={t(`查看照片 ${i + 1}`, `View photo ${i + 1}`)}
          onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: i })}
          style={{ width: size, height: size, padding: 0, border: 'none', borderRadius: 6, overflow: 'hidden' }}
        >
          <img
            src={thumbs[i]}
            alt=""
            loading="lazy"
            decoding="async"
            style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block', background: '#e3e6ea' }}
          />
        </button>
      ))}
    </div>
  );
}
