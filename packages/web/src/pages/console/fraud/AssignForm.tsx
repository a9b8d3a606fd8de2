/**
 * 分派 (the desk and the chief): give an open instruction to an officer or auxiliary of the scope — the ones
 * whose role contacts the person (fraud.handle), not grid workers. Sent to that officer's phone at once.
 */
import { type FraudInstructionView, ROLE_CAPABILITIES, ROLE_LABELS, type Role } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { fraudApi } from '../../../api/fraud';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';

const handles = (roles: string[]) => roles.some((r) => ROLE_CAPABILITIES[r as Role]?.includes('fraud.handle'));

export function AssignForm({ f }: { f: FraudInstructionView }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [staffId, setStaffId] = useState<string | undefined>();
  const people = useQuery({ queryKey: ['assignees'], queryFn: matterApi.assignees, staleTime: 60_000 });
  const assign = useMutation({
    mutationFn: (id: string) => fraudApi.assign(f.id, { staffId: id, version: f.version }),
    onSuccess: (view) => {
      client.setQueryData(['fraud', 'one', f.id], view);
      void client.invalidateQueries({ queryKey: ['fraud', 'list'] });
      message.success(t(`已分派给 ${view.assignee?.name ?? ''}`, `Assigned to ${view.assignee?.name ?? ''}`));
      setStaffId(undefined);
    },
    onError: (err) => {
      message.error(errorMessage(err));
      void client.invalidateQueries({ queryKey: ['fraud', 'one', f.id] });
    },
  });
  const options = (people.data?.staff ?? [])
    .filter((s) => handles(s.roles) && s.id !== f.assignee?.id)
    .map((s) => ({
      value: s.id,
      label: `${s.name} · ${s.roles.map((r) => label(ROLE_LABELS[r as Role] ?? { zh: r, en: r })).join('/')} · ${s.unit}`,
    }));
  return (
    <Flex vertical gap={6}>
      <Typography.Text strong>{f.assignee ? t('改派', 'Reassign') : t('分派', 'Assign')}</Typography.Text>
      <Flex gap={8} wrap>
        <Select
          aria-label={t('分派给', 'Assign to')}
          showSearch={{ optionFilterProp: 'label' }}
          loading={people.isPending}
          placeholder={t('选择民警或辅警', 'An officer or auxiliary')}
          style={{ flex: 1, minWidth: 220 }}
          value={staffId}
          onChange={setStaffId}
          options={options}
        />
        <Button
          type="primary"
          disabled={!staffId}
          loading={assign.isPending}
          onClick={() => staffId && assign.mutate(staffId)}
        >
          {t('分派', 'Assign')}
        </Button>
      </Flex>
    </Flex>
  );
}
