/** 必到点: the station's points; the chief adds, edits, retires them, renews a code and prints the QR sheet. */
import type { PatrolPoint } from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { download, errorMessage } from '../../../../api/client';
import { patrolsApi } from '../../../../api/patrols';
import { useLang } from '../../../../i18n';
import { PointForm } from './PointForm';

export function PointsTab({ stationId, editable }: { stationId: string; editable: boolean }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<PatrolPoint | null | undefined>(undefined);
  const [selected, setSelected] = useState<string[]>([]);
  const list = useQuery({ queryKey: ['patrol', 'points', stationId], queryFn: () => patrolsApi.points(stationId) });
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      void client.invalidateQueries({ queryKey: ['patrol'] });
    }
  };
  if (list.isError) return <Alert type="error" showIcon title={errorMessage(list.error)} />;
  const items = list.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text>
          {t(
            `共 ${items.filter((p) => p.active).length} 个启用中的必到点`,
            `${items.filter((p) => p.active).length} active point(s)`,
          )}
        </Typography.Text>
        {editable && (
          <Space wrap>
            <Button onClick={() => download(patrolsApi.sheetUrl(stationId, selected.length ? selected : undefined))}>
              {selected.length
                ? t(`打印所选 ${selected.length} 个二维码`, `Print ${selected.length} selected code(s)`)
                : t('下载二维码打印页', 'Download the QR sheet')}
            </Button>
            <Button type="primary" onClick={() => setEditing(null)}>
              {t('新建必到点', 'New point')}
            </Button>
          </Space>
        )}
      </Flex>
      <Table<PatrolPoint>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 640 }}
        rowSelection={
          editable
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (p) => ({ disabled: !p.active }),
              }
            : undefined
        }
        columns={[
          { title: t('编号', 'Code'), dataIndex: 'code', width: 90 },
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('所在村（社区）/网格', 'Village / grid'), render: (_, p) => p.unit.name },
          { title: t('位置', 'Place'), render: (_, p) => p.place ?? '—' },
          {
            title: t('状态', 'Status'),
            width: 80,
            render: (_, p) =>
              p.active ? <Tag color="success">{t('启用', 'Active')}</Tag> : <Tag>{t('已停用', 'Retired')}</Tag>,
          },
          ...(editable
            ? [
                {
                  title: t('操作', 'Actions'),
                  width: 190,
                  render: (_: unknown, p: PatrolPoint) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => setEditing(p)}>
                        {p.active ? t('编辑', 'Edit') : t('重新启用', 'Re-enable')}
                      </Button>
                      {p.active && (
                        <Popconfirm
                          title={t(
                            '更换二维码后，已张贴的旧码立即失效，须重新打印张贴。',
                            'The posted code stops working at once; print and post the new one.',
                          )}
                          onConfirm={() => act(() => patrolsApi.rotatePoint(p.id), t('已更换二维码', 'Code renewed'))}
                        >
                          <Button type="link" size="small">
                            {t('换码', 'Renew code')}
                          </Button>
                        </Popconfirm>
                      )}
                      {p.active && (
                        <Popconfirm
                          title={t(
                            '停用后该点不能再打卡，也不再出现在必巡线上。',
                            'A retired point takes no check-ins and leaves the routes.',
                          )}
                          onConfirm={() => act(() => patrolsApi.deactivatePoint(p.id), t('已停用', 'Retired'))}
                        >
                          <Button type="link" size="small" danger>
                            {t('停用', 'Retire')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined && (
        <PointForm stationId={stationId} point={editing} onClose={() => setEditing(undefined)} />
      )}
    </Space>
  );
}
