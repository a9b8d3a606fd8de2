/** One police beat: who answers for it, its 警务室, the villages and grids it covers and their households. */
import type { PoliceBeat } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { beatsApi } from '../../../../api/beats';
import { errorMessage } from '../../../../api/client';
import { useLang } from '../../../../i18n';

export function BeatCard(props: { beat: PoliceBeat; editable: boolean; onEdit(): void }) {
  const { beat, editable, onEdit } = props;
  const { t } = useLang();
  const none = <Typography.Text type="secondary">{t('未指定', 'None')}</Typography.Text>;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={
        <Space size={4} wrap>
          <span>{beat.name}</span>
          {beat.code && <Tag style={{ fontWeight: 'normal' }}>{beat.code}</Tag>}
        </Space>
      }
      extra={editable && <Actions beat={beat} onEdit={onEdit} />}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'office', label: t('警务室', 'Police office'), children: beat.office?.name ?? none },
          {
            key: 'officer',
            label: t('责任民警', 'Responsible officer'),
            // Without an officer its places get no suggestion at dispatch and their doorplates name no one.
            children: beat.responsibleOfficer ? (
              <Tag color="blue">{beat.responsibleOfficer.name}</Tag>
            ) : (
              <Typography.Text type="warning">
                {t('未指定（事项没有派单建议）', 'None (matters get no suggestion)')}
              </Typography.Text>
            ),
          },
          {
            key: 'aux',
            label: t('辅警', 'Auxiliary police'),
            children: beat.auxiliaries.length ? beat.auxiliaries.map((a) => <Tag key={a.id}>{a.name}</Tag>) : none,
          },
          {
            key: 'households',
            label: t('户数', 'Households'),
            children: t(`${beat.households} 户`, `${beat.households}`),
          },
          ...(beat.note ? [{ key: 'note', label: t('备注', 'Note'), children: beat.note }] : []),
        ]}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t(`覆盖范围（${beat.areas.length}）`, `Areas (${beat.areas.length})`)}
      </Typography.Text>
      <div style={{ marginTop: 4 }}>
        {beat.areas.length === 0
          ? none
          : beat.areas.map((a) => (
              <Link key={a.id} to={`/console/tree?unit=${a.id}`}>
                <Tag color={a.kind === 'village' ? 'geekblue' : undefined} style={{ marginBottom: 4 }}>
                  {a.name} · {a.households}
                  {t('户', '')}
                </Tag>
              </Link>
            ))}
      </div>
    </Card>
  );
}

function Actions({ beat, onEdit }: { beat: PoliceBeat; onEdit(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [removing, setRemoving] = useState(false);
  const remove = async () => {
    setRemoving(true);
    try {
      await beatsApi.remove(beat.id);
      message.success(t(`已撤销 ${beat.name}`, `${beat.name} removed`));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setRemoving(false);
      void client.invalidateQueries({ queryKey: ['beats', beat.stationId] });
    }
  };
  return (
    <Space size={4}>
      <Button size="small" onClick={onEdit}>
        {t('编辑', 'Edit')}
      </Button>
      <Popconfirm
        title={t(`撤销 ${beat.name}？`, `Remove ${beat.name}?`)}
        description={t(
          '其网格和村改由仍覆盖它们的警务区负责，没有则暂无责任民警。',
          'Its areas fall to any other beat covering them, else to no officer.',
        )}
        okText={t('撤销', 'Remove')}
        okButtonProps={{ danger: true }}
        cancelText={t('取消', 'Cancel')}
        onConfirm={remove}
      >
        <Button size="small" danger loading={removing}>
          {t('撤销', 'Remove')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
