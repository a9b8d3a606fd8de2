/**
 * 十户联防 on a grid's panel: its groups (households, where they lie, the 户长), how many households are in no
 * group yet, and for field.manage holders: new group, the 自动编组 proposal to confirm group by group, edit, delete.
 */
import type { HouseholdGroupProposal, HouseholdGroupSummary } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { responsibilityApi as rApi } from '../../../../api/responsibility';
import { useLang } from '../../../../i18n';
import { HouseholdGroupModal } from './HouseholdGroupsModal';

/** `addr` without what it shares with `base` (青禾县柳塘镇东岭村1组1号 – 11号), never cutting a number. */
function tail(base: string | null, addr: string | null): string {
  if (!base || !addr) return addr ?? '';
  let n = 0;
  while (n < base.length && n < addr.length && base[n] === addr[n]) n++;
  if (n >= addr.length) n = addr.length - 1;
  while (n > 0 && /\d/.test(addr[n - 1] ?? '')) n--;
  return addr.slice(n) || addr;
}

export function HouseholdGroupsCard({ unitId }: { unitId: string }) {
  const { t } = useLang();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<HouseholdGroupSummary | 'new' | null>(null);
  const [proposal, setProposal] = useState<HouseholdGroupProposal | null>(null);
  const groups = useQuery({ queryKey: ['household-groups', unitId], queryFn: () => rApi.groups(unitId) });
  const manage = groups.data?.allowedActions.includes('manage') ?? false;
  const refresh = () => client.invalidateQueries({ queryKey: ['household-groups', unitId] });
  const propose = async () => {
    try {
      const p = await rApi.propose(unitId);
      if (p.items.length === 0) message.info(t('没有可编组的住户', 'No households left to group'));
      else setProposal(p);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const remove = (g: HouseholdGroupSummary) =>
    modal.confirm({
      title: t(`撤销“${g.name}”？`, `Remove "${g.name}"?`),
      content: t('撤销后其住户回到未编组。', 'Its households become ungrouped.'),
      okText: t('撤销', 'Remove'),
      onOk: async () => {
        try {
          await rApi.removeGroup(g.id);
          await refresh();
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  const d = groups.data;
  return (
    <Card
      size="small"
      type="inner"
      title={t('十户联防', 'Ten-household groups')}
      style={{ marginBottom: 12 }}
      extra={
        manage && (
          <Space wrap size={4}>
            <Button size="small" onClick={propose} disabled={d?.ungrouped === 0}>
              {t('自动编组', 'Propose')}
            </Button>
            <Button size="small" type="primary" onClick={() => setEditing('new')}>
              {t('新建', 'New')}
            </Button>
          </Space>
        )
      }
    >
      {groups.isError && <Alert type="error" title={errorMessage(groups.error)} />}
      {d && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t(
            `共 ${d.items.length} 组，覆盖 ${d.households - d.ungrouped} / ${d.households} 户，未编组 ${d.ungrouped} 户`,
            `${d.items.length} groups covering ${d.households - d.ungrouped} of ${d.households} households; ${d.ungrouped} ungrouped`,
          )}
        </Typography.Paragraph>
      )}
      <List<HouseholdGroupSummary>
        size="small"
        loading={groups.isPending}
        dataSource={d?.items ?? []}
        locale={{ emptyText: t('还没有联防组', 'No groups yet') }}
        pagination={d && d.items.length > 10 ? { pageSize: 10, size: 'small' } : false}
        renderItem={(g) => (
          <List.Item
            actions={
              manage
                ? [
                    <Typography.Link key="e" onClick={() => setEditing(g)}>
                      {t('编辑', 'Edit')}
                    </Typography.Link>,
                    <Typography.Link key="d" type="danger" onClick={() => remove(g)}>
                      {t('撤销', 'Remove')}
                    </Typography.Link>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${g.name} · ${t(`${g.memberCount} 户`, `${g.memberCount} households`)}`}
              description={
                <>
                  <div>
                    {g.firstAddress} –{' '}
                    <span style={{ whiteSpace: 'nowrap' }}>{tail(g.firstAddress, g.lastAddress)}</span>
                  </div>
                  <div>
                    {t('户长', 'Leader')}：{g.leaderName ?? '—'} {g.leaderPhone ?? ''}
                    {g.leaderAddress && (
                      <span style={{ whiteSpace: 'nowrap' }}>（{tail(g.firstAddress, g.leaderAddress)}）</span>
                    )}
                  </div>
                </>
              }
            />
          </List.Item>
        )}
      />
      {editing && (
        <HouseholdGroupModal
          unitId={unitId}
          group={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      )}
      {proposal && (
        <ProposalModal unitId={unitId} proposal={proposal} onClose={() => setProposal(null)} onSaved={refresh} />
      )}
    </Card>
  );
}

/** The proposed groups, each confirmed by saving it (or all at once); nothing was saved before. */
function ProposalModal(props: {
  unitId: string;
  proposal: HouseholdGroupProposal;
  onClose(): void;
  onSaved(): Promise<unknown>;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [done, setDone] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const confirm = async (items: HouseholdGroupProposal['items']) => {
    setBusy(true);
    try {
      for (const g of items.filter((x) => !done.includes(x.name))) {
        await rApi.createGroup(props.unitId, {
          name: g.name,
          householdIds: g.householdIds,
          leaderHouseholdId: g.leaderHouseholdId,
        });
        setDone((d) => [...d, g.name]);
      }
      await props.onSaved();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('自动编组建议', 'Proposed groups')}
      onCancel={props.onClose}
      okText={t('全部确认', 'Confirm all')}
      onOk={() => confirm(props.proposal.items).then(props.onClose)}
      confirmLoading={busy}
    >
      <Typography.Paragraph type="secondary">
        {t(
          '按门牌顺序每约十户一组，户长默认为每组第一户，可在确认后编辑。',
          'About ten consecutive households each; the first household leads until you edit it.',
        )}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={props.proposal.items}
        renderItem={(g) => (
          <List.Item
            actions={[
              done.includes(g.name) ? (
                <Typography.Text key="ok" type="success">
                  {t('已保存', 'Saved')}
                </Typography.Text>
              ) : (
                <Button key="c" size="small" disabled={busy} onClick={() => confirm([g])}>
                  {t('确认', 'Confirm')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={`${g.name} · ${t(`${g.members.length} 户`, `${g.members.length} households`)}`}
              description={`${g.members[0]?.address ?? ''} – ${tail(g.members[0]?.address ?? null, g.members.at(-1)?.address ?? null)}`}
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
