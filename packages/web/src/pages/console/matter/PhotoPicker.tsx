/**
 * Photos to send with a reply or a note: chosen here, uploaded in one request
 * when the message is sent (uploadChosen), checked against the shared limits
 * before they leave the browser.
 */
import { PlusOutlined } from '@ant-design/icons';
import { PHOTO_LIMITS } from '@jingmin/shared';
import { App, Upload, type UploadFile } from 'antd';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';

export function PhotoPicker({ value, onChange }: { value: UploadFile[]; onChange(files: UploadFile[]): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const maxMb = PHOTO_LIMITS.maxFileBytes / 1024 / 1024;
  return (
    <Upload
      listType="picture-card"
      multiple
      accept={PHOTO_LIMITS.types.join(',')}
      fileList={value}
      maxCount={PHOTO_LIMITS.perItem}
      beforeUpload={(file) => {
        if (!(PHOTO_LIMITS.types as readonly string[]).includes(file.type)) {
          message.error(t(`${file.name}：只能上传 JPG、PNG、WebP 照片`, `${file.name}: JPEG, PNG or WebP only`));
          return Upload.LIST_IGNORE;
        }
        if (file.size > PHOTO_LIMITS.maxFileBytes) {
          message.error(t(`${file.name}：照片不能超过 ${maxMb} MB`, `${file.name}: at most ${maxMb} MB`));
          return Upload.LIST_IGNORE;
        }
        // Kept in the browser until the message is sent.
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList.slice(0, PHOTO_LIMITS.perItem))}
    >
      {value.length < PHOTO_LIMITS.perItem && (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 4 }}>{t('照片', 'Photo')}</div>
        </button>
      )}
    </Upload>
  );
}

/** Uploads the chosen photos (none: no request) and returns their ids. */
export async function uploadChosen(matterId: string, files: UploadFile[], idempotencyKey: string) {
  const raw = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
  if (raw.length === 0) return [];
  const total = raw.reduce((n, f) => n + f.size, 0);
  if (total > PHOTO_LIMITS.maxRequestBytes) throw new TooLarge();
  const result = await matterApi.uploadPhotos(matterId, raw, idempotencyKey);
  return result.photos.map((p) => p.id);
}

/** The chosen photos together pass the request limit. */
export class TooLarge extends Error {}
