/** Photos of a matter or one of its messages: thumbnails that open a full-size preview. */
import { Image, Space } from 'antd';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';

export function Photos({ matterId, ids, size = 84 }: { matterId: string; ids: readonly string[]; size?: number }) {
  const { t } = useLang();
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={6}>
        {ids.map((photoId, i) => (
          <Image
            key={photoId}
            src={matterApi.photoUrl(matterId, photoId, 'thumb')}
            preview={{ src: matterApi.photoUrl(matterId, photoId) }}
            alt={t(`照片 ${i + 1}`, `Photo ${i + 1}`)}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4, background: '#f5f5f5' }}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
