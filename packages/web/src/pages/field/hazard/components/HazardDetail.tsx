/**
 * One of my hazards on the phone: where, what, by when, who follows it — read again with a signal (its
 * description, photos and what I may do), from the kept list without one — and 上报整改: what was done and photos
 * of the fix, through the outbox with its own key, so a fix reported offline is sent once.
 */
import { HAZARD_STATUS_LABELS, type HazardListItem, type RectifyHazardInput } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Image, List, NoticeBar, Space, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useCan, useSession } from '../../../../access';
import { hazardsApi } from '../../../../api/hazards';
import { enqueue, type QueuedEntry } from '../../../../field/queue';
import { useLang } from '../../../../i18n';
import { MUTED } from '../../../resident/components/residentStyle';
import { fixOf } from './Outbox';
import { PhotoFiles } from './PhotoFiles';
import { Deadline } from './Status';

export function HazardDetail({
  item,
  online,
  outbox,
  onDone,
}: {
  item: HazardListItem;
  online: boolean;
  outbox: QueuedEntry[];
  onDone(): void;
}) {
  const { t, label } = useLang();
  const session = useSession();
  const can = useCan();
  const view = useQuery({
    queryKey: ['hazard', item.id],
    queryFn: () => hazardsApi.get(item.id),
    enabled: online,
    retry: false,
  });
  const h = view.data ?? item;
  // Offline, the rule the server applies (its answer decides when the fix is sent).
  const mayFix = view.data
    ? view.data.allowedActions.includes('rectify')
    : h.status === 'open' && (h.responsible.id === session.user.id || can('field.manage'));
  const queued = outbox.some((e) => fixOf(e) === item.id && e.state !== 'refused');
  return (
    <>
      <List>
        <List.Item title={t('地点', 'Place')}>{h.place}</List.Item>
        <List.Item title={t('所在村（社区）或网格', 'Village or grid')}>
          {h.village && h.village.id !== h.unit.id ? `${h.village.name} · ${h.unit.name}` : h.unit.name}
        </List.Item>
        <List.Item title={t('类别 · 状态', 'Kind · status')}>
          {h.kindName} · {label(HAZARD_STATUS_LABELS[h.status])}
        </List.Item>
        <List.Item title={t('整改期限', 'Deadline')}>
          <Deadline h={h} />
        </List.Item>
        <List.Item title={t('整改责任方 · 跟踪责任人', 'Fixes it · follows it')}>
          {h.rectifier ?? t('未填写', 'Not given')} · {h.responsible.name}
        </List.Item>
        {view.data && <List.Item title={t('隐患情况', 'What is wrong')}>{view.data.description}</List.Item>}
        {view.data?.rectified && <List.Item title={t('整改情况', 'The fix')}>{view.data.rectified.note}</List.Item>}
      </List>
      {view.data && view.data.photos.found.length > 0 && (
        <Space wrap style={{ padding: 12 }}>
          {view.data.photos.found.map((p) => (
            <Image key={p} src={hazardsApi.photoUrl(item.id, p)} width={72} height={72} fit="cover" />
          ))}
        </Space>
      )}
      {!view.data && (
        <div style={{ color: MUTED, padding: '8px 16px' }}>
          {online ? t('正在读取…', 'Loading…') : t('没有网络：显示的是上次读取的内容', 'Offline: as last read')}
        </div>
      )}
      {queued && (
        <NoticeBar color="info" wrap content={t('整改情况已保存在本机，等待提交', 'The fix is kept on the phone')} />
      )}
      {mayFix && !queued && <RectifyForm item={h} onDone={onDone} />}
    </>
  );
}

function RectifyForm({ item, onDone }: { item: HazardListItem; onDone(): void }) {
  const { t } = useLang();
  const [form] = Form.useForm<{ note?: string }>();
  const note: string = Form.useWatch('note', form) ?? '';
  const [files, setFiles] = useState<File[]>([]);
  const save = async () => {
    const body: RectifyHazardInput = { version: item.version, note: note.trim(), photoIds: [] };
    await enqueue({
      kind: t('整改上报', 'Fix'),
      title: `${item.kindName} · ${item.place}`,
      path: hazardsApi.paths.rectify(item.id),
      body,
      photos: files.length ? { path: hazardsApi.paths.fixPhotos(item.id), files } : undefined,
    });
    Toast.show({
      content: navigator.onLine
        ? t('已上报，正在提交', 'Reported, sending')
        : t('已保存在手机上，联网后自动提交', 'Kept on the phone'),
    });
    onDone();
  };
  return (
    <Form
      form={form}
      name="fix"
      layout="vertical"
      mode="card"
      footer={
        <Button block color="primary" size="large" disabled={!note.trim()} onClick={() => void save()}>
          {t('上报整改', 'Report the fix')}
        </Button>
      }
    >
      <Form.Header>{t('上报整改', 'Report the fix')}</Form.Header>
      <Form.Item name="note" label={t('整改情况', 'What was done')} required>
        <TextArea
          rows={3}
          maxLength={1000}
          showCount
          placeholder={t('如：已更换灭火器，清理通道杂物', 'e.g. extinguishers replaced')}
        />
      </Form.Item>
      <Form.Item label={t('整改后照片', 'Photos of the fix')}>
        <PhotoFiles files={files} onChange={setFiles} />
      </Form.Item>
    </Form>
  );
}
