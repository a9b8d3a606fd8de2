/**
 * 警格+网格: who answers for a grid or a village. The responsible officer (责任民警, suggested for every
 * matter from here and named on its doorplates) is the officer of the police beat covering the place, set
 * on the 警务区 page and shown here read-only; the auxiliary police and grid members serve the unit itself
 * and org.write holders change them here.
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
type Values = { auxiliaryIds: string[]; gridMemberIds: string[] };

const byDuty = (d: UnitDuties | undefined, duty: GridDuty) => (d?.members ?? []).filter((m) => m.duty === duty);

export function DutiesCard({ unit }: { unit: Unit }) {
  const { t } = useLang();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const duties = useQuery({ queryKey: ['duties', unit.id], queryFn: () => org.duties(unit.id) });
  const names = (duty: GridDuty) => {
    const people = byDuty(duties.data, duty);
    if (people.length === 0) return <Typography.Text type="secondary">{t('未指定', 'None')}</Typography.Text>;
    return people.map((p) => <Tag key={p.staffId}>{p.name}</Tag>);
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
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('责任民警', 'Responsible officer')}>
            <Officer duties={duties.data} />
          </Descriptions.Item>
          <Descriptions.Item label={t('所属警务区', 'Police beats')}>
            <Beats duties={duties.data} />
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
 * 责任民警: the officer of the beat covering this unit or, failing that, its nearest covered ancestor (the
 * same rule the desk's suggestion and the doorplate page follow), and where the duty comes from.
 */
function Officer({ duties }: { duties: UnitDuties | undefined }) {
  const { t } = useLang();
  if (!duties) return null;
  const officer = duties.responsibleOfficer;
  if (!officer)
    return (
      <Typography.Text type="secondary">
        {t(
          '暂无（没有警务区覆盖这里，事项没有派单建议）',
          'None (no beat covers this place: matters get no suggestion)',
        )}
      </Typography.Text>
    );
  const beat = (
    <Link to="/console/beats" style={{ whiteSpace: 'nowrap' }}>
      {officer.beatName}
    </Link>
  );
  return (
    <span>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {officer.name}
      </Tag>
      <Typography.Text type="secondary">
        {officer.inherited ? (
          <>
            {t('（继承自 ', ' (from ')}
            <Link to={`/console/tree?unit=${officer.fromUnitId}`}>{officer.fromUnitName}</Link>
            {t('）· ', ') · ')}
            {beat}
          </>
        ) : (
          <>
            {t(' 来自 ', ' from ')}
            {beat}
          </>
        )}
      </Typography.Text>
    </span>
  );
}

/** The beats whose area holds this unit itself, and where to change them. */
function Beats({ duties }: { duties: UnitDuties | undefined }) {
  const { t } = useLang();
  if (!duties) return null;
  return (
    <span>
      {duties.beats.length === 0 ? (
        <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
          {t('未直接划入', 'None directly')}
        </Typography.Text>
      ) : (
        duties.beats.map((b) => <Tag key={b.id}>{b.name}</Tag>)
      )}
      <Link to="/console/beats" style={{ whiteSpace: 'nowrap' }}>
        {t('在警务区中调整', 'Change in Police beats')}
      </Link>
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
          auxiliaryIds: byDuty(duties, 'auxiliary').map((m) => m.staffId),
          gridMemberIds: byDuty(duties, 'grid_member').map((m) => m.staffId),
        }}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <>
              {t('责任民警随警务区确定，请在', 'The responsible officer comes with the police beat; change it in ')}
              <Link to="/console/beats">{t('警务区', 'Police beats')}</Link>
              {t('中调整。', '.')}
            </>
          }
        />
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
