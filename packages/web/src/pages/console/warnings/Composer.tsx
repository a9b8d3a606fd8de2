/**
 * 编辑通知 (/console/warnings/new?station=…, /console/warnings/:id/edit): the station (for accounts above several),
 * category, priority, title, body, photos, audio and video, 需要群众确认“已知晓”, an expiry, whom it reaches (on the
 * tree), SMS with its exact text and signature, and the live reach preview. 保存草稿 keeps it; 提交审核 (紧急),
 * 发布 and 定时发布 save it first, then take the step after a dialog that repeats whom it reaches. One column on a
 * phone, the target and preview beside the text on a wide screen.
 */
import {
  WARNING_MAX_MEDIA,
  WARNING_PRIORITIES,
  WARNING_PRIORITY_LABELS,
  type WarningMedia,
  type WarningPriority,
  type WarningView,
} from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Switch,
  Typography,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { type WarningStep, warningsApi } from '../../../api/warnings';
import { MediaUpload } from '../../../components/media';
import { useLang } from '../../../i18n';
import { newKey } from '../matter/labels';
import { PhotoPicker } from '../matter/PhotoPicker';
import { useStationScope } from '../matter/station';
import { useWarningSettings } from './hooks';
import { PRIORITY_COLOR } from './labels';
import {
  type ComposerStep,
  type ComposerValues,
  choiceOf,
  composerSteps,
  inputOf,
  NO_TARGET,
  type TargetChoice,
  targetOf,
} from './model';
import { ReachPreviewCard, reachSentence, useReachPreview } from './ReachPreview';
import { TargetPicker, useTargetSources } from './TargetPicker';

/** /console/warnings/:id/edit: a draft read first; anything past a draft is read on its own page. */
export function EditWarning() {
  const { t } = useLang();
  const { id = '' } = useParams();
  const view = useQuery({ queryKey: ['warning', id], queryFn: () => warningsApi.get(id) });
  if (view.isPending) return <Spin />;
  if (view.isError) return <Alert type="error" title={errorMessage(view.error)} />;
  if (!view.data.actions.includes('edit'))
    return (
      <Alert
        type="info"
        title={t('只有草稿可以修改', 'Only a draft can be edited')}
        action={<Link to={`/console/warnings/${id}`}>{t('查看通知', 'Open the notice')}</Link>}
      />
    );
  return <Composer stationId={view.data.stationId} stationName={view.data.stationName} saved={view.data} />;
}

/** /console/warnings/new: the station from the list (or picked here), then the composer for it. */
export function NewWarning() {
  const { t } = useLang();
  const [params] = useSearchParams();
  const scope = useStationScope();
  const [picked, setPicked] = useState<string | null>(params.get('station'));
  if (scope.pending) return <Spin />;
  const choices = scope.choices;
  const stationId = scope.stationId ?? (choices.some((c) => c.id === picked) ? picked : choices[0]?.id) ?? null;
  const stationName = scope.stationName ?? choices.find((c) => c.id === stationId)?.name ?? '';
  if (!stationId) return <Alert type="info" title={t('您的辖区下没有派出所', 'No police station in your scope')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {!scope.stationId && choices.length > 1 && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('发送单位', 'Sent by')}</Typography.Text>
          <Select
            aria-label={t('派出所', 'Station')}
            value={stationId}
            onChange={setPicked}
            style={{ minWidth: 220 }}
            options={choices.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Flex>
      )}
      <Composer key={stationId} stationId={stationId} stationName={stationName} saved={null} />
    </Space>
  );
}

interface FormValues {
  category: string;
  priority: WarningPriority;
  title: string;
  body: string;
  ackRequired: boolean;
  expiresAt: Dayjs | null;
  sms: boolean;
}

const existingPhotos = (w: WarningView): UploadFile[] =>
  w.photoIds.map((photoId, i) => ({
    uid: photoId,
    name: `photo-${i + 1}.jpg`,
    status: 'done',
    url: warningsApi.photoUrl(w.id, photoId),
    thumbUrl: warningsApi.photoUrl(w.id, photoId, 'thumb'),
  }));

