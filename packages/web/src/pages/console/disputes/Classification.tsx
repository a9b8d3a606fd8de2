/** 分类: the case's category and the station's subcategory, changed by whoever handles the case. */
import {
  type ClassificationInput,
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  type DisputeView,
} from '@jingmin/shared';
import { Button, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { disputesApi } from '../../../api/disputes';
import { useLang } from '../../../i18n';
import { subcategoryOptions, useDisputeSettings } from './labels';
import { useCaseSave } from './useCaseSave';

export function ClassificationButton({ d, onChanged }: { d: DisputeView; onChanged(d: DisputeView): void }) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('修改分类', 'Reclassify')}
      </Button>
      {open && <ClassificationModal d={d} onClose={() => setOpen(false)} onChanged={onChanged} />}
    </>
  );
}

function ClassificationModal({
  d,
  onClose,
  onChanged,
}: {
  d: DisputeView;
  onClose(): void;
  onChanged(d: DisputeView): void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<ClassificationInput>();
  const save = useCaseSave(
    (v: ClassificationInput) => disputesApi.classify(d.id, v),
    t('分类已修改', 'Classification saved'),
    {
      onClose,
      onChanged,
    },
  );
  return (
    <Modal
      open
      title={t('修改分类', 'Reclassify')}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<ClassificationInput>
        form={form}
        layout="vertical"
        initialValues={{ category: d.category, subcategory: d.subcategory ?? undefined }}
        onFinish={(v) => save.mutate(v)}
      >
        <CategoryFields stationId={d.stationId} />
      </Form>
    </Modal>
  );
}

/** Category and subcategory (the station's, of that category); the subcategory clears when the category changes. */
export function CategoryFields({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const form = Form.useFormInstance();
  const category = Form.useWatch('category', form);
  const { settings } = useDisputeSettings(stationId);
  return (
    <>
      <Form.Item
        name="category"
        label={t('类别', 'Category')}
        rules={[{ required: true, message: t('请选择类别', 'Choose a category') }]}
      >
        <Select
          onChange={() => form.setFieldValue('subcategory', undefined)}
          options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: label(DISPUTE_CATEGORY_LABELS[c]) }))}
        />
      </Form.Item>
      <Form.Item name="subcategory" label={t('细类', 'Subcategory')}>
        <Select allowClear options={subcategoryOptions(settings, category)} />
      </Form.Item>
    </>
  );
}
