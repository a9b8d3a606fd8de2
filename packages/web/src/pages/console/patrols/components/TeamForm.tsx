/** 新建/编辑巡逻队: name, kind, note and members — staff of the station, or volunteers by name (one leader). */
import {
  PATROL_MEMBER_ROLE_LABELS,
  PATROL_MEMBER_ROLES,
  type PatrolMemberRole,
  type PatrolTeam,
} from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { useLang } from '../../../../i18n';
import { StaffSelect } from '../../tree/components/StaffSelect';

interface MemberRow {
  kind: 'staff' | 'volunteer';
  staffId?: string | null;
  name?: string;
  role: PatrolMemberRole;
}
interface Values {
  name: string;
  kind: string;
  note?: string;
  members: MemberRow[];
}

export function TeamForm(props: { stationId: string; team: PatrolTeam | null; onClose(): void }) {
  const { stationId, team, onClose } = props;
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const known = (team?.members ?? []).flatMap((m) => (m.staffId ? [{ staffId: m.staffId, name: m.name }] : []));
  const save = async (v: Values) => {
    setSaving(true);
    const input = {
      name: v.name,
      kind: v.kind,
      note: v.note ?? '',
      members: (v.members ?? []).map((m) =>
        m.kind === 'staff' ? { staffId: m.staffId ?? undefined, role: m.role } : { name: m.name ?? '', role: m.role },
      ),
    };
    try {
      if (team) await patrolsApi.updateTeam(team.id, { ...input, version: team.version });
      else await patrolsApi.createTeam(stationId, input);
      message.success(t('已保存', 'Saved'));
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
      void client.invalidateQueries({ queryKey: ['patrol'] });
    }
  };
  return (
    <Modal
      open
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      title={team ? t(`编辑 ${team.name}`, `Edit ${team.name}`) : t('新建巡逻队', 'New patrol team')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          name: team?.name ?? '',
          kind: team?.kind ?? '义警巡逻队',
          note: team?.note ?? '',
          members: (team?.members ?? []).map((m) => ({
            kind: m.volunteer ? 'volunteer' : 'staff',
            staffId: m.staffId,
            name: m.volunteer ? m.name : undefined,
            role: m.role,
          })),
        }}
      >
        <Form.Item label={t('队名', 'Name')} name="name" rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('类型', 'Kind')} name="kind" rules={[{ required: true, max: 30 }]}>
          <Input placeholder={t('义警巡逻队、游击巡逻队、护校队…', 'volunteer patrol, roving patrol…')} />
        </Form.Item>
        <Form.Item label={t('备注', 'Note')} name="note" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'kind']} noStyle>
                    <Radio.Group
                      optionType="button"
                      options={[
                        // An account (staff, or an approved volunteer who then starts the team's patrols on its phone).
                        { value: 'staff', label: t('本所人员或志愿者账号', 'Staff or volunteer account') },
                        { value: 'volunteer', label: t('仅登记姓名', 'Name only') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['members', f.name, 'kind']) === 'staff' ? (
                        <Form.Item
                          name={[f.name, 'staffId']}
                          rules={[{ required: true }]}
                          style={{ width: 220, margin: 0 }}
                        >
                          <StaffSelect
                            unitId={stationId}
                            prefer={['auxiliary_police', 'grid_worker', 'volunteer']}
                            known={known}
                          />
                        </Form.Item>
                      ) : (
                        <Form.Item
                          name={[f.name, 'name']}
                          rules={[{ required: true, max: 40 }]}
                          style={{ width: 220, margin: 0 }}
                        >
                          <Input placeholder={t('志愿者姓名', "Volunteer's name")} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} noStyle>
                    <Select
                      style={{ width: 90 }}
                      options={PATROL_MEMBER_ROLES.map((r) => ({
                        value: r,
                        label: label(PATROL_MEMBER_ROLE_LABELS[r]),
                      }))}
                    />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    {t('移除', 'Remove')}
                  </Button>
                </Space>
              ))}
              <Button type="dashed" block onClick={() => add({ kind: 'volunteer', role: 'member' })}>
                {t('添加队员', 'Add a member')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
