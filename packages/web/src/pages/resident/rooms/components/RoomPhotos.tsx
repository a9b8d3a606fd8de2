/** A post's photos for a member: read with the phone's header (an `<img src>` cannot send it), tap to enlarge. */
import { useQuery } from '@tanstack/react-query';
import { ImageViewer } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { roomsPublic } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';

function usePhotoUrl(photoId: string, phoneToken: string | null, size: 'thumb' | 'full') {
  const blob = useQuery({
    queryKey: ['room-photo', photoId, size],
    queryFn: () => roomsPublic.photo(photoId, phoneToken, size),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob.data) return;
    const made = URL.createObjectURL(blob.data);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob.data]);
  return url;
}

function Tile({ id, index, phoneToken }: { id: string; index: number; phoneToken: string | null }) {
  const { t } = useLang();
  const thumb = usePhotoUrl(id, phoneToken, 'thumb');
  const open = async () => {
    const blob = await roomsPublic.photo(id, phoneToken, 'full').catch(() => null);
    if (blob) ImageViewer.show({ image: URL.createObjectURL(blob) });
  };
  return (
    <button
      type="button"
      aria-label={t(`查看照片 ${index + 1}`, `View photo ${index + 1}`)}
      onClick={() => void open()}
      style={{ width: '4.6em', height: '4.6em', padding: 0, border: 'none', borderRadius: 6, overflow: 'hidden' }}
    >
      {thumb ? (
        <img src={thumb} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
      ) : (
        <span style={{ display: 'block', width: '100%', height: '100%', background: '#e3e6ea' }} />
      )}
    </button>
  );
}

export function RoomPhotos({ ids, phoneToken }: { ids: string[]; phoneToken: string | null }) {
  if (ids.length === 0) return null;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 6 }}>
      {ids.map((id, i) => (
        <Tile key={id} id={id} index={i} phoneToken={phoneToken} />
      ))}
    </div>
  );
}
