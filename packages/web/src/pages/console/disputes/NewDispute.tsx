/**
 * 登记纠纷: a case the desk records (来所, 电话, 110 移交) or one found by 摸排 — its classification from the
 * station's subcategories, what happened, where (a household of the station, or a village/grid) and its parties.
 * From a household visit (`fromVisit`) the source is 摸排 and the place the visited household.
 */
import {
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_SOURCE_LABELS,
  type DisputeInput,
  type DisputeSettings,
  type DisputeView,
  HOUSEHOLD_UNIT_KINDS,
} from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Grid, Input, Modal, Radio, Segmented, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../access';
import { errorMessage } from '../../../api/client';
import { disputesApi } from '../../../api/disputes';
import { households, org } from '../../../api/org';
import { visitsApi } from '../../../api/visits';
import { useLang } from '../../../i18n';
import { subcategoryOptions } from './labels';
import { NEW_PARTY, PartyFields, type PartyValues, toPartyInput } from './PartyFields';

const SOURCES = ['walk_in', 'phone', 'police_110', 'proactive'] as const;

type Values = Omit<DisputeInput, 'parties'> & { parties?: PartyValues[] };

export function NewDispute(props: {
  stationId: string;
  /** Where to search households: the picked station for a bureau account, else the account's own scope. */
  searchUnitId: string | null;
  settings: DisputeSettings;
  /** A dispute a household visit found: opened at that household and linked to the visit. */
  fromVisit?: { id: string; address: string };
  onClose(): void;
  onOpened(d: DisputeView): void;
}) {
  const visit = props.fromVisit;
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const narrow = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const [place, setPlace] = useState<'household' | 'unit'>('household');
  const category = Form.useWatch('category', form);
  const save = useMutation({
    mutationFn: ({ parties, source, householdId, unitId, ...v }: Values) =>
      visit
        ? visitsApi.raiseDispute(visit.id, { ...v, parties: parties?.map(toPartyInput) })
        : disputesApi.open(props.stationId, {
            ...v,
            source,
            householdId: place === 'household' ? householdId : undefined,
            unitId: place === 'unit' ? unitId : undefined,
            parties: parties?.map(toPartyInput),
          }),
    onSuccess: (d) => {
      void client.invalidateQueries({ queryKey: ['disputes', props.stationId] });
      if (visit) void client.invalidateQueries({ queryKey: ['visits', props.stationId] });
      message.success(t(`已登记 ${d.number}`, `Recorded as ${d.number}`));
      props.onOpened(d);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open
      title={
        visit
          ? t(`走访发现纠纷：${visit.address}`, `A dispute found at ${visit.address}`)
          : t('登记纠纷', 'Record a dispute')
      }
      okText={t('登记', 'Record')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={narrow ? '100%' : 720}
      style={narrow ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ source: 'walk_in', category: 'public_order', parties: [{ ...NEW_PARTY }] }}
        onFinish={(v) => save.mutate(v)}
        scrollToFirstError
      >
        {!visit && (
          <Form.Item name="source" label={t('来源', 'Source')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={SOURCES.map((s) => ({ value: s, label: label(DISPUTE_SOURCE_LABELS[s]) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('类别', 'Category')} rules={[{ required: true }]}>
          <Select
            onChange={() => form.setFieldValue('subcategory', undefined)}
            options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: label(DISPUTE_CATEGORY_LABELS[c]) }))}
          />
        </Form.Item>
        <Form.Item name="subcategory" label={t('细类', 'Subcategory')}>
          <Select allowClear options={subcategoryOptions(props.settings, category)} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('标题', 'Title')}
          rules={[
            { required: true, whitespace: true, message: t('请填写标题', 'Give a title') },
            { max: 60, message: t('标题不超过60字', 'At most 60 characters') },
          ]}
        >
          <Input placeholder={t('如：张某与李某宅基地边界纠纷', 'e.g. a boundary dispute between neighbours')} />
        </Form.Item>
        <Form.Item
          name="facts"
          label={t('纠纷情况', 'What happened')}
          rules={[{ required: true, whitespace: true, message: t('请填写纠纷情况', 'Describe what happened') }]}
        >
          <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item label={t('发生地', 'Where')} required hidden={Boolean(visit)}>
          <Segmented
            value={place}
            onChange={(v) => setPlace(v as 'household' | 'unit')}
            options={[
              { value: 'household', label: t('门牌地址', 'A household') },
              { value: 'unit', label: t('村（社区）/网格', 'A village or grid') },
            ]}
            style={{ marginBottom: 8 }}
          />
          {place === 'household' ? (
            <Form.Item
              name="householdId"
              noStyle
              rules={[{ required: !visit, message: t('请搜索并选择门牌地址', 'Search for and choose the household') }]}
            >
              <HouseholdSearch unitId={props.searchUnitId} />
            </Form.Item>
          ) : (
            <Form.Item
              name="unitId"
              noStyle
              rules={[{ required: true, message: t('请选择村（社区）或网格', 'Choose a village or grid') }]}
            >
              <UnitPick stationId={props.stationId} />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="collective" valuePropName="checked">
          <Checkbox>{t('群体性纠纷', 'A collective dispute')}</Checkbox>
        </Form.Item>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  title={t(`当事人 ${i + 1}`, `Party ${i + 1}`)}
                  extra={
                    <Button type="link" danger size="small" onClick={() => remove(f.name)}>
                      {t('移除', 'Remove')}
                    </Button>
                  }
                  style={{ marginBottom: 8 }}
                >
                  <PartyFields path={[f.name]} />
                </Card>
              ))}
              <Button onClick={() => add({ ...NEW_PARTY, role: fields.length === 0 ? 'applicant' : 'respondent' })}>
                {t('添加当事人', 'Add a party')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** A household of the station, searched by address or doorplate code (登记纠纷, 走访入户). */
export function HouseholdSearch(props: { unitId: string | null; value?: string; onChange?(v: string): void }) {
  const { t } = useLang();
  const session = useSession();
  const [q, setQ] = useState('');
  const unitId = props.unitId ?? session.user.scopeUnitId;
  const found = useQuery({
    queryKey: ['dispute-households', unitId, q],
    queryFn: () => households.page({ unitId, q: q || undefined, page: 1, pageSize: 20 }),
    enabled: q.trim().length > 0,
  });
  return (
    <Select
      showSearch
      value={props.value}
      onChange={props.onChange}
      filterOption={false}
      onSearch={setQ}
      loading={found.isFetching}
      aria-label={t('门牌地址', 'Household')}
      placeholder={t('输入地址、企业名称或门牌编码搜索', 'Type an address, a name or a doorplate code')}
      notFoundContent={q ? t('没有找到', 'Nothing found') : null}
      options={(found.data?.items ?? []).map((h) => ({
        value: h.id,
        label: `${h.name ? `${h.name} · ` : ''}${h.address}（${h.doorplateCode} · ${h.unitName}）`,
      }))}
    />
  );
}

interface Node {
  id: string;
  pId: string;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

/** A village or grid under the station, opened level by level. */
function UnitPick(props: { stationId: string; value?: string; onChange?(v: string): void }) {
  const { t } = useLang();
  const [nodes, setNodes] = useState<Node[]>([]);
  const load = async (parentId: string) => {
    const children = await org.children(parentId);
    setNodes((prev) => [
      ...prev.filter((n) => n.pId !== parentId),
      ...children.map((u) => ({
        id: u.id,
        pId: parentId,
        value: u.id,
        title: u.name,
        isLeaf: u.childCount === 0,
        selectable: HOUSEHOLD_UNIT_KINDS.includes(u.kind),
      })),
    ]);
  };
  const roots = useQuery({
    queryKey: ['dispute-units', props.stationId],
    queryFn: () => load(props.stationId).then(() => true),
  });
  return (
    <TreeSelect
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: props.stationId }}
      treeData={nodes}
      loadData={(n) => load(String(n.value))}
      value={props.value}
      onChange={props.onChange}
      loading={roots.isPending}
      aria-label={t('村（社区）/网格', 'Village or grid')}
      placeholder={t('选择村（社区）或网格', 'Choose a village or grid')}
      style={{ width: '100%' }}
    />
  );
}
