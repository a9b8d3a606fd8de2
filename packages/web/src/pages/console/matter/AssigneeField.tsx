/**
 * 派给 / 转给: staff, teams and partner departments the server lists for this
 * account (a partner department sees departments only), with the grid's
 * responsible officer suggested on top ("建议派给：…", one click to choose).
 */
import { ROLE_LABELS, type SuggestedAssignee } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Select } from 'antd';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';

function useAssignees() {
  const list = useQuery({ queryKey: ['assignees'], queryFn: matterApi.assignees, retry: false, staleTime: 60_000 });
  return { data: list.data, loading: list.isPending };
}

export function AssigneeField({ suggested, transfer }: { suggested?: SuggestedAssignee | null; transfer?: boolean }) {
  const { t, label } = useLang();
  const form = Form.useFormInstance();
  const { data, loading } = useAssignees();
  const staff = data?.staff ?? [];
  const suggestedValue = suggested ? `staff:${suggested.staffId}` : null;
  const staffOptions = staff.map((s) => ({
    value: `staff:${s.id}`,
    label: `${s.name} · ${s.roles.map((r) => label(ROLE_LABELS[r])).join('/')} · ${s.unit}`,
  }));
  if (suggested && !staff.some((s) => s.id === suggested.staffId))
    staffOptions.unshift({ value: `staff:${suggested.staffId}`, label: suggested.name });
  return (
    <>
      {suggested && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              {t(
                `建议派给：${suggested.name}（${suggested.reason}）`,
                `Suggested: ${suggested.name} (${suggested.reason})`,
              )}
              <Button
                type="link"
                size="small"
                onClick={() => form.setFieldValue('assignee', suggestedValue)}
                aria-label={t(`选择 ${suggested.name}`, `Choose ${suggested.name}`)}
              >
                {t('选择', 'Choose')}
              </Button>
            </span>
          }
        />
      )}
      <Form.Item
        label={transfer ? t('转给', 'Transfer to') : t('派给', 'Assign to')}
        name="assignee"
        rules={[{ required: true }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={loading}
          placeholder={t('选择民警、警务队或联动部门', 'An officer, a team or a department')}
          options={[
            ...(staffOptions.length > 0 ? [{ label: t('民警/辅警/网格员', 'Officers'), options: staffOptions }] : []),
            {
              label: t('警务队', 'Teams'),
              options: (data?.teams ?? []).map((s) => ({ value: `team:${s.id}`, label: s.name })),
            },
            {
              label: t('联动部门', 'Departments'),
              options: (data?.departments ?? []).map((s) => ({ value: `department:${s.id}`, label: s.name })),
            },
          ]}
        />
      </Form.Item>
    </>
  );
}
