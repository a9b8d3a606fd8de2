/**
 * 三色 (or the station's own scheme): the case's colour and what it means, a change with its required
 * reason, and every earlier change with who made it and why.
 */
import type { DisputeView } from '@jingmin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { disputesApi } from '../../../api/disputes';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { ColourTag, colourOf, schemeOf } from './labels';

interface Props {
  d: DisputeView;
  canHandle: boolean;
  onChanged(d: DisputeView): void;
}

export function Colours({ d, canHandle, onChanged }: Props) {
  const { t, label } = useLang();
  const [editing, setEditing] = useState(false);
  const current = colourOf(d.colourScheme, d.colour);
  return (
    <Card
      size="small"
      title={`${t('颜色', 'Colour')} · ${label(schemeOf(d.colourScheme).name)}`}
      extra={
        canHandle &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)}>
            {d.colour ? t('调整颜色', 'Change') : t('定色', 'Set colour')}
          </Button>
        )
      }
    >
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <ColourTag scheme={d.colourScheme} colour={d.colour} />
        {current && <Typography.Text type="secondary">{label(current.meaning)}</Typography.Text>}
      </Flex>
      {editing && (
        <ColourForm
          d={d}
          onCancel={() => setEditing(false)}
          onDone={(next) => {
            setEditing(false);
            onChanged(next);
          }}
        />
      )}
      {d.colourChanges.length > 0 && (
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('调整记录', 'Changes')}</Typography.Text>
          {d.colourChanges.map((c) => (
            <div key={c.id} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
              <Flex gap={4} align="center" wrap>
                {c.from && (
                  <>
                    <ColourTag scheme={c.scheme} colour={c.from} />→
                  </>
                )}
                <ColourTag scheme={c.scheme} colour={c.to} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {when(c.changedAt)} · {c.changedBy}
                </Typography.Text>
              </Flex>
              <div style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>{c.reason}</div>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function ColourForm({ d, onCancel, onDone }: { d: DisputeView; onCancel(): void; onDone(d: DisputeView): void }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const scheme = schemeOf(d.colourScheme);
  const save = useMutation({
    mutationFn: (v: { colour: string; reason: string }) =>
      disputesApi.colour(d.id, { colour: v.colour, reason: v.reason.trim() }),
    onSuccess: (next) => {
      message.success(t('颜色已调整', 'Colour changed'));
      onDone(next);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Form
      layout="vertical"
      initialValues={{ colour: d.colour ?? undefined }}
      onFinish={(v) => save.mutate(v)}
      style={{ marginBottom: 12, padding: 12, background: '#fafafa', borderRadius: 8 }}
    >
      <Form.Item
        name="colour"
        label={t('颜色', 'Colour')}
        rules={[{ required: true, message: t('请选择颜色', 'Choose a colour') }]}
      >
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          {scheme.levels.map((l) => (
            <Radio key={l.key} value={l.key}>
              <span
                style={{
                  display: 'inline-block',
                  width: 12,
                  height: 12,
                  borderRadius: 2,
                  background: l.colour,
                  marginInlineEnd: 6,
                  verticalAlign: -1,
                }}
              />
              <strong>{label(l.name)}</strong> <Typography.Text type="secondary">{label(l.meaning)}</Typography.Text>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('调整理由', 'Reason')}
        rules={[
          { required: true, whitespace: true, message: t('请填写调整理由', 'Give the reason') },
          { max: 500, message: t('理由不超过500字', 'At most 500 characters') },
        ]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('保存', 'Save')}
        </Button>
        <Button onClick={onCancel}>{t('取消', 'Cancel')}</Button>
      </Flex>
    </Form>
  );
}
