/** Add a child, edit or delete the selected node (org.write). The kinds offered follow ALLOWED_PARENTS. */
import { canPlace, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind, type UnitView } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { org } from '../../../../api/org';
import { useLang } from '../../../../i18n';

interface UnitForm {
  name: string;
  kind: UnitKind;
  code?: string;
  phone?: string;
  address?: string;
}

export function UnitActions(props: { unit: UnitView; onChanged(parentId: string | null, select?: string): void }) {
  const { unit, onChanged } = props;
  const { t, label } = useLang();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState<'add' | 'edit' | null>(null);
  const [busy, setBusy] = useState(false);
  const kinds = UNIT_KINDS.filter((k) => canPlace(k, unit.kind));
  const refresh = () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });

  const submit = async (v: UnitForm) => {
    setBusy(true);
    try {
      if (open === 'add') {
        await org.create({
          parentId: unit.id,
          kind: v.kind,
          name: v.name,
          ...(v.code ? { code: v.code } : {}),
          ...(v.phone ? { phone: v.phone } : {}),
          ...(v.address ? { address: v.address } : {}),
        });
        onChanged(unit.id);
      } else {
        await org.update(unit.id, {
          name: v.name,
          code: v.code || null,
          phone: v.phone || null,
          address: v.address || null,
        });
        onChanged(unit.parentId);
      }
      message.success(t('已保存', 'Saved'));
      setOpen(null);
      await refresh();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = () =>
    modal.confirm({
      title: t(`删除“${unit.name}”？`, `Delete "${unit.name}"?`),
      content: t('只能删除没有下级、门牌和人员的节点。', 'Only a node with no children, households or staff can go.'),
      okType: 'danger',
      onOk: () =>
        org.remove(unit.id).then(
          async () => {
            onChanged(unit.parentId, unit.parentId ?? undefined);
            await refresh();
          },
          (err) => message.error(errorMessage(err)),
        ),
    });

  return (
    <Space wrap>
      {kinds.length > 0 && (
        <Button size="small" type="primary" onClick={() => setOpen('add')}>
          {t('新增下级', 'Add child')}
        </Button>
      )}
      <Button size="small" onClick={() => setOpen('edit')}>
        {t('编辑', 'Edit')}
      </Button>
      {unit.parentId && (
        <Button size="small" danger onClick={remove}>
          {t('删除', 'Delete')}
        </Button>
      )}
      <Modal
        open={open !== null}
        title={open === 'add' ? t(`在“${unit.name}”下新增`, `Add under "${unit.name}"`) : t('编辑', 'Edit')}
        footer={null}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Form<UnitForm>
          layout="vertical"
          onFinish={submit}
          initialValues={
            open === 'edit'
              ? {
                  name: unit.name,
                  kind: unit.kind,
                  code: unit.code ?? '',
                  phone: unit.phone ?? '',
                  address: unit.address ?? '',
                }
              : { kind: kinds[0] }
          }
        >
          {open === 'add' && (
            <Form.Item label={t('类型', 'Kind')} name="kind" rules={[{ required: true }]}>
              <Select options={kinds.map((k) => ({ value: k, label: label(UNIT_KIND_LABELS[k]) }))} />
            </Form.Item>
          )}
          <Form.Item label={t('名称', 'Name')} name="name" rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label={t('编码', 'Code')}
            name="code"
            rules={[
              { pattern: /^[0-9A-Za-z-]*$/, message: t('只能用数字、字母和短横线', 'Digits, letters and dashes only') },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item label={t('电话', 'Phone')} name="phone">
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item label={t('地址', 'Address')} name="address" rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('保存', 'Save')}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}
