/** Photos chosen on the phone or desk, kept in the form until it is sent (then uploaded first, then referenced). */
import { Upload, type UploadFile } from 'antd';
import { useLang } from '../../../../i18n';

export function PhotoPicker({ value = [], onChange }: { value?: UploadFile[]; onChange?(files: UploadFile[]): void }) {
  const { t } = useLang();
  return (
    <Upload
      listType="picture-card"
      accept="image/jpeg,image/png,image/webp"
      multiple
      maxCount={9}
      fileList={value}
      beforeUpload={() => false}
      onChange={({ fileList }) => onChange?.(fileList)}
    >
      {value.length < 9 && t('添加照片', 'Add photo')}
    </Upload>
  );
}

/** The chosen files as File objects. */
export const filesOf = (list: UploadFile[] | undefined): File[] =>
  (list ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));
