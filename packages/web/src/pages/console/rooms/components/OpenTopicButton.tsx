/**
 * 发起议事: a host asks the room a question with 2–10 options (each different) and, if it wants, an end of voting;
 * without one, voting runs until the station answers. An unanswered send is retried under the same idempotency key,
 * so the room never reads the topic twice.
 */
import type { OpenTopicInput } from '@jingmin/shared';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomTopicsApi } from '../../../../api/room-topics';
import { useLang } from '../../../../i18n';
import { newKey } from '../../matter/labels';
import type { RoomToolProps } from './RoomTools';

interface Values {
  question: string;
  body?: string;
  options: string[];
  closesAt?: Dayjs | null;
}

const MAX_OPTIONS = 10;

export function OpenTopicButton({ room, onPosted }: RoomToolProps) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState<{ key: string; content: string } | null>(null);

  const submit = async (v: Values) => {
    const input: OpenTopicInput = {
      question: v.question.trim(),
      body: v.body?.trim() ?? '',
      options: v.options.map((o) => o.trim()),
      ...(v.closesAt ? { closesAt: v.closesAt.toISOString() } : {}),
    };
    const content = JSON.stringify(input);
    const tryNow = attempt?.content === content ? attempt : { key: newKey(), content };
    setAttempt(tryNow);
    setBusy(true);
    try {
      await roomTopicsApi.open(room.id, input, tryNow.key);
      setAttempt(null);
      setOpen(false);
      form.resetFields();
      message.success(t('议事已发起', 'Topic opened'));
      onPosted();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const distinct = {
    validator: async (_: unknown, value: string | undefined) => {
      const all = ((form.getFieldValue('options') as (string | undefined)[] | undefined) ?? []).map((o) =>
        (o ?? '').trim(),
      );
      if (value && all.filter((o) => o === value.trim()).length > 1)
        throw new Error(t('选项不能重复', 'Options must differ'));
    },
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('发起议事', 'Open a topic')}</Button>
      <Modal
        open={open}
        title={t(`在“${room.name}”发起议事`, `Open a topic in "${room.name}"`)}
        okText={t('发起', 'Open')}
        cancelText={t('取消', 'Cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={560}
      >
        <Typography.Paragraph type="secondary">
          {t(
            '群众每人投一票、可回复讨论；投票结束后由派出所答复，答复和结果一直显示在议事上。',
            'Each member votes once and may reply; the station then answers, and the answer stays on the topic.',
          )}
        </Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ options: ['', ''] }}
          onFinish={(v) => void submit(v)}
          requiredMark="optional"
        >
          <Form.Item
            name="question"
            label={t('议题', 'Question')}
            rules={[{ required: true, whitespace: true, message: t('请填写议题', 'Enter the question') }]}
          >
            <Input
              maxLength={200}
              placeholder={t('例如：村口减速带装在哪里？', 'e.g. Where should the speed bumps go?')}
            />
          </Form.Item>
          <Form.Item name="body" label={t('说明', 'Explanation')}>
            <Input.TextArea
              maxLength={2000}
              showCount
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('为什么要议、已经了解的情况', 'Why it is asked, what is known')}
            />
          </Form.Item>
          <Form.List name="options">
            {(fields, { add, remove }) => (
              <Form.Item label={t(`选项（2–${MAX_OPTIONS} 个）`, `Options (2–${MAX_OPTIONS})`)} required>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="baseline">
                    <Form.Item
                      {...field}
                      dependencies={fields.filter((f) => f.key !== field.key).map((f) => ['options', f.name])}
                      rules={[
                        { required: true, whitespace: true, message: t('请填写选项', 'Enter the option') },
                        distinct,
                      ]}
                      style={{ marginBottom: 8, flex: 1 }}
                    >
                      <Input
                        maxLength={50}
                        placeholder={t(`选项 ${i + 1}`, `Option ${i + 1}`)}
                        aria-label={t(`选项 ${i + 1}`, `Option ${i + 1}`)}
                      />
                    </Form.Item>
                    {fields.length > 2 && (
                      <Button type="link" danger onClick={() => remove(field.name)}>
                        {t('删除', 'Remove')}
                      </Button>
                    )}
                  </Flex>
                ))}
                <Button type="dashed" disabled={fields.length >= MAX_OPTIONS} onClick={() => add('')}>
                  {t('+ 添加选项', '+ Add an option')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
          <Form.Item
            name="closesAt"
            label={t('投票截止', 'Voting ends')}
            extra={t('不填则投票到派出所答复为止', 'Leave empty: voting runs until the station answers')}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              placeholder={t('选择截止时间', 'Pick when voting ends')}
              style={{ width: 240 }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
