/**
 * 上游接入 (fraud.manage): the anti-fraud systems allowed to post instructions — each with its own API key (only
 * its start is kept visible), the addresses it may call from, and how results go back (a signed webhook, or a
 * list it pulls). Create, edit, rotate the key, deactivate; a new key and secret are shown once.
 */
import type { UpstreamSecrets, UpstreamView } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { useLang } from '../../../i18n';
import { FEEDBACK_MODE_LABELS } from './labels';
import { when } from './model';
import { ConnectGuide, SecretsModal } from './Secrets';
import { UpstreamForm } from './UpstreamForm';

export function Upstreams() {
  const { t } = useLang();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<UpstreamView | 'new' | null>(null);
  const [secrets, setSecrets] = useState<UpstreamSecrets | null>(null);
  const list = useQuery({ queryKey: ['fraud', 'upstreams'], queryFn: fraudApi.upstreams });
  const done = () => void client.invalidateQueries({ queryKey: ['fraud', 'upstreams'] });
  const rotate = useMutation({
    mutationFn: (u: UpstreamView) => fraudApi.rotateUpstream(u.id),
    onSuccess: (s) => {
      done();
      setSecrets(s);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const deactivate = useMutation({
    mutationFn: (u: UpstreamView) => fraudApi.deactivateUpstream(u.id),
    onSuccess: (u) => {
      done();
      message.success(t(`已停用 ${u.name}`, `${u.name} deactivated`));
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const columns: ColumnsType<UpstreamView> = [
    { title: t('名称', 'Name'), dataIndex: 'name', width: 180 },
    { title: t('所属单位', 'Unit'), width: 140, render: (_, u) => u.unit.name },
    {
      title: t('密钥前缀', 'Key'),
      width: 150,
      render: (_, u) => <Typography.Text code>{u.keyPrefix}…</Typography.Text>,
    },
    {
      title: t('允许的IP', 'Allowed IPs'),
      width: 170,
      render: (_, u) => (
        <Flex gap={2} wrap>
          {u.allowedIps.map((ip) => (
            <Tag key={ip}>{ip}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('结果反馈', 'Feedback'),
      width: 220,
      render: (_, u) => (
        <>
          {t(...FEEDBACK_MODE_LABELS[u.feedback])}
          {u.webhookUrl && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                {u.webhookUrl}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    { title: t('最近调用', 'Last used'), width: 110, render: (_, u) => when(u.lastUsedAt) },
    {
      title: t('状态', 'Status'),
      width: 80,
      render: (_, u) =>
        u.active ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag>{t('已停用', 'Inactive')}</Tag>,
    },
    {
      title: t('操作', 'Actions'),
      width: 200,
      render: (_, u) =>
        u.active && (
          <Space size={0} wrap>
            <Button size="small" type="link" onClick={() => setEditing(u)}>
              {t('编辑', 'Edit')}
            </Button>
            <Button
              size="small"
              type="link"
              onClick={() =>
                modal.confirm({
                  title: t(`轮换 ${u.name} 的密钥？`, `Rotate the key of ${u.name}?`),
                  content: t(
                    '旧的 API 密钥和回调签名密钥立即失效，上游须换用新密钥后才能继续推送。',
                    'The old API key and webhook secret stop working at once; the upstream must switch to the new ones.',
                  ),
                  okText: t('轮换', 'Rotate'),
                  cancelText: t('取消', 'Cancel'),
                  onOk: () => rotate.mutateAsync(u),
                })
              }
            >
              {t('轮换密钥', 'Rotate key')}
            </Button>
            <Button
              size="small"
              type="link"
              danger
              onClick={() =>
                modal.confirm({
                  title: t(`停用 ${u.name}？`, `Deactivate ${u.name}?`),
                  content: t('停用后该系统推送的指令将被拒绝。', 'Its instructions will be refused.'),
                  okText: t('停用', 'Deactivate'),
                  okButtonProps: { danger: true },
                  cancelText: t('取消', 'Cancel'),
                  onOk: () => deactivate.mutateAsync(u),
                })
              }
            >
              {t('停用', 'Deactivate')}
            </Button>
          </Space>
        ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">
          {t(
            '接入的反诈预警平台：每个平台一把密钥，只接受允许的IP地址。',
            'Each upstream system has its own key and allowed addresses.',
          )}
        </Typography.Text>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('新增接入', 'Add an upstream')}
        </Button>
      </Flex>
      {list.isError ? (
        <Alert type="error" showIcon title={errorMessage(list.error)} />
      ) : (
        <Table<UpstreamView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.isPending}
          scroll={{ x: 1200 }}
          pagination={false}
        />
      )}
      <ConnectGuide />
      {editing && (
        <UpstreamForm
          editing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(s) => {
            done();
            setSecrets(s);
          }}
          onSaved={done}
        />
      )}
      {secrets && <SecretsModal secrets={secrets} onClose={() => setSecrets(null)} />}
    </Flex>
  );
}
