/**
 * 通知设置: the channels that reach me when a matter is dispatched to me,
 * chased, about to pass or past its deadline, or reopened; my quiet hours
 * (urgent matters come through anyway); the WeCom account an administrator
 * linked; and a test send. Browser notifications need the browser's
 * permission, asked for on a click.
 */
import {
  labelOf,
  minuteLabel,
  NOTIFY_CHANNEL_LABELS,
  NOTIFY_CHANNELS,
  type NotifyChannel,
  type NotifyPreferencesView,
  type NotifyTestResult,
} from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Select, Space, Switch, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { errorMessage } from '../../../api/client';
import { notifyApi } from '../../../api/notify';
import { storedLocale, useLang } from '../../../i18n';
import { askNotifyPermission, type NotifyPermission, notifyPermission } from '../matter/browser-notify';
import { useLiveMatters } from '../matter/live';

const HALF_HOURS = Array.from({ length: 48 }, (_, i) => i * 30);
const DEFAULT_QUIET = { startMinute: 22 * 60, endMinute: 7 * 60 };
type Quiet = typeof DEFAULT_QUIET;

function ChannelHint({ channel, prefs }: { channel: NotifyChannel; prefs: NotifyPreferencesView }) {
  const { t } = useLang();
  let hint: string | null = null;
  if (channel === 'wecom' && !prefs.wecomConfigured)
    hint = t('服务器未配置企业微信', 'WeCom is not set up on this server');
  else if (channel === 'wecom' && !prefs.reachable.wecom)
    hint = t('未关联企业微信账号，请联系系统管理员', 'No WeCom account linked: ask the system administrator');
  else if (channel === 'sms' && !prefs.reachable.sms)
    hint = t('账号未登记手机号，请联系系统管理员', 'No phone number on file: ask the system administrator');
  return hint ? <Typography.Text type="secondary">（{hint}）</Typography.Text> : null;
}

function BrowserPermission() {
  const { t } = useLang();
  const [permission, setPermission] = useState<NotifyPermission>(notifyPermission);
  if (permission === 'granted')
    return (
      <Tag color="green" style={{ alignSelf: 'flex-start' }}>
        {t('浏览器已允许通知', 'Allowed in this browser')}
      </Tag>
    );
  if (permission === 'unsupported')
    return (
      <Typography.Text type="warning">
        {t('此浏览器不支持通知', 'This browser cannot show notifications')}
      </Typography.Text>
    );
  if (permission === 'denied')
    return (
      <Typography.Text type="warning">
        {t(
          '浏览器已拒绝通知，请在浏览器的网站设置中允许',
          'Notifications are blocked: allow them in the site settings',
        )}
      </Typography.Text>
    );
  return (
    <Button size="small" onClick={() => void askNotifyPermission().then(setPermission)}>
      {t('允许此浏览器显示通知', 'Allow notifications in this browser')}
    </Button>
  );
}

function TestResult({ result }: { result: NotifyTestResult }) {
  const { t } = useLang();
  const locale = storedLocale();
  const color = { sent: 'green', pending: 'gold', failed: 'red', skipped: 'default' } as const;
  const word = {
    sent: t('已发送', 'sent'),
    pending: t('稍后重试', 'will retry'),
    failed: t('失败', 'failed'),
    skipped: t('未发送', 'not sent'),
  };
  return (
    <Space wrap>
      {result.deliveries.map((d) => (
        <Tag key={d.channel} color={color[d.status]}>
          {labelOf(NOTIFY_CHANNEL_LABELS[d.channel], locale)}：{word[d.status]}
          {d.error ? ` (${d.error})` : ''}
        </Tag>
      ))}
    </Space>
  );
}

