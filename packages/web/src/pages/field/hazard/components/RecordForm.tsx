/**
 * 登记隐患 on the phone: where (a village or grid of my areas, or an address), what kind (the station's kinds),
 * what is wrong, who must fix it, by when, and photos. Saved to the outbox with its own key and the photos as
 * files; sent at once with a signal, later without one — recorded once either way.
 */
import {
  HAZARD_SOURCE_LABELS,
  type HazardSettings,
  type HazardSource,
  type RecordHazardInput,
  toCalendarDate,
} from '@jingmin/shared';
import { Button, DatePicker, Form, Input, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { hazardsApi } from '../../../../api/hazards';
import { enqueue } from '../../../../field/queue';
import { useLang } from '../../../../i18n';
import { MUTED } from '../../../resident/components/residentStyle';
import type { Place } from '../useHazardData';
import { PhotoFiles } from './PhotoFiles';
import { type PlaceChoice, PlacePicker } from './PlacePicker';

/** Found on the phone: by looking (检查发现) or told by a volunteer (群防上报); the others link a record. */
const SOURCES: HazardSource[] = ['inspection', 'report'];

/** A label marked required as the form marks its named fields (the button also stays off until it is filled). */
const Required = ({ text }: { text: string }) => (
  <>
    {text}
    <span className="adm-form-item-required-asterisk">*</span>
  </>
);

type Words = { place?: string; description?: string; rectifier?: string };

const pickerButton = {
  width: '100%',
  textAlign: 'left' as const,
  padding: '8px 0',
  border: 'none',
  background: 'none',
  fontSize: 17,
};

export function RecordForm({
  stationId,
  settings,
  places,
  online,
  patrolSessionId,
  onDone,
}: {
  stationId: string;
  settings: HazardSettings;
  places: Place[];
  online: boolean;
  /** Found on this patrol: the source is 巡逻发现 and the hazard names the patrol. */
  patrolSessionId?: string;
  onDone(): void;
}) {
  const { t, label } = useLang();
  const [where, setWhere] = useState<PlaceChoice | null>(null);
  const [picking, setPicking] = useState(false);
  const [form] = Form.useForm<Words>();
  const place: string = Form.useWatch('place', form) ?? '';
  const description: string = Form.useWatch('description', form) ?? '';
  const [kind, setKind] = useState(settings.kinds[0]?.key ?? '');
  const [source, setSource] = useState<HazardSource>(patrolSessionId ? 'patrol' : 'inspection');
  const sources: HazardSource[] = patrolSessionId ? ['patrol'] : SOURCES;
  const [deadline, setDeadline] = useState<Date | null>(null);
  const [choosingDate, setChoosingDate] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const period = settings.kinds.find((k) => k.key === kind)?.periodDays ?? settings.defaultPeriodDays;
  const ready = where !== null && place.trim() !== '' && kind !== '' && description.trim() !== '';
  const pick = (choice: PlaceChoice) => {
    setWhere(choice);
    if (!place.trim())
      form.setFieldValue('place', choice.type === 'household' ? choice.address : choice.label.replace(' · ', ''));
    setPicking(false);
  };
  const save = async () => {
    if (!where) return;
    const kindName = settings.kinds.find((k) => k.key === kind)?.name ?? kind;
    const rectifier: string = form.getFieldValue('rectifier') ?? '';
    const body: RecordHazardInput = {
      ...(where.type === 'household' ? { householdId: where.householdId } : { unitId: where.unitId }),
      place: place.trim(),
      kind,
      description: description.trim(),
      source,
      patrolSessionId: source === 'patrol' ? patrolSessionId : undefined,
      rectifier: rectifier.trim() || undefined,
      deadlineOn: deadline ? toCalendarDate(deadline) : undefined,
      photoIds: [],
    };
    await enqueue({
      kind: t('隐患登记', 'Hazard'),
      title: `${kindName} · ${body.place}`,
      path: hazardsApi.paths.record(stationId),
      body,
      photos: files.length ? { path: hazardsApi.paths.photos(stationId), files } : undefined,
    });
    Toast.show({
      content: navigator.onLine
        ? t('已登记，正在提交', 'Recorded, sending')
        : t('已保存在手机上，联网后自动提交', 'Kept on the phone'),
    });
    onDone();
  };
  return (
    <Form
      form={form}
      name="hazard"
      layout="vertical"
      footer={
        <Button block color="primary" size="large" disabled={!ready} onClick={() => void save()}>
          {t('登记隐患', 'Record the hazard')}
        </Button>
      }
    >
      <Form.Item label={<Required text={t('所在村（社区）、网格或门牌', 'Village, grid or address')} />}>
        <button type="button" style={pickerButton} onClick={() => setPicking(true)}>
          {where ? where.label : <span style={{ color: MUTED }}>{t('点此选择', 'Tap to choose')}</span>}
        </button>
      </Form.Item>
      <Form.Item name="place" label={t('具体地点', 'Place')} required>
        <Input maxLength={200} clearable placeholder={t('如：村口加油站、3栋2单元楼道', 'e.g. the petrol station')} />
      </Form.Item>
      <Form.Item label={<Required text={t('隐患类别', 'Kind')} />}>
        <Selector
          columns={3}
          value={[kind]}
          onChange={(v) => v[0] && setKind(v[0])}
          options={settings.kinds.map((k) => ({ value: k.key, label: k.name }))}
        />
      </Form.Item>
      <Form.Item name="description" label={t('隐患情况', 'What is wrong')} required>
        <TextArea
          rows={3}
          maxLength={2000}
          showCount
          placeholder={t('如：灭火器过期，消防通道堆放杂物', 'e.g. extinguishers expired')}
        />
      </Form.Item>
      <Form.Item label={t('发现途径', 'Found by')}>
        <Selector
          columns={2}
          value={[source]}
          onChange={(v) => v[0] && setSource(v[0])}
          options={sources.map((s) => ({ value: s, label: label(HAZARD_SOURCE_LABELS[s]) }))}
        />
      </Form.Item>
      <Form.Item name="rectifier" label={t('整改责任方（单位或个人）', 'Who must fix it')}>
        <Input
          maxLength={100}
          clearable
          placeholder={t('户主、经营户、企业或部门', 'household, shop, enterprise, department')}
        />
      </Form.Item>
      <Form.Item
        label={t('整改期限', 'Deadline')}
        description={t(`不选则为今天起 ${period} 天`, `Empty: ${period} days from today`)}
      >
        <button type="button" style={pickerButton} onClick={() => setChoosingDate(true)}>
          {deadline ? (
            toCalendarDate(deadline)
          ) : (
            <span style={{ color: MUTED }}>
              {t(`按类别期限（${period} 天）`, `The kind’s period (${period} days)`)}
            </span>
          )}
        </button>
        <DatePicker
          visible={choosingDate}
          min={new Date()}
          value={deadline}
          onClose={() => setChoosingDate(false)}
          onConfirm={setDeadline}
          title={t('整改期限', 'Deadline')}
        />
      </Form.Item>
      <Form.Item label={t('现场照片', 'Photos')}>
        <PhotoFiles files={files} onChange={setFiles} />
      </Form.Item>
      {picking && <PlacePicker places={places} online={online} onPick={pick} onClose={() => setPicking(false)} />}
    </Form>
  );
}
