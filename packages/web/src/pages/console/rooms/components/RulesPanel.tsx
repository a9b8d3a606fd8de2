/**
 * 群规则: how staff appear (the nickname pattern), how long an "@" may wait before it reaches the officer's phone
 * and then the desk, the words that hold a post for review, the rate limits and how long posts are kept.
 */
import { DEFAULT_ROOM_RULES, RoomSettings } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Spin } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomsApi } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';

export function RulesPanel({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<RoomSettings>();
  const [saving, setSaving] = useState(false);
  const settings = useQuery({
    queryKey: ['room-settings', stationId],
    queryFn: () => roomsApi.settings(stationId),
  });
  if (settings.isPending) return <Spin />;
  if (settings.isError) return <Alert type="error" title={errorMessage(settings.error)} />;

  const save = async (v: RoomSettings) => {
    const parsed = RoomSettings.safeParse(v);
    if (!parsed.success) {
      message.error(
        parsed.error.issues.some((i) => i.path[0] === 'deskMinutes')
          ? t('转值班台的时间要比提醒民警的时间长', 'The desk time must be longer than the officer’s')
          : parsed.error.issues.some((i) => i.path[0] === 'nicknamePattern')
            ? t('昵称格式须包含 {surname}', 'The nickname pattern must contain {surname}')
            : t('请检查填写的内容', 'Please check the values'),
      );
      return;
    }
    setSaving(true);
    try {
      await roomsApi.saveSettings(stationId, parsed.data);
      message.success(
        t('已保存，最多 5 秒内对本所所有群生效', 'Saved; every room of the station follows it within 5 seconds'),
      );
      void client.invalidateQueries({ queryKey: ['room-settings', stationId] });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const minutes = t('分钟', 'min');
  return (
    <Card size="small" style={{ maxWidth: 720 }}>
      <Form<RoomSettings> form={form} layout="vertical" initialValues={settings.data} onFinish={save}>
        <Form.Item
          label={t('民警昵称格式', 'Staff nickname pattern')}
          name="nicknamePattern"
          extra={t(
            `{station} 为派出所名称，{surname} 为姓氏，{title} 为称呼（民警为“警官”、辅警为“辅警”、网格员为“网格员”），如 ${DEFAULT_ROOM_RULES.nicknamePattern} → 柳塘派出所·石警官、柳塘派出所·郑网格员`,
            `{station} is the station, {surname} the surname, {title} how residents address them (警官 police, 辅警 auxiliary, 网格员 grid worker): ${DEFAULT_ROOM_RULES.nicknamePattern} → 柳塘派出所·石警官`,
          )}
          rules={[{ required: true }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          label={t('@ 未回复多久提醒民警手机', '"@" unanswered: alert the officer after')}
          name="answerMinutes"
        >
          <InputNumber min={1} max={24 * 60} suffix={minutes} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('仍未回复多久转值班台', 'Still unanswered: reach the desk after')} name="deskMinutes">
          <InputNumber min={2} max={7 * 24 * 60} suffix={minutes} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label={t('需审核的词', 'Words held for review')}
          name="heldWords"
          extra={t('发言含这些词时先由群主审核再发出', 'A post with one of these waits for a host')}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
        </Form.Item>
        <Form.Item label={t('每人每分钟最多发言', 'Posts per member per minute')} name="memberPostsPerMinute">
          <InputNumber min={1} max={60} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('每群每分钟最多发言', 'Posts per room per minute')} name="roomPostsPerMinute">
          <InputNumber min={1} max={10_000} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('发言保留天数', 'Keep posts for (days)')} name="retentionDays">
          <InputNumber min={30} max={3650} suffix={t('天', 'days')} style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('保存规则', 'Save rules')}
        </Button>
      </Form>
    </Card>
  );
}