/** One labelled part of the card; stacked, so it reads the same at 320 px and at 1440 px. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{title}</Typography.Text>
      {children}
    </Flex>
  );
}

function ChannelsField(props: {
  value: NotifyChannel[];
  onChange: (v: NotifyChannel[]) => void;
  saved: NotifyPreferencesView;
}) {
  const { t, label } = useLang();
  const { value, saved } = props;
  return (
    <Section title={t('通知渠道', 'Channels')}>
      <Checkbox.Group value={value} onChange={(v) => props.onChange(v as NotifyChannel[])}>
        <Flex vertical gap={8}>
          {NOTIFY_CHANNELS.map((c) => (
            <Checkbox key={c} value={c} disabled={c === 'wecom' && !saved.wecomConfigured && !value.includes(c)}>
              {label(NOTIFY_CHANNEL_LABELS[c])} <ChannelHint channel={c} prefs={saved} />
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      {value.includes('browser') && <BrowserPermission />}
    </Section>
  );
}

function QuietHoursField(props: { value: Quiet | null; onChange: (v: Quiet | null) => void; saved: Quiet | null }) {
  const { t } = useLang();
  const quiet = props.value;
  // Half hours, plus a time set otherwise (through the API) so it shows as a time, not a number.
  const minutes = [...new Set([...HALF_HOURS, quiet?.startMinute ?? 0, quiet?.endMinute ?? 0])].sort((x, y) => x - y);
  const options = minutes.map((m) => ({ value: m, label: minuteLabel(m) }));
  return (
    <Section title={t('免打扰', 'Quiet hours')}>
      <Space>
        <Switch
          checked={quiet !== null}
          onChange={(on) => props.onChange(on ? (props.saved ?? DEFAULT_QUIET) : null)}
          aria-label={t('免打扰', 'Quiet hours')}
        />
        {quiet === null && <Typography.Text type="secondary">{t('未开启', 'Off')}</Typography.Text>}
      </Space>
      {quiet && (
        <Space>
          <Select
            value={quiet.startMinute}
            options={options}
            onChange={(startMinute) => props.onChange({ ...quiet, startMinute })}
            style={{ width: 88 }}
            aria-label={t('开始', 'From')}
          />
          <span>{t('至', 'to')}</span>
          <Select
            value={quiet.endMinute}
            options={options}
            onChange={(endMinute) => props.onChange({ ...quiet, endMinute })}
            style={{ width: 88 }}
            aria-label={t('结束', 'Until')}
          />
        </Space>
      )}
      {quiet && quiet.startMinute === quiet.endMinute && (
        <Typography.Text type="danger">{t('开始和结束不能相同', 'Start and end must differ')}</Typography.Text>
      )}
      {quiet && (
        <Typography.Text type="secondary">
          {t(
            '北京时间。期间企业微信和短信提醒推迟到结束时发送；紧急、求助、报警事项照常提醒。',
            'Beijing time. WeCom and SMS alerts wait until it ends; urgent matters, help requests and reports come through.',
          )}
        </Typography.Text>
      )}
    </Section>
  );
}

/** Runs an action with the card busy, showing its error as a message. */
function useBusy() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return [busy, run] as const;
}

export function NotifyCard() {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  // The live stream brings the test alert (and any other) to this page too.
  useLiveMatters();
  const prefs = useQuery({ queryKey: ['notify', 'mine'], queryFn: notifyApi.mine });
  const [channels, setChannels] = useState<NotifyChannel[]>([]);
  const [quiet, setQuiet] = useState<Quiet | null>(null);
  const [busy, run] = useBusy();
  const [tested, setTested] = useState<NotifyTestResult | null>(null);
  useEffect(() => {
    if (!prefs.data) return;
    setChannels(prefs.data.channels);
    setQuiet(prefs.data.quietHours);
  }, [prefs.data]);
  const saved = prefs.data;
  if (!saved) return <Card title={t('通知设置', 'Notifications')} loading={prefs.isLoading} />;
  const save = () =>
    run(async () => {
      client.setQueryData(['notify', 'mine'], await notifyApi.update({ channels, quietHours: quiet }));
      setTested(null);
      message.success(t('通知设置已保存', 'Notification settings saved'));
    });
  const dirty =
    JSON.stringify([...channels].sort()) !== JSON.stringify([...saved.channels].sort()) ||
    JSON.stringify(quiet) !== JSON.stringify(saved.quietHours);
  const invalid = quiet !== null && quiet.startMinute === quiet.endMinute;
  return (
    <Card title={t('通知设置', 'Notifications')}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          {t(
            '事项派给您、被催办、即将超期或已超期、重新办理时，通过您选择的渠道提醒您。未选择任何渠道时，提醒只记入服务器日志。',
            'You are alerted on the channels you choose when a matter is dispatched to you, chased, near or past its deadline, or reopened. With none chosen, alerts only go to the server log.',
          )}
        </Typography.Text>
        <ChannelsField value={channels} onChange={setChannels} saved={saved} />
        <QuietHoursField value={quiet} onChange={setQuiet} saved={saved.quietHours} />
        <Section title={t('企业微信账号', 'WeCom account')}>
          {saved.wecomUserId ? (
            <Typography.Text>{saved.wecomUserId}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">
              {t('未关联（由系统管理员在人员账号中填写）', 'Not linked (the system administrator sets it)')}
            </Typography.Text>
          )}
        </Section>
        <Flex wrap gap={8}>
          <Button type="primary" onClick={save} loading={busy} disabled={!dirty || invalid}>
            {t('保存', 'Save')}
          </Button>
          <Button onClick={() => run(async () => setTested(await notifyApi.test()))} disabled={busy || dirty}>
            {t('发送测试通知', 'Send a test notification')}
          </Button>
        </Flex>
        {tested && <TestResult result={tested} />}
      </Flex>
    </Card>
  );
}