function Composer({
  stationId,
  stationName,
  saved,
}: {
  stationId: string;
  stationName: string;
  saved: WarningView | null;
}) {
  const { t, label } = useLang();
  const can = useCan();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const { rules, categories, settings } = useWarningSettings(stationId);
  const sources = useTargetSources(stationId);
  const [target, setTarget] = useState<TargetChoice>(() => (saved ? choiceOf(stationId, saved.target) : NO_TARGET));
  const [photos, setPhotos] = useState<UploadFile[]>(() => (saved ? existingPhotos(saved) : []));
  const [media, setMedia] = useState<WarningMedia[]>(() => saved?.media ?? []);
  // Photos already uploaded in this session (uid → id), so saving twice sends each once.
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<ComposerStep | 'draft' | null>(null);
  // The draft as last saved here: a step that failed after saving updates it next time instead of a second draft.
  const [current, setCurrent] = useState<WarningView | null>(saved);
  // The time dialog: 定时发布 needs a time; 提交审核 may name when it should go out once approved.
  const [timing, setTiming] = useState<'schedule' | 'submit' | null>(null);
  const [at, setAt] = useState<Dayjs | null>(null);

  const priority = (Form.useWatch('priority', form) ?? saved?.priority ?? 'advisory') as WarningPriority;
  const category = (Form.useWatch('category', form) ?? saved?.category ?? '') as string;
  const title = (Form.useWatch('title', form) ?? saved?.title ?? '') as string;
  const sms = (Form.useWatch('sms', form) ?? saved?.sms ?? false) as boolean;

  const request = targetOf(stationId, sources.units.data?.tree ?? [], target);
  const preview = useReachPreview(
    request && category
      ? {
          stationId,
          category,
          // The preview needs a title for the SMS text; until one is typed it shows where it goes.
          title: title.trim() || t('（标题）', '(title)'),
          sms,
          target: request,
        }
      : null,
  );
  const authorReviews = can('warning.review');
  const steps = composerSteps(
    priority,
    current ? { priority: current.priority, actions: current.actions } : null,
    authorReviews,
  );

  const uploadNew = async (): Promise<string[]> => {
    const fresh = photos.filter((f) => f.originFileObj && !uploaded[f.uid]);
    let ids: Record<string, string> = uploaded;
    if (fresh.length > 0) {
      const result = await warningsApi.uploadPhotos(
        fresh.map((f) => f.originFileObj as File),
        newKey(),
      );
      ids = { ...uploaded };
      fresh.forEach((f, i) => {
        const id = result.photos[i]?.id;
        if (id) ids[f.uid] = id;
      });
      setUploaded(ids);
    }
    // Kept in the order shown: a photo of the saved draft is named by its own id.
    return photos.map((f) => (f.originFileObj ? ids[f.uid] : f.uid)).filter((id): id is string => !!id);
  };

  /** Saves the draft (creating it the first time) and answers the saved view. */
  const save = async (): Promise<WarningView | null> => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      message.error(t('请检查标题、正文和类别', 'Check the title, text and category'));
      return null;
    }
    if (!request) {
      message.error(t('请选择发送范围', 'Choose whom it reaches'));
      return null;
    }
    const values: ComposerValues = {
      category: v.category,
      priority: v.priority,
      title: v.title,
      body: v.body,
      ackRequired: v.ackRequired,
      expiresAt: v.expiresAt ? v.expiresAt.toDate().toISOString() : null,
      sms: v.sms,
      photoIds: await uploadNew(),
      mediaIds: media.map((m) => m.id),
    };
    const input = inputOf(stationId, values, request);
    const { stationId: _, ...update } = input;
    const view = current
      ? await warningsApi.update(current.id, { ...update, version: current.version })
      : await warningsApi.create(input);
    setCurrent(view);
    void client.invalidateQueries({ queryKey: ['warnings'] });
    client.setQueryData(['warning', view.id], view);
    return view;
  };

  const run = async (step: ComposerStep | 'draft', when?: Dayjs) => {
    setBusy(step);
    try {
      const view = await save();
      if (!view) return;
      if (step !== 'draft') {
        const done = await warningsApi.action(view.id, step as WarningStep, {
          version: view.version,
          ...(when ? { at: when.toDate().toISOString() } : {}),
        });
        client.setQueryData(['warning', done.id], done);
      }
      message.success(
        step === 'draft'
          ? t('草稿已保存', 'Draft saved')
          : step === 'submit'
            ? t('已提交所长审核', 'Sent to the chief for review')
            : step === 'send'
              ? t('已发布', 'Sent')
              : t(`已定于 ${when?.format('MM-DD HH:mm')} 发布`, `Scheduled for ${when?.format('MM-DD HH:mm')}`),
      );
      navigate(`/console/warnings/${view.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  /** Whom it reaches, in words, for the confirm dialog. */
  const whom = () => {
    const areas = request?.unitIds.map((id) => (id === stationId ? stationName : (sources.names.get(id) ?? id))) ?? [];
    const rooms = request?.roomIds.map((id) => sources.names.get(id) ?? id) ?? [];
    const cat = categories.find((c) => c.key === category);
    return (
      <Flex vertical gap={4}>
        {areas.length > 0 && <span>{t(`范围：${areas.join('、')}`, `Areas: ${areas.join(', ')}`)}</span>}
        {rooms.length > 0 && <span>{t(`议事厅群：${rooms.join('、')}`, `Rooms: ${rooms.join(', ')}`)}</span>}
        {request?.subscribers && (
          <span>
            {t(
              `订阅“${cat ? label(cat.label) : category}”的群众（全所）`,
              `Subscribers of "${cat ? label(cat.label) : category}" (whole station)`,
            )}
          </span>
        )}
        {preview.data && <b>{reachSentence(preview.data, t, sms)}</b>}
        {sms && preview.data?.smsText && (
          <span>{t(`短信：${preview.data.smsText}`, `SMS: ${preview.data.smsText}`)}</span>
        )}
      </Flex>
    );
  };

  const confirm = (step: ComposerStep) => {
    if (step !== 'send') {
      setAt(step === 'schedule' ? dayjs().add(1, 'hour').startOf('hour') : null);
      setTiming(step);
      return;
    }
    modal.confirm({
      title: t('确认发布？发布后群众立即可见。', 'Send now? Residents see it at once.'),
      content: whom(),
      okText: t('发布', 'Send'),
      cancelText: t('再看看', 'Not yet'),
      onOk: () => run(step),
    });
  };

  const stepLabel: Record<ComposerStep, string> = {
    submit: t('提交审核', 'Submit for review'),
    send: t('发布', 'Send'),
    schedule: t('定时发布', 'Schedule'),
  };

  if (settings.isPending) return <Spin />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Link to={saved ? `/console/warnings/${saved.id}` : '/console/warnings'}>{t('‹ 返回', '‹ Back')}</Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {saved ? t('修改通知', 'Edit notice') : t('新建通知', 'New notice')}
        <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 8 }}>
          {stationName}
        </Typography.Text>
      </Typography.Title>
      {saved?.reviewNote && (
        <Alert type="warning" showIcon title={t(`退回意见：${saved.reviewNote}`, `Returned: ${saved.reviewNote}`)} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          category: saved?.category ?? categories[0]?.key,
          priority: saved?.priority ?? 'advisory',
          title: saved?.title ?? '',
          body: saved?.body ?? '',
          ackRequired: saved?.ackRequired ?? false,
          expiresAt: saved?.expiresAt ? dayjs(saved.expiresAt) : null,
          sms: saved?.sms ?? false,
        }}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('内容', 'Content')}>
              <Form.Item label={t('级别', 'Priority')} name="priority">
                <Segmented
                  options={WARNING_PRIORITIES.map((p) => ({
                    value: p,
                    label: (
                      <span style={{ color: p === priority ? undefined : PRIORITY_COLOR[p] }}>
                        {label(WARNING_PRIORITY_LABELS[p])}
                      </span>
                    ),
                  }))}
                />
              </Form.Item>
              {priority === 'urgent' && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={
                    authorReviews
                      ? t(
                          '紧急通知由您审定后直接发布；发布时打开的群众页面会弹出提醒。',
                          'You review your own alert and send it; open resident pages show a banner.',
                        )
                      : t(
                          '紧急通知须经所长审核后发布；发布时打开的群众页面会弹出提醒。',
                          'An alert is reviewed by the chief before it goes out; open resident pages show a banner.',
                        )
                  }
                />
              )}
              <Form.Item
                label={t('类别', 'Category')}
                name="category"
                rules={[{ required: true, message: t('请选择类别', 'Choose a category') }]}
              >
                <Select
                  options={categories.map((c) => ({ value: c.key, label: label(c.label) }))}
                  style={{ maxWidth: 280 }}
                />
              </Form.Item>
              <Form.Item
                label={t('标题', 'Title')}
                name="title"
                rules={[
                  { required: true, whitespace: true, message: t('请填写标题', 'Enter a title') },
                  { pattern: /^[^\r\n]*$/, message: t('标题只能一行', 'One line only') },
                ]}
              >
                <Input
                  maxLength={60}
                  showCount
                  placeholder={t('如：警惕冒充快递客服退款诈骗', 'e.g. Beware of fake courier refunds')}
                />
              </Form.Item>
              <Form.Item
                label={t('正文', 'Text')}
                name="body"
                rules={[{ required: true, whitespace: true, message: t('请填写正文', 'Enter the text') }]}
              >
                <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 5, maxRows: 14 }} />
              </Form.Item>
              <Form.Item label={t('图片', 'Photos')}>
                <PhotoPicker value={photos} onChange={setPhotos} />
              </Form.Item>
              {/* MediaUpload says its own limits. */}
              <Form.Item label={t('音频、视频', 'Audio and video')}>
                <MediaUpload value={media} onChange={setMedia} max={WARNING_MAX_MEDIA} />
              </Form.Item>
              <Form.Item name="ackRequired" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('需要群众确认“已知晓”', 'Ask residents to tap "已知晓" (acknowledged)')}</Checkbox>
              </Form.Item>
              <Form.Item
                label={t('有效期至', 'Expires')}
                name="expiresAt"
                extra={t(
                  '过期后不再在群众页面显示，查看记录清除（统计数保留）。',
                  'After this it leaves residents’ pages; receipts are purged, counts stay.',
                )}
                rules={[
                  {
                    validator: (_, v: Dayjs | null) =>
                      !v || v.isAfter(dayjs())
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('有效期须晚于现在', 'Must be in the future'))),
                  },
                ]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  placeholder={t('长期有效', 'No expiry')}
                  disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                  presets={[
                    { label: t('1 天', '1 day'), value: dayjs().add(1, 'day') },
                    { label: t('3 天', '3 days'), value: dayjs().add(3, 'day') },
                    { label: t('7 天', '7 days'), value: dayjs().add(7, 'day') },
                    { label: t('30 天', '30 days'), value: dayjs().add(30, 'day') },
                  ]}
                />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={16} style={{ marginTop: 0 }}>
              <Card size="small" title={t('发送范围', 'Whom it reaches')}>
                <TargetPicker stationName={stationName} sources={sources} value={target} onChange={setTarget} />
              </Card>
              <Card size="small" title={t('短信', 'SMS')}>
                <Flex gap={8} align="center">
                  <Form.Item name="sms" valuePropName="checked" noStyle>
                    <Switch aria-label={t('同时发短信', 'Also by SMS')} />
                  </Form.Item>
                  <span>{t('同时发短信给订阅并同意接收短信的群众', 'Also SMS opted-in subscribers')}</span>
                </Flex>
              </Card>
              <ReachPreviewCard
                preview={preview}
                hasTarget={!!request}
                sms={sms}
                signature={rules.smsSignature}
                stationName={stationName}
              />
            </Flex>
          </Col>
        </Row>
      </Form>
      <Flex
        gap={8}
        wrap
        justify="flex-end"
        style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '8px 0' }}
      >
        <Button loading={busy === 'draft'} disabled={!!busy && busy !== 'draft'} onClick={() => void run('draft')}>
          {t('保存草稿', 'Save draft')}
        </Button>
        {steps.map((s) => (
          <Button
            key={s}
            type={s === 'schedule' ? 'default' : 'primary'}
            danger={s === 'send' && priority === 'urgent'}
            loading={busy === s}
            disabled={!!busy && busy !== s}
            onClick={() => confirm(s)}
          >
            {stepLabel[s]}
          </Button>
        ))}
      </Flex>
      <Modal
        open={timing !== null}
        title={
          timing === 'submit'
            ? t('提交所长审核？审核通过后发布。', 'Send to the chief? It goes out once approved.')
            : t('定时发布', 'Schedule')
        }
        okText={timing === 'submit' ? t('提交审核', 'Submit') : t('定时发布', 'Schedule')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{
          disabled: timing === 'schedule' ? !at?.isAfter(dayjs()) : !!at && !at.isAfter(dayjs()),
          loading: busy === timing,
        }}
        onCancel={() => setTiming(null)}
        onOk={async () => {
          if (!timing) return;
          await run(timing, at ?? undefined);
          setTiming(null);
        }}
      >
        <Flex vertical gap={12}>
          {timing === 'submit' && (
            <Typography.Text type="secondary">
              {t(
                '可选：希望的发布时间。不填则所长审核通过后立即发布。',
                'Optional: when it should go out. Empty: at once when approved.',
              )}
            </Typography.Text>
          )}
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={at}
            onChange={setAt}
            allowClear={timing === 'submit'}
            placeholder={t('审核通过后立即', 'At once when approved')}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            aria-label={t('发布时间', 'When')}
            style={{ width: 220 }}
          />
          {whom()}
        </Flex>
      </Modal>
    </Space>
  );
}
