/**
 * 成员: a room's members for its hosts — nickname, village, since when, muted or removed — never a phone; a host
 * mutes (禁言) for minutes or removes (移出) for days, each with a reason the member reads.
 */
import type { RoomMemberView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Grid, Input, InputNumber, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomsApi } from '../../../../api/rooms';
import { useLang } from '../../../../i18n';
import { dateTime } from '../../matter/labels';

type Acting = { member: RoomMemberView; kind: 'mute' | 'remove' };

export function MembersDrawer({
  roomId,
  canModerate,
  onClose,
}: {
  roomId: string;
  canModerate: boolean;
  onClose(): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [acting, setActing] = useState<Acting | null>(null);
  const [amount, setAmount] = useState<number>(60);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const members = useQuery({ queryKey: ['room-members', roomId], queryFn: () => roomsApi.members(roomId) });
  const now = Date.now();
  const active = (until: string | null) => until !== null && Date.parse(until) > now;

  const open = (member: RoomMemberView, kind: Acting['kind']) => {
    setActing({ member, kind });
    setAmount(kind === 'mute' ? 60 : 30);
    setReason('');
  };
  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      message.success(done);
      setActing(null);
      void members.refetch();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const confirm = () => {
    if (!acting) return;
    const id = acting.member.id;
    void (acting.kind === 'mute'
      ? run(() => roomsApi.mute(id, amount, reason.trim()), t('已禁言', 'Muted'))
      : run(() => roomsApi.remove(id, amount, reason.trim()), t('已移出', 'Removed')));
  };

  return (
    <Drawer open onClose={onClose} size={screens.md ? 520 : '100%'} title={t('群成员', 'Members')}>
      {members.isError && <Alert type="error" title={errorMessage(members.error)} />}
      <List<RoomMemberView>
        loading={members.isPending}
        dataSource={members.data ?? []}
        locale={{ emptyText: t('还没有成员', 'No members yet') }}
        renderItem={(m) => (
          <List.Item
            actions={
              canModerate && !m.leftAt && !active(m.removedUntil)
                ? [
                    active(m.mutedUntil) ? (
                      <Button
                        key="unmute"
                        size="small"
                        onClick={() => void run(() => roomsApi.unmute(m.id), t('已解除禁言', 'Unmuted'))}
                      >
                        {t('解除禁言', 'Unmute')}
                      </Button>
                    ) : (
                      <Button key="mute" size="small" onClick={() => open(m, 'mute')}>
                        {t('禁言', 'Mute')}
                      </Button>
                    ),
                    <Button key="remove" size="small" danger onClick={() => open(m, 'remove')}>
                      {t('移出', 'Remove')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  {m.nickname}
                  {m.place && <Typography.Text type="secondary">{m.place}</Typography.Text>}
                  {active(m.mutedUntil) && m.mutedUntil && (
                    <Tag color="orange">
                      {t(`禁言至 ${dateTime(m.mutedUntil)}`, `Muted until ${dateTime(m.mutedUntil)}`)}
                    </Tag>
                  )}
                  {active(m.removedUntil) && <Tag color="red">{t('已移出', 'Removed')}</Tag>}
                  {m.leftAt && <Tag>{t('已退出', 'Left')}</Tag>}
                </Space>
              }
              description={t(
                `${dateTime(m.joinedAt)} 加入 · 发言 ${m.posts} 条`,
                `Joined ${dateTime(m.joinedAt)} · ${m.posts} posts`,
              )}
            />
          </List.Item>
        )}
      />
      <Modal
        open={acting !== null}
        title={
          acting?.kind === 'mute'
            ? t(`禁言 ${acting.member.nickname}`, `Mute ${acting.member.nickname}`)
            : t(`移出 ${acting?.member.nickname ?? ''}`, `Remove ${acting?.member.nickname ?? ''}`)
        }
        okText={acting?.kind === 'mute' ? t('禁言', 'Mute') : t('移出', 'Remove')}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0 }}
        cancelText={t('取消', 'Cancel')}
        confirmLoading={busy}
        onOk={confirm}
        onCancel={() => setActing(null)}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {acting?.kind === 'mute' ? (
            <InputNumber
              min={10}
              max={30 * 24 * 60}
              value={amount}
              onChange={(v) => setAmount(v ?? 60)}
              suffix={t('分钟', 'min')}
              aria-label={t('禁言时长', 'Minutes')}
            />
          ) : (
            <>
              <Typography.Text type="secondary">
                {t(
                  '移出后其连接立即断开，期满前不能再加入。',
                  'Its stream closes at once; it may not rejoin before then.',
                )}
              </Typography.Text>
              <InputNumber
                min={1}
                max={3650}
                value={amount}
                onChange={(v) => setAmount(v ?? 30)}
                suffix={t('天', 'days')}
                aria-label={t('移出天数', 'Days')}
              />
            </>
          )}
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={200}
            placeholder={t('原因（成员能看到）', 'Reason (the member reads it)')}
            aria-label={t('原因', 'Reason')}
          />
        </Space>
      </Modal>
    </Drawer>
  );
}
