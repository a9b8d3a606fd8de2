/**
 * A host's extra posts in a room. 失物招领: an item handed in at the station (or a resident's loss reported there)
 * posted as a notice — what, where, when (not in the future), more words, photos, shared with the station's
 * other rooms unless the host says not. An unanswered send is retried under the same idempotency key.
 */
import { type ItemPostInput, PHOTO_LIMITS, ROOM_POST_KIND_LABELS, type RoomView } from '@jingmin/shared';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Switch, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomItemsApi } from '../../../../api/room-items';
import { useLang } from '../../../../i18n';
import { newKey } from '../../matter/labels';

export interface RoomToolProps {
  room: RoomView;
  onPosted(): void;
}

interface Values {
  kind: 'lost' | 'found';
  what: string;
  where: string;
  at: Dayjs;
  body?: string;
  acrossStation: boolean;
  photos?: UploadFile<{ photos: { id: string }[] }>[];
}

const photoIdsOf = (files: Values['photos']) =>
  (files ?? []).flatMap((f) => (f.status === 'done' ? (f.response?.photos.map((p) => p.id) ?? []) : []));

export function NewItemButton({ room, onPosted }: RoomToolProps) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState<{ key: string; content: string } | null>(null);

  const submit = async (v: Values) => {
    if ((v.photos ?? []).some((f) => f.status === 'uploading'))
      return message.warning(t('照片还在上传，请稍候', 'Photos are still uploading'));
    const input: ItemPostInput = {
      kind: v.kind,
      what: v.what.trim(),
      where: v.where.trim(),
      at: v.at.toISOString(),
      body: v.body?.trim() ?? '',
      photoIds: photoIdsOf(v.photos),
      acrossStation: v.acrossStation,
    };
    const content = JSON.stringify(input);
    const tryNow = attempt?.content === content ? attempt : { key: newKey(), content };
    setAttempt(tryNow);
    setBusy(true);
    try {
      await roomItemsApi.post(room.id, input, tryNow.key);
      setAttempt(null);
      setOpen(false);
      form.resetFields();
      message.success(t('启事已发布', 'Notice posted'));
      onPosted();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('发布失物招领', 'Post lost & found')}</Button>
      <Modal
        open={open}
        title={t(`在“${room.name}”发布启事`, `Post a notice in "${room.name}"`)}
        okText={t('发布', 'Post')}
        cancelText={t('取消', 'Cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={560}
      >
        <Typography.Paragraph type="secondary">
          {t(
            '群众交到派出所的失物，或来所报失的物品。请勿写失主或拾得人的电话，联系一律在群里回复。',
            'An item handed in at the station, or a loss reported there. No phone numbers: people answer in the room.',
          )}
        </Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'found', at: dayjs(), acrossStation: true }}
          onFinish={(v) => void submit(v)}
          requiredMark="optional"
        >
          <Form.Item name="kind" label={t('类型', 'Kind')} required>
            <Radio.Group
              optionType="button"
              options={(['found', 'lost'] as const).map((k) => ({ value: k, label: label(ROOM_POST_KIND_LABELS[k]) }))}
            />
          </Form.Item>
          <Form.Item
            name="what"
            label={t('物品', 'What')}
            rules={[{ required: true, whitespace: true, message: t('请填写物品', 'Say what it is') }]}
          >
            <Input maxLength={50} placeholder={t('例如：黑色钱包、电动车钥匙', 'e.g. a black wallet')} />
          </Form.Item>
          <Form.Item
            name="where"
            label={t('地点', 'Where')}
            rules={[{ required: true, whitespace: true, message: t('请填写地点', 'Say where') }]}
          >
            <Input maxLength={100} placeholder={t('例如：村口公交站，交至派出所值班室', 'e.g. the village bus stop')} />
          </Form.Item>
          <Form.Item
            name="at"
            label={t('丢失或拾到的时间', 'When it was lost or found')}
            rules={[
              { required: true, message: t('请选择时间', 'Choose when') },
              {
                validator: async (_, v: Dayjs | undefined) => {
                  if (v?.isAfter(dayjs().add(1, 'minute')))
                    throw new Error(t('时间不能晚于现在', 'It cannot be in the future'));
                },
              },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ width: 240 }}
            />
          </Form.Item>
          <Form.Item name="body" label={t('补充说明', 'More')}>
            <Input.TextArea
              maxLength={1000}
              showCount
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={t('颜色、特征；认领请带身份证到派出所', 'Colour, marks; how to claim it')}
            />
          </Form.Item>
          <Form.Item
            name="photos"
            label={t(`照片（最多 ${PHOTO_LIMITS.perItem} 张）`, `Photos (up to ${PHOTO_LIMITS.perItem})`)}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          >
            <Upload
              listType="picture-card"
              accept="image/jpeg,image/png,image/webp"
              maxCount={PHOTO_LIMITS.perItem}
              customRequest={({ file, onSuccess, onError }) => {
                roomItemsApi
                  .uploadPhoto(room.id, file as File, newKey())
                  .then((res) => onSuccess?.(res))
                  .catch((err: Error) => {
                    message.error(errorMessage(err));
                    onError?.(err);
                  });
              }}
            >
              {t('+ 照片', '+ Photo')}
            </Upload>
          </Form.Item>
          <Form.Item
            name="acrossStation"
            label={t('全所可见', 'Whole station')}
            required
            valuePropName="checked"
            extra={t('本所其他群的群众也能在失物招领里看到', "Members of the station's other rooms see it too")}
          >
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
