/**
 * Photos taken on the phone for a hazard or its fix, kept as files (not uploaded here): they wait in the outbox
 * with the entry and are uploaded when it is sent. Each is made smaller on the phone first (a long side of
 * 1600 px), so nine fit in one upload and in the phone's storage.
 */
import { PHOTO_LIMITS } from '@jingmin/shared';
import { Toast } from 'antd-mobile';
import { type ChangeEvent, type CSSProperties, useEffect, useState } from 'react';
import { useLang } from '../../../../i18n';

const SIDE = 1600;

/** A stable key for each picked file (two photos may share a name and a size). */
const ids = new WeakMap<File, string>();
const idOf = (f: File) => {
  const id = ids.get(f) ?? crypto.randomUUID();
  ids.set(f, id);
  return id;
};

/** A JPEG of at most SIDE px on its long side; the file itself when it is small already or cannot be drawn. */
async function shrink(file: File): Promise<File> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size < 1024 * 1024) return file;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.85));
    return blob ? new File([blob], `${file.name.replace(/\.\w+$/, '')}.jpg`, { type: 'image/jpeg' }) : file;
  } catch {
    return file;
  }
}

const tile: CSSProperties = {
  position: 'relative',
  width: 72,
  height: 72,
  borderRadius: 6,
  overflow: 'hidden',
  background: '#eef0f3',
  display: 'grid',
  placeItems: 'center',
};
const hidden: CSSProperties = { position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' };

function Thumb({ file, label, onRemove }: { file: File; label: string; onRemove(): void }) {
  const { t } = useLang();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return (
    <div style={{ width: 72, display: 'flex', flexDirection: 'column', gap: 4 }}>
      <div style={tile}>
        {url && <img src={url} alt={label} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />}
      </div>
      <button
        type="button"
        className="jm-tap"
        aria-label={`${t('删除', 'Remove')} ${label}`}
        onClick={onRemove}
        style={{ border: '1px solid #8a9099', borderRadius: 6, background: '#fff', color: '#1f2329' }}
      >
        {t('删除', 'Remove')}
      </button>
    </div>
  );
}

export function PhotoFiles({ files, onChange }: { files: File[]; onChange(files: File[]): void }) {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(e.target.files ?? []).filter((f) => f.type === '' || f.type.startsWith('image/'));
    e.target.value = '';
    const room = PHOTO_LIMITS.perItem - files.length;
    if (picked.length > room)
      Toast.show({ content: t(`最多 ${PHOTO_LIMITS.perItem} 张`, `Up to ${PHOTO_LIMITS.perItem} photos`) });
    setBusy(true);
    const small = await Promise.all(picked.slice(0, Math.max(0, room)).map(shrink));
    setBusy(false);
    const fit = small.filter((f) => f.size <= PHOTO_LIMITS.maxFileBytes);
    if (fit.length < small.length) Toast.show({ content: t('照片太大，未加入', 'A photo is too large') });
    onChange([...files, ...fit]);
  };
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {files.map((f, i) => (
        <Thumb
          key={idOf(f)}
          file={f}
          label={`${t('照片', 'Photo')} ${i + 1}`}
          onRemove={() => onChange(files.filter((_, j) => j !== i))}
        />
      ))}
      {files.length < PHOTO_LIMITS.perItem && (
        <label style={{ ...tile, border: '1px dashed #767676', cursor: 'pointer', color: '#3d3d3d' }}>
          <span style={{ textAlign: 'center', lineHeight: 1.3, fontSize: 13 }}>
            <span style={{ fontSize: 22 }}>＋</span>
            <br />
            {busy ? t('处理中', 'Working') : t('拍照', 'Photo')}
          </span>
          <input
            type="file"
            accept="image/*"
            multiple
            aria-label={t('拍照或选择照片', 'Take or choose a photo')}
            onChange={(e) => void pick(e)}
            style={hidden}
          />
        </label>
      )}
    </div>
  );
}
