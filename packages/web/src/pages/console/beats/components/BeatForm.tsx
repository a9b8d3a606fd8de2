/**
 * 新建/编辑警务区: name and code, its 警务室, the responsible officer and auxiliaries (staff of the station),
 * the villages and grids it covers, and a note. Saving replaces the whole beat; the server answers 409 when
 * the name or code is taken or someone saved since the form opened.
 */
import { BEAT_DUTY_ROLES, type PoliceBeat, type PoliceBeatInput, UNIT_KIND_LABELS } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input, Select, Space, Spin, TreeSelect } from 'antd';
import { useState } from 'react';
import { beatsApi } from '../../../../api/beats';
import { ApiError, errorMessage } from '../../../../api/client';
import { useLang } from '../../../../i18n';
import { StaffSelect } from '../../tree/components/StaffSelect';
import { type UnitNode, useStationUnits } from '../useStationUnits';

type Values = Required<Omit<PoliceBeatInput, 'officeId'>> & { officeId: string | null };

/** Townships and offices, opened so that their villages show at once (a village's grids stay folded). */
const openKeys = (nodes: UnitNode[]): string[] =>
  nodes.filter((n) => n.kind !== 'village' && n.kind !== 'grid').flatMap((n) => [n.id, ...openKeys(n.children)]);

