/**
 * The window services a resident chooses from after being served. The chief
 * adds, removes and reorders them (“其他” is always offered last and never
 * listed); saving makes a new version of the reception questions, while
 * answers already given keep theirs. Others with the desk see the list.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { OTHER_WINDOW_SERVICE } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { receptionsApi } from '../../../../api/receptions';
import { useLang } from '../../../../i18n';

const MAX_SERVICES = 20;
const MAX_NAME = 20;

interface Values {
  services: string[];
}

export function ServicesEditor({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const can = useCan();
  const list = useQuery({
    queryKey: ['window-services', stationId],
    queryFn: () => receptionsApi.services(stationId),
  });
  return (
    <Card title={t('窗口业务清单', 'Window services')}>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      {list.isPending && <Spin />}
      {list.data &&
        (can('matter.settings') ? (
          <Editor stationId={stationId} services={list.data.services} />
        ) : (
          <Space orientation="vertical">
            <Flex wrap gap={8}>
              {[...list.data.services, OTHER_WINDOW_SERVICE].map((s) => (
                <Tag key={s}>{s}</Tag>
              ))}
            </Flex>
            <Typography.Text type="secondary">{t('清单由所长设置。', 'The chief sets the list.')}</Typography.Text>
          </Space>
        ))}
    </Card>
  );
}

function Editor({ stationId, services }: { stationId: string; services: string[] }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  useEffect(() => form.setFieldsValue({ services }), [form, services]);
  const save = useMutation({
    mutationFn: (v: Values) => receptionsApi.saveServices(stationId, { services: v.services.map((s) => s.trim()) }),
    onSuccess: (saved) => {
      client.setQueryData(['window-services', stationId], saved);
      message.success(t('已保存，之后的评价按新清单提问', 'Saved: evaluations from now on ask from the new list'));
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const nameRules = [
    { required: true, whitespace: true, message: t('请填写业务名称', 'Enter the service name') },
    { max: MAX_NAME, message: t(`业务名称不超过 ${MAX_NAME} 个字`, `At most ${MAX_NAME} characters`) },
    {
      validator: (_: unknown, value: string | undefined) => {
        const name = value?.trim();
        if (name === OTHER_WINDOW_SERVICE)
          return Promise.reject(new Error(t('“其他”总在最后，无需添加', '“Other” is always offered last')));
        const all = (form.getFieldValue('services') as string[] | undefined) ?? [];
        if (name && all.filter((s) => s?.trim() === name).length > 1)
          return Promise.reject(new Error(t('业务名称重复', 'This name is listed twice')));
        return Promise.resolve();
      },
    },
  ];
  return (
    <Form<Values> form={form} initialValues={{ services }} onFinish={(v) => save.mutate(v)}>
      <Typography.Paragraph type="secondary">
        {t(
          `群众评价时第一题从这里选择，按此顺序显示；“其他”总在最后。最多 ${MAX_SERVICES} 项。`,
          `The first question offers these in this order; “Other” always comes last. At most ${MAX_SERVICES}.`,
        )}
      </Typography.Paragraph>
      <Form.List
        name="services"
        rules={[
          {
            validator: async (_, names: string[] | undefined) => {
              if (!names || names.length === 0) throw new Error(t('至少保留一项业务', 'Keep at least one service'));
            },
          },
        ]}
      >
        {(fields, { add, remove, move }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Typography.Text type="secondary" style={{ width: 24, lineHeight: '32px', textAlign: 'right' }}>
                  {index + 1}
                </Typography.Text>
                <Form.Item
                  name={field.name}
                  rules={nameRules}
                  dependencies={['services']}
                  style={{ flex: 1, marginBottom: 12 }}
                >
                  <Input
                    maxLength={MAX_NAME}
                    placeholder={t('如：户籍办理', 'e.g. household registration')}
                    aria-label={t(`第 ${index + 1} 项业务`, `Service ${index + 1}`)}
                  />
                </Form.Item>
                <Button
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                  aria-label={t('上移', 'Move up')}
                />
                <Button
                  icon={<ArrowDownOutlined />}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                  aria-label={t('下移', 'Move down')}
                />
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  disabled={fields.length <= 1}
                  onClick={() => remove(field.name)}
                  aria-label={t('删除', 'Remove')}
                />
              </Flex>
            ))}
            <Flex gap={8} align="center" style={{ marginBottom: 12, paddingLeft: 32 }}>
              <Tag>{OTHER_WINDOW_SERVICE}</Tag>
              <Typography.Text type="secondary">{t('（总在最后）', '(always last)')}</Typography.Text>
            </Flex>
            <Form.ErrorList errors={errors} />
            <Space wrap>
              <Button icon={<PlusOutlined />} disabled={fields.length >= MAX_SERVICES} onClick={() => add('')}>
                {t('添加业务', 'Add a service')}
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('保存清单', 'Save the list')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
