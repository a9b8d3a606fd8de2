/**
 * 警格+网格: who answers for a grid or a village — the responsible officer
 * (责任民警, suggested for every matter from here and named on its doorplates),
 * the auxiliary police and the grid members. org.write holders change them.
 */
import { GRID_DUTY_ROLES, type GridDuty, type UnitDuties, type UnitKind } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { org } from '../../../../api/org';
import { useLang } from '../../../../i18n';
import { StaffSelect } from './StaffSelect';

type Unit = { id: string; kind: UnitKind; ancestors: { id: string; kind: UnitKind }[] };
type Values = { responsibleOfficerId: string | null; auxiliaryIds: string[]; gridMemberIds: string[] };

const byDuty = (d: UnitDuties | undefined, duty: GridDuty) => (d?.members ?? []).filter((m) => m.duty === duty);

export function DutiesCard({ unit }: { unit: Unit }) {
  const { t } = useLang();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const duties = useQuery({ queryKey: ['duties', unit.id], queryFn: () => org.duties(unit.id) });
  const names = (duty: GridDuty) => {
    const people = byDuty(duties.data, duty);
    if (duty === 'responsible_officer' && people.length === 0) return <Inherited duties={duties.data} />;
    if (people.length === 0) return <Typography.Text type="secondary">{t('未指定', 'None')}</Typography.Text>;
    return people.map((p) => (
      <Tag key={p.staffId} color={duty === 'responsible_officer' ? 'blue' : undefined}>
        {p.name}
      </Tag>
    ));
  };
  return (
    <Card
      size="small"
      type="inner"
      title={t('网格责任（警格+网格）', 'Grid duties')}
      style={{ marginBottom: 12 }}
      extra={
        can('org.write') &&
        duties.data && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('调整', 'Change')}
          </Button>
        )
      }
    >
      {duties.isError ? (
        <Alert type="error" title={errorMessage(duties.error)} />
      ) : (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('责任民警', 'Responsible officer')}>
            {names('responsible_officer')}
          </Descriptions.Item>
          <Descriptions.Item label={t('辅警', 'Auxiliary police')}>{names('auxiliary')}</Descriptions.Item>
          <Descriptions.Item label={t('网格员', 'Grid members')}>{names('grid_member')}</Descriptions.Item>
        </Descriptions>
      )}
      {editing && duties.data && <DutiesModal unit={unit} duties={duties.data} onClose={() => setEditing(false)} />}
    </Card>
  );
}

/**
 * 责任民警 when the unit names none itself: the one who answers through an ancestor (the same rule the
 * desk's suggestion and the doorplate page follow), and where the duty comes from.
 */
function Inherited({ duties }: { duties: UnitDuties | undefined }) {
  const { t } = useLang();
  const officer = duties?.responsibleOfficer;
  if (!officer)
    return (
      <Typography.Text type="secondary">
        {t('未指定（上级也未指定，事项没有派单建议）', 'None (nor above: matters get no suggestion)')}
      </Typography.Text>
    );
  return (
    <span>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {officer.name}
      </Tag>
      <Typography.Text type="secondary">
        {t('（继承自 ', ' (from ')}
        <Link to={`/console/tree?unit=${officer.fromUnitId}`}>{officer.fromUnitName}</Link>
        {t('）', ')')}
      </Typography.Text>
    </span>
  );
}

function DutiesModal({ unit, duties, onClose }: { unit: Unit; duties: UnitDuties; onClose(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // Staff are picked from the station the grid belongs to.
  const stationId = unit.ancestors.find((a) => a.kind === 'station')?.id ?? unit.id;
  const known = duties.members.map((m) => ({ staffId: m.staffId, name: m.name }));
  const save = async (v: Values) => {
    setSaving(true);
    try {
      const saved = await org.setDuties(unit.id, {
        responsibleOfficerId: v.responsibleOfficerId ?? null,
        auxiliaryIds: v.auxiliaryIds ?? [],
        gridMemberIds: v.gridMemberIds ?? [],
      });
      client.setQueryData(['duties', unit.id], saved);
      message.success(t('已保存', 'Saved'));
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('调整网格责任', 'Change grid duties')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('保存', 'Save')}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          responsibleOfficerId: byDuty(duties, 'responsible_officer')[0]?.staffId ?? null,
          auxiliaryIds: byDuty(duties, 'auxiliary').map((m) => m.staffId),
          gridMemberIds: byDuty(duties, 'grid_member').map((m) => m.staffId),
        }}
      >
        <Form.Item
          label={t('责任民警', 'Responsible officer')}
          name="responsibleOfficerId"
          extra={
            t(
              '该区域的事项默认建议派给责任民警，门牌页显示其姓名。',
              'Suggested for matters from here; named on the doorplates.',
            ) +
            (duties.responsibleOfficer?.inherited
              ? t(
                  `留空则继承${duties.responsibleOfficer.fromUnitName}的 ${duties.responsibleOfficer.name}。`,
                  ` Left empty, ${duties.responsibleOfficer.name} of ${duties.responsibleOfficer.fromUnitName} answers.`,
                )
              : '')
          }
        >
          <StaffSelect unitId={stationId} prefer={GRID_DUTY_ROLES.responsible_officer} known={known} />
        </Form.Item>
        <Form.Item label={t('辅警', 'Auxiliary police')} name="auxiliaryIds">
          <StaffSelect unitId={stationId} prefer={GRID_DUTY_ROLES.auxiliary} known={known} multiple />
        </Form.Item>
        <Form.Item label={t('网格员', 'Grid members')} name="gridMemberIds">
          <StaffSelect unitId={stationId} prefer={GRID_DUTY_ROLES.grid_member} known={known} multiple />
        </Form.Item>
      </Form>
    </Modal>
  );
}