export function BeatForm(props: { stationId: string; beat: PoliceBeat | null; onClose(): void }) {
  const { stationId, beat, onClose } = props;
  const { t, label } = useLang();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const client = useQueryClient();
  const units = useStationUnits(stationId);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // The version the next save replaces: the one read when the form opened, or — after someone else saved in
  // between — theirs, once the user has been shown it and chosen to save their own over it.
  const [version, setVersion] = useState(beat?.version ?? 0);
  const [overtaken, setOvertaken] = useState<PoliceBeat | null>(null);
  const known = [...(beat?.responsibleOfficer ? [beat.responsibleOfficer] : []), ...(beat?.auxiliaries ?? [])].map(
    (p) => ({ staffId: p.id, name: p.name }),
  );
  const areaTree = (nodes: UnitNode[]): object[] =>
    nodes.map((n) => ({
      value: n.id,
      name: n.name,
      title: `${n.name} · ${label(UNIT_KIND_LABELS[n.kind])}`,
      selectable: n.kind === 'village' || n.kind === 'grid',
      children: areaTree(n.children),
    }));

  const save = async (v: Values) => {
    setSaving(true);
    const input: PoliceBeatInput = {
      name: v.name,
      code: v.code ?? '',
      officeId: v.officeId ?? null,
      responsibleOfficerId: v.responsibleOfficerId ?? null,
      auxiliaryIds: v.auxiliaryIds ?? [],
      areaUnitIds: v.areaUnitIds ?? [],
      note: v.note ?? '',
    };
    try {
      if (beat) await beatsApi.update(beat.id, { ...input, version });
      else await beatsApi.create(stationId, input);
      message.success(t('已保存', 'Saved'));
      onClose();
    } catch (err) {
      // Someone saved first: keep what this user entered, show what the other saved, and let the next save
      // knowingly replace it.
      const latest =
        beat && err instanceof ApiError && err.code === 'CONFLICT'
          ? await beatsApi.get(beat.id).catch(() => null)
          : null;
      if (latest) {
        setOvertaken(latest);
        setVersion(latest.version);
      } else message.error(errorMessage(err));
    } finally {
      setSaving(false);
      void client.invalidateQueries({ queryKey: ['beats', stationId] });
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      title={beat ? t(`编辑 ${beat.name}`, `Edit ${beat.name}`) : t('新建警务区', 'New police beat')}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('保存', 'Save')}
          </Button>
        </Space>
      }
    >
      {units.isError && <Alert type="error" showIcon title={errorMessage(units.error)} style={{ marginBottom: 12 }} />}
      {overtaken && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('他人刚刚修改了这个警务区', 'Someone else just changed this beat')}
          description={t(
            `对方保存的是：${overtaken.name}（编号 ${overtaken.code ?? '无'}），责任民警 ${overtaken.responsibleOfficer?.name ?? '未指定'}，覆盖 ${overtaken.areas.map((a) => a.name).join('、') || '无'}${overtaken.note ? `，备注“${overtaken.note}”` : ''}。您填写的内容仍在下面；再次保存将以您的内容为准。`,
            `They saved: ${overtaken.name} (code ${overtaken.code ?? 'none'}), officer ${overtaken.responsibleOfficer?.name ?? 'none'}, areas ${overtaken.areas.map((a) => a.name).join(', ') || 'none'}${overtaken.note ? `, note "${overtaken.note}"` : ''}. Your entries are still below; saving again replaces theirs with yours.`,
          )}
        />
      )}
      {/* The areas are named once the station's units are read; until then the picker would show bare ids. */}
      {units.isPending ? (
        <Spin />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{
            name: beat?.name ?? '',
            code: beat?.code ?? '',
            officeId: beat?.office?.id ?? null,
            responsibleOfficerId: beat?.responsibleOfficer?.id ?? null,
            auxiliaryIds: beat?.auxiliaries.map((a) => a.id) ?? [],
            areaUnitIds: beat?.areas.map((a) => a.id) ?? [],
            note: beat?.note ?? '',
          }}
        >
          <Form.Item
            label={t('名称', 'Name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('请填写名称', 'Enter a name') }]}
          >
            <Input maxLength={40} placeholder={t('如：东岭警务区', 'e.g. Dongling beat')} />
          </Form.Item>
          <Form.Item
            label={t('编号', 'Code')}
            name="code"
            rules={[
              { pattern: /^[A-Za-z0-9_-]*$/, message: t('只能用字母、数字、- 和 _', 'Letters, digits, - and _') },
            ]}
          >
            <Input maxLength={30} placeholder="LT-01" />
          </Form.Item>
          <Form.Item label={t('警务室', 'Police office')} name="officeId">
            <Select
              allowClear
              placeholder={t('不设警务室', 'None')}
              options={(units.data?.offices ?? []).map((o) => ({ value: o.id, label: o.name }))}
              notFoundContent={t('本所没有警务室', 'The station has no police office')}
            />
          </Form.Item>
          <Form.Item
            label={t('责任民警', 'Responsible officer')}
            name="responsibleOfficerId"
            extra={t(
              '警务区内的事项默认建议派给责任民警，门牌页显示其姓名。',
              'Suggested for matters from the beat; named on its doorplates.',
            )}
          >
            <StaffSelect unitId={stationId} prefer={BEAT_DUTY_ROLES.responsible_officer} known={known} />
          </Form.Item>
          <Form.Item label={t('辅警', 'Auxiliary police')} name="auxiliaryIds">
            <StaffSelect unitId={stationId} prefer={BEAT_DUTY_ROLES.auxiliary} known={known} multiple />
          </Form.Item>
          <Form.Item
            label={t('覆盖范围', 'Areas')}
            name="areaUnitIds"
            extra={t(
              '可选村（社区）或网格；选了村，其下网格都在本区内。一个网格可以同时属于几个警务区。',
              'Pick villages or grids; a village brings all its grids. A grid may lie in several beats.',
            )}
          >
            <TreeSelect
              multiple
              allowClear
              treeData={areaTree(units.data?.tree ?? [])}
              showSearch
              treeNodeFilterProp="title"
              // The chosen show by name; the list says what each is and opens down to the villages.
              treeNodeLabelProp="name"
              treeDefaultExpandedKeys={openKeys(units.data?.tree ?? [])}
              placeholder={t('选择村（社区）和网格', 'Choose villages and grids')}
            />
          </Form.Item>
          <Form.Item label={t('备注', 'Note')} name="note">
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
