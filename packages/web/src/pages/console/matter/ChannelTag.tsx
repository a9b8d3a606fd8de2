/**
 * 渠道 on staff screens: the tag of a matter the desk recorded (电话, 窗口/来所, 110 with its 警情编号,
 * 12345 with its 工单编号) — a doorplate submission needs none — and the list's channel filter.
 */
import { MATTER_CHANNEL_LABELS, MATTER_CHANNEL_SPECS, MATTER_CHANNELS, type MatterChannel } from '@jingmin/shared';
import { Select, Tag } from 'antd';
import { useLang } from '../../../i18n';

// Dark colours: the tag's text stays above 5:1 on its own light fill (WCAG AA asks 4.5:1).
const COLOR: Record<MatterChannel, string> = {
  doorplate: '#595959',
  phone: '#1d4f91',
  counter: '#0b6b63',
  police_110: '#a8071a',
  hotline_12345: '#531dab',
  visit: '#7c4a03',
  grid: '#135200',
  patrol: '#254000',
  room: '#874d00',
};

/** The channel named in the address (`?channel=`), or null. */
export const channelOf = (raw: string | null): MatterChannel | null => MATTER_CHANNELS.find((c) => c === raw) ?? null;

/** Nothing for a doorplate submission unless `always`; the external number beside 110 and 12345 when `withNumber`. */
export function ChannelTag({
  m,
  always = false,
  withNumber = false,
}: {
  m: { channel: MatterChannel; externalNo: string | null };
  always?: boolean;
  withNumber?: boolean;
}) {
  const { label } = useLang();
  if (m.channel === 'doorplate' && !always) return null;
  const noun = MATTER_CHANNEL_SPECS[m.channel].externalNo;
  return (
    <Tag color={COLOR[m.channel]} style={{ marginInlineEnd: 6 }}>
      {label(MATTER_CHANNEL_LABELS[m.channel])}
      {withNumber && noun && m.externalNo ? ` · ${label(noun)} ${m.externalNo}` : ''}
    </Tag>
  );
}

/** 全部渠道 or one of them. */
export function ChannelSelect({
  value,
  onChange,
}: {
  value: MatterChannel | null;
  onChange(channel: MatterChannel | null): void;
}) {
  const { t, label } = useLang();
  return (
    <Select<MatterChannel | 'all'>
      aria-label={t('渠道', 'Channel')}
      value={value ?? 'all'}
      onChange={(v) => onChange(v === 'all' ? null : v)}
      style={{ width: 130 }}
      options={[
        { value: 'all', label: t('全部渠道', 'All channels') },
        ...MATTER_CHANNELS.map((c) => ({ value: c, label: label(MATTER_CHANNEL_LABELS[c]) })),
      ]}
    />
  );
}
