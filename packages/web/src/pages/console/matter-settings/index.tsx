/**
 * 码上办设置: the station's deadlines (base, per kind, urgent), the
 * resident submission limits and when a matter is escalated to the bureau
 * (提级督办). Everyone who reads matters may see them; only
 * the station chief (matter.settings) changes them.
 */
import { DEFAULT_MATTER_SETTINGS, type MatterSettings } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useCan } from '../../../access';
import { errorMessage } from '../../../api/client';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';
import { StationPicker, useStationChoice } from '../matter/StationPicker';
import { DeadlineTable } from './components/DeadlineTable';
import { EscalationFields } from './components/EscalationFields';
import { LimitsFields } from './components/LimitsFields';
import { PromiseFields } from './components/PromiseFields';
import { cleanSettings } from './settings';

export default function MatterSettingsPage() {
  const { t } = useLang();
  const can = useCan();
  const choice = useStationChoice();
  const { scope, stationId } = choice;
  if (scope.pending) return <Spin />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <StationPicker choice={choice} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('码上办设置', 'Matter settings')}
        {(scope.stationName ?? scope.choices.find((c) => c.id === stationId)?.name) && (
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 8 }}>
            {scope.stationName ?? scope.choices.find((c) => c.id === stationId)?.name}
          </Typography.Text>
        )}
      </Typography.Title>
      {stationId ? (
        <SettingsForm key={stationId} stationId={stationId} readOnly={!can('matter.settings')} />
      ) : (
        <Empty description={t('您的辖区下没有派出所', 'No police station in your scope')} />
      )}
    </Space>
  );
}

function SettingsForm({ stationId, readOnly }: { stationId: string; readOnly: boolean }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<MatterSettings>();
  const settings = useQuery({ queryKey: ['matter-settings', stationId], queryFn: () => matterApi.settings(stationId) });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: MatterSettings) => matterApi.saveSettings(stationId, cleanSettings(v)),
    onSuccess: (saved) => {
      client.setQueryData(['matter-settings', stationId], saved);
      message.success(t('已保存，新提交的事项按新时限计算', 'Saved; new matters follow the new deadlines'));
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  if (settings.isError) return <Alert type="error" title={errorMessage(settings.error)} />;
  if (!settings.data) return <Spin />;
  return (
    <Form<MatterSettings> form={form} layout="vertical" initialValues={settings.data} onFinish={(v) => save.mutate(v)}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {readOnly && (
          <Alert
            type="info"
            showIcon
            title={t('只有所长可以修改这些设置。', 'Only the station chief can change these settings.')}
          />
        )}
        <Card size="small" title={t('办理时限', 'Deadlines')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t(
              '每件事项先按基础时限，再按其类型的时限，紧急事项再按紧急时限。留空即沿用上一级。时限从群众提交起算。',
              'Each matter starts from the base rule, then its kind, then — when urgent — the urgent rule. An empty cell follows the rule above. Deadlines run from submission.',
            )}
          </Typography.Paragraph>
          <DeadlineTable readOnly={readOnly} />
        </Card>
        <Card size="small" title={t('群众提交限制（每小时）', 'Submission limits (per hour)')}>
          <LimitsFields readOnly={readOnly} />
        </Card>
        <Card size="small" title={t('复核、个人信息与值班', 'Reviews, personal data and desk duty')}>
          <PromiseFields readOnly={readOnly} />
        </Card>
        <Card size="small" title={t('提级督办', 'Escalation to the bureau')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t(
              '同一事项发回重办或转办达到以下次数，自动提级到县局督办，只提一次，并通知县局督导和所长。',
              'A matter reopened or transferred this many times is escalated to the bureau automatically, once; the bureau’s supervisors and the chief are told.',
            )}
          </Typography.Paragraph>
          <EscalationFields readOnly={readOnly} />
        </Card>
        {!readOnly && (
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('保存', 'Save')}
            </Button>
            <Button onClick={() => form.setFieldsValue(settings.data)}>{t('撤销修改', 'Undo changes')}</Button>
            <Button onClick={() => form.setFieldsValue(DEFAULT_MATTER_SETTINGS)}>{t('恢复默认值', 'Defaults')}</Button>
          </Space>
        )}
      </Space>
    </Form>
  );
}
